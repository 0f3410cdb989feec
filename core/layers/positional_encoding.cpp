#include "layers/positional_encoding.h"

#include <algorithm>
#include <cmath>

#include "tensor/ops.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

SinusoidalPositionalEncoding::SinusoidalPositionalEncoding(int64_t dim) : dim_(dim) {
  if (dim <= 0)
    throw Error("positional encoding needs a positive d_model, not " + std::to_string(dim));
}

Tensor SinusoidalPositionalEncoding::table(int64_t length, int64_t offset) const {
  ATTN_CHECK(length >= 0 && offset >= 0, "positional encoding: negative length or offset");
  const int64_t end = offset + length;
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t cached = static_cast<int64_t>(rows_.size()) / dim_;
  if (end > cached) {
    // Grow to at least double, so a decoder asking one more position per step does not
    // recompute the table at every step.
    const int64_t grown = std::max(end, 2 * cached);
    rows_.resize(static_cast<size_t>(grown * dim_));
    for (int64_t p = cached; p < grown; ++p)
      for (int64_t j = 0; j < dim_; ++j) {
        const int64_t i2 = j - j % 2;  // 2i: the same frequency for the sin and the cos column
        const double angle =
            static_cast<double>(p) / std::pow(10000.0, static_cast<double>(i2) / double(dim_));
        rows_[static_cast<size_t>(p * dim_ + j)] =
            static_cast<Scalar>(j % 2 == 0 ? std::sin(angle) : std::cos(angle));
      }
  }
  Tensor out = Tensor::empty(Shape{length, dim_});
  std::copy(rows_.begin() + offset * dim_, rows_.begin() + end * dim_, out.data());
  return out;
}

// x [B, T, d] -> [B, T, d]
Var SinusoidalPositionalEncoding::addTo(const Var& x, int64_t offset) const {
  ATTN_CHECK(x.shape().rank() == 3 && x.dim(2) == dim_,
             "positional encoding of size " + std::to_string(dim_) + " cannot be added to " +
                 x.shape().toString());
  return add(x, Var(table(x.dim(1), offset)));
}

}  // namespace attn::inline ATTN_PRECISION
