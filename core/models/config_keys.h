// The one table of model config keys: for each architecture, every key of its JSON config with
// its type, default, range or allowed values, help text and, for rnn_seq2seq, the attention and
// score it matters for. Everything that names a config key reads it from here: the parser
// (config_reader.h), the command line's flags, the GUI's training form and the generated table in
// docs/file-formats.md (configKeysMarkdown()).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

enum class Arch { RnnSeq2Seq, Transformer, StructuredSelfAttention };

inline constexpr Arch kAllArchs[] = {Arch::RnnSeq2Seq, Arch::Transformer,
                                     Arch::StructuredSelfAttention};

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

enum class ConfigKeyType { Integer, Real, Boolean, Choice };

// Which rnn_seq2seq models a key shapes; a key of another architecture is Always.
enum class KeyScope {
  Always,
  Attention,      // attention bahdanau or luong
  AdditiveScore,  // ... with the additive score
  Luong,          // attention luong
};

// A default that follows another key instead of being a constant.
enum class DerivedDefault {
  None,
  HiddenDim,         // the value of hidden_dim
  FourDModel,        // 4 · d_model, at most the key's maximum
  ScoreOfAttention,  // additive for bahdanau, general for luong
  ClassCount,        // the number of class names in the model's vocabulary
};

struct ConfigKey {
  std::string name;  // the JSON key, "hidden_dim"; its flag is --hidden-dim
  Arch arch;
  ConfigKeyType type;
  nlohmann::json defaultValue;       // what an absent key means (unless `derived` says otherwise)
  double min = 0, max = 0;           // Integer and Real: the allowed range, inclusive
  std::vector<std::string> choices;  // Choice: the allowed values
  std::string help;
  KeyScope scope = KeyScope::Always;
  DerivedDefault derived = DerivedDefault::None;
  bool flag = true;  // false: filled in from the data (num_classes), not set by a person
};

// Every key of every architecture, in the order the docs and forms list them.
const std::vector<ConfigKey>& configKeys();
// The keys of one architecture; null from findConfigKey for a key it does not have.
std::vector<const ConfigKey*> configKeys(Arch arch);
const ConfigKey* findConfigKey(Arch arch, const std::string& name);

// "rnn_seq2seq" and back; parseArch throws attn::Error listing the valid names.
const char* archName(Arch arch);
Arch parseArch(const std::string& name);

// The default of `key` as a person reads it: "128", "hidden_dim", "additive (bahdanau), ...".
std::string defaultText(const ConfigKey& key);
// The allowed values as a person reads them: "1..4096", "rnn, gru, lstm", "true or false".
std::string rangeText(const ConfigKey& key);
// When the key matters, for rnn_seq2seq: "attention bahdanau or luong"; empty when always.
std::string scopeText(KeyScope scope);

// What an absent `key` means, given the values of the keys listed before it in the table (the
// keys a derived default follows come first) and, for num_classes, the number of class names.
nlohmann::json configDefault(const ConfigKey& key, const nlohmann::json& values,
                             int64_t classCount = 0);

// Whether `key` shapes the model that the (complete, checked) config `values` describes.
bool keyApplies(const ConfigKey& key, const nlohmann::json& values);

// The Markdown tables of every key per architecture (name, type, default, range, when it
// applies, meaning) that docs/file-formats.md holds between its config-keys markers.
std::string configKeysMarkdown();

}  // namespace attn::inline ATTN_PRECISION
