// Shared by the attention, multi-head attention and transformer tests: random inputs, the
// row-sum invariant, and comparing against the PyTorch goldens with the largest difference
// printed, so a run shows how close each tensor is, not just "ok".
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <string>

#include "golden.h"
#include "layers/module.h"
#include "tensor/random_tensor.h"
#include "util/random.h"

namespace attn::test {

inline Tensor rnd(const Shape& s, uint64_t seed, double lo = -1, double hi = 1) {
  Random r(seed);
  return uniformTensor(r, s, lo, hi);
}

// Every row (over the last dimension) of attention weights sums to 1 within 1e-5.
inline void expectRowsSumToOne(const Tensor& w) {
  const auto m = w.mat();
  for (int64_t r = 0; r < m.rows(); ++r)
    EXPECT_NEAR(m.row(r).sum(), 1.0f, 1e-5f) << "row " << r << " of " << w.shape().toString();
}

inline double maxAbsDiff(const Tensor& a, const Tensor& b) {
  EXPECT_EQ(a.shape(), b.shape());
  if (a.shape() != b.shape()) return INFINITY;
  double worst = 0;
  for (int64_t i = 0; i < a.numel(); ++i)
    worst = std::max(worst, std::fabs(double(a[i]) - double(b[i])));
  return worst;
}

// Every tensor of a golden file by name, for Module::loadParameters.
inline std::map<std::string, Tensor> tensorMap(const SafetensorsFile& f) {
  std::map<std::string, Tensor> m;
  for (const auto& [name, t] : f.tensors) m[name] = t;
  return m;
}

// Compares within atol = rtol = tol, with the largest difference in the failure message.
// Returns the largest difference, and prints it unless `quiet`
// ("[ torch    ] Test what: largest |diff| 1.2e-07"), so a run shows how close each tensor is.
inline double expectMatchesTorch(const std::string& what, const Tensor& ours, const Tensor& torch,
                                 double tol = 1e-5, bool quiet = false) {
  ::testing::AssertionResult r = allClose(ours, torch, tol, tol);
  const double worst = maxAbsDiff(ours, torch);
  EXPECT_TRUE(r) << what << " vs PyTorch: " << r.message() << "; largest |diff| " << worst;
  if (!quiet)
    std::cout << "[ torch    ] " << ::testing::UnitTest::GetInstance()->current_test_info()->name()
              << " " << what << ": largest |diff| " << worst << "\n";
  return worst;
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
