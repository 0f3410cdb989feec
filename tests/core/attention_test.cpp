// The RNN attention scores in float32: each worked by hand on two keys, the invariants of their
// weights (rows sum to 1, padded keys exactly 0), prepared keys reused and reordered, a save/load
// round trip and a tiny task the additive score learns in a few steps; and the attention ops
// and masks against the general ops they stand for.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "attention_test_util.h"
#include "layers/attention_mask.h"
#include "layers/attention_score.h"
#include "optim/optimizer.h"
#include "tensor/ops_attention.h"
#include "tensor/random_tensor.h"

namespace attn {
namespace {

using test::expectRowsSumToOne;
using test::maxAbsDiff;
using test::rnd;

const Scalar kInf = std::numeric_limits<Scalar>::infinity();

Var constant(const Shape& s, std::vector<Scalar> v) {
  return Var(Tensor::fromVector(s, v));
}

void setParameter(Var p, std::vector<Scalar> values) {
  p.mutableValue() = Tensor::fromVector(p.shape(), values);
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
    Tensor keys = uniformTensor(r, Shape{batch, steps, 5}, -1, 1);
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

// ---- masks and ops ----

TEST(AttentionMask, CausalMaskLinesUpTheLastQueryWithTheLastKey) {
  // 2 queries over 3 keys (one cached): query 0 sees keys 0..1, query 1 sees all three.
  Tensor m = attentionMask({}, true, 1, 2, 3);
  ASSERT_EQ(m.shape(), (Shape{1, 1, 2, 3}));
  EXPECT_EQ(m.toVector(), (std::vector<Scalar>{0, 0, -kInf, 0, 0, 0}));
  EXPECT_FALSE(attentionMask({3, 3}, false, 2, 2, 3).defined());  // nothing masked: no tensor
  EXPECT_FALSE(keyPaddingMask({}, 2, 3).defined());
}

TEST(AttentionOps, MaskedSoftmaxIsExactlyAddThenSoftmax) {
  // The fused op must give the very same numbers as the two general ops it replaces.
  const Tensor mask = attentionMask({4, 2, 3}, true, 3, 4, 4);
  Var scores(rnd({3, 2, 4, 4}, 1, -3, 3));
  Tensor fused = maskedSoftmax(scores, mask).value();
  Tensor twoOps = softmax(add(scores, Var(mask))).value();
  EXPECT_EQ(maxAbsDiff(fused, twoOps), 0.0);
  EXPECT_EQ(maxAbsDiff(maskedSoftmax(scores, Tensor()).value(), softmax(scores).value()), 0.0);
}

TEST(AttentionOps, LinearRowsEqualsSliceThenLinear) {
  Var x(rnd({2, 3, 4}, 1)), w(rnd({9, 4}, 2)), b(rnd({9}, 3));
  EXPECT_EQ(maxAbsDiff(linearRows(x, w, b, 3, 5).value(),
                       linear(x, slice(w, 0, 3, 5), slice(b, 0, 3, 5)).value()),
            0.0);
}

TEST(AttentionOps, AdditiveScoresEqualTheComposedOps) {
  // The fused score against broadcast add, tanh and a product with v, on the same numbers.
  Var keys(rnd({3, 4, 5}, 1, -2, 2)), query(rnd({3, 5}, 2)), v(rnd({1, 5}, 3));
  Tensor fused = additiveScores(keys, query, v).value();
  Tensor composed =
      reshape(linear(tanh(add(keys, reshape(query, Shape{3, 1, 5}))), v, Var()), Shape{3, 4})
          .value();
  EXPECT_LT(maxAbsDiff(fused, composed), 1e-6);
}

}  // namespace
}  // namespace attn
