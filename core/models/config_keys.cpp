#include "models/config_keys.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

using nlohmann::json;

namespace {

using T = ConfigKeyType;
using L = ConfigLimits;

ConfigKey integer(std::string name, Arch arch, int64_t fallback, int64_t max, std::string help,
                  KeyScope scope = KeyScope::Always) {
  return {std::move(name),          arch, T::Integer,      fallback, 1,
          static_cast<double>(max), {},   std::move(help), scope};
}

// A key whose default follows another key's value.
ConfigKey derived(ConfigKey k, DerivedDefault rule) {
  k.defaultValue = nullptr;
  k.derived = rule;
  return k;
}

// A key the data fills in, which no flag or form field sets.
ConfigKey fromData(ConfigKey k) {
  k.flag = false;
  return k;
}

ConfigKey boolean(std::string name, Arch arch, bool fallback, std::string help,
                  KeyScope scope = KeyScope::Always) {
  return {std::move(name), arch, T::Boolean, fallback, 0, 0, {}, std::move(help), scope};
}

ConfigKey choice(std::string name, Arch arch, std::string fallback,
                 std::vector<std::string> choices, std::string help,
                 KeyScope scope = KeyScope::Always) {
  return {std::move(name), arch, T::Choice, std::move(fallback), 0, 0, std::move(choices),
          std::move(help), scope};
}

std::vector<ConfigKey> makeTable() {
  const Arch rnn = Arch::RnnSeq2Seq, tf = Arch::Transformer, ssa = Arch::StructuredSelfAttention;
  std::vector<ConfigKey> keys{
      // rnn_seq2seq: Bahdanau et al. 2015 and Luong et al. 2015.
      choice("cell", rnn, "gru", {"rnn", "gru", "lstm"},
             "The recurrent cell of encoder and decoder"),
      integer("embed_dim", rnn, 32, L::kMaxDim, "E, the size of each token's embedding"),
      integer("hidden_dim", rnn, 64, L::kMaxDim, "H, the size of the RNN state"),
      integer("num_layers", rnn, 1, L::kMaxLayers, "L, stacked RNN layers"),
      boolean("bidirectional", rnn, true,
              "The encoder reads the source both ways (annotations of 2H), as Bahdanau et al. did"),
      choice("attention", rnn, "bahdanau", {"none", "bahdanau", "luong"},
             "none: the decoder sees only the final state (the bottleneck); bahdanau: the "
             "query is s(i-1), before the RNN step; luong: the query is s(i), after it"),
      derived(choice("score", rnn, "", {"dot", "general", "additive"},
                     "How the query is scored against each annotation: additive "
                     "vᵀtanh(Wq q + Wk h), general qᵀWh, dot qᵀh (needs 2H = H: a one-way "
                     "encoder)",
                     KeyScope::Attention),
              DerivedDefault::ScoreOfAttention),
      derived(integer("attention_dim", rnn, 0, L::kMaxDim,
                      "A, the size of the additive score's hidden layer", KeyScope::AdditiveScore),
              DerivedDefault::HiddenDim),
      boolean("input_feeding", rnn, false,
              "Luong's input feeding: the previous attentional state joins the RNN's input",
              KeyScope::Luong),
      // transformer: Vaswani et al. 2017, PyTorch's nn.Transformer.
      integer("d_model", tf, 64, L::kMaxDim,
              "d, the width of every token's vector; a multiple of nhead"),
      integer("nhead", tf, 4, L::kMaxHeads, "h, attention heads per layer"),
      integer("num_encoder_layers", tf, 2, L::kMaxLayers, "Encoder layers"),
      integer("num_decoder_layers", tf, 2, L::kMaxLayers, "Decoder layers"),
      derived(integer("dim_feedforward", tf, 0, L::kMaxDim,
                      "F, the hidden size of each layer's feed-forward block"),
              DerivedDefault::FourDModel),
      boolean("norm_first", tf, false, "Layer norm before each block (pre-norm) rather than after"),
      // structured_self_attention: Lin et al. 2017.
      choice("cell", ssa, "lstm", {"lstm", "gru"}, "The cell of the bidirectional encoder"),
      integer("embed_dim", ssa, 32, L::kMaxDim, "E, the size of each token's embedding"),
      integer("hidden_dim", ssa, 32, L::kMaxDim,
              "H, the RNN state per direction (the encoder is bidirectional)"),
      integer("attention_dim", ssa, 32, L::kMaxDim, "d_a, the hidden size of the hop scorer"),
      integer("hops", ssa, 4, L::kMaxHops, "r, how many attention hops"),
      integer("mlp_dim", ssa, 64, L::kMaxDim, "F, the hidden size of the classifier on top"),
      // A coefficient far beyond 1 would only drown the cross-entropy; the bound keeps a typo
      // (1e30) from turning every loss into infinity.
      {"penalty",
       ssa,
       T::Real,
       1.0,
       0,
       1e6,
       {},
       "The weight of the penalty ‖AAᵀ − I‖² in the loss"},
      fromData(derived(integer("num_classes", ssa, 0, L::kMaxClasses,
                               "C, the number of classes: that of the class names"),
                       DerivedDefault::ClassCount)),
  };
  return keys;
}

std::string number(double v) {
  if (std::floor(v) == v && std::abs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string cell(std::string text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

const std::vector<ConfigKey>& configKeys() {
  static const std::vector<ConfigKey> table = makeTable();
  return table;
}

std::vector<const ConfigKey*> configKeys(Arch arch) {
  std::vector<const ConfigKey*> out;
  for (const ConfigKey& k : configKeys())
    if (k.arch == arch) out.push_back(&k);
  return out;
}

const ConfigKey* findConfigKey(Arch arch, const std::string& name) {
  for (const ConfigKey& k : configKeys())
    if (k.arch == arch && k.name == name) return &k;
  return nullptr;
}

Arch parseArch(const std::string& name) {
  for (Arch a : kAllArchs)
    if (name == archName(a)) return a;
  throw Error("unknown arch '" + name +
              "' (expected rnn_seq2seq, transformer or structured_self_attention)");
}

const char* archName(Arch arch) {
  switch (arch) {
    case Arch::RnnSeq2Seq:
      return "rnn_seq2seq";
    case Arch::Transformer:
      return "transformer";
    case Arch::StructuredSelfAttention:
      return "structured_self_attention";
  }
  return "?";
}

std::string defaultText(const ConfigKey& key) {
  switch (key.derived) {
    case DerivedDefault::HiddenDim:
      return "hidden_dim";
    case DerivedDefault::FourDModel:
      return "4 × d_model";
    case DerivedDefault::ScoreOfAttention:
      return "additive (bahdanau), general (luong)";
    case DerivedDefault::ClassCount:
      return "the number of class names";
    case DerivedDefault::None:
      break;
  }
  if (key.defaultValue.is_string()) return key.defaultValue.get<std::string>();
  if (key.defaultValue.is_boolean()) return key.defaultValue.get<bool>() ? "true" : "false";
  return number(key.defaultValue.get<double>());
}

std::string rangeText(const ConfigKey& key) {
  switch (key.type) {
    case ConfigKeyType::Integer:
    case ConfigKeyType::Real:
      return number(key.min) + ".." + number(key.max);
    case ConfigKeyType::Boolean:
      return "true or false";
    case ConfigKeyType::Choice: {
      std::string out;
      for (const std::string& c : key.choices) out += (out.empty() ? "" : ", ") + c;
      return out;
    }
  }
  return "";
}

std::string scopeText(KeyScope scope) {
  switch (scope) {
    case KeyScope::Always:
      return "";
    case KeyScope::Attention:
      return "attention bahdanau or luong";
    case KeyScope::AdditiveScore:
      return "attention bahdanau or luong, score additive";
    case KeyScope::Luong:
      return "attention luong";
  }
  return "";
}

json configDefault(const ConfigKey& key, const json& values, int64_t classCount) {
  switch (key.derived) {
    case DerivedDefault::None:
      return key.defaultValue;
    case DerivedDefault::HiddenDim:
      return values.value("hidden_dim", json(1));
    case DerivedDefault::FourDModel:
      return std::min<int64_t>(4 * values.value("d_model", int64_t(1)),
                               static_cast<int64_t>(key.max));
    case DerivedDefault::ScoreOfAttention:
      return values.value("attention", std::string()) == "luong" ? "general" : "additive";
    case DerivedDefault::ClassCount:
      return classCount;
  }
  return nullptr;
}

bool keyApplies(const ConfigKey& key, const json& values) {
  const std::string attention = values.value("attention", std::string("none"));
  switch (key.scope) {
    case KeyScope::Always:
      return true;
    case KeyScope::Attention:
      return attention != "none";
    case KeyScope::AdditiveScore:
      return attention != "none" && values.value("score", std::string()) == "additive";
    case KeyScope::Luong:
      return attention == "luong";
  }
  return true;
}

std::string configKeysMarkdown() {
  std::string out;
  for (Arch arch : kAllArchs) {
    out += std::string(out.empty() ? "" : "\n") + "### `" + archName(arch) + "` keys\n\n";
    const bool scoped = arch == Arch::RnnSeq2Seq;
    out += scoped ? "| Key | Type | Default | Allowed | Applies when | Meaning |\n"
                    "|---|---|---|---|---|---|\n"
                  : "| Key | Type | Default | Allowed | Meaning |\n|---|---|---|---|---|\n";
    for (const ConfigKey* k : configKeys(arch)) {
      static const char* const types[] = {"integer", "number", "boolean", "string"};
      out += "| `" + k->name + "` | " + types[static_cast<int>(k->type)] + " | " +
             cell(defaultText(*k)) + " | " + cell(rangeText(*k)) + " | ";
      if (scoped) out += (k->scope == KeyScope::Always ? "always" : scopeText(k->scope)) + " | ";
      out += cell(k->help) + " |\n";
    }
  }
  return out;
}

}  // namespace attn::inline ATTN_PRECISION
