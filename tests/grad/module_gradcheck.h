// Gradient checks of whole layers, w.r.t. their inputs and every parameter, with the one
// checker of tests/support/gradcheck.h.
//
// gradCheck differentiates w.r.t. Vars it makes itself, while a layer's forward reads its own
// parameter Vars. bindParameters() joins the two: each parameter's node becomes an identity of
// the checker's Var (same value, gradient passed straight through), so the layer runs its
// real forward code and the checker sees every parameter as one of its inputs.
#pragma once

#include <vector>

#include "gradcheck.h"
#include "layers/module.h"

namespace attn::testing {

// The module's parameter values, in namedParameters() order.
inline std::vector<Tensor> parameterValues(const Module& m) {
  std::vector<Tensor> out;
  for (const auto& [name, p] : m.namedParameters()) out.push_back(p.value());
  return out;
}

// Makes parameter i of `m` an identity of vs[first + i], for the next forward pass.
inline void bindParameters(const Module& m, const std::vector<Var>& vs, size_t first) {
  bindParameters(m.parameters(), vs, first);
}

// Every output flattened and joined into one vector, so one check covers them all.
inline Var joinOutputs(const std::vector<Var>& outs) {
  std::vector<Var> flat;
  for (const Var& o : outs) flat.push_back(reshape(o, Shape{o.value().numel()}));
  return concat(flat, 0);
}

// Checks f w.r.t. `inputs` followed by every parameter of `m`; f receives all of them
// (parameters already bound) and uses the first inputs.size() itself.
inline ::testing::AssertionResult moduleGradCheck(const Module& m, const GradFn& f,
                                                  const std::vector<Tensor>& inputs,
                                                  const GradCheckOptions& opt = {}) {
  std::vector<Tensor> all = inputs;
  for (Tensor& t : parameterValues(m)) all.push_back(std::move(t));
  const size_t first = inputs.size();
  return gradCheck(
      [&](const std::vector<Var>& vs) {
        bindParameters(m, vs, first);
        return f(vs);
      },
      all, opt);
}

// Parameters nudged away from PyTorch's init (zero biases, unit norms), so that a forgotten bias
// or gain would show in the gradients.
inline void perturb(const Module& m, uint64_t seed) {
  Random r(seed);
  for (auto& [name, p] : m.namedParameters()) {
    Var v = p;
    v.mutableValue().arr() += uniformTensor(r, p.shape(), -0.3, 0.3).arr();
  }
}

}  // namespace attn::testing
