// The shape of a tensor: up to four dimensions, stored inline so that making one never allocates.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

class Shape {
 public:
  static constexpr int kMaxRank = 4;

  Shape() = default;
  Shape(std::initializer_list<int64_t> dims);
  explicit Shape(const std::vector<int64_t>& dims);

  int rank() const { return rank_; }
  int64_t operator[](int i) const { return dims_[static_cast<size_t>(i)]; }
  int64_t& operator[](int i) { return dims_[static_cast<size_t>(i)]; }
  // Dimension counted from the end when negative, as in PyTorch (-1 is the last).
  int64_t dim(int i) const { return dims_[static_cast<size_t>(i < 0 ? rank_ + i : i)]; }
  int64_t numel() const;
  // The last dimension, and the product of all the others: the tensor seen as a matrix.
  int64_t cols() const { return rank_ == 0 ? 1 : dims_[static_cast<size_t>(rank_ - 1)]; }
  int64_t rows() const { return cols() == 0 ? 0 : numel() / cols(); }
  std::vector<int64_t> toVector() const;
  std::string toString() const;

  bool operator==(const Shape& o) const;
  bool operator!=(const Shape& o) const { return !(*this == o); }

 private:
  int rank_ = 0;
  std::array<int64_t, kMaxRank> dims_{};
};

}  // namespace attn::inline ATTN_PRECISION
