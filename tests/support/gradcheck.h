// The one finite-difference gradient checker behind every ...Grad... test.
// It runs in the float64 build of the engine: the loss L = Σ R ⊙ f(inputs), with R a fixed
// random tensor (so every output element matters, with distinct weights), is differentiated
// by the tape, then each input element is nudged by ±eps and the central difference compared.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <sstream>
#include <vector>

#include "tensor/ops.h"
#include "util/random.h"

namespace attn::testing {

struct GradCheckOptions {
  double eps = 1e-6;   // central difference step; error O(eps²) + rounding O(1e-16/eps)
  double atol = 1e-7;
  double rtol = 1e-5;
  uint64_t seed = 1234;
};

using GradFn = std::function<Var(const std::vector<Var>&)>;

inline ::testing::AssertionResult gradCheck(const GradFn& f, const std::vector<Tensor>& inputs,
                                            const GradCheckOptions& opt = {}) {
  static_assert(sizeof(Scalar) == 8, "gradient checks run in the float64 build");
  std::vector<Var> vars;
  for (const Tensor& t : inputs) vars.emplace_back(t, true);
  Var out = f(vars);
  Random rng(opt.seed);
  const Tensor weights = rng.uniformTensor(out.shape(), -1, 1);
  Var loss = sum(mul(out, Var(weights)));
  loss.backward();

  auto lossAt = [&](const std::vector<Tensor>& xs) {
    NoGradGuard noGrad;
    std::vector<Var> vs;
    for (const Tensor& t : xs) vs.emplace_back(t, false);
    return (f(vs).value().arr() * weights.arr()).sum();
  };
  double worst = 0;
  std::ostringstream report;
  bool ok = true;
  std::vector<Tensor> xs = inputs;
  for (size_t k = 0; k < xs.size(); ++k) {
    const Tensor analytic = vars[k].grad().defined() ? vars[k].grad()
                                                     : Tensor::zeros(inputs[k].shape());
    for (int64_t i = 0; i < xs[k].numel(); ++i) {
      const Scalar saved = xs[k][i];
      xs[k][i] = saved + opt.eps;
      const double up = lossAt(xs);
      xs[k][i] = saved - opt.eps;
      const double down = lossAt(xs);
      xs[k][i] = saved;
      const double numeric = (up - down) / (2 * opt.eps);
      const double diff = std::abs(numeric - analytic[i]);
      worst = std::max(worst, diff);
      if (diff > opt.atol + opt.rtol * std::abs(numeric) && ok) {
        ok = false;
        report << "input " << k << " element " << i << ": analytic " << analytic[i]
               << " vs numeric " << numeric << " (diff " << diff << ")";
      }
    }
  }
  if (!ok) return ::testing::AssertionFailure() << report.str() << "; largest diff " << worst;
  return ::testing::AssertionSuccess() << "largest diff " << worst;
}

}  // namespace attn::testing

namespace attn::testing {

// The same check over parameters that live inside a module: `f` builds the output from them
// (they are leaves with requiresGrad), and each of their elements is nudged in place.
inline ::testing::AssertionResult gradCheckParameters(const std::function<Var()>& f,
                                                      std::vector<Var> params,
                                                      const GradCheckOptions& opt = {}) {
  static_assert(sizeof(Scalar) == 8, "gradient checks run in the float64 build");
  for (Var& p : params) p.zeroGrad();
  Var out = f();
  Random rng(opt.seed);
  const Tensor weights = rng.uniformTensor(out.shape(), -1, 1);
  sum(mul(out, Var(weights))).backward();
  auto lossNow = [&] {
    NoGradGuard noGrad;
    return (f().value().arr() * weights.arr()).sum();
  };
  double worst = 0;
  for (size_t k = 0; k < params.size(); ++k) {
    Var& p = params[k];
    const Tensor analytic = p.grad().defined() ? p.grad() : Tensor::zeros(p.shape());
    for (int64_t i = 0; i < p.value().numel(); ++i) {
      Scalar& x = p.mutableValue()[i];
      const Scalar saved = x;
      x = saved + opt.eps;
      const double up = lossNow();
      x = saved - opt.eps;
      const double down = lossNow();
      x = saved;
      const double numeric = (up - down) / (2 * opt.eps);
      const double diff = std::abs(numeric - analytic[i]);
      worst = std::max(worst, diff);
      if (diff > opt.atol + opt.rtol * std::abs(numeric))
        return ::testing::AssertionFailure()
               << "parameter " << k << " element " << i << ": analytic " << analytic[i]
               << " vs numeric " << numeric;
    }
  }
  return ::testing::AssertionSuccess() << "largest diff " << worst;
}

}  // namespace attn::testing
