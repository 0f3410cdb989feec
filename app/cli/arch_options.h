// The model's shape on the command line: --arch, --config FILE.json, and one flag per config key
// of docs/file-formats.md, Config keys (the key with dashes: hidden_dim → --hidden-dim). Only the
// flags given go into the config, so createModel() stays the one place that knows defaults and
// ranges.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace attn::app {

class ArchOptions {
 public:
  void add(CLI::App& command);

  bool archGiven() const;
  bool configFileGiven() const;
  // The config flags given (not --arch nor --config), as typed: "--hidden-dim".
  std::vector<std::string> givenFlags() const;

  // --config's JSON (attn::Error for a bad file), then --arch, then the flags on top.
  nlohmann::json config() const;

  // "--hidden-dim" for "hidden_dim", to point a person at the flag a config error is about.
  static std::string flagName(const std::string& key);

 private:
  enum class Type { Integer, Real, Text, Boolean };
  struct Flag {
    std::string key;
    Type type;
    CLI::Option* option = nullptr;
  };

  std::string arch_, configFile_;
  CLI::Option *archOption_ = nullptr, *configOption_ = nullptr;
  std::vector<Flag> flags_;
  // std::map: CLI11 keeps pointers to these values, and map nodes never move.
  std::map<std::string, std::string> text_;
  std::map<std::string, bool> booleans_;
};

}  // namespace attn::app
