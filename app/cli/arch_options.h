// The model's shape on the command line: --arch, --config FILE.json, and one flag per config key
// of the table in models/config_keys.h (the key with dashes: hidden_dim → --hidden-dim), with its
// help text, default and range from that table. Only the flags given go into the config, so
// readConfig() stays the one place that applies defaults and checks ranges.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/config_reader.h"

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

  // Throws UsageError naming every flag given that the model `config` describes would ignore:
  // a key of another architecture (--d-model with rnn_seq2seq), or one its attention or score
  // does not use (--input-feeding without Luong attention). A config file may list such keys.
  void refuseIgnoredFlags(const nlohmann::json& config) const;
  // The keys of the --config file that model would ignore, for a warning ("" when none): such a
  // file is accepted, since PyTorch-side configs list the keys of every setup, but a misspelt
  // key is never dropped without a word.
  std::string ignoredFileKeys(const nlohmann::json& config) const;

  // The message for a config's problems, each pointed at the flag to fix, or at the key of the
  // --config file when no flag set it. UsageError when only flags are at fault, else attn::Error.
  [[noreturn]] void rethrow(const ConfigError& error) const;

  // "--hidden-dim" for "hidden_dim", to point a person at the flag a config error is about.
  static std::string flagName(const std::string& key);

 private:
  struct Flag {
    std::string key;
    ConfigKeyType type;
    CLI::Option* option = nullptr;
  };
  bool flagGiven(const std::string& key) const;

  std::string arch_, configFile_;
  CLI::Option *archOption_ = nullptr, *configOption_ = nullptr;
  std::vector<Flag> flags_;
  // std::map: CLI11 keeps pointers to these values, and map nodes never move.
  std::map<std::string, std::string> text_;
  std::map<std::string, bool> booleans_;
};

}  // namespace attn::app
