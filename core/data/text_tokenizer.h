// The tokenizer a model reads and writes its text with, stored in the model file so a model always
// cuts its input as it was trained to. Four kinds (tokenizer.h's TokenizerKind):
//   word           split on white space (old models; unchanged)
//   char           one token per code point (old models; unchanged)
//   words          Unicode words and punctuation as tokens (ICU), optional lower-casing and NFKC;
//                  detokenisation puts the spaces back by the target language's convention
//   sentencepiece  subwords from a SentencePiece model trained on the training text, carried
//                  inside the model file as bytes
// A Tokenizer is a small value: copies share the SentencePiece model, and every method is const
// and safe to call from several threads.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "data/dataset.h"
#include "data/sentencepiece_model.h"
#include "data/tokenizer.h"
#include "data/word_spacing.h"

namespace attn::data {

struct TokenizerOptions {
  bool lowercase = false;              // words, sentencepiece
  bool nfkc = false;                   // words (SentencePiece always applies NFKC)
  Spacing spacing = Spacing::English;  // words: how detokenize() spaces the target language

  friend bool operator==(const TokenizerOptions&, const TokenizerOptions&) = default;
};

// The keys a model file's metadata holds for its tokenizer.
inline constexpr const char* kTokenizerKey = "tokenizer";                     // the kind's name
inline constexpr const char* kTokenizerOptionsKey = "tokenizer_options";      // JSON object
inline constexpr const char* kSentencePieceModelKey = "sentencepiece_model";  // base64 bytes

class Tokenizer {
 public:
  Tokenizer() : Tokenizer(TokenizerKind::Word) {}
  // word, char or words; sentencepiece needs a model (below): attn::Error.
  explicit Tokenizer(TokenizerKind kind, TokenizerOptions options = {});
  // A SentencePiece tokenizer trained on `sentences` (the training split's sources and targets:
  // one model for both sides). `options.lowercase` is SentencePieceOptions::lowercase.
  static Tokenizer trainSentencePiece(const std::vector<std::string>& sentences,
                                      const SentencePieceOptions& options);
  static Tokenizer fromSentencePiece(SentencePieceModel model, TokenizerOptions options = {});

  TokenizerKind kind() const { return kind_; }
  std::string_view name() const { return tokenizerName(kind_); }
  const TokenizerOptions& options() const { return options_; }
  // The SentencePiece model, or nullptr for the other kinds.
  const SentencePieceModel* sentencePiece() const { return sentencePiece_.get(); }

  // Throws attn::Error on invalid UTF-8.
  std::vector<std::string> tokenize(std::string_view text) const;
  std::string detokenize(const std::vector<std::string>& tokens) const;
  int64_t count(std::string_view text) const { return static_cast<int64_t>(tokenize(text).size()); }
  // For filterExamples() (corpus.h).
  std::function<int64_t(std::string_view)> counter() const;

  // Whether a token begins a new word of the text: always for word and words; for char, after a
  // space; for sentencepiece, a piece with the "▁" mark. Groups pieces into words
  // (subword_merge.h).
  bool startsWord(std::string_view token, std::string_view previous) const;

  // Writes the keys above into a model file's metadata; old kinds write only "tokenizer", so a
  // model saved with them reads as before.
  void writeMetadata(std::map<std::string, std::string>& metadata) const;
  // From a model file's metadata; a file with only "tokenizer": "word"/"char" reads as it always
  // did. Throws attn::Error naming the key that is missing or wrong.
  static Tokenizer fromMetadata(const std::map<std::string, std::string>& metadata);

 private:
  TokenizerKind kind_ = TokenizerKind::Word;
  TokenizerOptions options_;
  std::shared_ptr<const SentencePieceModel> sentencePiece_;
};

// What a user chooses for a new model (--tokenizer, --lowercase, --nfkc, --sp-model-type,
// --vocab-size).
struct TokenizerChoice {
  TokenizerKind kind = TokenizerKind::Word;
  bool lowercase = false;
  bool nfkc = false;  // words only
  SubwordAlgorithm algorithm = SubwordAlgorithm::Unigram;
  int64_t vocabSize = 8000;
};

// The tokenizer of a new model trained on `train`: sentencepiece is trained on the sources and,
// for seq2seq, the targets (one model for both sides; never the labels); words takes its spacing
// from the targets (guessSpacing). Throws attn::Error as the constructors do.
Tokenizer buildTokenizer(const TokenizerChoice& choice, const std::vector<Example>& train,
                         TaskKind kind);

}  // namespace attn::data
