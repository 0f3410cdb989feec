// The small building blocks: Linear, Embedding and LayerNorm, with PyTorch's parameter names.
#pragma once

#include "layers/module.h"
#include "tensor/ops.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// y = x Wᵀ + b. weight [out, in], bias [out] (absent when bias = false).
class Linear : public Module {
 public:
  Linear(int64_t in, int64_t out, bool bias, Random& rng);
  Var forward(const Var& x) const { return linear(x, weight, bias); }
  Var weight, bias;
};

// weight [V, E]; initialised N(0, 1) as nn.Embedding is.
class Embedding : public Module {
 public:
  Embedding(int64_t vocab, int64_t dim, Random& rng);
  // ids of shape idShape -> idShape + [E]
  Var forward(const std::vector<int64_t>& ids, const Shape& idShape) const {
    return embedding(weight, ids, idShape);
  }
  Var weight;
};

// Over the last dimension; weight (γ) = 1 and bias (β) = 0 initially, eps 1e-5.
class LayerNorm : public Module {
 public:
  explicit LayerNorm(int64_t dim);
  Var forward(const Var& x) const { return layerNorm(x, weight, bias); }
  Var weight, bias;
};

}  // namespace attn::inline ATTN_PRECISION
