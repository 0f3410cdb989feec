// CLI11 validators with messages a person can act on ("--steps must be a whole number of at
// least 1, not -3"), instead of CLI11's generic ranges that print 300-digit bounds.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace attn::app {

// A whole number in [min, max].
CLI::Validator wholeNumber(long long min, long long max = 1LL << 62);
// A finite real number above `min` (or at least `min` when `inclusive`) and at most `max`.
CLI::Validator realNumber(double min, bool inclusive, double max = 1e300);
// One of `names`; the message lists them.
CLI::Validator oneOf(const std::vector<std::string>& names);

// "a, b or c", for messages.
std::string listOf(const std::vector<std::string>& names);

}  // namespace attn::app
