// The attention layers in float32: the RNN scores worked by hand on two keys, the invariants
// every attention map must keep (rows sum to 1, masked keys exactly 0, a causal upper triangle
// exactly 0, permutation equivariance), nn.MultiheadAttention's golden outputs, weights and
// gradients, and a tiny task the additive score learns in a few steps.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "attention_golden.h"
#include "layers/attention_mask.h"
#include "layers/attention_score.h"
#include "layers/multihead_attention.h"
#include "optim/optimizer.h"
#include "tensor/ops_attention.h"

namespace attn {
namespace {

using test::expectMatchesTorch;
using test::expectParameterGradsMatchTorch;
using test::maxAbsDiff;

const Scalar kInf = std::numeric_limits<Scalar>::infinity();

Var constant(const Shape& s, std::vector<Scalar> v) {
  return Var(Tensor::fromVector(s, v));
}

Tensor rnd(const Shape& s, uint64_t seed, double lo = -1, double hi = 1) {
  Random r(seed);
  return r.uniformTensor(s, lo, hi);
}

void setParameter(Var p, std::vector<Scalar> values) {
  p.mutableValue() = Tensor::fromVector(p.shape(), values);
}

// Every row (over the last dimension) sums to 1 within 1e-5.
void expectRowsSumToOne(const Tensor& w) {
  const auto m = w.mat();
  for (int64_t r = 0; r < m.rows(); ++r)
    EXPECT_NEAR(m.row(r).sum(), 1.0f, 1e-5f) << "row " << r << " of " << w.shape().toString();
}

// ---- RNN attention scores worked by hand: one query, two keys ----

TEST(AttentionScore, DotScoreByHandOnTwoKeys) {
  // q = [1, 2], h1 = [1, 0], h2 = [0, 1]: scores qᵀh = [1, 2].
  Random rng(1);
  AttentionScore s(ScoreKind::Dot, 2, 2, 0, rng);
  EXPECT_TRUE(s.namedParameters().empty());
  AttentionResult r = s.forward(constant({1, 2}, {1, 2}), constant({1, 2, 2}, {1, 0, 0, 1}));
  const Scalar w1 = 1 / (1 + std::exp(1.0f)), w2 = 1 - w1;  // softmax([1, 2])
  EXPECT_NEAR(r.scores.value()[0], 1, 1e-6f);
  EXPECT_NEAR(r.scores.value()[1], 2, 1e-6f);
  EXPECT_NEAR(r.weights.value()[0], w1, 1e-6f);
  EXPECT_NEAR(r.weights.value()[1], w2, 1e-6f);
  EXPECT_EQ(r.context.shape(), (Shape{1, 2}));
  EXPECT_NEAR(r.context.value()[0], w1, 1e-6f);  // w1·h1 + w2·h2 = [w1, w2]
  EXPECT_NEAR(r.context.value()[1], w2, 1e-6f);
}

TEST(AttentionScore, GeneralScoreByHandOnTwoKeys) {
  // H 2, K 3: W = [[1, 0, 1], [0, 1, 0]]; h1 = [1, 0, 1] -> W h1 = [2, 0];
  // h2 = [0, 2, 0] -> W h2 = [0, 2]; q = [0.5, 1]: scores qᵀ W h = [1, 2].
  Random rng(1);
  AttentionScore s(ScoreKind::General, 2, 3, 0, rng);
  ASSERT_EQ(s.namedParameters().size(), 1u);
  EXPECT_EQ(s.namedParameters()[0].first, "W.weight");
  EXPECT_EQ(s.W->weight.shape(), (Shape{2, 3}));
  setParameter(s.W->weight, {1, 0, 1, 0, 1, 0});
  AttentionResult r =
      s.forward(constant({1, 2}, {0.5f, 1}), constant({1, 2, 3}, {1, 0, 1, 0, 2, 0}));
  const Scalar w1 = 1 / (1 + std::exp(1.0f)), w2 = 1 - w1;
  EXPECT_NEAR(r.scores.value()[0], 1, 1e-6f);
  EXPECT_NEAR(r.scores.value()[1], 2, 1e-6f);
  EXPECT_NEAR(r.weights.value()[1], w2, 1e-6f);
  EXPECT_EQ(r.context.shape(), (Shape{1, 3}));  // context lives in key space: w1·h1 + w2·h2
  EXPECT_NEAR(r.context.value()[0], w1, 1e-6f);
  EXPECT_NEAR(r.context.value()[1], 2 * w2, 1e-6f);
  EXPECT_NEAR(r.context.value()[2], w1, 1e-6f);
}

TEST(AttentionScore, AdditiveScoreByHandOnTwoKeys) {
  // A 1: W_q = [1, 0], W_k = [0, 1], v = [2]. q = [0.5, 9], h1 = [7, 0], h2 = [7, 1]:
  // scores = 2 tanh(0.5 + 0), 2 tanh(0.5 + 1).
  Random rng(1);
  AttentionScore s(ScoreKind::Additive, 2, 2, 1, rng);
  std::vector<std::string> names;
  for (auto& [n, p] : s.namedParameters()) names.push_back(n + p.shape().toString());
  EXPECT_EQ(names,
            (std::vector<std::string>{"query.weight[1, 2]", "key.weight[1, 2]", "v.weight[1, 1]"}));
  setParameter(s.query->weight, {1, 0});
  setParameter(s.key->weight, {0, 1});
  setParameter(s.v->weight, {2});
  AttentionResult r = s.forward(constant({1, 2}, {0.5f, 9}), constant({1, 2, 2}, {7, 0, 7, 1}));
  const Scalar e1 = 2 * std::tanh(0.5f), e2 = 2 * std::tanh(1.5f);
  const Scalar w1 = 1 / (1 + std::exp(e2 - e1)), w2 = 1 - w1;
  EXPECT_NEAR(r.scores.value()[0], e1, 1e-6f);
  EXPECT_NEAR(r.scores.value()[1], e2, 1e-6f);
  EXPECT_NEAR(r.weights.value()[0], w1, 1e-6f);
  EXPECT_NEAR(r.context.value()[0], 7, 1e-5f);  // both keys have 7 there
  EXPECT_NEAR(r.context.value()[1], w2, 1e-6f);
}

TEST(AttentionScore, PaddedKeysGetMinusInfinityScoreAndExactlyZeroWeight) {
  // B 3, S 4 with 4, 1 and 2 real keys, for each kind.
  for (ScoreKind kind : {ScoreKind::Dot, ScoreKind::General, ScoreKind::Additive}) {
    SCOPED_TRACE(scoreKindName(kind));
    Random rng(2);
    AttentionScore s(kind, 3, 3, 5, rng);
    const std::vector<int64_t> lengths{4, 1, 2};
    Var keys(rnd({3, 4, 3}, 3, -2, 2));
    AttentionResult r = s.forward(Var(rnd({3, 3}, 4, -2, 2)), keys, lengths);
    expectRowsSumToOne(r.weights.value());
    for (int64_t b = 0; b < 3; ++b)
      for (int64_t j = 0; j < 4; ++j) {
        const int64_t i = b * 4 + j;
        if (j >= lengths[static_cast<size_t>(b)]) {
          EXPECT_EQ(r.weights.value()[i], 0.0f) << "row " << b << " key " << j;
          EXPECT_EQ(r.scores.value()[i], -kInf);
        } else {
          EXPECT_GT(r.weights.value()[i], 0.0f);
        }
      }
    // Row 1 has one real key: all weight on it, the context is that key.
    for (int64_t k = 0; k < 3; ++k)
      EXPECT_NEAR(r.context.value()[3 + k], keys.value()[12 + k], 1e-6f);
  }
}

TEST(AttentionScore, PreparedKeysGiveTheSameAsForwardAtEveryStep) {
  Random rng(5);
  AttentionScore s(ScoreKind::Additive, 4, 6, 3, rng);
  Var keys(rnd({2, 5, 6}, 6));
  PreparedKeys prepared = s.prepareKeys(keys, {5, 3});
  for (uint64_t step = 0; step < 3; ++step) {
    Var q(rnd({2, 4}, 10 + step));
    AttentionResult a = s.attend(q, prepared);
    AttentionResult b = s.forward(q, keys, {5, 3});
    EXPECT_EQ(maxAbsDiff(a.context.value(), b.context.value()), 0.0);
    EXPECT_EQ(maxAbsDiff(a.weights.value(), b.weights.value()), 0.0);
  }
}

TEST(AttentionScore, SelectedRowsOfPreparedKeysFollowTheirBatchRows) {
  // Beam search picks rows {1, 1, 0}: the same as preparing those rows' keys afresh.
  Random rng(5);
  AttentionScore s(ScoreKind::General, 4, 6, 0, rng);
  Tensor keys = rnd({2, 5, 6}, 6);
  PreparedKeys picked = selectRows(s.prepareKeys(Var(keys), {5, 3}), {1, 1, 0});
  Tensor keys3 = gatherBatch(Var(keys), {1, 1, 0}).value();
  Var q(rnd({3, 4}, 7));
  AttentionResult a = s.attend(q, picked);
  AttentionResult b = s.forward(q, Var(keys3), {3, 3, 5});
  EXPECT_EQ(picked.keyLengths, (std::vector<int64_t>{3, 3, 5}));
  EXPECT_EQ(maxAbsDiff(a.context.value(), b.context.value()), 0.0);
  EXPECT_EQ(maxAbsDiff(a.weights.value(), b.weights.value()), 0.0);
}

TEST(AttentionScore, SaveLoadRoundTripGivesTheSameOutputs) {
  // Parameters written under the model's names and loaded into a differently seeded score.
  Random rngA(1), rngB(2);
  AttentionScore a(ScoreKind::Additive, 4, 6, 3, rngA), b(ScoreKind::Additive, 4, 6, 3, rngB);
  NamedTensors tensors;
  for (auto& [name, p] : a.namedParameters("decoder.attention."))
    tensors.emplace_back(name, p.value());
  const std::vector<uint8_t> bytes = serializeSafetensors(tensors);
  const SafetensorsFile file = parseSafetensors(bytes.data(), bytes.size(), "round trip");
  EXPECT_TRUE(b.loadParameters(test::tensorMap(file), "decoder.attention.").empty());
  Var q(rnd({2, 4}, 3)), keys(rnd({2, 5, 6}, 4));
  EXPECT_EQ(maxAbsDiff(a.forward(q, keys, {5, 2}).context.value(),
                       b.forward(q, keys, {5, 2}).context.value()),
            0.0);
}

TEST(AttentionScore, DotScoreRejectsKeysOfAnotherSize) {
  Random rng(1);
  try {
    AttentionScore s(ScoreKind::Dot, 4, 8, 0, rng);
    FAIL() << "a dot score over keys of 8 with a query of 4 was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("dot score"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parseScoreKind("concat"), Error);
  EXPECT_EQ(parseScoreKind("general"), ScoreKind::General);
}

TEST(AttentionScore, AdditiveAttentionLearnsToPointAtTheMarkedKey) {
  // Keys are random except that one per row carries a marker in its last feature; the loss is
  // −log weight(marked key). A few Adam steps must put nearly all weight on the marker.
  Random rng(11);
  AttentionScore s(ScoreKind::Additive, 4, 5, 8, rng);
  Adam adam(s.parameters(), 0.05);
  const int64_t batch = 16, steps = 6;
  auto makeBatch = [&](uint64_t seed, std::vector<int64_t>& marked) {
    Random r(seed);
    Tensor keys = r.uniformTensor(Shape{batch, steps, 5}, -1, 1);
    marked.assign(static_cast<size_t>(batch), 0);
    for (int64_t b = 0; b < batch; ++b) {
      for (int64_t j = 0; j < steps; ++j) keys[(b * steps + j) * 5 + 4] = 0;
      marked[static_cast<size_t>(b)] = r.below(steps);
      keys[(b * steps + marked[static_cast<size_t>(b)]) * 5 + 4] = 1;
    }
    return Var(keys);
  };
  Var query(rnd({batch, 4}, 12));
  std::vector<int64_t> marked;
  double loss = 0;
  for (int it = 0; it < 60; ++it) {
    Var keys = makeBatch(100 + static_cast<uint64_t>(it), marked);
    AttentionResult r = s.forward(query, keys);
    Var l = crossEntropy(r.scores, marked, -1);
    adam.zeroGrad();
    l.backward();
    adam.step();
    loss = l.value().item();
  }
  Var keys = makeBatch(999, marked);  // unseen keys
  AttentionResult r = s.forward(query, keys);
  double meanMarked = 0;
  for (int64_t b = 0; b < batch; ++b)
    meanMarked += r.weights.value()[b * steps + marked[static_cast<size_t>(b)]] / double(batch);
  EXPECT_LT(loss, 0.1);
  EXPECT_GT(meanMarked, 0.9) << "mean weight on the marked key";
}

// ---- masks ----

TEST(AttentionMask, CausalMaskLinesUpTheLastQueryWithTheLastKey) {
  // 2 queries over 3 keys (one cached): query 0 sees keys 0..1, query 1 sees all three.
  Tensor m = attentionMask({}, true, 1, 2, 3);
  ASSERT_EQ(m.shape(), (Shape{1, 1, 2, 3}));
  EXPECT_EQ(m.toVector(), (std::vector<Scalar>{0, 0, -kInf, 0, 0, 0}));
  EXPECT_FALSE(attentionMask({3, 3}, false, 2, 2, 3).defined());  // nothing masked: no tensor
  EXPECT_FALSE(keyPaddingMask({}, 2, 3).defined());
}

TEST(AttentionMask, MaskedSoftmaxIsExactlyAddThenSoftmax) {
  // The fused op must give the very same numbers as the two general ops it replaces.
  const Tensor mask = attentionMask({4, 2, 3}, true, 3, 4, 4);
  Var scores(rnd({3, 2, 4, 4}, 1, -3, 3));
  Tensor fused = maskedSoftmax(scores, mask).value();
  Tensor twoOps = softmax(add(scores, Var(mask))).value();
  EXPECT_EQ(maxAbsDiff(fused, twoOps), 0.0);
  EXPECT_EQ(maxAbsDiff(maskedSoftmax(scores, Tensor()).value(), softmax(scores).value()), 0.0);
}

TEST(AttentionMask, LinearRowsEqualsSliceThenLinear) {
  Var x(rnd({2, 3, 4}, 1)), w(rnd({9, 4}, 2)), b(rnd({9}, 3));
  EXPECT_EQ(maxAbsDiff(linearRows(x, w, b, 3, 5).value(),
                       linear(x, slice(w, 0, 3, 5), slice(b, 0, 3, 5)).value()),
            0.0);
}

TEST(AttentionMask, AdditiveScoresEqualTheComposedOps) {
  // The fused score against broadcast add, tanh and a product with v, on the same numbers.
  Var keys(rnd({3, 4, 5}, 1, -2, 2)), query(rnd({3, 5}, 2)), v(rnd({1, 5}, 3));
  Tensor fused = additiveScores(keys, query, v).value();
  Tensor composed =
      reshape(linear(tanh(add(keys, reshape(query, Shape{3, 1, 5}))), v, Var()), Shape{3, 4})
          .value();
  EXPECT_LT(maxAbsDiff(fused, composed), 1e-6);
}

// ---- multi-head attention ----

TEST(MultiheadAttention, ParametersAreNamedAndInitialisedAsPyTorch) {
  Random rng(1);
  MultiheadAttention mha(8, 2, rng);
  std::vector<std::string> names;
  for (auto& [n, p] : mha.namedParameters()) names.push_back(n + p.shape().toString());
  EXPECT_EQ(names, (std::vector<std::string>{"in_proj_weight[24, 8]", "in_proj_bias[24]",
                                             "out_proj.weight[8, 8]", "out_proj.bias[8]"}));
  EXPECT_EQ(mha.in_proj_bias.value().arr().abs().maxCoeff(), 0.0f);
  EXPECT_EQ(mha.out_proj.bias.value().arr().abs().maxCoeff(), 0.0f);
  const Scalar xavier = std::sqrt(6.0f / (24 + 8));
  EXPECT_LE(mha.in_proj_weight.value().arr().abs().maxCoeff(), xavier);
  EXPECT_GT(mha.in_proj_weight.value().arr().abs().maxCoeff(), 0.5f * xavier);
  EXPECT_LE(mha.out_proj.weight.value().arr().abs().maxCoeff(), 1 / std::sqrt(8.0f));
  EXPECT_THROW(MultiheadAttention(6, 4, rng), Error);  // 6 is not a multiple of 4
}

TEST(MultiheadAttention, WeightRowsSumToOneAndPaddedKeysGetExactlyZero) {
  Random rng(2);
  MultiheadAttention mha(8, 4, rng);
  const std::vector<int64_t> lengths{5, 2, 4};
  Var q(rnd({3, 3, 8}, 3, -2, 2)), kv(rnd({3, 5, 8}, 4, -2, 2));
  MhaOutput o = mha.forward(q, kv, kv, lengths);
  ASSERT_EQ(o.weights.shape(), (Shape{3, 4, 3, 5}));
  ASSERT_EQ(o.output.shape(), (Shape{3, 3, 8}));
  expectRowsSumToOne(o.weights.value());
  const Tensor& w = o.weights.value();
  for (int64_t b = 0; b < 3; ++b)
    for (int64_t i = 0; i < 4 * 3; ++i)
      for (int64_t j = lengths[static_cast<size_t>(b)]; j < 5; ++j)
        EXPECT_EQ(w[(b * 12 + i) * 5 + j], 0.0f) << "batch " << b << " key " << j;
}

TEST(MultiheadAttention, CausalMaskZerosTheUpperTriangleExactly) {
  Random rng(3);
  MultiheadAttention mha(8, 2, rng);
  Var x(rnd({2, 5, 8}, 4, -2, 2));
  MhaOutput o = mha.forward(x, x, x, {}, true);
  expectRowsSumToOne(o.weights.value());
  const Tensor& w = o.weights.value();
  for (int64_t bh = 0; bh < 4; ++bh)
    for (int64_t t = 0; t < 5; ++t)
      for (int64_t j = 0; j < 5; ++j) {
        const Scalar v = w[(bh * 5 + t) * 5 + j];
        if (j > t)
          EXPECT_EQ(v, 0.0f) << "query " << t << " sees later key " << j;
        else
          EXPECT_GT(v, 0.0f);
      }
  // The first query can only see itself.
  EXPECT_EQ(w[0], 1.0f);
}

TEST(MultiheadAttention, SelfAttentionIsPermutationEquivariant) {
  // Without positional encoding, permuting the tokens permutes the outputs' rows and both
  // axes of every head's weights the same way.
  Random rng(4);
  MultiheadAttention mha(8, 2, rng);
  const int64_t B = 2, T = 4, d = 8, h = 2;
  const std::vector<int64_t> perm{2, 0, 3, 1};  // new position p holds old token perm[p]
  Tensor x = rnd({B, T, d}, 5, -2, 2);
  Tensor xp = Tensor::empty(x.shape());
  for (int64_t b = 0; b < B; ++b)
    for (int64_t p = 0; p < T; ++p)
      for (int64_t k = 0; k < d; ++k) xp[(b * T + p) * d + k] = x[(b * T + perm[p]) * d + k];
  Var vx(x), vxp(xp);
  MhaOutput o = mha.forward(vx, vx, vx), op = mha.forward(vxp, vxp, vxp);
  double worst = 0;
  for (int64_t b = 0; b < B; ++b)
    for (int64_t p = 0; p < T; ++p) {
      for (int64_t k = 0; k < d; ++k)
        worst = std::max(worst, double(std::fabs(op.output.value()[(b * T + p) * d + k] -
                                                 o.output.value()[(b * T + perm[p]) * d + k])));
      for (int64_t i = 0; i < h; ++i)
        for (int64_t q = 0; q < T; ++q)
          worst = std::max(
              worst,
              double(std::fabs(op.weights.value()[((b * h + i) * T + p) * T + q] -
                               o.weights.value()[((b * h + i) * T + perm[p]) * T + perm[q]])));
    }
  EXPECT_LT(worst, 1e-5) << "largest difference after permuting " << worst;
}

TEST(MultiheadAttention, PackedSelfProjectionEqualsSeparateProjections) {
  // forward(x, x, x) takes the one-product path; copies of x take the separate one.
  Random rng(6);
  MultiheadAttention mha(8, 2, rng);
  Tensor x = rnd({2, 3, 8}, 7);
  Var a(x), b(x), c(x);
  MhaOutput fused = mha.forward(a, a, a, {3, 2}, true);
  MhaOutput separate = mha.forward(a, b, c, {3, 2}, true);
  EXPECT_LT(maxAbsDiff(fused.output.value(), separate.output.value()), 1e-6);
  EXPECT_LT(maxAbsDiff(fused.weights.value(), separate.weights.value()), 1e-6);
}

TEST(MultiheadAttention, AppendedKeysGiveTheSameAsCausalForward) {
  // Step-by-step self-attention over a growing cache reproduces the causal forward's rows.
  Random rng(8);
  MultiheadAttention mha(8, 2, rng);
  const int64_t B = 2, T = 4, d = 8;
  Var x(rnd({B, T, d}, 9));
  MhaOutput full = mha.forward(x, x, x, {}, true);
  MhaKeys cache;
  for (int64_t t = 0; t < T; ++t) {
    Var xt = slice(x, 1, t, 1);
    cache = mha.appendKeys(cache, xt);
    MhaOutput o = mha.attend(xt, cache, true);
    ASSERT_EQ(o.weights.shape(), (Shape{B, 2, 1, t + 1}));
    EXPECT_LT(maxAbsDiff(o.output.value(), slice(full.output, 1, t, 1).value()), 1e-6);
    for (int64_t b = 0; b < B * 2; ++b)
      for (int64_t j = 0; j <= t; ++j)
        EXPECT_NEAR(o.weights.value()[b * (t + 1) + j], full.weights.value()[(b * T + t) * T + j],
                    1e-6f);
  }
}

// ---- against PyTorch (tests/data/golden, tools/make_goldens.py) ----

void checkMhaAgainstTorch(const std::string& file, bool cross, bool causal) {
  const SafetensorsFile g = test::loadGolden(file);
  Random rng(0);
  MultiheadAttention mha(6, 2, rng);
  mha.loadParameters(test::tensorMap(g));
  const std::vector<int64_t> lengths = test::asIndices(g.at("lengths"));
  MhaOutput o;
  Var q, k, v;
  if (cross) {
    q = Var(g.at("query"), true);
    k = Var(g.at("key"), true);
    v = Var(g.at("value"), true);
    o = mha.forward(q, k, v, lengths, causal);
  } else {
    q = Var(g.at("input"), true);
    o = mha.forward(q, q, q, lengths, causal);
  }
  expectMatchesTorch("output", o.output.value(), g.at("output"));
  expectMatchesTorch("attn_weights", o.weights.value(), g.at("attn_weights"));
  sum(mul(o.output, Var(g.at("grad_output")))).backward();
  // Gradients add up over T·S products of float32 values: a looser tolerance than forward.
  if (cross) {
    expectMatchesTorch("grad.query", q.grad(), g.at("grad.query"), 1e-4);
    expectMatchesTorch("grad.key", k.grad(), g.at("grad.key"), 1e-4);
    expectMatchesTorch("grad.value", v.grad(), g.at("grad.value"), 1e-4);
  } else {
    expectMatchesTorch("grad.input", q.grad(), g.at("grad.input"), 1e-4);
  }
  expectParameterGradsMatchTorch(mha, g);
}

TEST(MultiheadAttention, SelfAttentionWithPaddingMatchesTorch) {
  checkMhaAgainstTorch("mha_self_padding", false, false);
}

TEST(MultiheadAttention, SelfAttentionCausalWithPaddingMatchesTorch) {
  checkMhaAgainstTorch("mha_self_causal", false, true);
}

TEST(MultiheadAttention, CrossAttentionWithPaddingMatchesTorch) {
  checkMhaAgainstTorch("mha_cross", true, false);
}

}  // namespace
}  // namespace attn
