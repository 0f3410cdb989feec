// Random inputs for tests: one definition for every suite (test_core in float32, test_grad in
// float64), so a seed means the same values wherever it is used.
#pragma once

#include <cstdint>

#include "tensor/random_tensor.h"
#include "tensor/tensor.h"
#include "util/random.h"

namespace attn::test {

// A tensor of `shape` with values uniform in [lo, hi), drawn from its own generator seeded
// with `seed`: the same call gives the same tensor in every test and on every machine.
inline Tensor rnd(const Shape& shape, uint64_t seed, double lo = -1, double hi = 1) {
  Random r(seed);
  return uniformTensor(r, shape, lo, hi);
}

}  // namespace attn::test
