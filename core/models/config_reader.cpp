#include "models/config_reader.h"

#include <cmath>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

using nlohmann::json;

ConfigReader::ConfigReader(const json& config) : config_(config) {
  if (!config_.is_object()) throw Error("the model config must be a JSON object");
}

int64_t ConfigReader::integer(const std::string& key, int64_t fallback, int64_t min,
                              int64_t max) const {
  if (!config_.contains(key)) {
    if (fallback == kRequired) throw Error("config: \"" + key + "\" is missing");
    return fallback;
  }
  const json& v = config_[key];
  const bool whole = v.is_number_integer() ||
                     (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>());
  if (!whole) throw Error("config: \"" + key + "\" must be a whole number");
  const double d = v.get<double>();
  if (d < static_cast<double>(min) || d > static_cast<double>(max))
    throw Error("config: \"" + key + "\" is " + v.dump() + ", outside " + std::to_string(min) +
                ".." + std::to_string(max));
  return static_cast<int64_t>(d);
}

double ConfigReader::number(const std::string& key, double fallback, double min, double max) const {
  if (!config_.contains(key)) return fallback;
  const json& v = config_[key];
  if (!v.is_number()) throw Error("config: \"" + key + "\" must be a number");
  const double d = v.get<double>();
  if (!(d >= min && d <= max))
    throw Error("config: \"" + key + "\" is " + v.dump() + ", outside " + std::to_string(min) +
                ".." + std::to_string(max));
  return d;
}

bool ConfigReader::boolean(const std::string& key, bool fallback) const {
  if (!config_.contains(key)) return fallback;
  if (!config_[key].is_boolean()) throw Error("config: \"" + key + "\" must be true or false");
  return config_[key].get<bool>();
}

std::string ConfigReader::choice(const std::string& key, const std::string& fallback,
                                 const std::vector<std::string>& allowed) const {
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  if (!config_.contains(key)) {
    if (fallback.empty()) throw Error("config: \"" + key + "\" is missing (one of " + list + ")");
    return fallback;
  }
  if (!config_[key].is_string()) throw Error("config: \"" + key + "\" must be a string");
  const std::string v = config_[key].get<std::string>();
  for (const auto& a : allowed)
    if (v == a) return v;
  throw Error("config: \"" + key + "\" is \"" + v + "\"; expected one of " + list);
}

}  // namespace attn::inline ATTN_PRECISION
