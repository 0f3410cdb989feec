#include "layers/basic.h"
#include "tensor/random_tensor.h"

namespace attn::inline ATTN_PRECISION {

Linear::Linear(int64_t in, int64_t out, bool hasBias, Random& rng) {
  weight = registerParameter("weight", uniformInit(rng, Shape{out, in}, in));
  if (hasBias) bias = registerParameter("bias", uniformInit(rng, Shape{out}, in));
}

Embedding::Embedding(int64_t vocab, int64_t dim, Random& rng) {
  weight = registerParameter("weight", normalTensor(rng, Shape{vocab, dim}));
}

LayerNorm::LayerNorm(int64_t dim) {
  weight = registerParameter("weight", Tensor::full(Shape{dim}, 1));
  bias = registerParameter("bias", Tensor::zeros(Shape{dim}));
}

}  // namespace attn::inline ATTN_PRECISION
