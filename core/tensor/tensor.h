// A dense, contiguous, row-major tensor of Scalars with up to four dimensions.
// The engine sees most tensors as a matrix (all leading dimensions folded into rows, the last
// one as columns), so every heavy operation is one Eigen call on a Map over this storage.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include "tensor/buffer_cache.h"
#include "tensor/scalar.h"
#include "tensor/shape.h"

namespace attn::inline ATTN_PRECISION {

// The allocator of tensor storage. Two reasons it is not std::allocator:
// - std::allocator value-initialises on resize(); buffers that are about to be overwritten
//   (the output of a matrix product, say) should not pay for a memset first.
// - Every buffer starts on a 64-byte boundary. Eigen's vectorised reductions handle an
//   unaligned head with scalar code, so with 16-byte alignment the order of a sum (and its
//   last bits) would depend on where malloc put the buffer, and the same seed could train
//   slightly different weights from run to run. 64 bytes is one AVX-512 register, one line.
inline constexpr std::size_t kTensorAlignment = kTensorBufferAlignment;

template <class T>
struct DefaultInitAllocator {
  using value_type = T;
  template <class U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  DefaultInitAllocator() noexcept = default;
  template <class U>
  DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) { return static_cast<T*>(allocateTensorBuffer(n * sizeof(T))); }
  void deallocate(T* p, std::size_t) noexcept { releaseTensorBuffer(p); }
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
  template <class U>
  bool operator==(const DefaultInitAllocator<U>&) const noexcept {
    return true;
  }
};

using Buffer = std::vector<Scalar, DefaultInitAllocator<Scalar>>;

class Tensor {
 public:
  Tensor() = default;
  // Uninitialised storage of the given shape: only for outputs that are fully written next.
  static Tensor empty(const Shape& shape);
  static Tensor zeros(const Shape& shape);
  static Tensor full(const Shape& shape, Scalar value);
  static Tensor fromVector(const Shape& shape, const std::vector<Scalar>& values);
  static Tensor scalar(Scalar value) { return fromVector(Shape{}, {value}); }

  const Shape& shape() const { return shape_; }
  int rank() const { return shape_.rank(); }
  int64_t dim(int i) const { return shape_.dim(i); }
  int64_t numel() const { return static_cast<int64_t>(data_.size()); }
  int64_t rows() const { return shape_.rows(); }
  int64_t cols() const { return shape_.cols(); }
  bool defined() const { return shape_.rank() > 0 || !data_.empty(); }

  Scalar* data() { return data_.data(); }
  const Scalar* data() const { return data_.data(); }
  Scalar& operator[](int64_t i) { return data_[static_cast<size_t>(i)]; }
  Scalar operator[](int64_t i) const { return data_[static_cast<size_t>(i)]; }
  Scalar item() const;  // the value of a one-element tensor

  // The tensor as a [rows, cols] matrix, and as a flat array.
  MatrixMap mat() { return MatrixMap(data(), rows(), cols()); }
  ConstMatrixMap mat() const { return ConstMatrixMap(data(), rows(), cols()); }
  ArrayMap arr() { return ArrayMap(data(), numel()); }
  ConstArrayMap arr() const { return ConstArrayMap(data(), numel()); }
  // Matrix b of a tensor seen as a stack of [dim(-2), dim(-1)] matrices.
  MatrixMap matAt(int64_t b);
  ConstMatrixMap matAt(int64_t b) const;
  int64_t batchCount() const;  // how many [dim(-2), dim(-1)] matrices are stacked

  // Same data, another shape of the same size.
  Tensor reshaped(const Shape& shape) const&;
  Tensor reshaped(const Shape& shape) &&;
  void setZero();
  void fill(Scalar value);
  std::vector<Scalar> toVector() const { return std::vector<Scalar>(data_.begin(), data_.end()); }

 private:
  Shape shape_;
  Buffer data_;
};

}  // namespace attn::inline ATTN_PRECISION
