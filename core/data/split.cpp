#include "data/split.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "util/check.h"
#include "util/random.h"

namespace attn::data {

SplitExamples splitExamples(const std::vector<Example>& examples, const SplitOptions& options) {
  const double v = options.validationFraction, t = options.testFraction;
  if (!(v >= 0 && v < 1) || !(t >= 0 && t < 1) || !(v + t < 1))
    throw Error(
        "the validation and test fractions must each be in [0, 1) and add up to less "
        "than 1 (got " +
        std::to_string(v) + " and " + std::to_string(t) + ")");

  // Group by source, groups numbered in order of first appearance.
  std::map<std::string, int64_t> groupOf;
  std::vector<int64_t> group(examples.size());
  for (size_t i = 0; i < examples.size(); ++i)
    group[i] =
        groupOf.emplace(examples[i].source, static_cast<int64_t>(groupOf.size())).first->second;
  const auto groups = static_cast<int64_t>(groupOf.size());

  std::vector<int64_t> order(static_cast<size_t>(groups));
  for (int64_t g = 0; g < groups; ++g) order[static_cast<size_t>(g)] = g;
  if (options.shuffle) {
    Random rng(options.seed);
    rng.shuffle(order);
  }
  const auto nValidation = static_cast<int64_t>(std::llround(v * static_cast<double>(groups)));
  const auto nTest = static_cast<int64_t>(std::llround(t * static_cast<double>(groups)));
  if (groups - nValidation - nTest <= 0)
    throw Error("the data hold " + std::to_string(groups) +
                " distinct sources: too few to leave any for training after the validation and "
                "test splits");

  // Rank in `order` decides the split: train first, then validation, then test.
  std::vector<Split> splitOfGroup(static_cast<size_t>(groups));
  for (int64_t r = 0; r < groups; ++r) {
    const Split s = r < groups - nValidation - nTest ? Split::Train
                    : r < groups - nTest             ? Split::Validation
                                                     : Split::Test;
    splitOfGroup[static_cast<size_t>(order[static_cast<size_t>(r)])] = s;
  }
  SplitExamples out;
  for (size_t i = 0; i < examples.size(); ++i) {
    switch (splitOfGroup[static_cast<size_t>(group[i])]) {
      case Split::Train:
        out.train.push_back(examples[i]);
        break;
      case Split::Validation:
        out.validation.push_back(examples[i]);
        break;
      case Split::Test:
        out.test.push_back(examples[i]);
        break;
    }
  }
  return out;
}

}  // namespace attn::data
