// Cutting one list of examples into train / validation / test by a seed and two fractions.
// Examples with the same source are kept together in one split, so that a sentence repeated in a
// corpus can never be tested on after being trained on.
#pragma once

#include <cstdint>
#include <vector>

#include "data/dataset.h"

namespace attn::data {

struct SplitOptions {
  uint64_t seed = 1;
  double validationFraction = 0.1;
  double testFraction = 0.1;
  // false keeps file order: the first sources go to train, then validation, then test.
  bool shuffle = true;
};

struct SplitExamples {
  std::vector<Example> train, validation, test;
};

// The fractions count distinct sources (rounded to the nearest whole number); each split keeps
// its examples in their original relative order. Throws attn::Error for fractions outside
// [0, 1), fractions that add up to 1 or more, or a train split that would be empty.
SplitExamples splitExamples(const std::vector<Example>& examples, const SplitOptions& options);

}  // namespace attn::data
