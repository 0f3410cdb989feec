// NumPy-style broadcasting of two shapes, as strides over a 4-d index space, shared by the
// elementwise binary ops and their backward reductions.
#pragma once

#include <array>

#include "tensor/precision.h"
#include "tensor/shape.h"

namespace attn::inline ATTN_PRECISION {

struct BroadcastPlan {
  Shape out;
  std::array<int64_t, 4> dims{};     // the output's dimensions, right-aligned into 4
  std::array<int64_t, 4> strideA{};  // element strides of a and b in that index space;
  std::array<int64_t, 4> strideB{};  // 0 along a dimension that is broadcast

  static BroadcastPlan make(const Shape& a, const Shape& b);
  // Calls f(outIndex, aIndex, bIndex) for every output element, in row-major order.
  template <class F>
  void forEach(F&& f) const {
    int64_t o = 0;
    for (int64_t i0 = 0; i0 < dims[0]; ++i0)
      for (int64_t i1 = 0; i1 < dims[1]; ++i1)
        for (int64_t i2 = 0; i2 < dims[2]; ++i2) {
          int64_t ia = i0 * strideA[0] + i1 * strideA[1] + i2 * strideA[2];
          int64_t ib = i0 * strideB[0] + i1 * strideB[1] + i2 * strideB[2];
          for (int64_t i3 = 0; i3 < dims[3]; ++i3, ++o)
            f(o, ia + i3 * strideA[3], ib + i3 * strideB[3]);
        }
  }
};

}  // namespace attn::inline ATTN_PRECISION
