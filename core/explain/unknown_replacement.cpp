#include "explain/unknown_replacement.h"

#include "data/vocabulary.h"

namespace attn::inline ATTN_PRECISION {

ReplacedOutput replaceUnknownTokens(const Trace& trace) {
  const std::vector<std::string>& specials = data::Vocabulary::specialTokens();
  const std::string& unk = specials[data::Vocabulary::kUnk];
  const std::string& eos = specials[data::Vocabulary::kEos];
  ReplacedOutput out;
  for (const std::string& t : trace.targetTokens) {
    if (t == eos) break;
    out.tokens.push_back(t);
  }
  const auto cross = trace.attention.find(MapKind::Cross);
  if (cross == trace.attention.end() || cross->second.layers == 0) return out;
  const AttentionMap& map = cross->second;
  const std::vector<float> weights = map.meanOverHeads(map.layers - 1);
  const int keys = std::min<int>(map.keys, static_cast<int>(trace.sourceTokens.size()));
  for (int q = 0; q < static_cast<int>(out.tokens.size()) && q < map.queries; ++q) {
    if (out.tokens[static_cast<size_t>(q)] != unk) continue;
    int best = -1;
    for (int k = 0; k < keys; ++k) {
      const std::string& s = trace.sourceTokens[static_cast<size_t>(k)];
      if (s == eos || s == unk) continue;
      const float w =
          weights[static_cast<size_t>(q) * static_cast<size_t>(map.keys) + static_cast<size_t>(k)];
      if (best < 0 || w > weights[static_cast<size_t>(q) * static_cast<size_t>(map.keys) +
                                  static_cast<size_t>(best)])
        best = k;
    }
    if (best < 0) continue;
    out.tokens[static_cast<size_t>(q)] = trace.sourceTokens[static_cast<size_t>(best)];
    out.replacements.push_back({q, best});
  }
  return out;
}

}  // namespace attn::inline ATTN_PRECISION
