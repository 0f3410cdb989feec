// A model as the app and the CLI handle it: the network, its config, its vocabularies and
// tokenizer, and what it was trained on. Saved and loaded as one safetensors file
// (docs/file-formats.md, Model file) that PyTorch's state_dict plus the same metadata also
// produces.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "data/text_tokenizer.h"
#include "data/vocabulary.h"
#include "models/classifier_model.h"
#include "models/config_keys.h"  // Arch, parseArch, archName
#include "models/seq2seq_model.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

inline constexpr const char* kModelFormat = "attention-studio.model/1";

struct Model {
  Arch arch = Arch::RnnSeq2Seq;
  nlohmann::json config;      // config keys (docs/file-formats.md), with "arch"
  data::Tokenizer tokenizer;  // with its options and, for sentencepiece, its subword model
  data::Vocabulary srcVocab;
  data::Vocabulary tgtVocab;      // seq2seq models
  data::LabelVocabulary classes;  // the classifier
  nlohmann::json training;        // provenance: task or file, steps, metrics (may be null)
  std::unique_ptr<Seq2SeqModel> seq2seq;
  std::unique_ptr<ClassifierModel> classifier;

  bool isClassifier() const { return arch == Arch::StructuredSelfAttention; }
  Module& network();
  const Module& network() const;
};

// The most parameters a model may have (2 GiB of float32): a config asking for more is refused
// before anything is allocated.
inline constexpr int64_t kMaxModelParameters = int64_t(1) << 29;

// A freshly initialised model (weights from `seed`). The config is checked against the limits of
// config_reader.h; the vocabularies fix the embedding and output sizes.
// `maxParameters` bounds the model's size: a loader passes the number of values its file holds.
Model createModel(const nlohmann::json& config, data::Tokenizer tokenizer,
                  data::Vocabulary srcVocab, data::Vocabulary tgtVocab,
                  data::LabelVocabulary classes, uint64_t seed,
                  int64_t maxParameters = kMaxModelParameters);

// Reads and checks everything (format, config, vocabularies, every parameter with its shape, no
// unknown tensor) before returning; throws attn::Error naming the file and the problem.
Model loadModel(const std::string& path);
// From bytes in memory (fuzzing, tests); `name` stands for the file in messages.
Model parseModel(const uint8_t* data, size_t size, const std::string& name);
// Atomically (util/atomic_file.h): an existing file is replaced only by a complete new one.
void saveModel(const std::string& path, const Model& model);

}  // namespace attn::inline ATTN_PRECISION
