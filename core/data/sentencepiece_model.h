// Subword tokenisation with the SentencePiece library (Kudo and Richardson 2018): a model trained
// on a corpus's sentences (BPE, Sennrich et al. 2016, or the unigram language model, Kudo 2018),
// kept as its serialized bytes so that a model file can carry it; nothing is written to disk.
// Pieces keep SentencePiece's word-start mark "▁" (U+2581): "▁Bonjour", "▁mon", "de".
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace attn::data {

// "▁": the mark SentencePiece puts at the start of a piece that starts a word.
inline constexpr std::string_view kWordStartMark = "\xE2\x96\x81";

enum class SubwordAlgorithm { Unigram, Bpe };
std::string_view subwordAlgorithmName(SubwordAlgorithm a);  // "unigram" / "bpe"
SubwordAlgorithm parseSubwordAlgorithm(std::string_view name);

struct SentencePieceOptions {
  SubwordAlgorithm algorithm = SubwordAlgorithm::Unigram;
  int64_t vocabSize = 8000;  // an upper bound: a small corpus gets fewer pieces, not an error
  bool lowercase = false;    // fold case (SentencePiece's nmt_nfkc_cf rule instead of nmt_nfkc)
  // The share of characters the pieces must cover; the rest become <unk>. 1.0 keeps every
  // character of the training text (SentencePiece's own default, 0.9995, is meant for corpora of
  // millions of sentences and drops rare letters of small ones).
  double characterCoverage = 1.0;
  int64_t maxSentences = 2'000'000;  // a larger corpus is sampled
};

class SentencePieceModel {
 public:
  // Trains in memory on the sentences (empty ones are ignored). Throws attn::Error with
  // SentencePiece's message when training fails (e.g. no sentence, a vocabulary too small).
  static SentencePieceModel train(const std::vector<std::string>& sentences,
                                  const SentencePieceOptions& options);
  // From the bytes serialized() returned; throws attn::Error when they are not a model.
  static SentencePieceModel load(std::string serialized);

  const std::string& serialized() const { return serialized_; }
  std::vector<std::string> encode(std::string_view text) const;  // throws on invalid UTF-8
  std::string decode(const std::vector<std::string>& pieces) const;
  int64_t pieceCount() const;

 private:
  std::string serialized_;
  std::shared_ptr<const sentencepiece::SentencePieceProcessor> processor_;
};

}  // namespace attn::data
