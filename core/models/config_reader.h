// Reading a model's JSON config (docs/file-formats.md, Architectures) from an untrusted file: every
// key is type-checked and range-checked, so a config cannot ask for a hidden size of a billion, and
// each problem is one attn::Error naming the key and the allowed range.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// Upper bounds for sizes read from files or flags: far above what a CPU model of this app
// trains, far below what would exhaust memory before an error could be shown.
struct ConfigLimits {
  static constexpr int64_t kMaxDim = 4096;  // embedding, hidden, attention, feed-forward
  static constexpr int64_t kMaxLayers = 16;
  static constexpr int64_t kMaxHeads = 64;
  static constexpr int64_t kMaxVocab = 1'000'000;
  static constexpr int64_t kMaxHops = 64;
  static constexpr int64_t kMaxClasses = 10'000;
};

class ConfigReader {
 public:
  explicit ConfigReader(const nlohmann::json& config);
  // A whole number in [min, max]; `fallback` when the key is absent (nullopt-like: pass
  // kRequired to make the key mandatory).
  static constexpr int64_t kRequired = INT64_MIN;
  int64_t integer(const std::string& key, int64_t fallback, int64_t min, int64_t max) const;
  double number(const std::string& key, double fallback, double min, double max) const;
  bool boolean(const std::string& key, bool fallback) const;
  // One of `allowed`; `fallback` when absent (empty: required).
  std::string choice(const std::string& key, const std::string& fallback,
                     const std::vector<std::string>& allowed) const;

 private:
  const nlohmann::json& config_;
};

}  // namespace attn::inline ATTN_PRECISION
