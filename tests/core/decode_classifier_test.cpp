// The classifier's trace: the hops map [1][r][1][n] over the tokens (no <eos>), the predicted
// class as the one target token, the class log-probs and top-k. Run on a stand-in
// ClassifierModel whose outputs are known, and on the PyTorch-made model files once the
// structured self-attention model loads.
#include <gtest/gtest.h>

#include "decode/decoder.h"
#include "decode_checks.h"
#include "decode_models.h"
#include "golden.h"
#include "models/classifier_model.h"

namespace attn {
namespace {

// Two hops: the first prefers later tokens (score = position), the second earlier ones.
class StandInClassifier : public ClassifierModel {
 public:
  ClassifierForward forward(const TokenBatch& src) const override {
    const int64_t n = src.length;
    std::vector<Scalar> s;
    for (int64_t i = 0; i < n; ++i) s.push_back(static_cast<Scalar>(i));
    for (int64_t i = 0; i < n; ++i) s.push_back(static_cast<Scalar>(-i));
    ClassifierForward f;
    f.logits = Var(Tensor::fromVector(Shape{1, 3}, {0.2f, 1.5f, -1.0f}));
    f.scores = Var(Tensor::fromVector(Shape{1, 2, n}, s));
    f.hops = softmax(f.scores);
    f.penalty = Var(Tensor::zeros(Shape{1}));
    return f;
  }
  double penaltyCoefficient() const override { return 1.0; }
};

Model standInModel() {
  Model m;
  m.arch = Arch::StructuredSelfAttention;
  m.config = {{"arch", "structured_self_attention"}, {"hops", 2}};
  m.srcVocab = test::vocabularyOf({"good", "bad", "film"});
  m.classes = data::LabelVocabulary::fromList({"negative", "positive", "neutral"});
  m.classifier = std::make_unique<StandInClassifier>();
  return m;
}

TEST(DecodeClassifier, TraceHasHopsOverTheTokensAndThePredictedClass) {
  Model m = standInModel();
  DecodeResult r = classifyWithTrace(m, "good film zzz");
  EXPECT_EQ(r.output, "positive");
  EXPECT_EQ(r.outputIds, std::vector<int64_t>{1});
  EXPECT_EQ(r.unknownSource, std::vector<int>{2});
  EXPECT_EQ(r.trace.sourceTokens, (std::vector<std::string>{"good", "film", "zzz"}));
  EXPECT_EQ(r.trace.targetTokens, std::vector<std::string>{"positive"});
  const AttentionMap& hops = r.trace.attention.at(MapKind::Hops);
  EXPECT_EQ(std::vector<int>({hops.layers, hops.heads, hops.queries, hops.keys}),
            std::vector<int>({1, 2, 1, 3}));
  const double z = 1 + std::exp(1.0) + std::exp(2.0);
  EXPECT_NEAR(hops.at(0, 0, 0, 2), std::exp(2.0) / z, 1e-6);
  EXPECT_NEAR(hops.at(0, 1, 0, 0), std::exp(2.0) / z, 1e-6);
  EXPECT_EQ(r.trace.steps.at(0).scores.at(MapKind::Hops), (std::vector<float>{0, 1, 2, 0, -1, -2}));
  const double logZ = std::log(std::exp(0.2) + std::exp(1.5) + std::exp(-1.0));
  EXPECT_NEAR(r.logProb, 1.5 - logZ, 1e-6);
  test::expectTopKConsistent(r.trace, m.classes.toList(), 5);
  EXPECT_EQ(r.trace.steps[0].topK.size(), 3u);  // every class when k exceeds their number
  EXPECT_EQ(r.trace.steps[0].topK[1].token, "negative");
  EXPECT_NO_THROW(r.trace.validate());
  test::expectRowsAreDistributions(r.trace);
  test::expectJsonRoundTrip(r.trace);
}

TEST(DecodeClassifier, OverLongSentenceIsRefused) {
  Model m = standInModel();
  DecodeOptions o;
  o.maxInputTokens = 2;
  EXPECT_THROW(classifyWithTrace(m, "good film film", o), Error);
}

TEST(DecodeClassifier, PyTorchModelFilesGiveValidTraces) {
  for (const char* name : {"ssa_gru", "ssa_lstm"}) {
    // A file that does not load is a failure of this test (GoogleTest reports the exception).
    const Model m = loadModel(
        test::testDataPath(std::string("golden/models/model_files/") + name + ".safetensors"));
    DecodeResult r = classifyWithTrace(m, "le chat noir dort");
    EXPECT_EQ(r.trace.attention.at(MapKind::Hops).keys, 4);
    EXPECT_NO_THROW(r.trace.validate());
    test::expectRowsAreDistributions(r.trace);
  }
}

}  // namespace
}  // namespace attn
