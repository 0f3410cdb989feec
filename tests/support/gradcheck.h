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
#include "tensor/random_tensor.h"
#include "util/random.h"

namespace attn::testing {

struct GradCheckOptions {
  double eps = 1e-6;  // central difference step; error O(eps²) + rounding O(1e-16/eps)
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
  const Tensor weights = uniformTensor(rng, out.shape(), -1, 1);
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
    const Tensor analytic =
        vars[k].grad().defined() ? vars[k].grad() : Tensor::zeros(inputs[k].shape());
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

// Makes params[i] an identity of vs[first + i] for the next forward pass (same value, gradient
// passed straight through), so code that reads its own parameter Vars is differentiated by the
// one checker above, which only sees the Vars it made itself.
inline void bindParameters(const std::vector<Var>& params, const std::vector<Var>& vs,
                           size_t first) {
  ATTN_CHECK(first + params.size() <= vs.size(), "bindParameters: too few Vars");
  for (size_t i = 0; i < params.size(); ++i) {
    Node& n = *params[i].node();
    const Var& src = vs[first + i];
    n.value = src.value();
    n.grad = Tensor();
    n.requiresGrad = src.requiresGrad() && gradEnabled();
    n.inputs.clear();
    n.backward = nullptr;
    if (n.requiresGrad) {
      n.inputs.push_back(src.nodePtr());
      n.backward = [](Node& self) { self.inputs[0]->gradRef().arr() += self.grad.arr(); };
    }
  }
}

// The same check over parameters that live inside a module: `f` builds the output from them.
inline ::testing::AssertionResult gradCheckParameters(const std::function<Var()>& f,
                                                      const std::vector<Var>& params,
                                                      const GradCheckOptions& opt = {}) {
  std::vector<Tensor> values;
  for (const Var& p : params) values.push_back(p.value());
  return gradCheck(
      [&](const std::vector<Var>& vs) {
        bindParameters(params, vs, 0);
        return f();
      },
      values, opt);
}

}  // namespace attn::testing
