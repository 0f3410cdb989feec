// Optimizers and clipping: values worked by hand here; PyTorch goldens in optim_torch_test.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "optim/optimizer.h"
#include "tensor/ops.h"

namespace attn {
namespace {

Var param(std::vector<Scalar> values, std::vector<Scalar> grad) {
  Var p(Tensor::fromVector(Shape{static_cast<int64_t>(values.size())}, values), true);
  p.gradRef() = Tensor::fromVector(p.shape(), grad);
  return p;
}

TEST(Optim, SgdStepIsLearningRateTimesGradient) {
  Var p = param({1, 2}, {0.5f, -1});
  Sgd sgd({p}, 0.1);
  sgd.step();
  EXPECT_FLOAT_EQ(p.value()[0], 0.95f);
  EXPECT_FLOAT_EQ(p.value()[1], 2.1f);
}

TEST(Optim, AdamFirstStepMovesByLearningRateTimesSign) {
  // After one step m̂ = g and v̂ = g², so the update is lr · g / (|g| + ε) ≈ lr · sign(g).
  Var p = param({1, 2, 3}, {0.5f, -4, 1e-3f});
  Adam adam({p}, 0.01);
  adam.step();
  EXPECT_NEAR(p.value()[0], 1 - 0.01f, 1e-6f);
  EXPECT_NEAR(p.value()[1], 2 + 0.01f, 1e-6f);
  EXPECT_NEAR(p.value()[2], 3 - 0.01f * 1e-3f / (1e-3f + 1e-8f), 1e-6f);
}

TEST(Optim, AdamSecondStepByHand) {
  // g1 = 1, g2 = −1 (β1 0.9, β2 0.999): m = 0.9·0.1 − 0.1 = −0.01, v = 0.000999 + 0.001,
  // m̂ = m / (1 − 0.81), v̂ = v / (1 − 0.998001).
  Var p = param({0}, {1});
  Adam adam({p}, 0.1);
  adam.step();
  p.gradRef()[0] = -1;
  adam.step();
  const double m = -0.01, v = 0.999 * 0.001 + 0.001;
  const double expected = -0.1 - 0.1 * (m / 0.19) / (std::sqrt(v / (1 - 0.998001)) + 1e-8);
  EXPECT_NEAR(p.value()[0], expected, 1e-6);
  EXPECT_EQ(adam.stepCount(), 2);
}

TEST(Optim, OptimizersSkipParametersWithoutGradient) {
  Var p(Tensor::fromVector({1}, {5}), true);
  Adam adam({p}, 0.1);
  adam.step();
  EXPECT_EQ(p.value()[0], 5.0f);
}

TEST(Optim, ClipGradNormScalesToMaxNorm) {
  Var a = param({0, 0}, {3, 0});
  Var b = param({0}, {4});
  const double norm = clipGradNorm({a, b}, 1.0);
  EXPECT_DOUBLE_EQ(norm, 5.0);
  const double c = 1.0 / (5.0 + 1e-6);
  EXPECT_NEAR(a.grad()[0], 3 * c, 1e-7);
  EXPECT_NEAR(b.grad()[0], 4 * c, 1e-7);
  EXPECT_NEAR(globalGradNorm({a, b}), 1.0, 1e-6);
}

TEST(Optim, ClipGradNormLeavesSmallGradientsAlone) {
  Var a = param({0, 0}, {0.3f, 0.4f});
  EXPECT_NEAR(clipGradNorm({a}, 1.0), 0.5, 1e-7);
  EXPECT_FLOAT_EQ(a.grad()[0], 0.3f);
  EXPECT_FLOAT_EQ(a.grad()[1], 0.4f);
}

TEST(Optim, ClipGradNormReportsNanWithoutScaling) {
  Var a = param({0, 0}, {std::numeric_limits<Scalar>::quiet_NaN(), 1});
  EXPECT_TRUE(std::isnan(clipGradNorm({a}, 1.0)));
  EXPECT_FLOAT_EQ(a.grad()[1], 1.0f);
}

TEST(Optim, SgdOnLinearRegressionConverges) {
  // y = 2x − 1 from four points: plain gradient descent must find w ≈ 2, b ≈ −1.
  Var w(Tensor::fromVector({1, 1}, {0}), true);
  Var b(Tensor::fromVector({1}, {0}), true);
  Var x(Tensor::fromVector({4, 1}, {0, 1, 2, 3}));
  Var y(Tensor::fromVector({4, 1}, {-1, 1, 3, 5}));
  Sgd sgd({w, b}, 0.1);
  for (int i = 0; i < 500; ++i) {
    sgd.zeroGrad();
    Var d = sub(linear(x, w, b), y);
    mean(mul(d, d)).backward();
    sgd.step();
  }
  EXPECT_NEAR(w.value()[0], 2.0f, 1e-3f);
  EXPECT_NEAR(b.value()[0], -1.0f, 1e-3f);
}

}  // namespace
}  // namespace attn
