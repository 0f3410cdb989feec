#include "tensor/shape.h"

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

Shape::Shape(std::initializer_list<int64_t> dims) {
  ATTN_CHECK(dims.size() <= kMaxRank, "a tensor has at most 4 dimensions");
  for (int64_t d : dims) {
    ATTN_CHECK(d >= 0, "a dimension cannot be negative");
    dims_[static_cast<size_t>(rank_++)] = d;
  }
}

Shape::Shape(const std::vector<int64_t>& dims) {
  ATTN_CHECK(dims.size() <= kMaxRank, "a tensor has at most 4 dimensions");
  for (int64_t d : dims) {
    ATTN_CHECK(d >= 0, "a dimension cannot be negative");
    dims_[static_cast<size_t>(rank_++)] = d;
  }
}

int64_t Shape::numel() const {
  int64_t n = 1;
  for (int i = 0; i < rank_; ++i) n *= dims_[static_cast<size_t>(i)];
  return n;
}

std::vector<int64_t> Shape::toVector() const {
  return std::vector<int64_t>(dims_.begin(), dims_.begin() + rank_);
}

std::string Shape::toString() const {
  std::string s = "[";
  for (int i = 0; i < rank_; ++i) {
    if (i) s += ", ";
    s += std::to_string(dims_[static_cast<size_t>(i)]);
  }
  return s + "]";
}

bool Shape::operator==(const Shape& o) const {
  if (rank_ != o.rank_) return false;
  for (int i = 0; i < rank_; ++i)
    if (dims_[static_cast<size_t>(i)] != o.dims_[static_cast<size_t>(i)]) return false;
  return true;
}

}  // namespace attn::inline ATTN_PRECISION
