// A padded batch of token ids, the input every model takes: row-major [batch, length], 0 being
// <pad>, each row's real tokens at the front.
#pragma once

#include <cstdint>
#include <vector>

#include "tensor/precision.h"
#include "tensor/shape.h"

namespace attn::inline ATTN_PRECISION {

struct TokenBatch {
  int64_t batch = 0;
  int64_t length = 0;
  std::vector<int64_t> ids;      // [batch · length]
  std::vector<int64_t> lengths;  // real length of each row, 1..length

  Shape shape() const { return Shape{batch, length}; }
  int64_t at(int64_t b, int64_t t) const { return ids[static_cast<size_t>(b * length + t)]; }
  // Rows of unequal length, padded with 0 to the longest.
  static TokenBatch fromRows(const std::vector<std::vector<int64_t>>& rows);
  // Only the rows `rows`, in that order (repeats allowed).
  TokenBatch selectRows(const std::vector<int64_t>& rows) const;
};

}  // namespace attn::inline ATTN_PRECISION
