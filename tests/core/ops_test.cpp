// Forward values of the ops against numbers worked out by hand, and the masking invariants.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tensor/ops.h"
#include "tensor/ops_attention.h"

namespace attn {
namespace {

const Scalar kInf = std::numeric_limits<Scalar>::infinity();

Var constant(const Shape& s, std::vector<Scalar> v) {
  return Var(Tensor::fromVector(s, v));
}

void expectValues(const Var& v, const std::vector<Scalar>& expected, Scalar tol = 1e-6f) {
  ASSERT_EQ(v.value().numel(), static_cast<int64_t>(expected.size()));
  for (size_t i = 0; i < expected.size(); ++i)
    EXPECT_NEAR(v.value()[static_cast<int64_t>(i)], expected[i], tol) << "element " << i;
}

TEST(Ops, MatmulByHand) {
  // [[1,2],[3,4]] x [[5,6],[7,8]] = [[19,22],[43,50]]
  expectValues(matmul(constant({2, 2}, {1, 2, 3, 4}), constant({2, 2}, {5, 6, 7, 8})),
               {19, 22, 43, 50});
}

TEST(Ops, LinearIsXWTransposePlusBias) {
  // x = [1, 2], W = [[1,0],[0,1],[1,1]], b = [0.5, -1, 0] -> [1.5, 1, 3]
  Var y = linear(constant({1, 2}, {1, 2}), constant({3, 2}, {1, 0, 0, 1, 1, 1}),
                 constant({3}, {0.5f, -1, 0}));
  EXPECT_EQ(y.shape(), (Shape{1, 3}));
  expectValues(y, {1.5f, 1, 3});
}

TEST(Ops, BmmTransposedRightByHand) {
  // batch of 2: a_b [1,2] times b_bᵀ with b_b [1,2] -> dot products
  Var y = bmm(constant({2, 1, 2}, {1, 2, 3, 4}), constant({2, 1, 2}, {5, 6, 7, 8}), true);
  EXPECT_EQ(y.shape(), (Shape{2, 1, 1}));
  expectValues(y, {17, 53});
}

TEST(Ops, AddBroadcastsLikeNumpy) {
  Var y = add(constant({2, 1}, {10, 20}), constant({3}, {1, 2, 3}));
  EXPECT_EQ(y.shape(), (Shape{2, 3}));
  expectValues(y, {11, 12, 13, 21, 22, 23});
}

TEST(Ops, IncompatibleBroadcastThrowsError) {
  EXPECT_THROW(add(constant({2, 3}, {1, 2, 3, 4, 5, 6}), constant({2}, {1, 2})), Error);
}

TEST(Ops, PermuteMovesElements) {
  // [1, 2, 3] with values 0..5, permuted to [3, 2, 1]... as a transpose of the last two dims
  Var y = permute(constant({1, 2, 3}, {0, 1, 2, 3, 4, 5}), {0, 2, 1});
  EXPECT_EQ(y.shape(), (Shape{1, 3, 2}));
  expectValues(y, {0, 3, 1, 4, 2, 5});
}

TEST(Ops, ConcatAndSliceAreInverse) {
  Var a = constant({2, 2}, {1, 2, 3, 4});
  Var b = constant({2, 1}, {9, 8});
  Var c = concat({a, b}, -1);
  expectValues(c, {1, 2, 9, 3, 4, 8});
  expectValues(slice(c, 1, 2, 1), {9, 8});
  expectValues(slice(c, 1, 0, 2), {1, 2, 3, 4});
}

TEST(Ops, EmbeddingLooksUpRows) {
  Var y = embedding(constant({3, 2}, {0, 1, 10, 11, 20, 21}), {2, 0}, Shape{1, 2});
  EXPECT_EQ(y.shape(), (Shape{1, 2, 2}));
  expectValues(y, {20, 21, 0, 1});
}

TEST(Ops, SoftmaxByHand) {
  // softmax([0, ln 3]) = [1/4, 3/4]
  expectValues(softmax(constant({1, 2}, {0, std::log(3.0f)})), {0.25f, 0.75f});
}

TEST(Ops, SoftmaxMaskedKeysGetExactlyZero) {
  Var p = softmax(constant({2, 3}, {1, -kInf, 2, -kInf, 5, -kInf}));
  EXPECT_EQ(p.value()[1], 0.0f);
  EXPECT_EQ(p.value()[3], 0.0f);
  EXPECT_EQ(p.value()[5], 0.0f);
  EXPECT_EQ(p.value()[4], 1.0f);
  EXPECT_NEAR(p.value()[0] + p.value()[2], 1.0f, 1e-6f);
}

TEST(Ops, SoftmaxFullyMaskedRowIsZeroNotNan) {
  Var p = softmax(constant({1, 2}, {-kInf, -kInf}));
  EXPECT_EQ(p.value()[0], 0.0f);
  EXPECT_EQ(p.value()[1], 0.0f);
}

TEST(Ops, MaskedSoftmaxByHandWithAFullyMaskedRow) {
  // scores [1, 1, 2, 3]; the mask hides key 2 of row 0 and every key of row 1.
  Var scores = constant({1, 1, 2, 3}, {0, std::log(3.0f), 7, 1, 2, 3});
  Tensor mask = constant({1, 1, 2, 3}, {0, 0, -kInf, -kInf, -kInf, -kInf}).value();
  expectValues(maskedSoftmax(scores, mask), {0.25f, 0.75f, 0, 0, 0, 0});
}

TEST(Ops, AGradientWithTwoContributorsIsTheirSum) {
  // y = Σ softmax(x)·w + Σ x·x: x's gradient is written by the first contribution and added
  // to by the second (Node::accumulateGrad), whichever comes first.
  Var x(Tensor::fromVector(Shape{1, 2}, {0, std::log(3.0f)}), true);
  Var w = constant({1, 2}, {1, 2});
  Var y = add(sum(mul(softmax(x), w)), sum(mul(x, x)));
  y.backward();
  // d/dx softmax·w = p ⊙ (w − ⟨w, p⟩), p = [1/4, 3/4], ⟨w, p⟩ = 7/4; d/dx Σ x² = 2x.
  EXPECT_NEAR(x.grad()[0], 0.25f * (1 - 1.75f) + 0, 1e-6f);
  EXPECT_NEAR(x.grad()[1], 0.75f * (2 - 1.75f) + 2 * std::log(3.0f), 1e-6f);
}

TEST(Ops, SoftmaxIsStableForLargeInputs) {
  Var p = softmax(constant({1, 2}, {1000, 1000}));
  expectValues(p, {0.5f, 0.5f});
}

TEST(Ops, LogSoftmaxMatchesLogOfSoftmax) {
  Var x = constant({2, 3}, {0.1f, -2, 3, 1, 1, 1});
  Var a = logSoftmax(x);
  Var b = log(softmax(x));
  for (int64_t i = 0; i < 6; ++i) EXPECT_NEAR(a.value()[i], b.value()[i], 1e-5f);
}

TEST(Ops, CrossEntropyByHandIgnoresPadding) {
  // Row 0: logits [0, 0], target 1 -> ln 2. Row 1: target 0 = <pad>, ignored.
  // Row 2: logits [0, ln 3], target 1 -> −ln(3/4). Mean over the two counted rows.
  Var loss = crossEntropy(constant({3, 2}, {0, 0, 5, -5, 0, std::log(3.0f)}), {1, 0, 1}, 0);
  EXPECT_NEAR(loss.value().item(), (std::log(2.0f) - std::log(0.75f)) / 2, 1e-6f);
}

TEST(Ops, CrossEntropyWithOnlyPaddingIsZero) {
  EXPECT_EQ(crossEntropy(constant({1, 2}, {1, 2}), {0}, 0).value().item(), 0.0f);
}

TEST(Ops, LayerNormByHand) {
  // [1, 3]: mean 2, biased variance 1 -> [-1, 1]/sqrt(1 + eps), then γ = [2, 1], β = [0, 1]
  Var y = layerNorm(constant({1, 2}, {1, 3}), constant({2}, {2, 1}), constant({2}, {0, 1}));
  const Scalar s = 1 / std::sqrt(1 + 1e-5f);
  expectValues(y, {-2 * s, s + 1});
}

TEST(Ops, BackwardAccumulatesIntoLeavesAndFreesTheGraph) {
  Var w(Tensor::fromVector({2}, {1, 2}), true);
  Var y = sum(mul(w, w));  // d/dw Σ w² = 2w
  y.backward();
  expectValues(Var(w.grad()), {2, 4});
  Var y2 = sum(mul(w, w));
  y2.backward();  // a second backward adds to the leaf's gradient, as PyTorch does
  expectValues(Var(w.grad()), {4, 8});
}

TEST(Ops, NoGradGuardRecordsNothing) {
  Var w(Tensor::fromVector({2}, {1, 2}), true);
  NoGradGuard guard;
  Var y = sum(mul(w, w));
  EXPECT_FALSE(y.requiresGrad());
  EXPECT_TRUE(y.node()->inputs.empty());
}

}  // namespace
}  // namespace attn
