#include "data/sentencepiece_model.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include "data/utf8.h"
#include "util/check.h"

namespace attn::data {

namespace {

// Feeds the training sentences to SentencePiece from memory (no input file).
class SentenceList : public sentencepiece::SentenceIterator {
 public:
  explicit SentenceList(const std::vector<std::string>& sentences) : sentences_(sentences) {
    skipEmpty();
  }
  bool done() const override { return i_ >= sentences_.size(); }
  void Next() override {
    ++i_;
    skipEmpty();
  }
  const std::string& value() const override { return sentences_[i_]; }
  sentencepiece::util::Status status() const override { return {}; }

 private:
  void skipEmpty() {
    while (i_ < sentences_.size() && sentences_[i_].empty()) ++i_;
  }
  const std::vector<std::string>& sentences_;
  size_t i_ = 0;
};

std::string message(const sentencepiece::util::Status& s) {
  return s.ToString();
}

}  // namespace

std::string_view subwordAlgorithmName(SubwordAlgorithm a) {
  return a == SubwordAlgorithm::Bpe ? "bpe" : "unigram";
}

SubwordAlgorithm parseSubwordAlgorithm(std::string_view name) {
  if (name == "unigram") return SubwordAlgorithm::Unigram;
  if (name == "bpe") return SubwordAlgorithm::Bpe;
  throw Error("unknown subword model type \"" + std::string(name) +
              "\"; the types are: unigram, bpe");
}

SentencePieceModel SentencePieceModel::train(const std::vector<std::string>& sentences,
                                             const SentencePieceOptions& options) {
  if (options.vocabSize < 8)
    throw Error("the subword vocabulary size must be at least 8, not " +
                std::to_string(options.vocabSize));
  if (!(options.characterCoverage > 0.9 && options.characterCoverage <= 1.0))
    throw Error("the character coverage must be in (0.9, 1]");
  for (const std::string& s : sentences)
    if (auto problem = findUtf8Problem(s))
      throw Error("a training sentence: " + describe(*problem));
  SentenceList list(sentences);
  if (list.done()) throw Error("cannot train a subword model on no text");
  const std::unordered_map<std::string, std::string> args = {
      {"model_type", std::string(subwordAlgorithmName(options.algorithm))},
      {"vocab_size", std::to_string(options.vocabSize)},
      // A bound, not a demand: a small corpus has fewer possible pieces than asked for.
      {"hard_vocab_limit", "false"},
      {"character_coverage", std::to_string(options.characterCoverage)},
      {"normalization_rule_name", options.lowercase ? "nmt_nfkc_cf" : "nmt_nfkc"},
      {"input_sentence_size", std::to_string(options.maxSentences)},
      {"shuffle_input_sentence", "true"},
      // One thread: the same sentences give the same pieces on every machine.
      {"num_threads", "1"},
      // Our vocabularies add <pad>, <sos> and <eos>; SentencePiece keeps only its <unk>, whose
      // text is what a reader of an output should see.
      {"bos_id", "-1"},
      {"eos_id", "-1"},
      {"unk_surface", "<unk>"},
      {"minloglevel", "2"},  // its progress log is not for our users
  };
  std::string serialized;
  const auto status = sentencepiece::SentencePieceTrainer::Train(args, &list, &serialized);
  if (!status.ok()) throw Error("training the subword model failed: " + message(status));
  return load(std::move(serialized));
}

SentencePieceModel SentencePieceModel::load(std::string serialized) {
  auto processor = std::make_shared<sentencepiece::SentencePieceProcessor>();
  const auto status = processor->LoadFromSerializedProto(serialized);
  if (!status.ok()) throw Error("not a SentencePiece model: " + message(status));
  SentencePieceModel m;
  m.serialized_ = std::move(serialized);
  m.processor_ = std::move(processor);
  return m;
}

std::vector<std::string> SentencePieceModel::encode(std::string_view text) const {
  ATTN_CHECK(processor_, "SentencePieceModel: not loaded");
  if (auto problem = findUtf8Problem(text)) throw Error("text: " + describe(*problem));
  std::vector<std::string> pieces;
  const auto status = processor_->Encode(text, &pieces);
  if (!status.ok()) throw Error("subword tokenisation failed: " + message(status));
  return pieces;
}

std::string SentencePieceModel::decode(const std::vector<std::string>& pieces) const {
  ATTN_CHECK(processor_, "SentencePieceModel: not loaded");
  std::string text;
  const auto status = processor_->Decode(pieces, &text);
  if (!status.ok()) throw Error("subword detokenisation failed: " + message(status));
  return text;
}

int64_t SentencePieceModel::pieceCount() const {
  ATTN_CHECK(processor_, "SentencePieceModel: not loaded");
  return processor_->GetPieceSize();
}

}  // namespace attn::data
