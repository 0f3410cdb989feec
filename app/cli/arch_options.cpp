#include "cli/arch_options.h"

#include <algorithm>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/command.h"
#include "util/atomic_file.h"
#include "util/check.h"

namespace attn::app {

using nlohmann::json;

namespace {

constexpr size_t kMaxConfigBytes = 1 << 20;  // a config is a few hundred bytes

// One key's description for --help: its meaning, default, range and when it applies.
std::string describe(const ConfigKey& key) {
  std::string when = scopeText(key.scope);
  return key.help + " (default " + defaultText(key) + "; " + rangeText(key) +
         (when.empty() ? "" : "; only with " + when) + ")";
}

// The keys of the table by name, in table order: a name shared by two architectures (embed_dim)
// is one flag.
std::vector<std::vector<const ConfigKey*>> keysByName() {
  std::vector<std::vector<const ConfigKey*>> out;
  for (const ConfigKey& k : configKeys()) {
    if (!k.flag) continue;
    auto same =
        std::find_if(out.begin(), out.end(), [&](const auto& v) { return v[0]->name == k.name; });
    if (same == out.end())
      out.push_back({&k});
    else
      same->push_back(&k);
  }
  return out;
}

}  // namespace

std::string ArchOptions::flagName(const std::string& key) {
  std::string flag = "--" + key;
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

void ArchOptions::add(CLI::App& command) {
  std::vector<std::string> archs;
  for (Arch a : kAllArchs) archs.push_back(archName(a));
  archOption_ = command
                    .add_option("--arch", arch_,
                                "rnn_seq2seq, transformer or structured_self_attention; every "
                                "config key has a default, so --arch alone makes a working model")
                    ->check(oneOf(archs))
                    ->group("Model");
  configOption_ = command
                      .add_option("--config", configFile_,
                                  "A JSON model config (docs/file-formats.md, Config keys); flags "
                                  "given on top override its keys")
                      ->group("Model");

  // Only the type is checked here; ranges and allowed values are readConfig()'s, so that every
  // problem of a config is reported at once.
  for (const std::vector<const ConfigKey*>& same : keysByName()) {
    const ConfigKey& first = *same.front();
    std::string help, group = "Model: ";
    for (const ConfigKey* k : same) {
      group += std::string(k == same.front() ? "" : " and ") + archName(k->arch);
      help += (help.empty() ? "" : " | ") +
              (same.size() > 1 ? std::string(archName(k->arch)) + ": " : "") + describe(*k);
    }
    const std::string flag = flagName(first.name);
    Flag f{first.name, first.type, nullptr};
    switch (first.type) {
      case ConfigKeyType::Boolean: {
        const std::string names = flag + ",!--no-" + flag.substr(2);
        f.option = command.add_flag(names, booleans_[first.name], help);
        break;
      }
      case ConfigKeyType::Integer:
        f.option = command.add_option(flag, text_[first.name], help)
                       ->check(wholeNumber(-(1LL << 62)))
                       ->type_name("INT");
        break;
      case ConfigKeyType::Real:
        f.option = command.add_option(flag, text_[first.name], help)
                       ->check(realNumber(-1e300, true))
                       ->type_name("FLOAT");
        break;
      case ConfigKeyType::Choice:
        f.option = command.add_option(flag, text_[first.name], help)->type_name("NAME");
        break;
    }
    f.option->group(group);
    flags_.push_back(f);
  }
}

bool ArchOptions::archGiven() const {
  return archOption_->count() > 0;
}
bool ArchOptions::configFileGiven() const {
  return configOption_->count() > 0;
}

bool ArchOptions::flagGiven(const std::string& key) const {
  for (const Flag& f : flags_)
    if (f.key == key) return f.option->count() > 0;
  return false;
}

std::vector<std::string> ArchOptions::givenFlags() const {
  std::vector<std::string> out;
  for (const Flag& f : flags_)
    if (f.option->count() > 0) out.push_back(flagName(f.key));
  return out;
}

json ArchOptions::config() const {
  json config = json::object();
  if (configFileGiven()) {
    const std::string text = readWholeFile(configFile_, kMaxConfigBytes);
    config = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (config.is_discarded()) throw Error(configFile_ + ": not valid JSON");
    if (!config.is_object()) throw Error(configFile_ + ": a model config must be a JSON object");
    if (!archGiven() && !config.contains("arch"))
      throw Error(configFile_ + ": the config has no \"arch\" (or give --arch)");
  }
  if (archGiven()) config["arch"] = arch_;
  for (const Flag& f : flags_) {
    if (f.option->count() == 0) continue;
    const std::string& text = f.type == ConfigKeyType::Boolean ? std::string() : text_.at(f.key);
    switch (f.type) {
      case ConfigKeyType::Boolean:
        config[f.key] = booleans_.at(f.key);
        break;
      case ConfigKeyType::Integer:
        config[f.key] = std::stoll(text);
        break;
      case ConfigKeyType::Real:
        config[f.key] = std::stod(text);
        break;
      case ConfigKeyType::Choice:
        config[f.key] = text;
        break;
    }
  }
  return config;
}

namespace {

// The attention and score the model will have, defaults included: they decide which keys matter.
json scopeOf(Arch arch, const json& config) {
  json scope = config;
  for (const char* name : {"attention", "score"})
    if (const ConfigKey* key = findConfigKey(arch, name); key && !scope.contains(name))
      scope[name] = configDefault(*key, scope);
  return scope;
}

// Why the model `scope` describes would not read `key`, or "" when it would.
std::string whyIgnored(Arch arch, const std::string& key, const json& scope) {
  const ConfigKey* k = findConfigKey(arch, key);
  if (!k) return std::string("not a key of ") + archName(arch);
  if (!keyApplies(*k, scope)) return "used only with " + scopeText(k->scope);
  return "";
}

}  // namespace

void ArchOptions::refuseIgnoredFlags(const json& config) const {
  const Arch arch = parseArch(config.value("arch", std::string()));
  const json scope = scopeOf(arch, config);
  std::string ignored;
  for (const Flag& f : flags_) {
    if (f.option->count() == 0) continue;
    const std::string why = whyIgnored(arch, f.key, scope);
    if (!why.empty()) ignored += (ignored.empty() ? "" : ", ") + flagName(f.key) + " (" + why + ")";
  }
  if (!ignored.empty()) throw UsageError("the model would ignore " + ignored + "; leave them out");
}

std::string ArchOptions::ignoredFileKeys(const json& config) const {
  if (!configFileGiven()) return "";
  const Arch arch = parseArch(config.value("arch", std::string()));
  const json scope = scopeOf(arch, config);
  std::string ignored;
  for (const auto& [key, value] : config.items()) {
    if (key == "arch" || flagGiven(key)) continue;
    const std::string why = whyIgnored(arch, key, scope);
    if (!why.empty()) ignored += (ignored.empty() ? "" : ", ") + ("\"" + key + "\" (" + why + ")");
  }
  if (ignored.empty()) return "";
  return configFile_ + ": the " + archName(arch) + " model ignores " + ignored;
}

void ArchOptions::rethrow(const ConfigError& error) const {
  std::string message = "the model config: ";
  bool onlyFlags = true;
  for (size_t i = 0; i < error.problems().size(); ++i) {
    const ConfigProblem& p = error.problems()[i];
    const bool fromFile = configFileGiven() && !flagGiven(p.key);
    onlyFlags = onlyFlags && !fromFile;
    message += (i ? "; " : "") +
               (fromFile ? "\"" + p.key + "\" in " + configFile_ : flagName(p.key)) + " " +
               p.problem;
  }
  if (onlyFlags) throw UsageError(message);
  throw Error(message);
}

}  // namespace attn::app
