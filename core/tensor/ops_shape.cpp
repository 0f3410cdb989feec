// Operations that move elements without arithmetic: reshape, transpose and permute, concat and
// slice, row gathers and the embedding lookup. Their backward moves gradients back the same way.
#include <cstring>

#include "tensor/ops.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {

int normaliseDim(int dim, int rank) {
  const int d = dim < 0 ? rank + dim : dim;
  ATTN_CHECK(d >= 0 && d < rank,
             "dimension " + std::to_string(dim) + " out of range for rank " + std::to_string(rank));
  return d;
}

// A tensor seen as [outer, n, inner] around dimension `dim`.
struct Around {
  int64_t outer = 1, n = 1, inner = 1;
  Around(const Shape& s, int dim) {
    for (int i = 0; i < dim; ++i) outer *= s[i];
    n = s[dim];
    for (int i = dim + 1; i < s.rank(); ++i) inner *= s[i];
  }
};

}  // namespace

Var reshape(const Var& a, const Shape& shape) {
  ATTN_CHECK(shape.numel() == a.value().numel(),
             "reshape " + a.shape().toString() + " to " + shape.toString());
  return makeResult(a.value().reshaped(shape), {a},
                    [](Node& self) { self.inputs[0]->accumulateGrad(self.grad.arr()); });
}

Var transpose(const Var& a) {
  const int r = a.shape().rank();
  ATTN_CHECK(r >= 2, "transpose needs at least 2 dimensions");
  std::vector<int> perm(static_cast<size_t>(r));
  for (int i = 0; i < r; ++i) perm[static_cast<size_t>(i)] = i;
  std::swap(perm[static_cast<size_t>(r - 2)], perm[static_cast<size_t>(r - 1)]);
  return permute(a, perm);
}

Var permute(const Var& a, const std::vector<int>& perm) {
  const Shape& s = a.shape();
  const int r = s.rank();
  ATTN_CHECK(static_cast<int>(perm.size()) == r, "permute: one entry per dimension");
  // Input strides, then the output walked in order with input strides reordered by perm.
  std::array<int64_t, 4> inStride{}, dims{1, 1, 1, 1}, st{0, 0, 0, 0};
  int64_t stride = 1;
  for (int i = r - 1; i >= 0; --i) {
    inStride[static_cast<size_t>(i)] = stride;
    stride *= s[i];
  }
  std::vector<int64_t> outDims(static_cast<size_t>(r));
  for (int i = 0; i < r; ++i) {
    const int p = perm[static_cast<size_t>(i)];
    ATTN_CHECK(p >= 0 && p < r, "permute: bad dimension index");
    outDims[static_cast<size_t>(i)] = s[p];
    dims[static_cast<size_t>(4 - r + i)] = s[p];
    st[static_cast<size_t>(4 - r + i)] = inStride[static_cast<size_t>(p)];
  }
  // Calls f(outIndex, inIndex) over the output in row-major order.
  auto walk = [dims, st](auto&& f) {
    int64_t o = 0;
    for (int64_t i0 = 0; i0 < dims[0]; ++i0)
      for (int64_t i1 = 0; i1 < dims[1]; ++i1)
        for (int64_t i2 = 0; i2 < dims[2]; ++i2) {
          const int64_t base = i0 * st[0] + i1 * st[1] + i2 * st[2];
          for (int64_t i3 = 0; i3 < dims[3]; ++i3) f(o++, base + i3 * st[3]);
        }
  };
  Tensor out = Tensor::empty(Shape(outDims));
  Scalar* y = out.data();
  const Scalar* x = a.value().data();
  walk([&](int64_t o, int64_t i) { y[o] = x[i]; });
  return makeResult(std::move(out), {a}, [walk](Node& self) {
    Scalar* gx = self.inputs[0]->gradRef().data();
    const Scalar* gy = self.grad.data();
    walk([&](int64_t o, int64_t i) { gx[i] += gy[o]; });
  });
}

Var concat(const std::vector<Var>& xs, int dim) {
  ATTN_CHECK(!xs.empty(), "concat of nothing");
  const Shape& s0 = xs[0].shape();
  const int d = normaliseDim(dim, s0.rank());
  Shape so = s0;
  so[d] = 0;
  for (const Var& x : xs) {
    const Shape& s = x.shape();
    ATTN_CHECK(s.rank() == s0.rank(), "concat: ranks differ");
    for (int i = 0; i < s.rank(); ++i)
      ATTN_CHECK(i == d || s[i] == s0[i],
                 "concat: shapes " + s0.toString() + " and " + s.toString() + " differ");
    so[d] += s[d];
  }
  Tensor out = Tensor::empty(so);
  const Around ao(so, d);
  int64_t offset = 0;  // along d
  std::vector<int64_t> offsets;
  for (const Var& x : xs) {
    const Around ax(x.shape(), d);
    const int64_t block = ax.n * ax.inner;
    for (int64_t o = 0; o < ax.outer; ++o)
      std::memcpy(out.data() + (o * ao.n + offset) * ao.inner, x.value().data() + o * block,
                  sizeof(Scalar) * static_cast<size_t>(block));
    offsets.push_back(offset);
    offset += ax.n;
  }
  return makeResult(std::move(out), xs, [d, offsets](Node& self) {
    const Around ao(self.value.shape(), d);
    for (size_t k = 0; k < self.inputs.size(); ++k) {
      Node& in = *self.inputs[k];
      if (!in.requiresGrad) continue;
      const Around ax(in.value.shape(), d);
      const int64_t block = ax.n * ax.inner;
      Scalar* gx = in.gradRef().data();
      for (int64_t o = 0; o < ax.outer; ++o) {
        const Scalar* gy = self.grad.data() + (o * ao.n + offsets[k]) * ao.inner;
        for (int64_t i = 0; i < block; ++i) gx[o * block + i] += gy[i];
      }
    }
  });
}

Var slice(const Var& a, int dim, int64_t start, int64_t length) {
  const Shape& s = a.shape();
  const int d = normaliseDim(dim, s.rank());
  ATTN_CHECK(start >= 0 && length >= 0 && start + length <= s[d],
             "slice [" + std::to_string(start) + ", " + std::to_string(start + length) +
                 ") out of range for " + s.toString());
  Shape so = s;
  so[d] = length;
  Tensor out = Tensor::empty(so);
  const Around ai(s, d);
  const int64_t block = length * ai.inner;
  for (int64_t o = 0; o < ai.outer; ++o)
    std::memcpy(out.data() + o * block, a.value().data() + (o * ai.n + start) * ai.inner,
                sizeof(Scalar) * static_cast<size_t>(block));
  return makeResult(std::move(out), {a}, [d, start, block](Node& self) {
    Node& in = *self.inputs[0];
    const Around ai(in.value.shape(), d);
    Scalar* gx = in.gradRef().data();
    for (int64_t o = 0; o < ai.outer; ++o) {
      Scalar* dst = gx + (o * ai.n + start) * ai.inner;
      const Scalar* src = self.grad.data() + o * block;
      for (int64_t i = 0; i < block; ++i) dst[i] += src[i];
    }
  });
}

Var gatherRows(const Var& a, const std::vector<int64_t>& index) {
  const int64_t rows = a.value().rows(), cols = a.value().cols();
  Tensor out = Tensor::empty(Shape{static_cast<int64_t>(index.size()), cols});
  for (size_t i = 0; i < index.size(); ++i) {
    ATTN_CHECK(index[i] >= 0 && index[i] < rows, "gatherRows: row index out of range");
    out.mat().row(static_cast<int64_t>(i)) = a.value().mat().row(index[i]);
  }
  return makeResult(std::move(out), {a}, [index](Node& self) {
    auto gx = self.inputs[0]->gradRef().mat();
    auto gy = self.grad.mat();
    for (size_t i = 0; i < index.size(); ++i) gx.row(index[i]) += gy.row(static_cast<int64_t>(i));
  });
}

Var embedding(const Var& weight, const std::vector<int64_t>& ids, const Shape& idShape) {
  ATTN_CHECK(weight.shape().rank() == 2, "embedding: weight must be [V, E]");
  ATTN_CHECK(static_cast<int64_t>(ids.size()) == idShape.numel(), "embedding: ids/shape mismatch");
  ATTN_CHECK(idShape.rank() < Shape::kMaxRank, "embedding: ids have too many dimensions");
  const int64_t vocab = weight.dim(0);
  for (int64_t id : ids)
    ATTN_CHECK(id >= 0 && id < vocab, "embedding: token id " + std::to_string(id) +
                                          " outside a vocabulary of " + std::to_string(vocab));
  std::vector<int64_t> dims = idShape.toVector();
  dims.push_back(weight.dim(1));
  Var rows = gatherRows(weight, ids);
  return reshape(rows, Shape(dims));
}

}  // namespace attn::inline ATTN_PRECISION
