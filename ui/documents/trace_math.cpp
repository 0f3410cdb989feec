#include "documents/trace_math.h"

#include <algorithm>

namespace attn::ui {

std::vector<float> mapMatrix(const AttentionMap& map, int layer, int head) {
  if (layer < 0 || layer >= map.layers) return {};
  if (head >= map.heads) return {};
  return head < 0 ? map.meanOverHeads(layer) : map.matrix(layer, head);
}

std::vector<float> hopsMatrix(const AttentionMap& hops) {
  std::vector<float> a;
  if (hops.layers < 1 || hops.queries < 1) return a;
  a.reserve(size_t(hops.heads) * size_t(hops.keys));
  for (int h = 0; h < hops.heads; ++h)
    for (int k = 0; k < hops.keys; ++k) a.push_back(hops.at(0, h, 0, k));
  return a;
}

double hopsPenalty(const std::vector<float>& a, int r, int n) {
  if (r <= 0 || n <= 0 || a.size() != size_t(r) * size_t(n)) return 0;
  double total = 0;
  for (int i = 0; i < r; ++i) {
    for (int j = 0; j < r; ++j) {
      double dot = 0;
      for (int k = 0; k < n; ++k) dot += double(a[size_t(i * n + k)]) * a[size_t(j * n + k)];
      const double d = dot - (i == j ? 1.0 : 0.0);
      total += d * d;
    }
  }
  return total;
}

std::vector<std::string> decoderInputTokens(const Trace& trace) {
  std::vector<std::string> inputs{"<sos>"};
  for (size_t i = 0; i + 1 < trace.targetTokens.size(); ++i)
    inputs.push_back(trace.targetTokens[i]);
  return inputs;
}

bool rowsAreSteps(MapKind kind) {
  return kind == MapKind::Cross || kind == MapKind::DecoderSelf;
}

int argmaxIndex(const std::vector<float>& values) {
  if (values.empty()) return -1;
  return int(std::max_element(values.begin(), values.end()) - values.begin());
}

}  // namespace attn::ui
