// Reordering the batch rows of a tensor, for beam search: the hypotheses kept at a step become
// the rows of every state tensor.
#pragma once

#include <vector>

#include "tensor/ops.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// v [N, ...] -> [rows.size(), ...] with row i = v's row rows[i] along the first dimension.
inline Var selectBatchRows(const Var& v, const std::vector<int64_t>& rows) {
  const Shape s = v.shape();
  const int64_t n = s[0];
  const int64_t rest = n == 0 ? 0 : v.value().numel() / n;
  Var picked = gatherRows(reshape(v, Shape{n, rest}), rows);
  std::vector<int64_t> dims = s.toVector();
  dims[0] = static_cast<int64_t>(rows.size());
  return reshape(picked, Shape(dims));
}

}  // namespace attn::inline ATTN_PRECISION
