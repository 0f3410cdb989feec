#include "tensor/tensor.h"

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {

// A training step allocates and frees the same few hundred activation buffers every step. By
// default glibc serves blocks over 128 KB with mmap and returns them to the system on free, so
// each step page-faults its activations back in: measured at more than half of a transformer
// step's time. Keeping freed memory in the heap (up to 256 MB blocks, trimmed beyond 1 GB)
// makes the buffers of one step the buffers of the next.
[[maybe_unused]] const bool allocatorTuned = [] {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
  return true;
}();

}  // namespace

Tensor Tensor::empty(const Shape& shape) {
  Tensor t;
  t.shape_ = shape;
  t.data_.resize(static_cast<size_t>(shape.numel()));
  return t;
}

Tensor Tensor::zeros(const Shape& shape) {
  return full(shape, Scalar(0));
}

Tensor Tensor::full(const Shape& shape, Scalar value) {
  Tensor t = empty(shape);
  std::fill(t.data_.begin(), t.data_.end(), value);
  return t;
}

Tensor Tensor::fromVector(const Shape& shape, const std::vector<Scalar>& values) {
  ATTN_CHECK(
      static_cast<int64_t>(values.size()) == shape.numel(),
      "fromVector: " + std::to_string(values.size()) + " values for shape " + shape.toString());
  Tensor t = empty(shape);
  std::copy(values.begin(), values.end(), t.data_.begin());
  return t;
}

Scalar Tensor::item() const {
  ATTN_CHECK(numel() == 1, "item() of a tensor of shape " + shape_.toString());
  return data_[0];
}

int64_t Tensor::batchCount() const {
  ATTN_CHECK(rank() >= 2, "batchCount() needs at least 2 dimensions");
  return numel() / (dim(-2) * dim(-1) == 0 ? 1 : dim(-2) * dim(-1));
}

MatrixMap Tensor::matAt(int64_t b) {
  const int64_t r = dim(-2), c = dim(-1);
  return MatrixMap(data() + b * r * c, r, c);
}

ConstMatrixMap Tensor::matAt(int64_t b) const {
  const int64_t r = dim(-2), c = dim(-1);
  return ConstMatrixMap(data() + b * r * c, r, c);
}

Tensor Tensor::reshaped(const Shape& shape) const& {
  Tensor t = *this;
  return std::move(t).reshaped(shape);
}

Tensor Tensor::reshaped(const Shape& shape) && {
  ATTN_CHECK(shape.numel() == numel(),
             "cannot reshape " + shape_.toString() + " to " + shape.toString());
  Tensor t;
  t.shape_ = shape;
  t.data_ = std::move(data_);
  return t;
}

void Tensor::setZero() {
  std::fill(data_.begin(), data_.end(), Scalar(0));
}
void Tensor::fill(Scalar value) {
  std::fill(data_.begin(), data_.end(), value);
}

}  // namespace attn::inline ATTN_PRECISION
