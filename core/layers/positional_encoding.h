// The transformer's sinusoidal positional encoding (docs/file-formats.md, transformer):
// PE(p, 2i) = sin(p / 10000^{2i/d}), PE(p, 2i+1) = cos(p / 10000^{2i/d}).
//
// A constant, not a parameter: the table is computed once up to the longest length asked for
// and grown when a longer one comes, so a training step or a decoding step only copies rows.
// Each angle is computed in double precision and rounded once to the engine's Scalar, so the
// table is the formula's value to within half an ulp at every position (PyTorch tutorials
// compute p·exp(−2i·ln(10000)/d) in float32, which drifts by ~1e-5 by position 100).
#pragma once

#include <mutex>
#include <vector>

#include "tensor/precision.h"
#include "tensor/var.h"

namespace attn::inline ATTN_PRECISION {

class SinusoidalPositionalEncoding {
 public:
  explicit SinusoidalPositionalEncoding(int64_t dim);

  // Rows [offset, offset + length) of the table: [length, d].
  Tensor table(int64_t length, int64_t offset = 0) const;
  // x [B, T, d] -> x + PE[offset .. offset + T) (the same for every batch row). `offset` is the
  // position of x's first step, for step-by-step decoding.
  Var addTo(const Var& x, int64_t offset = 0) const;

  int64_t dim() const { return dim_; }

 private:
  int64_t dim_;
  // Guarded: the GUI thread and a worker may share one model's encoding.
  mutable std::mutex mutex_;
  mutable std::vector<Scalar> rows_;  // [cached length, d], row-major
};

}  // namespace attn::inline ATTN_PRECISION
