// Tensors filled with draws from a Random (util/random.h), for initial weights and test inputs:
// the same seed gives the same tensor on every platform.
#pragma once

#include "tensor/precision.h"
#include "tensor/tensor.h"
#include "util/random.h"

namespace attn::inline ATTN_PRECISION {

// Each element uniform in [lo, hi), drawn in row-major order.
Tensor uniformTensor(Random& random, const Shape& shape, double lo, double hi);
// Each element normal with the given mean and standard deviation, drawn in row-major order.
Tensor normalTensor(Random& random, const Shape& shape, double mean = 0, double sd = 1);

}  // namespace attn::inline ATTN_PRECISION
