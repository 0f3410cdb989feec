// SGD and Adam with clipping against torch.optim (tests/data/golden/optim_*.safetensors):
// the whole step is recomputed here — the loss, its gradients by our tape, the clip and the
// update — and compared with PyTorch's after every step.
#include <gtest/gtest.h>

#include <cmath>

#include "golden.h"
#include "io/safetensors.h"
#include "optim/optimizer.h"
#include "tensor/ops.h"
#include "test_paths.h"

namespace attn {
namespace {

const char* kParamNames[] = {"bias", "linear.weight", "linear.bias", "embedding.weight"};

struct TinyModel {
  std::map<std::string, Var> p;
  std::vector<int64_t> tokens, targets;

  explicit TinyModel(const SafetensorsFile& f) {
    for (const char* n : kParamNames) p[n] = Var(f.at(std::string("param.step0.") + n), true);
    for (int64_t i = 0; i < 6; ++i) {
      tokens.push_back(static_cast<int64_t>(f.at("tokens")[i]));
      targets.push_back(static_cast<int64_t>(f.at("targets")[i]));
    }
  }
  std::vector<Var> params() const {
    std::vector<Var> v;
    for (const char* n : kParamNames) v.push_back(p.at(n));
    return v;
  }
  // logits = linear(embedding(tokens)) + bias; loss = cross_entropy(ignore_index=0)
  Var loss() const {
    Var e = embedding(p.at("embedding.weight"), tokens, Shape{2, 3});
    Var logits = add(linear(e, p.at("linear.weight"), p.at("linear.bias")), p.at("bias"));
    return crossEntropy(reshape(logits, Shape{6, 3}), targets, 0);
  }
};

using test::maxAbsDiff;

TEST(OptimTorch, SgdStepMatchesTorch) {
  const auto f = readSafetensors(std::string(ATTN_TEST_DATA_DIR) + "/golden/optim_sgd.safetensors");
  TinyModel m(f);
  Sgd sgd(m.params(), 0.1);
  Var loss = m.loss();
  EXPECT_NEAR(loss.value().item(), f.at("loss.step1").item(), 1e-6);
  loss.backward();
  sgd.step();
  for (const char* n : kParamNames) {
    EXPECT_LT(maxAbsDiff(m.p[n].grad(), f.at(std::string("grad.step1.") + n)), 1e-6) << n;
    EXPECT_LT(maxAbsDiff(m.p[n].value(), f.at(std::string("param.step1.") + n)), 1e-6) << n;
  }
}

TEST(OptimTorch, AdamWithClippingFiveStepsMatchTorch) {
  const auto f =
      readSafetensors(std::string(ATTN_TEST_DATA_DIR) + "/golden/optim_adam_clip.safetensors");
  TinyModel m(f);
  Adam adam(m.params(), 0.01);
  double worst = 0;
  for (int step = 1; step <= 5; ++step) {
    const std::string s = std::to_string(step);
    adam.zeroGrad();
    Var loss = m.loss();
    EXPECT_NEAR(loss.value().item(), f.at("loss.step" + s).item(), 1e-5) << "step " << s;
    loss.backward();
    const double norm = clipGradNorm(m.params(), 0.3);
    EXPECT_NEAR(norm, f.at("total_norm.step" + s).item(), 1e-5) << "step " << s;
    EXPECT_GT(norm, 0.3) << "the golden is meant to clip at every step";
    for (const char* n : kParamNames)
      worst = std::max(worst, maxAbsDiff(m.p[n].grad(), f.at("clipped_grad.step" + s + "." + n)));
    adam.step();
    for (const char* n : kParamNames)
      worst = std::max(worst, maxAbsDiff(m.p[n].value(), f.at("param.step" + s + "." + n)));
  }
  EXPECT_LT(worst, 2e-6) << "largest difference from PyTorch over 5 steps: " << worst;
  RecordProperty("max_abs_diff", std::to_string(worst));
}

}  // namespace
}  // namespace attn
