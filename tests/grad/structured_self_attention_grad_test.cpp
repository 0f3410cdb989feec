// Gradient checks (float64) of the structured self-attention classifier: its two own ops on
// their own, then the whole model through a padded batch w.r.t. every parameter, for the logits,
// for the hops and penalty, and for the full loss (cross-entropy plus the penalty term).
#include "gradcheck.h"
#include "models/loss.h"
#include "models/structured_self_attention.h"
#include "module_gradcheck.h"
#include "tensor/random_tensor.h"

namespace attn {
namespace {

using testing::gradCheck;
using testing::gradCheckParameters;
using testing::joinOutputs;

TEST(StructuredSelfAttentionGrad, HopScoresGradWithPadding) {
  Random rng(1);
  const Tensor projected = uniformTensor(rng, Shape{3, 4, 2}, -1, 1);  // [B, n, r]
  // hopScores puts −∞ at padded tokens; the checker needs finite outputs, so check what the
  // model feeds on: the softmax over them (padded entries exactly 0, with zero gradient).
  EXPECT_TRUE(gradCheck(
      [](const std::vector<Var>& v) {
        return softmax(hopScores(v[0], {4, 2, 1}));
      },
      {projected}));
  EXPECT_TRUE(
      gradCheck([](const std::vector<Var>& v) { return hopScores(v[0], {}); }, {projected}));
}

TEST(StructuredSelfAttentionGrad, HopPenaltyGrad) {
  Random rng(2);
  const Tensor scores = uniformTensor(rng, Shape{2, 3, 5}, -2, 2);
  // On distributions, as in the model, and on arbitrary matrices (P is a polynomial of A).
  EXPECT_TRUE(
      gradCheck([](const std::vector<Var>& v) { return hopPenalty(softmax(v[0])); }, {scores}));
  EXPECT_TRUE(gradCheck([](const std::vector<Var>& v) { return hopPenalty(v[0]); }, {scores}));
}

StructuredSelfAttentionConfig tiny(RnnCell cell, double penalty) {
  StructuredSelfAttentionConfig c;
  c.cell = cell;
  c.embedDim = 3;
  c.hiddenDim = 2;
  c.attentionDim = 3;
  c.hops = 2;
  c.mlpDim = 4;
  c.numClasses = 3;
  c.penalty = penalty;
  c.srcVocab = 8;
  return c;
}

// Three sentences of lengths 3, 2 and 4: two of them padded.
TokenBatch paddedBatch() {
  return TokenBatch::fromRows({{4, 5, 6}, {7, 4}, {5, 5, 6, 7}});
}

class StructuredSelfAttentionModelGrad : public ::testing::TestWithParam<RnnCell> {};

TEST_P(StructuredSelfAttentionModelGrad, LogitsGrad) {
  Random rng(5);
  StructuredSelfAttention model(tiny(GetParam(), 1.0), rng);
  const TokenBatch src = paddedBatch();
  EXPECT_TRUE(gradCheckParameters([&] { return model.forward(src).logits; }, model.parameters()));
}

TEST_P(StructuredSelfAttentionModelGrad, HopsAndPenaltyGrad) {
  Random rng(6);
  StructuredSelfAttention model(tiny(GetParam(), 1.0), rng);
  const TokenBatch src = paddedBatch();
  EXPECT_TRUE(gradCheckParameters(
      [&] {
        ClassifierForward f = model.forward(src);
        return joinOutputs({f.hops, f.penalty});
      },
      model.parameters()));
}

TEST_P(StructuredSelfAttentionModelGrad, FullLossWithPenaltyGrad) {
  for (double penalty : {1.0, 0.3}) {
    Random rng(7);
    StructuredSelfAttention model(tiny(GetParam(), penalty), rng);
    const TokenBatch src = paddedBatch();
    const std::vector<int64_t> labels = {0, 2, 1};  // class 0 is a real class
    EXPECT_TRUE(
        gradCheckParameters([&] { return classifierLoss(model, src, labels); }, model.parameters()))
        << "penalty " << penalty;
  }
}

INSTANTIATE_TEST_SUITE_P(Cells, StructuredSelfAttentionModelGrad,
                         ::testing::Values(RnnCell::Lstm, RnnCell::Gru),
                         [](const ::testing::TestParamInfo<RnnCell>& info) {
                           return std::string(info.param == RnnCell::Lstm ? "Lstm" : "Gru");
                         });

}  // namespace
}  // namespace attn
