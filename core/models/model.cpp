#include "models/model.h"

#include <map>

#include "io/safetensors.h"
#include "models/rnn_seq2seq.h"
#include "models/structured_self_attention.h"
#include "models/transformer_model.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

using nlohmann::json;

Module& Model::network() {
  return seq2seq ? static_cast<Module&>(*seq2seq) : *classifier;
}
const Module& Model::network() const {
  return seq2seq ? static_cast<const Module&>(*seq2seq) : *classifier;
}

namespace {

// Refuses a config whose model would have more parameters than allowed, before it is built.
void checkSize(int64_t count, int64_t maxParameters) {
  if (count > maxParameters)
    throw Error(maxParameters == kMaxModelParameters
                    ? "the config describes a model of " + std::to_string(count) +
                          " parameters, more than the limit of " + std::to_string(maxParameters)
                    : "the config describes " + std::to_string(count) +
                          " parameters, far more than the file holds (it is allowed at most " +
                          std::to_string(maxParameters) + ")");
}

}  // namespace

Model createModel(const json& config, data::Tokenizer tokenizer, data::Vocabulary srcVocab,
                  data::Vocabulary tgtVocab, data::LabelVocabulary classes, uint64_t seed,
                  int64_t maxParameters) {
  if (!config.is_object() || !config.contains("arch") || !config["arch"].is_string())
    throw Error("the model config needs an \"arch\" string");
  Model m;
  m.arch = parseArch(config["arch"].get<std::string>());
  m.tokenizer = std::move(tokenizer);
  m.srcVocab = std::move(srcVocab);
  m.tgtVocab = std::move(tgtVocab);
  m.classes = std::move(classes);
  Random rng(seed);
  switch (m.arch) {
    case Arch::RnnSeq2Seq: {
      auto c = RnnSeq2SeqConfig::fromJson(config, m.srcVocab.size(), m.tgtVocab.size());
      checkSize(c.parameterCount(), maxParameters);
      m.seq2seq = std::make_unique<RnnSeq2Seq>(c, rng);
      m.config = c.toJson();
      break;
    }
    case Arch::Transformer: {
      auto c = TransformerModelConfig::fromJson(config, m.srcVocab.size(), m.tgtVocab.size());
      checkSize(c.parameterCount(), maxParameters);
      m.seq2seq = std::make_unique<TransformerModel>(c, rng);
      m.config = c.toJson();
      break;
    }
    case Arch::StructuredSelfAttention: {
      // The class names fix num_classes (checked against the config's, or filled in).
      auto c = StructuredSelfAttentionConfig::fromJson(config, m.srcVocab.size(), m.classes.size());
      checkSize(c.parameterCount(), maxParameters);
      m.classifier = std::make_unique<StructuredSelfAttention>(c, rng);
      m.config = c.toJson();
      break;
    }
  }
  return m;
}

namespace {

json parseJsonField(const Metadata& meta, const std::string& key) {
  auto it = meta.find(key);
  if (it == meta.end()) throw Error("the metadata has no \"" + key + "\"");
  json j = json::parse(it->second, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw Error("the metadata's \"" + key + "\" is not valid JSON");
  return j;
}

std::vector<std::string> stringList(const json& j, const std::string& key) {
  if (!j.is_array()) throw Error("the metadata's \"" + key + "\" must be a JSON array of strings");
  std::vector<std::string> out;
  for (const json& s : j) {
    if (!s.is_string()) throw Error("the metadata's \"" + key + "\" must hold only strings");
    out.push_back(s.get<std::string>());
  }
  return out;
}

Model modelFromFile(const SafetensorsFile& f) {
  const Metadata& meta = f.metadata;
  auto format = meta.find("format");
  if (format == meta.end() || format->second != kModelFormat)
    throw Error(std::string("not an Attention Studio model (the metadata's \"format\" must be \"") +
                kModelFormat + "\")");
  const json config = parseJsonField(meta, "config");
  data::Tokenizer tokenizer = data::Tokenizer::fromMetadata(meta);
  const auto src = stringList(parseJsonField(meta, "src_vocab"), "src_vocab");
  const auto tgt = stringList(parseJsonField(meta, "tgt_vocab"), "tgt_vocab");
  const bool classifier =
      config.is_object() && config.value("arch", "") == "structured_self_attention";
  // The file cannot describe a model much larger than the data it carries. The slack (twice the
  // data plus a million values, a few MB) only lets a near miss — a missing or misshapen
  // tensor — reach the check that names it, while a config asking for gigabytes stops here.
  int64_t held = 0;
  for (const auto& [name, t] : f.tensors) held += t.numel();
  const int64_t allowed = std::min(2 * held + (int64_t(1) << 20), kMaxModelParameters);
  auto vocabulary = [](const std::vector<std::string>& list, const char* key) {
    try {
      return data::Vocabulary::fromList(list);
    } catch (const Error& e) {
      throw Error(std::string("the metadata's \"") + key + "\": " + e.what());
    }
  };
  Model m = createModel(config, tokenizer, vocabulary(src, "src_vocab"),
                        classifier ? data::Vocabulary() : vocabulary(tgt, "tgt_vocab"),
                        classifier ? data::LabelVocabulary::fromList(tgt) : data::LabelVocabulary(),
                        0, allowed);
  m.config = config;  // as written, keys we do not use included
  if (meta.count("training")) m.training = parseJsonField(meta, "training");
  std::map<std::string, Tensor> values;
  for (const auto& [name, t] : f.tensors) values[name] = t;
  const auto unknown = m.network().loadParameters(values);
  if (!unknown.empty())
    throw Error("tensor '" + unknown.front() + "' is not a parameter of this " + archName(m.arch) +
                " model");
  return m;
}

}  // namespace

Model loadModel(const std::string& path) {
  SafetensorsFile f = readSafetensors(path);
  try {
    return modelFromFile(f);
  } catch (const Error& e) {
    throw Error(path + ": " + e.what());
  }
}

Model parseModel(const uint8_t* data, size_t size, const std::string& name) {
  SafetensorsFile f = parseSafetensors(data, size, name);
  try {
    return modelFromFile(f);
  } catch (const Error& e) {
    throw Error(name + ": " + e.what());
  }
}

void saveModel(const std::string& path, const Model& model) {
  NamedTensors tensors;
  for (auto& [name, v] : model.network().namedParameters()) tensors.emplace_back(name, v.value());
  Metadata meta;
  meta["format"] = kModelFormat;
  meta["config"] = model.config.dump();
  model.tokenizer.writeMetadata(meta);
  meta["src_vocab"] = json(model.srcVocab.toList()).dump();
  meta["tgt_vocab"] =
      json(model.isClassifier() ? model.classes.toList() : model.tgtVocab.toList()).dump();
  if (!model.training.is_null()) meta["training"] = model.training.dump();
  writeSafetensors(path, tensors, meta);
}

}  // namespace attn::inline ATTN_PRECISION
