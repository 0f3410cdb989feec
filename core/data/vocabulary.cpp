#include "data/vocabulary.h"

#include <algorithm>
#include <set>

#include "util/check.h"

namespace attn::data {

void countTokens(const std::vector<std::string>& tokens, TokenCounts& counts) {
  for (const std::string& t : tokens) ++counts[t];
}

const std::vector<std::string>& Vocabulary::specialTokens() {
  static const std::vector<std::string> kSpecials{"<pad>", "<unk>", "<sos>", "<eos>"};
  return kSpecials;
}

Vocabulary::Vocabulary() {
  for (const std::string& s : specialTokens()) add(s);
}

void Vocabulary::add(const std::string& token) {
  index_.emplace(token, size());
  tokens_.push_back(token);
}

Vocabulary Vocabulary::fromCounts(const TokenCounts& counts, const VocabularyOptions& options) {
  if (options.minFrequency < 1)
    throw Error("the minimum token frequency must be at least 1, not " +
                std::to_string(options.minFrequency));
  if (options.maxSize != 0 && options.maxSize < kSpecialCount)
    throw Error(
        "the maximum vocabulary size counts the 4 special tokens, so it must be at "
        "least 4 (or 0 for no limit), not " +
        std::to_string(options.maxSize));
  Vocabulary vocab;
  std::vector<std::pair<std::string, int64_t>> kept;
  for (const auto& [token, count] : counts)
    if (count >= options.minFrequency && !token.empty() && !vocab.contains(token))
      kept.emplace_back(token, count);
  // Most frequent first; equal counts in byte order of the token, so the result never depends on
  // the order the corpus was read in.
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [token, count] : kept) {
    if (options.maxSize != 0 && vocab.size() >= options.maxSize) break;
    vocab.add(token);
  }
  return vocab;
}

Vocabulary Vocabulary::build(const std::vector<std::vector<std::string>>& sentences,
                             const VocabularyOptions& options) {
  TokenCounts counts;
  for (const auto& s : sentences) countTokens(s, counts);
  return fromCounts(counts, options);
}

Vocabulary Vocabulary::fromList(const std::vector<std::string>& tokens) {
  const auto& specials = specialTokens();
  if (tokens.size() < specials.size() ||
      !std::equal(specials.begin(), specials.end(), tokens.begin()))
    throw Error("a vocabulary must start with <pad>, <unk>, <sos>, <eos> (indices 0 to 3)");
  Vocabulary vocab;
  for (size_t i = specials.size(); i < tokens.size(); ++i) {
    if (tokens[i].empty()) throw Error("vocabulary entry " + std::to_string(i) + " is empty");
    if (vocab.contains(tokens[i]))
      throw Error("vocabulary entry " + std::to_string(i) + " (\"" + tokens[i] +
                  "\") appears twice");
    vocab.add(tokens[i]);
  }
  return vocab;
}

int64_t Vocabulary::id(const std::string& token) const {
  auto it = index_.find(token);
  return it == index_.end() ? kUnk : it->second;
}

const std::string& Vocabulary::token(int64_t id) const {
  if (id < 0 || id >= size())
    throw Error("token id " + std::to_string(id) + " is outside the vocabulary (size " +
                std::to_string(size()) + ")");
  return tokens_[static_cast<size_t>(id)];
}

std::vector<int64_t> Vocabulary::encode(const std::vector<std::string>& tokens) const {
  std::vector<int64_t> ids;
  ids.reserve(tokens.size());
  for (const std::string& t : tokens) ids.push_back(id(t));
  return ids;
}

std::vector<std::string> Vocabulary::decode(const std::vector<int64_t>& ids) const {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (int64_t i : ids) out.push_back(token(i));
  return out;
}

std::vector<std::string> Vocabulary::decodeOutput(const std::vector<int64_t>& ids) const {
  std::vector<std::string> out;
  for (int64_t i : ids) {
    if (i == kEos) break;
    if (i == kPad || i == kSos) continue;
    out.push_back(token(i));
  }
  return out;
}

LabelVocabulary LabelVocabulary::build(const std::vector<std::string>& labels) {
  std::set<std::string> distinct(labels.begin(), labels.end());
  return fromList(std::vector<std::string>(distinct.begin(), distinct.end()));
}

LabelVocabulary LabelVocabulary::fromList(const std::vector<std::string>& names) {
  LabelVocabulary v;
  for (const std::string& n : names) {
    if (n.empty()) throw Error("a class name is empty");
    if (!v.index_.emplace(n, v.size()).second) throw Error("the class \"" + n + "\" appears twice");
    v.names_.push_back(n);
  }
  return v;
}

int64_t LabelVocabulary::id(const std::string& label) const {
  auto it = index_.find(label);
  if (it != index_.end()) return it->second;
  std::string known;
  for (const std::string& n : names_) known += (known.empty() ? "" : ", ") + n;
  throw Error("unknown class \"" + label +
              "\"; the classes are: " + (known.empty() ? "(none)" : known));
}

const std::string& LabelVocabulary::name(int64_t id) const {
  if (id < 0 || id >= size())
    throw Error("class id " + std::to_string(id) + " is outside [0, " + std::to_string(size()) +
                ")");
  return names_[static_cast<size_t>(id)];
}

}  // namespace attn::data
