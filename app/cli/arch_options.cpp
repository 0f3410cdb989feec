#include "cli/arch_options.h"

#include <algorithm>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "util/atomic_file.h"
#include "util/check.h"

namespace attn::app {

using nlohmann::json;

namespace {

constexpr size_t kMaxConfigBytes = 1 << 20;  // a config is a few hundred bytes

struct KeySpec {
  const char* key;
  const char* group;
  const char* help;
  std::vector<std::string> choices;  // for text keys
};

const char* const kRnn = "Model: rnn_seq2seq";
const char* const kTransformer = "Model: transformer";
const char* const kClassifier = "Model: structured_self_attention";

}  // namespace

std::string ArchOptions::flagName(const std::string& key) {
  std::string flag = "--" + key;
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

void ArchOptions::add(CLI::App& command) {
  archOption_ = command
                    .add_option("--arch", arch_,
                                "rnn_seq2seq, transformer or "
                                "structured_self_attention")
                    ->check(oneOf({"rnn_seq2seq", "transformer", "structured_self_attention"}))
                    ->group("Model");
  configOption_ =
      command
          .add_option("--config", configFile_,
                      "A JSON model config (docs/file-formats.md, Config keys); flags given on top "
                      "override its keys")
          ->group("Model");

  const std::vector<std::pair<KeySpec, Type>> keys{
      {{"cell", kRnn, "rnn, gru or lstm (the classifier: lstm or gru)", {"rnn", "gru", "lstm"}},
       Type::Text},
      {{"embed_dim", kRnn, "E, embedding size (also the classifier's)", {}}, Type::Integer},
      {{"hidden_dim", kRnn, "H, RNN state size (the classifier: per direction)", {}},
       Type::Integer},
      {{"num_layers", kRnn, "L, stacked RNN layers", {}}, Type::Integer},
      {{"bidirectional", kRnn, "Bidirectional encoder (--no-bidirectional: one way)", {}},
       Type::Boolean},
      {{"attention", kRnn, "none, bahdanau or luong", {"none", "bahdanau", "luong"}}, Type::Text},
      {{"score", kRnn, "dot, general or additive", {"dot", "general", "additive"}}, Type::Text},
      {{"attention_dim", kRnn, "A, additive score size (the classifier's d_a)", {}}, Type::Integer},
      {{"input_feeding", kRnn, "Luong input feeding", {}}, Type::Boolean},
      {{"d_model", kTransformer, "d, model width", {}}, Type::Integer},
      {{"nhead", kTransformer, "attention heads", {}}, Type::Integer},
      {{"num_encoder_layers", kTransformer, "encoder layers", {}}, Type::Integer},
      {{"num_decoder_layers", kTransformer, "decoder layers", {}}, Type::Integer},
      {{"dim_feedforward", kTransformer, "feed-forward width", {}}, Type::Integer},
      {{"norm_first", kTransformer, "pre-norm layers (--no-norm-first: post-norm)", {}},
       Type::Boolean},
      {{"hops", kClassifier, "r, attention hops", {}}, Type::Integer},
      {{"mlp_dim", kClassifier, "F, hidden size of the classifier's MLP", {}}, Type::Integer},
      {{"penalty", kClassifier, "coefficient of ‖AAᵀ − I‖²", {}}, Type::Real},
  };
  for (const auto& [spec, type] : keys) {
    const std::string flag = flagName(spec.key);
    Flag f{spec.key, type, nullptr};
    switch (type) {
      case Type::Boolean: {
        const std::string names = flag + ",!--no-" + flag.substr(2);
        f.option = command.add_flag(names, booleans_[spec.key], spec.help);
        break;
      }
      case Type::Integer:
        f.option = command.add_option(flag, text_[spec.key], spec.help)
                       ->check(wholeNumber(1))
                       ->type_name("INT");
        break;
      case Type::Real:
        f.option = command.add_option(flag, text_[spec.key], spec.help)
                       ->check(realNumber(0, true))
                       ->type_name("FLOAT");
        break;
      case Type::Text:
        f.option = command.add_option(flag, text_[spec.key], spec.help)->check(oneOf(spec.choices));
        break;
    }
    f.option->group(spec.group);
    flags_.push_back(f);
  }
}

bool ArchOptions::archGiven() const {
  return archOption_->count() > 0;
}
bool ArchOptions::configFileGiven() const {
  return configOption_->count() > 0;
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
    const std::string& text = f.type == Type::Boolean ? std::string() : text_.at(f.key);
    switch (f.type) {
      case Type::Boolean:
        config[f.key] = booleans_.at(f.key);
        break;
      case Type::Integer:
        config[f.key] = std::stoll(text);
        break;
      case Type::Real:
        config[f.key] = std::stod(text);
        break;
      case Type::Text:
        config[f.key] = text;
        break;
    }
  }
  return config;
}

}  // namespace attn::app
