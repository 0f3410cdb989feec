// Reading a model's JSON config from an untrusted file or from flags, in one place: readConfig()
// checks every key of the architecture against the table of config_keys.h (type, range, allowed
// values), fills in the defaults of absent keys and reports every problem at once, so a config
// cannot ask for a hidden size of a billion and a person fixes all their mistakes in one go.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/config_keys.h"
#include "tensor/precision.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

struct ConfigProblem {
  std::string key;      // "hidden_dim"
  std::string problem;  // "is 0, outside 1..4096"
};

// Every problem of one config. what() lists them all: config: "hidden_dim" is 0, outside
// 1..4096; "nhead" must be a whole number. Callers that know where a key came from (a flag, a
// form field) use problems() to point at it.
class ConfigError : public Error {
 public:
  explicit ConfigError(std::vector<ConfigProblem> problems);
  const std::vector<ConfigProblem>& problems() const { return problems_; }

 private:
  std::vector<ConfigProblem> problems_;
};

// `config` for `arch`, checked: every key of the architecture present with a value of its type
// and range (absent keys get their default), plus "arch". Keys the architecture does not have
// are left out: PyTorch-side configs list keys of every setup. classCount fills num_classes.
// Throws ConfigError listing every problem, including those between keys (d_model and nhead, the
// dot score and a bidirectional encoder).
nlohmann::json readConfig(Arch arch, const nlohmann::json& config, int64_t classCount = 0);

// A reader of single typed keys with the same messages, for JSON settings that are not a model
// config (the bottleneck experiment's settings file).
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
