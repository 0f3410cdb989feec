#include "trace/trace.h"

#include <cmath>

#include "util/check.h"

namespace attn {

AttentionMap::AttentionMap(int l, int h, int q, int k)
    : layers(l), heads(h), queries(q), keys(k), values(static_cast<size_t>(l) * h * q * k, 0.0f) {}

std::vector<float> AttentionMap::matrix(int layer, int head) const {
  ATTN_CHECK(layer >= 0 && layer < layers && head >= 0 && head < heads,
             "AttentionMap::matrix: layer or head out of range");
  const auto begin = values.begin() + static_cast<std::ptrdiff_t>(index(layer, head, 0, 0));
  return std::vector<float>(begin, begin + static_cast<std::ptrdiff_t>(queries) * keys);
}

std::vector<float> AttentionMap::meanOverHeads(int layer) const {
  std::vector<float> mean(static_cast<size_t>(queries) * keys, 0.0f);
  for (int h = 0; h < heads; ++h) {
    const std::vector<float> m = matrix(layer, h);
    for (size_t i = 0; i < m.size(); ++i) mean[i] += m[i] / static_cast<float>(heads);
  }
  return mean;
}

void Trace::validate() const {
  for (const auto& [kind, map] : attention) {
    const std::string name = mapKindName(kind);
    if (map.layers <= 0 || map.heads <= 0 || map.queries < 0 || map.keys <= 0)
      throw Error("attention map '" + name + "' has an empty dimension");
    if (map.values.size() != static_cast<size_t>(map.layers) * map.heads * map.queries * map.keys)
      throw Error("attention map '" + name + "' has the wrong number of values");
    for (int l = 0; l < map.layers; ++l)
      for (int h = 0; h < map.heads; ++h)
        for (int q = 0; q < map.queries; ++q) {
          double rowSum = 0;
          for (int k = 0; k < map.keys; ++k) {
            const float v = map.at(l, h, q, k);
            if (!std::isfinite(v) || v < 0)
              throw Error("attention map '" + name + "' has a weight that is negative or not " +
                          "a number (layer " + std::to_string(l) + ", head " + std::to_string(h) +
                          ", row " + std::to_string(q) + ")");
            rowSum += v;
          }
          if (std::abs(rowSum - 1.0) > 1e-5)
            throw Error("attention map '" + name + "': row " + std::to_string(q) + " of layer " +
                        std::to_string(l) + ", head " + std::to_string(h) + " sums to " +
                        std::to_string(rowSum) + ", not 1");
        }
  }
  for (const auto& lp : logProbs)
    if (!logProbs.empty() && lp.size() != logProbs.front().size())
      throw Error("log_probs rows have different lengths");
}

}  // namespace attn
