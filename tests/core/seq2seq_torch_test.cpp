// Whole encoder-decoder models against PyTorch (tests/data/golden/models, made by
// tools/make_model_goldens.py from tools/reference/models.py): each golden's model file loads
// as is, and the teacher-forced log-probs, attention maps (the transformer's three, every layer
// and head), loss and gradients, one SGD step and three Adam steps with clipping match
// PyTorch's to float32 rounding.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "golden.h"
#include "models/loss.h"
#include "models/model.h"
#include "optim/optimizer.h"
#include "tensor/ops.h"

namespace attn {
namespace {

using test::asIndices;
using test::testDataPath;

struct GoldenBatch {
  TokenBatch src, tgtIn, tgtOut;
  std::vector<int64_t> tgtLengths;
};

TokenBatch batchOf(const Tensor& ids, std::vector<int64_t> lengths) {
  TokenBatch b;
  b.batch = ids.dim(0);
  b.length = ids.dim(1);
  b.ids = asIndices(ids);
  b.lengths = std::move(lengths);
  return b;
}

GoldenBatch batchFrom(const SafetensorsFile& g) {
  GoldenBatch b;
  b.tgtLengths = asIndices(g.at("tgt_lengths"));
  b.src = batchOf(g.at("src"), asIndices(g.at("src_lengths")));
  b.tgtIn = batchOf(g.at("tgt_in"), b.tgtLengths);
  b.tgtOut = batchOf(g.at("tgt_out"), b.tgtLengths);
  return b;
}

// Zeroes the rows of padded decoder steps of a [B, T, ...] tensor (the goldens hold 0 there).
Tensor zeroPaddedSteps(Tensor t, const std::vector<int64_t>& lengths, int64_t steps) {
  const int64_t b = static_cast<int64_t>(lengths.size());
  const int64_t row = t.numel() / (b * steps);
  for (int64_t i = 0; i < b; ++i)
    for (int64_t s = lengths[static_cast<size_t>(i)]; s < steps; ++s)
      for (int64_t k = 0; k < row; ++k) t[(i * steps + s) * row + k] = 0;
  return t;
}

// Zeroes the rows of padded query positions of a [B, heads, Q, K] map (the goldens hold 0
// there): queries q >= lengths[b].
Tensor zeroPaddedQueries(Tensor t, const std::vector<int64_t>& lengths) {
  const int64_t b = t.dim(0), heads = t.dim(1), queries = t.dim(2), keys = t.dim(3);
  for (int64_t i = 0; i < b; ++i)
    for (int64_t h = 0; h < heads; ++h)
      for (int64_t q = lengths[static_cast<size_t>(i)]; q < queries; ++q)
        for (int64_t k = 0; k < keys; ++k) t[((i * heads + h) * queries + q) * keys + k] = 0;
  return t;
}

// Elements [start, start + length) of a flat tensor, and the tensor without them.
Tensor part(const Tensor& t, int64_t start, int64_t length) {
  Tensor out = Tensor::empty(Shape{length});
  for (int64_t i = 0; i < length; ++i) out[i] = t[start + i];
  return out;
}
Tensor withoutPart(const Tensor& t, int64_t start, int64_t length) {
  Tensor out = Tensor::empty(Shape{t.numel() - length});
  for (int64_t i = 0, j = 0; i < t.numel(); ++i)
    if (i < start || i >= start + length) out[j++] = t[i];
  return out;
}

bool isInProjBias(const std::string& name) {
  const std::string suffix = "in_proj_bias";
  return name.size() >= suffix.size() &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

class Seq2SeqTorch : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    golden_ = test::loadGolden("models/" + GetParam());
    batch_ = batchFrom(golden_);
  }
  // Each test reports the largest difference it saw (and where), so a pass shows its margin.
  void TearDown() override {
    if (log_.count() == 0) return;
    std::printf("[ %s ] largest |diff| vs PyTorch over %d tensors: %.3g (%s)\n", GetParam().c_str(),
                log_.count(), log_.largest(), log_.where().c_str());
    if (keyLog_.count() > 0)
      std::printf("[ %s ] in_proj_bias key slices after Adam: largest |diff| %.3g (%s)\n",
                  GetParam().c_str(), keyLog_.largest(), keyLog_.where().c_str());
  }
  Model freshModel() const {
    return loadModel(testDataPath("golden/models/model_files/" + GetParam() + ".safetensors"));
  }
  // allClose, remembering the largest difference for the report.
  ::testing::AssertionResult close(const std::string& what, const Tensor& actual,
                                   const Tensor& expected, double atol, double rtol) {
    return log_.compare(what, actual, expected, atol, rtol);
  }
  // A parameter after Adam steps against PyTorch's. The key slice [d, 2d) of an attention's
  // in_proj_bias has an exact gradient of 0 (a constant added to a row of scores leaves the
  // softmax unchanged), so both engines feed Adam rounding noise there, which it turns into
  // steps of up to lr each: after the 3 steps those elements can differ by up to 3·lr (the
  // goldens' README), the tolerance used at every step. Everything else is well conditioned.
  ::testing::AssertionResult adamParameterMatches(const std::string& name, const Tensor& actual,
                                                  const Tensor& expected, double lr) {
    if (!isInProjBias(name)) return close(name, actual, expected, 1e-6, 1e-5);
    const int64_t d = actual.numel() / 3;
    ::testing::AssertionResult rest =
        close(name + " (q, v)", withoutPart(actual, d, d), withoutPart(expected, d, d), 1e-6, 1e-5);
    if (!rest) return rest << " (query and value slices)";
    return keyLog_.compare(name + " (key slice)", part(actual, d, d), part(expected, d, d), 3 * lr,
                           0);
  }

  SafetensorsFile golden_;
  GoldenBatch batch_;
  test::ComparisonLog log_, keyLog_;
};

TEST_P(Seq2SeqTorch, ForwardLogProbsAndAttentionMatchTorch) {
  Model m = freshModel();
  Seq2SeqForward f = m.seq2seq->forward(batch_.src, batch_.tgtIn);
  const int64_t t = batch_.tgtIn.length;
  Tensor lp = zeroPaddedSteps(logSoftmax(f.logits).value(), batch_.tgtLengths, t);
  EXPECT_TRUE(close("log_probs", lp, golden_.at("log_probs"), 1e-5, 1e-5)) << "log_probs";
  if (const Tensor* cross = golden_.find("attn.cross")) {
    ASSERT_EQ(m.arch, Arch::RnnSeq2Seq);
    Tensor w = f.attention.at(MapKind::Cross)[0];  // [B, 1, T, S]
    w = zeroPaddedSteps(w.reshaped(cross->shape()), batch_.tgtLengths, t);
    EXPECT_TRUE(close("attn.cross", w, *cross, 1e-6, 1e-5)) << "attn.cross";
  }
  if (m.arch == Arch::Transformer) {
    // attn.<map>.l<k> [B, heads, queries, keys], real query rows only (padded ones are 0).
    const std::map<MapKind, const std::vector<int64_t>*> queryLengths = {
        {MapKind::EncoderSelf, &batch_.src.lengths},
        {MapKind::DecoderSelf, &batch_.tgtLengths},
        {MapKind::Cross, &batch_.tgtLengths}};
    for (const auto& [kind, lengths] : queryLengths) {
      const std::string name = mapKindName(kind);  // the golden file's spelling
      ASSERT_EQ(f.attention.count(kind), 1u) << name;
      const std::vector<Tensor>& layers = f.attention.at(kind);
      for (size_t k = 0; k < layers.size(); ++k) {
        const std::string key = "attn." + name + ".l" + std::to_string(k);
        Tensor w = zeroPaddedQueries(layers[k], *lengths);
        EXPECT_TRUE(close(key, w, golden_.at(key), 1e-6, 1e-5)) << key;
      }
      EXPECT_EQ(golden_.find("attn." + name + ".l" + std::to_string(layers.size())), nullptr)
          << name << ": the golden has more layers";
    }
  }
}

TEST_P(Seq2SeqTorch, LossAndGradientsMatchTorch) {
  Model m = freshModel();
  Var loss = seq2seqLoss(*m.seq2seq, batch_.src, batch_.tgtIn, batch_.tgtOut);
  EXPECT_NEAR(loss.value().item(), golden_.at("loss").item(), 1e-5);
  loss.backward();
  for (auto& [name, p] : m.network().namedParameters())
    EXPECT_TRUE(close("grad." + name, p.grad(), golden_.at("grad." + name), 1e-6, 1e-5)) << name;
}

TEST_P(Seq2SeqTorch, OneSgdStepMatchesTorch) {
  Model m = freshModel();
  Sgd sgd(m.network().parameters(), std::stod(golden_.metadata.at("lr_sgd")));
  seq2seqLoss(*m.seq2seq, batch_.src, batch_.tgtIn, batch_.tgtOut).backward();
  sgd.step();
  for (auto& [name, p] : m.network().namedParameters())
    EXPECT_TRUE(close("sgd1." + name, p.value(), golden_.at("sgd1." + name), 1e-6, 1e-5)) << name;
}

TEST_P(Seq2SeqTorch, ThreeAdamStepsWithClippingMatchTorch) {
  Model m = freshModel();
  Adam adam(m.network().parameters(), std::stod(golden_.metadata.at("lr_adam")));
  const double clip = std::stod(golden_.metadata.at("clip"));
  for (int k = 1; k <= 3; ++k) {
    const std::string s = std::to_string(k);
    adam.zeroGrad();
    Var loss = seq2seqLoss(*m.seq2seq, batch_.src, batch_.tgtIn, batch_.tgtOut);
    EXPECT_NEAR(loss.value().item(), golden_.at("loss" + s).item(), 1e-5) << "step " << k;
    loss.backward();
    EXPECT_NEAR(clipGradNorm(adam.params(), clip), golden_.at("grad_norm" + s).item(), 1e-5);
    adam.step();
    for (auto& [name, p] : m.network().namedParameters())
      EXPECT_TRUE(adamParameterMatches("adam" + s + "." + name, p.value(),
                                       golden_.at("adam" + s + "." + name), adam.learningRate()))
          << name << " after Adam step " << k;
  }
}

INSTANTIATE_TEST_SUITE_P(RnnSeq2Seq, Seq2SeqTorch,
                         ::testing::Values("seq2seq_gru_bidir_bahdanau_additive",
                                           "seq2seq_lstm_2layer_luong_general_feeding",
                                           "seq2seq_rnn_luong_dot", "seq2seq_gru_2layer_bidir_none",
                                           "seq2seq_lstm_bidir_bahdanau_general"));

INSTANTIATE_TEST_SUITE_P(Transformer, Seq2SeqTorch,
                         ::testing::Values("transformer_postnorm", "transformer_prenorm"));

}  // namespace
}  // namespace attn
