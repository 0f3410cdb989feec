// Teaching interventions on attention, in the form the layers apply them: a head's weights
// replaced by given ones before they weigh the values, or a head's output zeroed before the
// output projection (the head masking of Michel et al. 2019, "Are Sixteen Heads Really Better
// than One?"). core/explain/intervention.h describes interventions in a user's terms and builds
// these; only incremental decoding takes them (DecoderState::edits, Seq2SeqModel::encodeEdited),
// always without a graph, so training and teacher-forced passes cannot see one.
//
// Zeroing a head's weights zeroes its output exactly (0 · V = 0), so both kinds of edit are one
// operation on the weights, and the trace reports the weights the values were weighed with.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tensor/precision.h"
#include "tensor/tensor.h"
#include "trace/map_kind.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

// The edit of one attention computation (one map of one layer).
struct AttentionEdit {
  // head -> the weights over the S keys that replace its softmax, for every batch row and query
  std::map<int64_t, std::vector<Scalar>> rows;
  // heads that read nothing: their weights, and so their outputs, are zero
  std::set<int64_t> zeroedHeads;

  bool empty() const { return rows.empty() && zeroedHeads.empty(); }
};

// The edits of one step() or encodeEdited() call: map (cross, decoder or encoder
// self-attention) -> layer -> edit.
struct AttentionEdits {
  std::map<MapKind, std::map<int64_t, AttentionEdit>> maps;

  bool empty() const {
    for (const auto& [name, layers] : maps)
      for (const auto& [layer, edit] : layers)
        if (!edit.empty()) return false;
    return true;
  }
  // Null when that map and layer are left alone.
  const AttentionEdit* find(MapKind map, int64_t layer) const {
    const auto m = maps.find(map);
    if (m == maps.end()) return nullptr;
    const auto l = m->second.find(layer);
    return l == m->second.end() || l->second.empty() ? nullptr : &l->second;
  }
};

// weights [B, heads, T, S] (or [B, S]: one head, one query) -> a copy with the edit applied.
inline Tensor editedWeights(const Tensor& weights, int64_t heads, const AttentionEdit& edit) {
  const int64_t keys = weights.dim(-1), batch = weights.dim(0);
  ATTN_CHECK(heads > 0 && weights.numel() % (batch * heads * keys) == 0,
             "editedWeights: weights are not [B, heads, T, S]");
  const int64_t queries = weights.numel() / (batch * heads * keys);
  Tensor out = weights;
  auto rowOf = [&](int64_t b, int64_t h, int64_t t) {
    return out.data() + ((b * heads + h) * queries + t) * keys;
  };
  for (const auto& [head, row] : edit.rows) {
    ATTN_CHECK(head >= 0 && head < heads && static_cast<int64_t>(row.size()) == keys,
               "editedWeights: a replacement row must give one weight per key of an existing head");
    for (int64_t b = 0; b < batch; ++b)
      for (int64_t t = 0; t < queries; ++t) std::copy(row.begin(), row.end(), rowOf(b, head, t));
  }
  for (int64_t head : edit.zeroedHeads) {
    ATTN_CHECK(head >= 0 && head < heads, "editedWeights: no such head");
    for (int64_t b = 0; b < batch; ++b)
      for (int64_t t = 0; t < queries; ++t)
        std::fill(rowOf(b, head, t), rowOf(b, head, t) + keys, 0);
  }
  return out;
}

}  // namespace attn::inline ATTN_PRECISION
