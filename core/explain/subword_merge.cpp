#include "explain/subword_merge.h"

#include <algorithm>

#include "data/vocabulary.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION::explain {

WordGrouping groupWords(const std::vector<std::string>& tokens, const data::Tokenizer& tokenizer) {
  const auto& specials = data::Vocabulary::specialTokens();
  const auto isSpecial = [&](const std::string& t) {
    return std::find(specials.begin(), specials.end(), t) != specials.end();
  };
  WordGrouping g;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    const bool fresh = i == 0 || isSpecial(t) || isSpecial(tokens[i - 1]) ||
                       tokenizer.startsWord(t, tokens[i - 1]);
    if (fresh) g.words.emplace_back();
    std::string piece = t;
    if (tokenizer.kind() == data::TokenizerKind::SentencePiece &&
        piece.compare(0, data::kWordStartMark.size(), data::kWordStartMark) == 0)
      piece.erase(0, data::kWordStartMark.size());
    g.words.back() += piece;
    g.wordOfToken.push_back(g.wordCount() - 1);
  }
  return g;
}

AttentionMap mergeSubwords(const AttentionMap& map, const WordGrouping& queries,
                           const WordGrouping& keys) {
  if (static_cast<int>(queries.wordOfToken.size()) != map.queries ||
      static_cast<int>(keys.wordOfToken.size()) != map.keys)
    throw Error("merging subwords: the map has " + std::to_string(map.queries) + " × " +
                std::to_string(map.keys) + " tokens, the groupings " +
                std::to_string(queries.wordOfToken.size()) + " and " +
                std::to_string(keys.wordOfToken.size()));
  AttentionMap out(map.layers, map.heads, queries.wordCount(), keys.wordCount());
  std::vector<int> piecesOfWord(static_cast<size_t>(queries.wordCount()), 0);
  for (int w : queries.wordOfToken) ++piecesOfWord[static_cast<size_t>(w)];
  for (int l = 0; l < map.layers; ++l)
    for (int h = 0; h < map.heads; ++h)
      for (int q = 0; q < map.queries; ++q) {
        const int qw = queries.wordOfToken[static_cast<size_t>(q)];
        const float share = 1.0f / static_cast<float>(piecesOfWord[static_cast<size_t>(qw)]);
        for (int k = 0; k < map.keys; ++k)
          out.at(l, h, qw, keys.wordOfToken[static_cast<size_t>(k)]) += share * map.at(l, h, q, k);
      }
  return out;
}

}  // namespace attn::inline ATTN_PRECISION::explain
