#include "tensor/random_tensor.h"

namespace attn::inline ATTN_PRECISION {

Tensor uniformTensor(Random& random, const Shape& shape, double lo, double hi) {
  Tensor t = Tensor::empty(shape);
  for (int64_t i = 0; i < t.numel(); ++i) t[i] = static_cast<Scalar>(random.uniform(lo, hi));
  return t;
}

Tensor normalTensor(Random& random, const Shape& shape, double mean, double sd) {
  Tensor t = Tensor::empty(shape);
  for (int64_t i = 0; i < t.numel(); ++i) t[i] = static_cast<Scalar>(mean + sd * random.normal());
  return t;
}

}  // namespace attn::inline ATTN_PRECISION
