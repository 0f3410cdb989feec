// Attention rollout (core/explain/rollout.h) against products worked by hand on 2 × 2 and
// 3 × 3 maps, its invariants (rows are distributions, identity maps roll out to the identity,
// a causal decoder stays lower triangular), the cross-attention composition, and a trace of
// the bundled transformer.
#include <gtest/gtest.h>

#include <vector>

#include "decode/decoder.h"
#include "explain/rollout.h"
#include "models/model.h"
#include "test_paths.h"
#include "util/random.h"

namespace attn {
namespace {

// A map with one matrix per layer per head, given row-major.
AttentionMap mapOf(int n, int m, const std::vector<std::vector<std::vector<float>>>& layers) {
  const int heads = static_cast<int>(layers.front().size());
  AttentionMap a(static_cast<int>(layers.size()), heads, n, m);
  for (int l = 0; l < a.layers; ++l)
    for (int h = 0; h < heads; ++h)
      for (int q = 0; q < n; ++q)
        for (int k = 0; k < m; ++k) a.at(l, h, q, k) = layers[l][h][q * m + k];
  return a;
}

void expectMatrix(const RolloutMatrix& r, int rows, int cols, const std::vector<double>& want,
                  double tol = 1e-6) {
  ASSERT_EQ(r.rows, rows);
  ASSERT_EQ(r.cols, cols);
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j)
      EXPECT_NEAR(r.at(i, j), want[static_cast<size_t>(i * cols + j)], tol)
          << "at (" << i << ", " << j << ")";
}

void expectRowsSumToOne(const RolloutMatrix& r) {
  for (int i = 0; i < r.rows; ++i) {
    double s = 0;
    for (int j = 0; j < r.cols; ++j) {
      EXPECT_GE(r.at(i, j), 0.0f);
      s += r.at(i, j);
    }
    EXPECT_NEAR(s, 1.0, 1e-5) << "row " << i;
  }
}

// Layer 1: two heads whose mean is [[0.2, 0.8], [0.6, 0.4]], so Ã1 = [[0.6, 0.4], [0.3, 0.7]].
// Layer 2: one matrix [[1, 0], [0.5, 0.5]] in both heads, so Ã2 = [[1, 0], [0.25, 0.75]].
AttentionMap twoLayerEncoder() {
  return mapOf(2, 2,
               {{{0.4f, 0.6f, 1.0f, 0.0f}, {0.0f, 1.0f, 0.2f, 0.8f}},
                {{1.0f, 0.0f, 0.5f, 0.5f}, {1.0f, 0.0f, 0.5f, 0.5f}}});
}

TEST(Rollout, ResidualAttentionIsHalfTheHeadMeanPlusHalfTheIdentity) {
  expectMatrix(residualAttention(twoLayerEncoder(), 0), 2, 2, {0.6, 0.4, 0.3, 0.7});
  expectMatrix(residualAttention(twoLayerEncoder(), 1), 2, 2, {1.0, 0.0, 0.25, 0.75});
}

TEST(Rollout, TwoLayersOfTwoByTwoByHand) {
  // Ã2 Ã1 = [[0.6, 0.4], [0.25·0.6 + 0.75·0.3, 0.25·0.4 + 0.75·0.7]] = [[0.6, 0.4], [0.375, 0.625]]
  expectMatrix(selfAttentionRollout(twoLayerEncoder()), 2, 2, {0.6, 0.4, 0.375, 0.625});
  // After the first layer only: Ã1.
  expectMatrix(selfAttentionRollout(twoLayerEncoder(), 0), 2, 2, {0.6, 0.4, 0.3, 0.7});
}

TEST(Rollout, ThreeByThreeByHandWithRowsThatNeedRenormalising) {
  // One head. Layer 1 A = [[0, 1, 0], [0, 0, 1], [1, 0, 0]] (a cycle):
  //   Ã1 = [[.5, .5, 0], [0, .5, .5], [.5, 0, .5]].
  // Layer 2 A = [[1/3, 1/3, 1/3], …] uniform: Ã2 = 0.5·U + 0.5·I, diagonal 2/3, off 1/6.
  // Ã2 Ã1 row 0: (2/3)(.5, .5, 0) + (1/6)(0, .5, .5) + (1/6)(.5, 0, .5)
  //            = (1/3 + 1/12, 1/3 + 1/12, 1/12 + 1/12) = (5/12, 5/12, 2/12); rows rotate.
  const float t = 1.0f / 3;
  AttentionMap a = mapOf(3, 3, {{{0, 1, 0, 0, 0, 1, 1, 0, 0}}, {{t, t, t, t, t, t, t, t, t}}});
  expectMatrix(
      selfAttentionRollout(a), 3, 3,
      {5.0 / 12, 5.0 / 12, 2.0 / 12, 2.0 / 12, 5.0 / 12, 5.0 / 12, 5.0 / 12, 2.0 / 12, 5.0 / 12});
  // A map whose rows do not sum to 1 (a file's rounding): each Ã row is rescaled.
  AttentionMap b = mapOf(3, 3, {{{0.5f, 0, 0, 0, 1, 0, 0, 0, 1}}});
  // Row 0: 0.5·(0.5, 0, 0) + 0.5·(1, 0, 0) = (0.75, 0, 0) -> (1, 0, 0).
  expectMatrix(selfAttentionRollout(b), 3, 3, {1, 0, 0, 0, 1, 0, 0, 0, 1});
}

TEST(Rollout, IdentityMapsRollOutToTheIdentity) {
  const std::vector<float> id = {1, 0, 0, 0, 1, 0, 0, 0, 1};
  AttentionMap a = mapOf(3, 3, {{id, id}, {id, id}, {id, id}});
  expectMatrix(selfAttentionRollout(a), 3, 3, {1, 0, 0, 0, 1, 0, 0, 0, 1});
  // Cross-attention that reads "its own" source token of an identity encoder: still the identity.
  const RolloutMatrix encoder = selfAttentionRollout(a);
  expectMatrix(crossAttentionRollout(a, &a, encoder), 3, 3, {1, 0, 0, 0, 1, 0, 0, 0, 1});
}

TEST(Rollout, RowsOfRandomDeepMapsAreDistributionsAndCausalStaysLowerTriangular) {
  Random rng(7);
  const int n = 5, layers = 6, heads = 3;
  AttentionMap a(layers, heads, n, n), causal(layers, heads, n, n);
  for (int l = 0; l < layers; ++l)
    for (int h = 0; h < heads; ++h)
      for (int q = 0; q < n; ++q) {
        double s = 0, sc = 0;
        for (int k = 0; k < n; ++k) {
          a.at(l, h, q, k) = static_cast<float>(rng.uniform(0, 1));
          s += a.at(l, h, q, k);
          if (k <= q) sc += (causal.at(l, h, q, k) = static_cast<float>(rng.uniform(0, 1)));
        }
        for (int k = 0; k < n; ++k) {
          a.at(l, h, q, k) = static_cast<float>(a.at(l, h, q, k) / s);
          causal.at(l, h, q, k) = static_cast<float>(causal.at(l, h, q, k) / sc);
        }
      }
  expectRowsSumToOne(selfAttentionRollout(a));
  const RolloutMatrix c = selfAttentionRollout(causal);
  expectRowsSumToOne(c);
  for (int q = 0; q < n; ++q)
    for (int k = q + 1; k < n; ++k) EXPECT_EQ(c.at(q, k), 0.0f);
  // Layer by layer: each rollout is the next Ã times the previous one.
  for (int l = 1; l < layers; ++l) {
    const RolloutMatrix before = selfAttentionRollout(a, l - 1), step = residualAttention(a, l);
    const RolloutMatrix after = selfAttentionRollout(a, l);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        double v = 0;
        for (int k = 0; k < n; ++k) v += step.at(i, k) * before.at(k, j);
        EXPECT_NEAR(after.at(i, j), v, 1e-6);
      }
  }
}

TEST(Rollout, CrossOfOneDecoderLayerIsTheCrossMapTimesTheEncoderRollout) {
  const RolloutMatrix enc = selfAttentionRollout(twoLayerEncoder());  // [[.6, .4], [.375, .625]]
  // Three target positions over two source tokens; the self-attention does not matter with one
  // layer (the source share starts at zero).
  AttentionMap cross = mapOf(3, 2, {{{1, 0, 0, 1, 0.5f, 0.5f}}});
  AttentionMap self = mapOf(3, 3, {{{1, 0, 0, 0.5f, 0.5f, 0, 0.2f, 0.3f, 0.5f}}});
  // C · R_enc: (1, 0) -> (.6, .4); (0, 1) -> (.375, .625); (.5, .5) -> (.4875, .5125).
  const std::vector<double> want = {0.6, 0.4, 0.375, 0.625, 0.4875, 0.5125};
  expectMatrix(crossAttentionRollout(cross, &self, enc), 3, 2, want);
  expectMatrix(crossAttentionRollout(cross, nullptr, enc), 3, 2, want);
}

TEST(Rollout, CrossOfTwoDecoderLayersByHand) {
  const RolloutMatrix enc = selfAttentionRollout(twoLayerEncoder());  // [[.6, .4], [.375, .625]]
  // Decoder self: layer 1 anything (it acts on a zero source share), layer 2 [[1, 0], [.5, .5]]
  // so Ã2 = [[1, 0], [.25, .75]]. Cross: C1 = I, C2 = [[0, 1], [1, 0]].
  AttentionMap self = mapOf(2, 2, {{{1, 0, 0.5f, 0.5f}}, {{1, 0, 0.5f, 0.5f}}});
  AttentionMap cross = mapOf(2, 2, {{{1, 0, 0, 1}}, {{0, 1, 1, 0}}});
  // After layer 1: R_ts = .5 C1 R_enc = [[.3, .2], [.1875, .3125]].
  // Layer 2 self: Ã2 R_ts = [[.3, .2], [.25·.3 + .75·.1875, .25·.2 + .75·.3125]]
  //                        = [[.3, .2], [.215625, .284375]].
  // Layer 2 cross: .5 of that + .5 C2 R_enc = [[.15 + .1875, .1 + .3125],
  //                                           [.1078125 + .3, .1421875 + .2]]
  //              = [[.3375, .4125], [.4078125, .3421875]], rows summing to .75.
  expectMatrix(crossAttentionRollout(cross, &self, enc), 2, 2, {0.45, 0.55, 0.54375, 0.45625});
  // Through the first decoder layer only: C1 R_enc.
  expectMatrix(crossAttentionRollout(cross, &self, enc, 0), 2, 2, {0.6, 0.4, 0.375, 0.625});
}

TEST(Rollout, BadShapesAndLayersAreErrors) {
  AttentionMap notSquare(1, 1, 2, 3);
  EXPECT_THROW(selfAttentionRollout(notSquare), Error);
  EXPECT_THROW(selfAttentionRollout(twoLayerEncoder(), 2), Error);
  const RolloutMatrix enc = selfAttentionRollout(twoLayerEncoder());
  AttentionMap cross3(1, 1, 2, 3);
  EXPECT_THROW(crossAttentionRollout(cross3, nullptr, enc), Error);  // 3 keys, 2 source tokens
  AttentionMap cross = mapOf(2, 2, {{{1, 0, 0, 1}}});
  AttentionMap self2 = mapOf(2, 2, {{{1, 0, 0, 1}}, {{1, 0, 0, 1}}});
  EXPECT_THROW(crossAttentionRollout(cross, &self2, enc), Error);  // 1 layer against 2
  Trace noEncoder;
  noEncoder.sourceTokens = {"a", "<eos>"};
  noEncoder.attention[MapKind::Cross] = cross;
  EXPECT_FALSE(hasRollout(noEncoder));
  EXPECT_THROW(traceRollout(noEncoder), Error);
}

TEST(Rollout, TraceOfTheBundledTransformer) {
  const Model model =
      loadModel(ATTN_TEST_DATA_DIR "/../../resources/models/toyfr-transformer.safetensors");
  const Trace trace = decodeGreedy(model, "the big black dog sees the cat").trace;
  ASSERT_TRUE(hasRollout(trace));
  const int s = static_cast<int>(trace.sourceTokens.size());
  const int t = static_cast<int>(trace.targetTokens.size());
  const TraceRollout r = traceRollout(trace);
  EXPECT_EQ(r.encoder.rows, s);
  EXPECT_EQ(r.decoder.rows, t);
  EXPECT_EQ(r.cross.rows, t);
  EXPECT_EQ(r.cross.cols, s);
  expectRowsSumToOne(r.encoder);
  expectRowsSumToOne(r.decoder);
  expectRowsSumToOne(r.cross);
  for (int q = 0; q < t; ++q)
    for (int k = q + 1; k < t; ++k) EXPECT_EQ(r.decoder.at(q, k), 0.0f);
  // The pieces agree with the functions they are made of.
  const AttentionMap& enc = trace.attention.at(MapKind::EncoderSelf);
  const RolloutMatrix cross =
      crossAttentionRollout(trace.attention.at(MapKind::Cross),
                            &trace.attention.at(MapKind::DecoderSelf), selfAttentionRollout(enc));
  EXPECT_EQ(cross.values, r.cross.values);
  // Rollout after the first layer: the encoder's is Ã1 alone, the cross one still reads the
  // full encoder rollout.
  const TraceRollout first = traceRollout(trace, 0);
  EXPECT_EQ(first.encoder.values, residualAttention(enc, 0).values);
  const RolloutMatrix cross0 = crossAttentionRollout(trace.attention.at(MapKind::Cross),
                                                     &trace.attention.at(MapKind::DecoderSelf),
                                                     selfAttentionRollout(enc), 0);
  EXPECT_EQ(first.cross.values, cross0.values);
  // A layer past the stacks is clamped to the last one.
  EXPECT_EQ(traceRollout(trace, 9).encoder.values, r.encoder.values);
}

}  // namespace
}  // namespace attn
