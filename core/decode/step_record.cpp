#include "decode/step_record.h"

#include <algorithm>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

StepRecord::~StepRecord() {
  std::shared_ptr<const StepRecord> p = std::move(previous);
  // While this is the last owner, take its link before letting it go, so each destructor in
  // the chain finds `previous` already empty.
  while (p && p.use_count() == 1) {
    std::shared_ptr<const StepRecord> next = std::move(p->previous);
    p = std::move(next);
  }
}

std::vector<float> tensorRow(const Tensor& t, int64_t row) {
  if (!t.defined() || t.numel() == 0) return {};
  const int64_t cols = t.numel() / t.dim(0);
  ATTN_CHECK(row >= 0 && row < t.dim(0), "tensorRow: row out of range");
  const Scalar* begin = t.data() + row * cols;
  return std::vector<float>(begin, begin + cols);  // converts when Scalar is double
}

MapRows mapRows(const AttentionMaps& maps, int64_t row) {
  MapRows out;
  out.reserve(maps.size());
  for (const auto& [name, layers] : maps) {
    if (layers.empty()) continue;
    const Tensor& first = layers.front();
    ATTN_CHECK(first.rank() == 2 || first.rank() == 3, "step maps are [N, heads, keys]");
    MapRow m;
    m.layers = static_cast<int>(layers.size());
    m.heads = first.rank() == 3 ? static_cast<int>(first.dim(1)) : 1;
    m.keys = static_cast<int>(first.dim(-1));
    const size_t perLayer = static_cast<size_t>(m.heads) * m.keys;
    m.values.resize(perLayer * layers.size());
    for (size_t l = 0; l < layers.size(); ++l) {
      const Tensor& t = layers[l];
      ATTN_CHECK(t.numel() == t.dim(0) * static_cast<int64_t>(perLayer),
                 "step map '" + mapKindName(name) + "': layers differ in heads or keys");
      const Scalar* src = t.data() + row * static_cast<int64_t>(perLayer);
      std::copy(src, src + perLayer, m.values.begin() + static_cast<std::ptrdiff_t>(l * perLayer));
    }
    out.emplace_back(name, std::move(m));
  }
  return out;
}

StepRecord recordStep(const DecoderStepOutput& out, int64_t row) {
  StepRecord r;
  r.logProbs = tensorRow(out.logProbs, row);
  r.attention = mapRows(out.attention, row);
  r.scores = mapRows(out.scores, row);
  r.query = tensorRow(out.query, row);
  r.context = tensorRow(out.context, row);
  return r;
}

std::vector<const StepRecord*> pathTo(const StepRecord* last) {
  std::vector<const StepRecord*> path;
  for (const StepRecord* r = last; r; r = r->previous.get()) path.push_back(r);
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace attn::inline ATTN_PRECISION
