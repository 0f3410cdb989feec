// Finite-difference gradient checks (float64) of every op in core/tensor/ops.h.
#include <limits>

#include "gradcheck.h"
#include "random_tensor.h"

namespace attn {
namespace {

using testing::gradCheck;

using test::rnd;

TEST(OpsGrad, MatmulGrad) {
  EXPECT_TRUE(
      gradCheck([](auto& v) { return matmul(v[0], v[1]); }, {rnd({3, 4}, 1), rnd({4, 5}, 2)}));
}

TEST(OpsGrad, BmmGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return bmm(v[0], v[1]); },
                        {rnd({2, 3, 3, 4}, 1), rnd({2, 3, 4, 2}, 2)}));
}

TEST(OpsGrad, BmmTransposedRightGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return bmm(v[0], v[1], true); },
                        {rnd({2, 3, 4}, 1), rnd({2, 5, 4}, 2)}));
}

TEST(OpsGrad, LinearWithBiasGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return linear(v[0], v[1], v[2]); },
                        {rnd({2, 3, 4}, 1), rnd({5, 4}, 2), rnd({5}, 3)}));
}

TEST(OpsGrad, LinearWithoutBiasGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return linear(v[0], v[1], Var()); },
                        {rnd({3, 4}, 1), rnd({2, 4}, 2)}));
}

TEST(OpsGrad, AddSameShapeGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return add(v[0], v[1]); }, {rnd({3, 4}, 1), rnd({3, 4}, 2)}));
}

TEST(OpsGrad, AddBroadcastRowGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return add(v[0], v[1]); }, {rnd({2, 3, 4}, 1), rnd({4}, 2)}));
}

TEST(OpsGrad, AddBroadcastBothSidesGrad) {
  // [2, 1, 4] + [3, 1] -> [2, 3, 4]: each side is broadcast along a different dimension.
  EXPECT_TRUE(
      gradCheck([](auto& v) { return add(v[0], v[1]); }, {rnd({2, 1, 4}, 1), rnd({3, 1}, 2)}));
}

TEST(OpsGrad, SubBroadcastGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return sub(v[0], v[1]); }, {rnd({3, 4}, 1), rnd({3, 1}, 2)}));
}

TEST(OpsGrad, MulSameShapeGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return mul(v[0], v[1]); }, {rnd({3, 4}, 1), rnd({3, 4}, 2)}));
}

TEST(OpsGrad, MulBroadcastGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return mul(v[0], v[1]); },
                        {rnd({2, 1, 3, 4}, 1), rnd({5, 1, 1}, 2)}));
}

TEST(OpsGrad, ScaleGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return scale(v[0], 0.37); }, {rnd({3, 4}, 1)}));
}

TEST(OpsGrad, TanhGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return tanh(v[0]); }, {rnd({3, 4}, 1, -3, 3)}));
}

TEST(OpsGrad, SigmoidGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return sigmoid(v[0]); }, {rnd({3, 4}, 1, -4, 4)}));
}

TEST(OpsGrad, ReluGrad) {
  // Values kept away from the kink at 0, where the derivative does not exist.
  Tensor x = rnd({3, 4}, 1);
  for (int64_t i = 0; i < x.numel(); ++i) x[i] += x[i] > 0 ? 0.1 : -0.1;
  EXPECT_TRUE(gradCheck([](auto& v) { return relu(v[0]); }, {x}));
}

TEST(OpsGrad, ExpGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return exp(v[0]); }, {rnd({3, 4}, 1, -2, 2)}));
}

TEST(OpsGrad, LogGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return log(v[0]); }, {rnd({3, 4}, 1, 0.5, 3)}));
}

TEST(OpsGrad, ReshapeGrad) {
  EXPECT_TRUE(gradCheck(
      [](auto& v) {
        return mul(reshape(v[0], Shape{4, 3}), v[1]);
      },
      {rnd({3, 4}, 1), rnd({4, 3}, 2)}));
}

TEST(OpsGrad, TransposeGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return transpose(v[0]); }, {rnd({2, 3, 4}, 1)}));
}

TEST(OpsGrad, PermuteGrad) {
  EXPECT_TRUE(gradCheck(
      [](auto& v) {
        return permute(v[0], {0, 2, 1, 3});
      },
      {rnd({2, 3, 4, 2}, 1)}));
}

TEST(OpsGrad, ConcatLastDimGrad) {
  EXPECT_TRUE(gradCheck(
      [](auto& v) {
        return concat({v[0], v[1]}, -1);
      },
      {rnd({2, 3}, 1), rnd({2, 4}, 2)}));
}

TEST(OpsGrad, ConcatMiddleDimGrad) {
  EXPECT_TRUE(gradCheck(
      [](auto& v) {
        return concat({v[0], v[1], v[0]}, 1);
      },
      {rnd({2, 1, 3}, 1), rnd({2, 2, 3}, 2)}));
}

TEST(OpsGrad, SliceGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return slice(v[0], 1, 1, 2); }, {rnd({2, 4, 3}, 1)}));
}

TEST(OpsGrad, GatherRowsWithRepeatsGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return gatherRows(v[0], {2, 0, 2, 1}); }, {rnd({3, 4}, 1)}));
}

TEST(OpsGrad, EmbeddingGrad) {
  EXPECT_TRUE(gradCheck(
      [](auto& v) {
        return embedding(v[0], {1, 3, 1, 0, 4, 4}, Shape{2, 3});
      },
      {rnd({5, 3}, 1)}));
}

TEST(OpsGrad, SumGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return sum(mul(v[0], v[0])); }, {rnd({3, 4}, 1)}));
}

TEST(OpsGrad, MeanGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return mean(mul(v[0], v[0])); }, {rnd({3, 4}, 1)}));
}

TEST(OpsGrad, SoftmaxGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return softmax(v[0]); }, {rnd({2, 3, 5}, 1, -2, 2)}));
}

TEST(OpsGrad, SoftmaxWithMaskedKeysGrad) {
  // An additive −∞ mask, as padding uses: masked entries have zero weight and zero gradient.
  const double inf = std::numeric_limits<double>::infinity();
  Tensor mask = Tensor::fromVector({2, 4}, {0, 0, -inf, -inf, 0, -inf, 0, 0});
  EXPECT_TRUE(
      gradCheck([&](auto& v) { return softmax(add(v[0], Var(mask))); }, {rnd({2, 4}, 1, -2, 2)}));
}

TEST(OpsGrad, LogSoftmaxGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return logSoftmax(v[0]); }, {rnd({3, 5}, 1, -2, 2)}));
}

TEST(OpsGrad, CrossEntropyWithIgnoredTargetsGrad) {
  EXPECT_TRUE(gradCheck(
      [](auto& v) {
        return crossEntropy(v[0], {2, 0, 4, 1}, 0);
      },
      {rnd({4, 5}, 1, -2, 2)}));
}

TEST(OpsGrad, LayerNormGrad) {
  EXPECT_TRUE(gradCheck([](auto& v) { return layerNorm(v[0], v[1], v[2]); },
                        {rnd({2, 3, 5}, 1, -2, 2), rnd({5}, 2, 0.5, 1.5), rnd({5}, 3)}));
}

TEST(OpsGrad, ComposedChainSharesInputsGrad) {
  // One input used along two paths: gradients from both must add up.
  EXPECT_TRUE(gradCheck(
      [](auto& v) { return tanh(add(matmul(v[0], v[1]), matmul(v[0], transpose(v[1])))); },
      {rnd({3, 3}, 1), rnd({3, 3}, 2)}));
}

}  // namespace
}  // namespace attn

namespace attn {
namespace {

TEST(GradChecker, GradCheckRejectsAWrongBackward) {
  // y = x² with a backward that forgets the factor 2: the checker must notice.
  auto wrongSquare = [](const std::vector<Var>& v) {
    Tensor y = v[0].value();
    y.arr() = y.arr().square();
    return makeResult(std::move(y), {v[0]}, [](Node& self) {
      self.inputs[0]->gradRef().arr() += self.grad.arr() * self.inputs[0]->value.arr();
    });
  };
  Random r(3);
  EXPECT_FALSE(testing::gradCheck(wrongSquare, {uniformTensor(r, {2, 3}, 0.5, 1.5)}));
}

}  // namespace
}  // namespace attn
