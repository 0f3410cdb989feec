// Gradient saliency (core/explain/saliency.h), float32: the per-token sums against hand cases
// (a linear function, where gradient × input adds up to f, and a quadratic one), the models'
// saliency hook against their forward(), and the bundled models: f equals the trace's own
// log-prob at every step, the gradient agrees with a finite difference along it, and a trace
// from other weights or another model is refused. The float64 finite-difference checks of
// every model kind are in tests/grad/saliency_grad_test.cpp.
#include <gtest/gtest.h>

#include <cmath>

#include "decode/decoder.h"
#include "decode_models.h"
#include "explain/saliency.h"
#include "tensor/ops.h"
#include "test_paths.h"

namespace attn {
namespace {

#define BUNDLED(name) ATTN_TEST_DATA_DIR "/../../resources/models/" name ".safetensors"

TEST(Saliency, LinearFunctionByHand) {
  // f(x) = Σ W ⊙ x over three tokens of two dimensions: ∂f/∂x = W, so token j's gradient × input
  // is W_j · x_j and the three add up to f (f(0) = 0: the Taylor term is exact).
  const Tensor x = Tensor::fromVector(Shape{1, 3, 2}, {1, 2, -1, 0.5f, 3, -2});
  const Tensor w = Tensor::fromVector(Shape{1, 3, 2}, {0.5f, -1, 2, 4, 0, 1});
  const InputSaliency s = inputSaliency(x, [&](const Var& in) { return sum(mul(in, Var(w))); });
  // Token 0: 0.5·1 − 1·2 = −1.5; token 1: 2·(−1) + 4·0.5 = 0; token 2: 0·3 + 1·(−2) = −2.
  ASSERT_EQ(s.gradientTimesInput.size(), 3u);
  EXPECT_NEAR(s.gradientTimesInput[0], -1.5, 1e-6);
  EXPECT_NEAR(s.gradientTimesInput[1], 0.0, 1e-6);
  EXPECT_NEAR(s.gradientTimesInput[2], -2.0, 1e-6);
  EXPECT_NEAR(s.objective, -3.5, 1e-6);
  EXPECT_NEAR(s.gradientTimesInput[0] + s.gradientTimesInput[1] + s.gradientTimesInput[2],
              s.objective, 1e-6);
  // ‖W_j‖: √1.25, √20, 1.
  EXPECT_NEAR(s.gradientNorm[0], std::sqrt(1.25), 1e-6);
  EXPECT_NEAR(s.gradientNorm[1], std::sqrt(20.0), 1e-5);
  EXPECT_NEAR(s.gradientNorm[2], 1.0, 1e-6);
  EXPECT_EQ(&s.values(SaliencyMeasure::GradientNorm), &s.gradientNorm);
  for (int i = 0; i < 6; ++i) EXPECT_FLOAT_EQ(s.gradient[i], w[i]);
}

TEST(Saliency, QuadraticFunctionByHand) {
  // f(x) = ½ Σ x²: ∂f/∂x = x, so gradient × input = ‖x_j‖² (twice token j's share of f, as
  // the first-order term of a quadratic is) and the norm is ‖x_j‖.
  const Tensor x = Tensor::fromVector(Shape{1, 2, 2}, {3, 4, 1, -1});
  const InputSaliency s =
      inputSaliency(x, [](const Var& in) { return scale(sum(mul(in, in)), 0.5f); });
  EXPECT_NEAR(s.gradientTimesInput[0], 25.0, 1e-5);
  EXPECT_NEAR(s.gradientTimesInput[1], 2.0, 1e-6);
  EXPECT_NEAR(s.gradientNorm[0], 5.0, 1e-6);
  EXPECT_NEAR(s.gradientNorm[1], std::sqrt(2.0), 1e-6);
  EXPECT_NEAR(s.objective, 13.5, 1e-6);
}

TEST(Saliency, AnObjectiveThatIgnoresTheInputHasZeroSaliency) {
  const Tensor x = Tensor::fromVector(Shape{1, 2, 1}, {1, 2});
  const InputSaliency s = inputSaliency(x, [](const Var&) { return Var(Tensor::scalar(4)); });
  EXPECT_EQ(s.gradientTimesInput, (std::vector<double>{0, 0}));
  EXPECT_EQ(s.gradientNorm, (std::vector<double>{0, 0}));
}

float largestDifference(const Tensor& a, const Tensor& b) {
  EXPECT_EQ(a.shape(), b.shape());
  return (a.arr() - b.arr()).abs().maxCoeff();
}

TEST(Saliency, HookGivesForwardsNumbersForEveryArchitecture) {
  const TokenBatch src = TokenBatch::fromRows({{4, 5, 6, 3}, {7, 3}});
  const TokenBatch tgt = TokenBatch::fromRows({{2, 5, 6}, {2, 4}});
  std::vector<nlohmann::json> configs = test::rnnVariants();
  configs.push_back({{"arch", "transformer"},
                     {"d_model", 8},
                     {"nhead", 2},
                     {"num_encoder_layers", 2},
                     {"num_decoder_layers", 1}});
  for (const nlohmann::json& c : configs) {
    const Model m = test::smallModel(c, 3);
    NoGradGuard noGrad;
    const Tensor direct = m.seq2seq->forward(src, tgt).logits.value();
    const Tensor hooked =
        m.seq2seq->forwardFromSourceInput(m.seq2seq->sourceInput(src), src, tgt).logits.value();
    EXPECT_EQ(largestDifference(direct, hooked), 0.0f) << c.dump();
  }
  const Model lin = loadModel(BUNDLED("sentiment-lin"));
  NoGradGuard noGrad;
  const TokenBatch words = TokenBatch::fromRows({{5, 6, 7}, {8, 9}});
  EXPECT_EQ(largestDifference(
                lin.classifier->forward(words).logits.value(),
                lin.classifier->forwardFromSourceInput(lin.classifier->sourceInput(words), words)
                    .logits.value()),
            0.0f);
  // The transformer's input is emb·√d: the scaled embedding row, positions left out.
  const Model tf = test::smallModel(configs.back(), 3);
  const Tensor in = tf.seq2seq->sourceInput(TokenBatch::fromRows({{4}})).value();
  const Tensor& table = tf.seq2seq->namedParameters().front().second.value();  // src_embedding
  for (int d = 0; d < 8; ++d) EXPECT_FLOAT_EQ(in[d], table[4 * 8 + d] * std::sqrt(8.0f));
}

// Along the gradient u = g/‖g‖, (f(x + hu) − f(x − hu)) / 2h ≈ g·u = ‖g‖. In float32 h cannot
// be small: f's own rounding (up to ~1e-5 for a logit of 10) over 2h must stay well under the
// bar, 2% plus 1e-3; the float64 element-wise checks are in test_grad.
void expectDirectionalDerivative(const Model& model, const Trace& trace, int step, SaliencyOf of) {
  const SaliencyProblem p = saliencyProblem(model, trace, step);
  const InputSaliency s = inputSaliency(p.input, p.objective(of));
  const double norm = std::sqrt(s.gradient.arr().square().sum());
  if (norm < 1e-3) return;  // f flat here: nothing a float32 difference can resolve
  const double h = 2e-3;
  auto at = [&](double t) {
    Tensor x = p.input;
    x.arr() += s.gradient.arr() * static_cast<Scalar>(t / norm);
    NoGradGuard noGrad;
    return static_cast<double>(p.objective(of)(Var(x)).value().item());
  };
  const double numeric = (at(h) - at(-h)) / (2 * h);
  EXPECT_NEAR(numeric, norm, 0.02 * norm + 1e-3) << "step " << step;
}

void checkBundled(const char* path, const std::string& sentence) {
  const Model model = loadModel(path);
  const DecodeResult r =
      model.isClassifier() ? classifyWithTrace(model, sentence) : decodeGreedy(model, sentence);
  const size_t s = r.trace.sourceTokens.size();
  for (int t = 0; t < static_cast<int>(r.trace.targetTokens.size()); ++t) {
    const TokenSaliency ts = traceSaliency(model, r.trace, t);
    // Nothing is left in the model's parameters.
    for (const Var& p : model.network().parameters()) ASSERT_FALSE(p.grad().defined());
    EXPECT_EQ(ts.target, r.trace.targetTokens[static_cast<size_t>(t)]);
    const int64_t id = r.outputIds[static_cast<size_t>(t)];
    EXPECT_NEAR(ts.logProb, r.trace.logProbs[static_cast<size_t>(t)][static_cast<size_t>(id)],
                1e-4);
    EXPECT_EQ(ts.saliency.objective, ts.logProb);
    ASSERT_EQ(ts.saliency.gradientTimesInput.size(), s);
    ASSERT_EQ(ts.saliency.gradientNorm.size(), s);
    for (size_t j = 0; j < s; ++j) {
      EXPECT_TRUE(std::isfinite(ts.saliency.gradientTimesInput[j]));
      EXPECT_GE(ts.saliency.gradientNorm[j], 0.0);
    }
    const TokenSaliency logit = traceSaliency(model, r.trace, t, SaliencyOf::Logit);
    EXPECT_EQ(logit.saliency.objective, logit.logit);
    EXPECT_NEAR(logit.logProb, ts.logProb, 1e-6);
    expectDirectionalDerivative(model, r.trace, t, SaliencyOf::LogProb);
    expectDirectionalDerivative(model, r.trace, t, SaliencyOf::Logit);
  }
}

TEST(Saliency, BundledDatesModel) {
  checkBundled(BUNDLED("dates-bahdanau"), "5 October 2017");
}
TEST(Saliency, BundledTransformer) {
  checkBundled(BUNDLED("toyfr-transformer"), "the big black dog sees the cat");
}
TEST(Saliency, BundledLuongModel) {
  checkBundled(BUNDLED("toyfr-luong"), "the small cat sleeps");
}
TEST(Saliency, BundledClassifier) {
  checkBundled(BUNDLED("sentiment-lin"), "the film was not good");
}

TEST(Saliency, TheYearsLastDigitIsWhatTheDatesModelReadsForIt) {
  // "5 October 2017" -> "2017-10-05": the logit of the output's fourth character, 7, owes most
  // to the source's 7 (the RNN reads every character, but attention picks that one).
  const Model model = loadModel(BUNDLED("dates-bahdanau"));
  const Trace trace = decodeGreedy(model, "5 October 2017").trace;
  ASSERT_EQ(trace.targetTokens[3], "7");
  const TokenSaliency s = traceSaliency(model, trace, 3, SaliencyOf::Logit);
  const auto& v = s.saliency.gradientNorm;
  const size_t top = static_cast<size_t>(std::max_element(v.begin(), v.end()) - v.begin());
  EXPECT_EQ(trace.sourceTokens[top], "7");
}

TEST(Saliency, ForcedTargetsAndBeamTracesAreExplainedToo) {
  const Model model = loadModel(BUNDLED("toyfr-transformer"));
  const DecodeResult forced = inspectForced(model, "the cat sleeps", "le chien dort");
  const TokenSaliency s = traceSaliency(model, forced.trace, 1);  // "chien", not what it reads
  EXPECT_EQ(s.target, "chien");
  EXPECT_LT(s.logProb, -1.0);  // the model does not believe it
  const DecodeResult beam = decodeBeam(model, "the cat sleeps");
  EXPECT_NO_THROW(traceSaliency(model, beam.trace, 0));
}

TEST(Saliency, TracesTheModelDidNotMakeAreRefused) {
  const Model model = loadModel(BUNDLED("toyfr-transformer"));
  const Trace trace = decodeGreedy(model, "the cat sleeps").trace;
  Trace noModel = trace;
  noModel.model = nullptr;
  EXPECT_THROW(traceSaliency(model, noModel, 0), Error);
  Trace otherConfig = trace;
  otherConfig.model["d_model"] = 32;
  EXPECT_THROW(traceSaliency(model, otherConfig, 0), Error);
  Trace otherWeights = trace;
  for (float& lp : otherWeights.logProbs[1]) lp -= 0.5f;
  EXPECT_NO_THROW(traceSaliency(model, otherWeights, 0));
  try {
    traceSaliency(model, otherWeights, 1);
    ADD_FAILURE() << "a log-prob the model does not give was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("other weights"), std::string::npos) << e.what();
  }
  EXPECT_THROW(traceSaliency(model, trace, -1), Error);
  EXPECT_THROW(traceSaliency(model, trace, static_cast<int>(trace.targetTokens.size())), Error);

  const Model lin = loadModel(BUNDLED("sentiment-lin"));
  const Trace verdict = classifyWithTrace(lin, "a good film").trace;
  EXPECT_THROW(traceSaliency(lin, verdict, 1), Error);
  Trace unknownClass = verdict;
  unknownClass.targetTokens = {"neutral"};
  EXPECT_THROW(traceSaliency(lin, unknownClass, 0), Error);
  EXPECT_THROW(traceSaliency(lin, trace, 0), Error);  // the transformer's trace
}

TEST(Saliency, GradientCopyGivesTheSameNumbersAndLeavesTheOriginalAlone) {
  const Model model = loadModel(BUNDLED("dates-bahdanau"));
  const Model copy = gradientCopy(model);
  EXPECT_EQ(copy.config, model.config);
  const Trace trace = decodeGreedy(model, "12/03/1999").trace;
  const TokenSaliency a = traceSaliency(copy, trace, 2);
  const TokenSaliency b = traceSaliency(model, trace, 2);
  EXPECT_EQ(a.saliency.gradientTimesInput, b.saliency.gradientTimesInput);
  const auto original = model.network().parameters(), copied = copy.network().parameters();
  ASSERT_EQ(original.size(), copied.size());
  for (size_t i = 0; i < original.size(); ++i)
    EXPECT_NE(original[i].node(), copied[i].node());  // separate nodes: separate gradients
}

TEST(Saliency, NeedsGradientMode) {
  const Model model = loadModel(BUNDLED("sentiment-lin"));
  const Trace trace = classifyWithTrace(model, "a good film").trace;
  NoGradGuard noGrad;
  EXPECT_THROW(traceSaliency(model, trace, 0), InternalError);
}

}  // namespace
}  // namespace attn
