// Shared by the attention, multi-head attention and transformer tests: the row-sum invariant,
// golden files as parameter maps, and every parameter's gradient against PyTorch's (through
// golden.h's comparator, with the largest difference printed).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <string>

#include "golden.h"
#include "layers/module.h"
#include "random_tensor.h"

namespace attn::test {

// Every row (over the last dimension) of attention weights sums to 1 within 1e-5.
inline void expectRowsSumToOne(const Tensor& w) {
  const auto m = w.mat();
  for (int64_t r = 0; r < m.rows(); ++r)
    EXPECT_NEAR(m.row(r).sum(), 1.0f, 1e-5f) << "row " << r << " of " << w.shape().toString();
}

// Every tensor of a golden file by name, for Module::loadParameters.
inline std::map<std::string, Tensor> tensorMap(const SafetensorsFile& f) {
  std::map<std::string, Tensor> m;
  for (const auto& [name, t] : f.tensors) m[name] = t;
  return m;
}

// After backward() of Σ output ⊙ grad_output: every parameter's gradient against grad.<name>,
// printed as one line. Gradients sum many float32 products, hence the looser tolerance.
inline void expectParameterGradsMatchTorch(const Module& m, const SafetensorsFile& g,
                                           double tol = 1e-4) {
  double worst = 0;
  for (const auto& [name, p] : m.namedParameters())
    worst = std::max(worst,
                     expectMatchesTorch("grad." + name, p.grad(), g.at("grad." + name), tol, true));
  std::cout << "[ torch    ] " << ::testing::UnitTest::GetInstance()->current_test_info()->name()
            << " every parameter's gradient: largest |diff| " << worst << "\n";
}

}  // namespace attn::test
