// Layer normalisation over the last dimension (nn.LayerNorm, biased variance).
#include <cmath>

#include "tensor/ops.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

// x [..., d], gamma [d], beta [d] -> [..., d]
Var layerNorm(const Var& x, const Var& gamma, const Var& beta, Scalar eps) {
  const int64_t d = x.shape().cols();
  ATTN_CHECK(gamma.value().numel() == d && beta.value().numel() == d,
             "layerNorm: gamma and beta must have the last dimension's size");
  const int64_t rows = x.shape().rows();
  // xhat and 1/σ per row are kept for the backward pass.
  auto xhat = std::make_shared<Tensor>(Tensor::empty(x.shape()));
  auto rstd = std::make_shared<std::vector<Scalar>>(static_cast<size_t>(rows));
  Tensor out = Tensor::empty(x.shape());
  auto X = x.value().mat();
  auto H = xhat->mat();
  auto Y = out.mat();
  auto g = gamma.value().arr().transpose();
  auto b = beta.value().arr().transpose();
  for (int64_t r = 0; r < rows; ++r) {
    const Scalar mu = X.row(r).mean();
    const Scalar var = (X.row(r).array() - mu).square().mean();
    const Scalar is = Scalar(1) / std::sqrt(var + eps);
    (*rstd)[static_cast<size_t>(r)] = is;
    H.row(r).array() = (X.row(r).array() - mu) * is;
    Y.row(r).array() = H.row(r).array() * g + b;
  }
  return makeResult(std::move(out), {x, gamma, beta}, [xhat, rstd](Node& self) {
    Node& Xn = *self.inputs[0];
    Node& Gn = *self.inputs[1];
    Node& Bn = *self.inputs[2];
    auto G = self.grad.mat();
    auto H = xhat->mat();
    if (Gn.requiresGrad) Gn.gradRef().arr() += (G.array() * H.array()).colwise().sum().transpose();
    if (Bn.requiresGrad) Bn.gradRef().arr() += G.array().colwise().sum().transpose();
    if (!Xn.requiresGrad) return;
    auto gamma = Gn.value.arr().transpose();
    const bool fresh = !Xn.hasGrad();  // then written, not added to zeros
    if (fresh) Xn.grad = Tensor::empty(Xn.value.shape());
    auto GX = Xn.grad.mat();
    Eigen::Array<Scalar, 1, Eigen::Dynamic> dh(G.cols());
    for (int64_t r = 0; r < G.rows(); ++r) {
      // dx = (1/σ) (dxhat − mean(dxhat) − xhat · mean(dxhat ⊙ xhat)), dxhat = g ⊙ γ
      dh = G.row(r).array() * gamma;
      const Scalar m1 = dh.mean();
      const Scalar m2 = (dh * H.row(r).array()).mean();
      const Scalar is = (*rstd)[static_cast<size_t>(r)];
      if (fresh)
        GX.row(r).array() = is * (dh - m1 - H.row(r).array() * m2);
      else
        GX.row(r).array() += is * (dh - m1 - H.row(r).array() * m2);
    }
  });
}

}  // namespace attn::inline ATTN_PRECISION
