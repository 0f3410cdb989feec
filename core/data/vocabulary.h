// Token vocabularies (docs/file-formats.md, Vocabularies and tokenizers): index 0 <pad>, 1 <unk>, 2
// <sos>, 3 <eos>, then the tokens. A model file stores one as a JSON array of strings in index
// order, so a vocabulary is exactly that list plus a lookup table, and is built from data
// deterministically: the same corpus gives the same indices on every machine.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace attn::data {

// How many times each token occurs. A std::map so that iteration order never depends on a hash.
using TokenCounts = std::map<std::string, int64_t>;

void countTokens(const std::vector<std::string>& tokens, TokenCounts& counts);

struct VocabularyOptions {
  int64_t minFrequency = 1;  // tokens seen fewer times become <unk>
  int64_t maxSize = 0;       // the whole vocabulary, the 4 special tokens included; 0 = no limit
};

class Vocabulary {
 public:
  static constexpr int64_t kPad = 0, kUnk = 1, kSos = 2, kEos = 3;
  static constexpr int64_t kSpecialCount = 4;
  static const std::vector<std::string>& specialTokens();  // "<pad>", "<unk>", "<sos>", "<eos>"

  Vocabulary();  // the four special tokens only

  // Keeps the tokens seen at least minFrequency times, most frequent first (ties by token
  // string, byte order), then cuts to maxSize. Tokens spelt like a special token are not added
  // twice: "<unk>" in a corpus is <unk>. Throws attn::Error on nonsense options.
  static Vocabulary fromCounts(const TokenCounts& counts, const VocabularyOptions& options = {});
  static Vocabulary build(const std::vector<std::vector<std::string>>& sentences,
                          const VocabularyOptions& options = {});

  // From the list a model file stores, in index order. The list must start with the four special
  // tokens and hold no duplicate and no empty string; anything else is an attn::Error.
  static Vocabulary fromList(const std::vector<std::string>& tokens);
  const std::vector<std::string>& toList() const { return tokens_; }

  int64_t size() const { return static_cast<int64_t>(tokens_.size()); }
  bool contains(const std::string& token) const { return index_.count(token) > 0; }
  int64_t id(const std::string& token) const;  // kUnk when absent
  // Throws attn::Error for an id outside [0, size()).
  const std::string& token(int64_t id) const;

  std::vector<int64_t> encode(const std::vector<std::string>& tokens) const;
  // Every id back to its token, specials included.
  std::vector<std::string> decode(const std::vector<int64_t>& ids) const;
  // What a person wants to read from a model's output: stops at the first <eos>, skips <pad> and
  // <sos>, keeps <unk>.
  std::vector<std::string> decodeOutput(const std::vector<int64_t>& ids) const;

  friend bool operator==(const Vocabulary& a, const Vocabulary& b) {
    return a.tokens_ == b.tokens_;
  }

 private:
  void add(const std::string& token);

  std::vector<std::string> tokens_;
  std::unordered_map<std::string, int64_t> index_;
};

// Class names of a classifier: index = class id, no special tokens (docs/file-formats.md, Model
// file).
class LabelVocabulary {
 public:
  LabelVocabulary() = default;

  // The distinct labels in byte order, so that "negative" < "positive" whatever the order of the
  // file they came from.
  static LabelVocabulary build(const std::vector<std::string>& labels);
  // From the list a model file stores, in class-id order; duplicates and empty names are errors.
  static LabelVocabulary fromList(const std::vector<std::string>& names);
  const std::vector<std::string>& toList() const { return names_; }

  int64_t size() const { return static_cast<int64_t>(names_.size()); }
  bool contains(const std::string& label) const { return index_.count(label) > 0; }
  // Throws attn::Error naming the known classes: a label the model never saw has no id.
  int64_t id(const std::string& label) const;
  const std::string& name(int64_t id) const;  // throws attn::Error when out of range

  friend bool operator==(const LabelVocabulary& a, const LabelVocabulary& b) {
    return a.names_ == b.names_;
  }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, int64_t> index_;
};

}  // namespace attn::data
