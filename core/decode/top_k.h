// Picking the k best of n values, best first, without sorting all n: the top-k tokens a trace
// shows at each step, and beam search's candidates over hypotheses × vocabulary. Ties go to the
// lower index, as argmax's first maximum does, so beam search of width 1 is greedy search.
#pragma once

#include <algorithm>
#include <cstdint>
#include <queue>
#include <utility>
#include <vector>

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// value(i) -> double for i in [0, n). Returns min(k, n) indices, best first. O(n log k).
template <class ValueFn>
std::vector<int64_t> topIndices(int64_t n, int64_t k, const ValueFn& value) {
  k = std::min(k, n);
  std::vector<int64_t> out;
  if (k <= 0) return out;
  using Entry = std::pair<double, int64_t>;
  // a before b when a is better: a higher value, or an equal one at a lower index.
  auto better = [](const Entry& a, const Entry& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  };
  // A heap whose top is the worst of the k best seen so far.
  std::priority_queue<Entry, std::vector<Entry>, decltype(better)> heap(better);
  for (int64_t i = 0; i < n; ++i) {
    const double v = value(i);
    if (static_cast<int64_t>(heap.size()) < k) {
      heap.push({v, i});
    } else if (v > heap.top().first) {  // indices rise, so an equal value is never better
      heap.pop();
      heap.push({v, i});
    }
  }
  out.resize(static_cast<size_t>(heap.size()));
  for (size_t i = out.size(); i-- > 0; heap.pop()) out[i] = heap.top().second;
  return out;
}

}  // namespace attn::inline ATTN_PRECISION
