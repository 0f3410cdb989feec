#include "models/config_reader.h"

#include <algorithm>
#include <cmath>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

using nlohmann::json;

namespace {

std::string problemList(const std::vector<ConfigProblem>& problems) {
  std::string out = "config: ";
  for (size_t i = 0; i < problems.size(); ++i)
    out += (i ? "; \"" : "\"") + problems[i].key + "\" " + problems[i].problem;
  return out;
}

// `value` checked against `key`, or the problem with it.
std::string problemWith(const ConfigKey& key, const json& value) {
  switch (key.type) {
    case ConfigKeyType::Integer: {
      const bool whole =
          value.is_number_integer() || value.is_number_unsigned() ||
          (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>());
      if (!whole) return "must be a whole number";
      const double d = value.get<double>();
      if (d < key.min || d > key.max) return "is " + value.dump() + ", outside " + rangeText(key);
      return "";
    }
    case ConfigKeyType::Real: {
      if (!value.is_number()) return "must be a number";
      const double d = value.get<double>();
      if (!(d >= key.min && d <= key.max))
        return "is " + value.dump() + ", outside " + rangeText(key);
      return "";
    }
    case ConfigKeyType::Boolean:
      return value.is_boolean() ? "" : "must be true or false";
    case ConfigKeyType::Choice:
      if (value.is_string())
        for (const std::string& c : key.choices)
          if (value.get<std::string>() == c) return "";
      return "is " + value.dump() + "; expected one of " + rangeText(key);
  }
  return "";
}

// What the table cannot say: constraints between keys.
void checkTogether(Arch arch, const json& v, std::vector<ConfigProblem>& problems) {
  auto has = [&](const char* key) { return v.contains(key); };
  if (arch == Arch::Transformer && has("d_model") && has("nhead") &&
      v["d_model"].get<int64_t>() % v["nhead"].get<int64_t>() != 0)
    problems.push_back({"nhead", "is " + v["nhead"].dump() + " and must divide d_model (" +
                                     v["d_model"].dump() +
                                     "): each head gets d_model / nhead dimensions"});
  if (arch == Arch::RnnSeq2Seq && has("attention") && has("score") && has("bidirectional") &&
      v["attention"] != "none" && v["score"] == "dot" && v["bidirectional"].get<bool>())
    problems.push_back({"score",
                        "dot needs encoder outputs of the decoder's size (H·D = H): "
                        "use a unidirectional encoder, or the general or additive score"});
}

}  // namespace

ConfigError::ConfigError(std::vector<ConfigProblem> problems)
    : Error(problemList(problems)), problems_(std::move(problems)) {}

json readConfig(Arch arch, const json& config, int64_t classCount) {
  if (!config.is_object()) throw Error("the model config must be a JSON object");
  json values = json::object();
  std::vector<ConfigProblem> problems;
  for (const ConfigKey* key : configKeys(arch)) {
    const bool given = config.contains(key->name) && !config[key->name].is_null();
    const json value = given ? config[key->name] : configDefault(*key, values, classCount);
    const std::string problem = problemWith(*key, value);
    if (problem.empty())
      values[key->name] = value;
    else if (given)
      problems.push_back({key->name, problem});
    else if (key->derived == DerivedDefault::ClassCount)
      problems.push_back({key->name, "is unknown: the model has no class names"});
  }
  checkTogether(arch, values, problems);
  if (!problems.empty()) throw ConfigError(std::move(problems));
  values["arch"] = archName(arch);
  return values;
}

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
