// Reading the PyTorch golden files (tests/data/golden, written by tools/make_goldens.py and
// described in its README) and comparing the engine's tensors against them. allClose() is the
// one comparator every suite uses for tensors; a failed comparison reports the largest
// difference and where it is, so a mismatch says at once whether it is rounding or a real bug.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "io/safetensors.h"
#include "test_paths.h"

namespace attn::test {

#ifdef ATTN_TEST_DATA_DIR
inline std::string testDataPath(const std::string& relative) {
  return std::string(ATTN_TEST_DATA_DIR) + "/" + relative;
}

// loadGolden("gru_bidir_2layer") reads tests/data/golden/gru_bidir_2layer.safetensors.
inline SafetensorsFile loadGolden(const std::string& name) {
  return readSafetensors(testDataPath("golden/" + name + ".safetensors"));
}
#endif

// Goldens store ids, lengths and masks as F32; this gives them back as integers.
inline std::vector<int64_t> asIndices(const Tensor& t) {
  std::vector<int64_t> out(static_cast<size_t>(t.numel()));
  for (int64_t i = 0; i < t.numel(); ++i) out[static_cast<size_t>(i)] = std::llround(t[i]);
  return out;
}

// The flat index i of a tensor of `shape` written as [i0, i1, ...].
inline std::string indexString(const Shape& shape, int64_t i) {
  std::vector<int64_t> idx(static_cast<size_t>(shape.rank()));
  for (int d = shape.rank() - 1; d >= 0; --d) {
    const int64_t n = shape[d] == 0 ? 1 : shape[d];
    idx[static_cast<size_t>(d)] = i % n;
    i /= n;
  }
  return Shape(idx).toString();
}

// The largest |a − b| over all elements; infinite when the shapes differ or an element is NaN
// on one side only (for the reports of allClose() and for tests that bound it themselves).
inline double maxAbsDiff(const Tensor& a, const Tensor& b) {
  if (a.shape() != b.shape()) return INFINITY;
  double worst = 0;
  for (int64_t i = 0; i < a.numel(); ++i) {
    const double x = a[i], y = b[i];
    if (std::isnan(x) && std::isnan(y)) continue;
    const double diff = std::isnan(x) || std::isnan(y) ? INFINITY : std::fabs(x - y);
    worst = std::max(worst, diff);
  }
  return worst;
}

// The largest |element| of a tensor (0 for an empty one).
inline double maxAbs(const Tensor& t) {
  double m = 0;
  for (int64_t i = 0; i < t.numel(); ++i) m = std::max(m, std::fabs(double(t[i])));
  return m;
}

// Passes when the shapes are equal and every element has |a − e| ≤ atol + rtol·|e|; equal
// infinities, and NaN against NaN, count as equal. Use as
//   EXPECT_TRUE(allClose(out.value(), golden.at("output"), 1e-5, 1e-5));
inline ::testing::AssertionResult allClose(const Tensor& actual, const Tensor& expected,
                                           double atol = 1e-5, double rtol = 1e-5) {
  if (actual.shape() != expected.shape())
    return ::testing::AssertionFailure()
           << "shape " << actual.shape().toString() << ", expected " << expected.shape().toString();
  double worst = -1;  // largest amount by which an element exceeds its tolerance
  double worstDiff = 0;
  int64_t worstIndex = -1, failures = 0;
  double largestDiff = 0;
  for (int64_t i = 0; i < actual.numel(); ++i) {
    const double a = actual[i], e = expected[i];
    if (std::isnan(a) && std::isnan(e)) continue;
    if (std::isinf(e) && a == e) continue;
    const double diff = std::isnan(a) || std::isnan(e) ? INFINITY : std::fabs(a - e);
    if (std::isfinite(diff) && diff > largestDiff) largestDiff = diff;
    const double excess = diff - (atol + rtol * std::fabs(e));
    if (!(excess <= 0)) {
      ++failures;
      if (excess > worst || worstIndex < 0) {
        worst = excess;
        worstDiff = diff;
        worstIndex = i;
      }
    }
  }
  if (failures == 0) return ::testing::AssertionSuccess() << "largest difference " << largestDiff;
  std::ostringstream s;
  s.precision(9);
  s << failures << " of " << actual.numel() << " elements differ beyond atol " << atol << " + rtol "
    << rtol << "; worst at " << indexString(actual.shape(), worstIndex) << ": got "
    << actual[worstIndex] << ", expected " << expected[worstIndex] << " (|diff| " << worstDiff
    << ")";
  return ::testing::AssertionFailure() << s.str();
}

// allClose() within atol = rtol = tol, with `what` and the largest difference in the failure
// message. Returns the largest difference and prints it unless `quiet`
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

// Many allClose() comparisons in one test, keeping the largest difference and where it was, so
// a passing test can report its margin in one line at the end.
class ComparisonLog {
 public:
  ::testing::AssertionResult compare(const std::string& what, const Tensor& actual,
                                     const Tensor& expected, double atol, double rtol) {
    ++count_;
    const double diff = maxAbsDiff(actual, expected);
    if (diff > largest_ || count_ == 1) {
      largest_ = diff;
      where_ = what;
    }
    return allClose(actual, expected, atol, rtol) << " (" << what << ")";
  }
  int count() const { return count_; }
  double largest() const { return largest_; }
  const std::string& where() const { return where_; }

 private:
  int count_ = 0;
  double largest_ = 0;
  std::string where_;
};

}  // namespace attn::test
