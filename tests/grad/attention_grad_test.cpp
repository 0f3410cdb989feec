// Finite-difference gradient checks (float64) of the attention ops and layers: the head
// split/merge ops, the three RNN attention scores over padded keys, and multi-head attention
// (self with a causal mask, cross with key padding), w.r.t. inputs and every parameter.
#include "layers/attention_mask.h"
#include "layers/attention_score.h"
#include "layers/multihead_attention.h"
#include "module_gradcheck.h"
#include "random_tensor.h"
#include "tensor/ops_attention.h"

namespace attn {
namespace {

using testing::gradCheck;
using testing::joinOutputs;
using testing::moduleGradCheck;

using test::rnd;

using testing::perturb;

TEST(AttentionOpsGrad, LinearRowsWithBiasGrad) {
  // Rows [2, 5) of a [6, 4] weight and [6] bias.
  EXPECT_TRUE(gradCheck([](auto& v) { return linearRows(v[0], v[1], v[2], 2, 3); },
                        {rnd({2, 3, 4}, 1), rnd({6, 4}, 2), rnd({6}, 3)}));
}

TEST(AttentionOpsGrad, LinearRowsWithoutBiasGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return linearRows(v[0], v[1], Var(), 0, 2); },
                        {rnd({3, 4}, 1), rnd({6, 4}, 2)}));
}

TEST(AttentionOpsGrad, SplitHeadsWithOffsetAndFactorGrad) {
  // Columns [2, 8) of [2, 3, 9] as 3 heads of 2, scaled: the packed-projection case.
  EXPECT_TRUE(
      gradCheck([](auto& v) { return splitHeads(v[0], 3, 2, 2, 0.7); }, {rnd({2, 3, 9}, 1)}));
}

TEST(AttentionOpsGrad, MergeHeadsGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return mergeHeads(v[0]); }, {rnd({2, 3, 2, 4}, 1)}));
}

TEST(AttentionOpsGrad, MaskedSoftmaxWithPaddingAndCausalMaskGrad) {
  // [2, 2, 3, 3] scores; the mask [2, 1, 3, 3] is causal and pads the second row's last key.
  const Tensor mask = attentionMask({3, 2}, true, 2, 3, 3);
  EXPECT_TRUE(
      gradCheck([&](auto& v) { return maskedSoftmax(v[0], mask); }, {rnd({2, 2, 3, 3}, 1, -2, 2)}));
}

TEST(AttentionOpsGrad, MaskedSoftmaxSharedCausalMaskGrad) {
  // A [1, 1, T, S] mask broadcast over batch rows and heads, 2 queries over 3 keys.
  const Tensor mask = attentionMask({}, true, 2, 2, 3);
  EXPECT_TRUE(
      gradCheck([&](auto& v) { return maskedSoftmax(v[0], mask); }, {rnd({2, 2, 2, 3}, 1, -2, 2)}));
}

TEST(AttentionOpsGrad, AdditiveScoresGrad) {
  // keys [2, 3, 4], query [2, 4], v [1, 4]
  EXPECT_TRUE(gradCheck([](auto& v) { return additiveScores(v[0], v[1], v[2]); },
                        {rnd({2, 3, 4}, 1, -2, 2), rnd({2, 4}, 2), rnd({1, 4}, 3)}));
}

TEST(AttentionOpsGrad, GatherBatchWithRepeatsGrad) {
  EXPECT_TRUE(gradCheck(
      [](auto& v) {
        return gatherBatch(v[0], {1, 1, 0});
      },
      {rnd({2, 2, 3, 2}, 1)}));
}

// ---- RNN attention scores: B 2, S 3 (second row: 2 real keys), H 4 ----

const std::vector<int64_t> kKeyLengths{3, 2};

// weights and context of one attend(): every output that has a gradient (the scores hold −∞).
Var scoreOutputs(const AttentionScore& s, const Var& q, const Var& keys) {
  AttentionResult r = s.forward(q, keys, kKeyLengths);
  return joinOutputs({r.weights, r.context});
}

TEST(AttentionScoreGrad, DotScoreWithPaddedKeysGrad) {
  Random rng(1);
  AttentionScore s(ScoreKind::Dot, 4, 4, 0, rng);
  EXPECT_TRUE(gradCheck([&](auto& v) { return scoreOutputs(s, v[0], v[1]); },
                        {rnd({2, 4}, 2), rnd({2, 3, 4}, 3)}));
}

TEST(AttentionScoreGrad, GeneralScoreWithPaddedKeysGrad) {
  // Keys of size 6 (a bidirectional encoder, H·D = 2·3) against a query of 4: W is [4, 6].
  Random rng(1);
  AttentionScore s(ScoreKind::General, 4, 6, 0, rng);
  EXPECT_TRUE(moduleGradCheck(s, [&](auto& v) { return scoreOutputs(s, v[0], v[1]); },
                              {rnd({2, 4}, 2), rnd({2, 3, 6}, 3)}));
}

TEST(AttentionScoreGrad, AdditiveScoreWithPaddedKeysGrad) {
  Random rng(1);
  AttentionScore s(ScoreKind::Additive, 4, 6, 5, rng);
  EXPECT_TRUE(moduleGradCheck(s, [&](auto& v) { return scoreOutputs(s, v[0], v[1]); },
                              {rnd({2, 4}, 2), rnd({2, 3, 6}, 3)}));
}

TEST(AttentionScoreGrad, AdditivePreparedKeysReusedOverTwoStepsGrad) {
  // As a decoder uses it: W_k h prepared once, two queries attend; both steps' gradients must
  // reach the keys and key.weight through the one shared projection.
  Random rng(1);
  AttentionScore s(ScoreKind::Additive, 4, 6, 5, rng);
  EXPECT_TRUE(moduleGradCheck(s,
                              [&](auto& v) {
                                PreparedKeys keys = s.prepareKeys(v[2], kKeyLengths);
                                AttentionResult a = s.attend(v[0], keys);
                                AttentionResult b = s.attend(v[1], keys);
                                return joinOutputs({a.weights, a.context, b.weights, b.context});
                              },
                              {rnd({2, 4}, 2), rnd({2, 4}, 4), rnd({2, 3, 6}, 3)}));
}

TEST(AttentionScoreGrad, GeneralPreparedKeysReusedOverTwoStepsGrad) {
  Random rng(1);
  AttentionScore s(ScoreKind::General, 4, 6, 0, rng);
  EXPECT_TRUE(moduleGradCheck(s,
                              [&](auto& v) {
                                PreparedKeys keys = s.prepareKeys(v[2], kKeyLengths);
                                AttentionResult a = s.attend(v[0], keys);
                                AttentionResult b = s.attend(v[1], keys);
                                return joinOutputs({a.context, b.weights});
                              },
                              {rnd({2, 4}, 2), rnd({2, 4}, 4), rnd({2, 3, 6}, 3)}));
}

// ---- multi-head attention: d 4, 2 heads, B 2 ----

TEST(MultiheadAttentionGrad, SelfAttentionCausalWithPaddingGrad) {
  Random rng(1);
  MultiheadAttention mha(4, 2, rng);
  perturb(mha, 7);
  EXPECT_TRUE(moduleGradCheck(mha,
                              [&](auto& v) {
                                MhaOutput o = mha.forward(v[0], v[0], v[0], {3, 2}, true);
                                return joinOutputs({o.output, o.weights});
                              },
                              {rnd({2, 3, 4}, 2)}));
}

TEST(MultiheadAttentionGrad, CrossAttentionKeyPaddingGrad) {
  // query [2, 2, 4] over distinct key and value [2, 3, 4]; the second row has 1 real key.
  Random rng(1);
  MultiheadAttention mha(4, 2, rng);
  perturb(mha, 7);
  EXPECT_TRUE(moduleGradCheck(mha,
                              [&](auto& v) {
                                MhaOutput o = mha.forward(v[0], v[1], v[2], {3, 1});
                                return joinOutputs({o.output, o.weights});
                              },
                              {rnd({2, 2, 4}, 2), rnd({2, 3, 4}, 3), rnd({2, 3, 4}, 4)}));
}

TEST(MultiheadAttentionGrad, CrossAttentionSharedKeyValueGrad) {
  // key is value (a decoder over its memory): K and V come from one packed product.
  Random rng(1);
  MultiheadAttention mha(4, 2, rng);
  perturb(mha, 7);
  EXPECT_TRUE(moduleGradCheck(mha,
                              [&](auto& v) {
                                MhaOutput o = mha.forward(v[0], v[1], v[1], {2, 3});
                                return joinOutputs({o.output, o.weights});
                              },
                              {rnd({2, 2, 4}, 2), rnd({2, 3, 4}, 3)}));
}

TEST(MultiheadAttentionGrad, AppendedKeysCacheGrad) {
  // Step-by-step self-attention: keys of two chunks appended to a cache, the second chunk's
  // queries causal over all of them.
  Random rng(1);
  MultiheadAttention mha(4, 2, rng);
  perturb(mha, 7);
  EXPECT_TRUE(moduleGradCheck(mha,
                              [&](auto& v) {
                                MhaKeys cache = mha.appendKeys(MhaKeys{}, v[0]);
                                cache = mha.appendKeys(cache, v[1]);
                                MhaOutput o = mha.attend(v[1], cache, true);
                                return joinOutputs({o.output, o.weights});
                              },
                              {rnd({2, 1, 4}, 2), rnd({2, 2, 4}, 3)}));
}

}  // namespace
}  // namespace attn
