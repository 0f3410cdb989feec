// Matrix products: the engine's heavy arithmetic, each one Eigen GEMM per direction.
#include "tensor/ops.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

// [M, K] x [K, N] -> [M, N]
Var matmul(const Var& a, const Var& b) {
  ATTN_CHECK(a.shape().rank() == 2 && b.shape().rank() == 2, "matmul takes two matrices");
  ATTN_CHECK(a.dim(1) == b.dim(0), "matmul: inner dimensions differ: " + a.shape().toString() +
                                       " x " + b.shape().toString());
  Tensor out = Tensor::empty(Shape{a.dim(0), b.dim(1)});
  out.mat().noalias() = a.value().mat() * b.value().mat();
  return makeResult(std::move(out), {a, b}, [](Node& self) {
    Node& A = *self.inputs[0];
    Node& B = *self.inputs[1];
    auto g = self.grad.mat();
    if (A.requiresGrad) A.gradRef().mat().noalias() += g * B.value.mat().transpose();
    if (B.requiresGrad) B.gradRef().mat().noalias() += A.value.mat().transpose() * g;
  });
}

// [..., M, K] x [..., K, N] -> [..., M, N]  (transB: b is [..., N, K])
Var bmm(const Var& a, const Var& b, bool transB) {
  const Shape& sa = a.shape();
  const Shape& sb = b.shape();
  ATTN_CHECK(sa.rank() >= 2 && sa.rank() == sb.rank(),
             "bmm: ranks " + sa.toString() + " and " + sb.toString());
  for (int i = 0; i < sa.rank() - 2; ++i)
    ATTN_CHECK(sa[i] == sb[i],
               "bmm: batch dimensions differ: " + sa.toString() + " and " + sb.toString());
  const int64_t m = sa.dim(-2), k = sa.dim(-1);
  const int64_t kb = transB ? sb.dim(-1) : sb.dim(-2);
  const int64_t n = transB ? sb.dim(-2) : sb.dim(-1);
  ATTN_CHECK(k == kb, "bmm: inner dimensions differ: " + sa.toString() + " and " + sb.toString());
  Shape so = sa;
  so[so.rank() - 1] = n;
  Tensor out = Tensor::empty(so);
  const int64_t batches = so.numel() / std::max<int64_t>(1, m * n);
  (void)m;
  for (int64_t i = 0; i < batches; ++i) {
    if (transB)
      out.matAt(i).noalias() = a.value().matAt(i) * b.value().matAt(i).transpose();
    else
      out.matAt(i).noalias() = a.value().matAt(i) * b.value().matAt(i);
  }
  return makeResult(std::move(out), {a, b}, [transB, batches](Node& self) {
    Node& A = *self.inputs[0];
    Node& B = *self.inputs[1];
    for (int64_t i = 0; i < batches; ++i) {
      auto g = self.grad.matAt(i);
      if (A.requiresGrad) {
        if (transB)
          A.gradRef().matAt(i).noalias() += g * B.value.matAt(i);
        else
          A.gradRef().matAt(i).noalias() += g * B.value.matAt(i).transpose();
      }
      if (B.requiresGrad) {
        if (transB)
          B.gradRef().matAt(i).noalias() += g.transpose() * A.value.matAt(i);
        else
          B.gradRef().matAt(i).noalias() += A.value.matAt(i).transpose() * g;
      }
    }
  });
}

// x [..., in], weight [out, in], bias [out] -> [..., out]:  y = x Wᵀ + b
Var linear(const Var& x, const Var& weight, const Var& bias) {
  ATTN_CHECK(weight.shape().rank() == 2, "linear: weight must be [out, in]");
  const int64_t in = weight.dim(1), outDim = weight.dim(0);
  ATTN_CHECK(x.shape().cols() == in, "linear: input " + x.shape().toString() +
                                         " does not fit weight " + weight.shape().toString());
  const bool hasBias = bias.defined();
  if (hasBias) ATTN_CHECK(bias.value().numel() == outDim, "linear: bias size differs from out");
  Shape so = x.shape();
  so[so.rank() - 1] = outDim;
  Tensor out = Tensor::empty(so);
  auto y = out.mat();
  // With a bias, the output starts as the bias and the product is added to it: Eigen's `=`
  // would zero the output first, then a second pass would add the bias.
  if (hasBias) {
    y.rowwise() = bias.value().arr().matrix().transpose();
    y.noalias() += x.value().mat() * weight.value().mat().transpose();
  } else {
    y.noalias() = x.value().mat() * weight.value().mat().transpose();
  }
  std::initializer_list<Var> noBias{x, weight};
  std::initializer_list<Var> withBias{x, weight, bias};
  return makeResult(std::move(out), hasBias ? withBias : noBias, [hasBias](Node& self) {
    Node& X = *self.inputs[0];
    Node& W = *self.inputs[1];
    auto g = self.grad.mat();
    if (X.requiresGrad) X.gradRef().mat().noalias() += g * W.value.mat();
    if (W.requiresGrad) W.gradRef().mat().noalias() += g.transpose() * X.value.mat();
    if (hasBias && self.inputs[2]->requiresGrad)
      self.inputs[2]->gradRef().arr() += g.colwise().sum().transpose().array();
  });
}

}  // namespace attn::inline ATTN_PRECISION
