#include "cli/checks.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace attn::app {

namespace {

// CLI11 hands an option that needs a value the next argument whatever it is, so `--steps --out m`
// reaches the validator as '--out': that is a missing value, not a wrong one.
bool looksLikeAnOption(const std::string& text) {
  return text.size() >= 2 && text[0] == '-' &&
         (text[1] == '-' || std::isalpha(static_cast<unsigned char>(text[1])));
}

std::string missingValue(const std::string& next) {
  return "needs a value: write it after the option (it is followed by " + next + ")";
}

std::string formatNumber(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace

std::string listOf(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

CLI::Validator wholeNumber(long long min, long long max) {
  const std::string range = max >= (1LL << 62)
                                ? "of at least " + std::to_string(min)
                                : "from " + std::to_string(min) + " to " + std::to_string(max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        if (looksLikeAnOption(text)) return missingValue(text);
        errno = 0;
        char* end = nullptr;
        const long long v = std::strtoll(text.c_str(), &end, 10);
        if (text.empty() || *end != '\0' || errno == ERANGE || v < min || v > max)
          return "must be a whole number " + range + ", not '" + text + "'";
        return {};
      },
      "");  // no description: the help shows the option's type, and the message the range
}

CLI::Validator realNumber(double min, bool inclusive, double max) {
  std::string range = std::string(inclusive ? "at least " : "above ") + formatNumber(min);
  if (max < 1e300) range += " and at most " + formatNumber(max);
  return CLI::Validator(
      [min, max, inclusive, range](std::string& text) -> std::string {
        if (looksLikeAnOption(text)) return missingValue(text);
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        const bool ok = !text.empty() && *end == '\0' && std::isfinite(v) &&
                        (inclusive ? v >= min : v > min) && v <= max;
        return ok ? std::string() : "must be a number " + range + ", not '" + text + "'";
      },
      "");
}

CLI::Validator oneOf(const std::vector<std::string>& names) {
  return CLI::Validator(
      [names](std::string& text) -> std::string {
        for (const std::string& n : names)
          if (text == n) return {};
        if (looksLikeAnOption(text)) return missingValue(text);
        return "'" + text + "' is not one of " + listOf(names);
      },
      "{" +
          [&] {
            std::string s;
            for (const auto& n : names) s += (s.empty() ? "" : ",") + n;
            return s;
          }() +
          "}");
}

}  // namespace attn::app
