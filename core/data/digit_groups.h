// Counts in messages are read by people: 12345 is written "12,345".
#pragma once

#include <cstdint>
#include <string>

namespace attn::data {

inline std::string grouped(int64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace attn::data
