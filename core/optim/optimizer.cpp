#include "optim/optimizer.h"

#include <cmath>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

void Optimizer::zeroGrad() {
  for (Var& p : params_) p.zeroGrad();
}

Sgd::Sgd(std::vector<Var> params, double lr) : Optimizer(std::move(params)) {
  lr_ = lr;
}

void Sgd::step() {
  const Scalar lr = static_cast<Scalar>(lr_);
  for (Var& p : params_)
    if (p.grad().defined()) p.mutableValue().arr() -= lr * p.grad().arr();
}

Adam::Adam(std::vector<Var> params, double lr, double beta1, double beta2, double eps)
    : Optimizer(std::move(params)), beta1_(beta1), beta2_(beta2), eps_(eps) {
  lr_ = lr;
  for (const Var& p : params_) {
    m_.push_back(Tensor::zeros(p.shape()));
    v_.push_back(Tensor::zeros(p.shape()));
  }
}

void Adam::step() {
  ++t_;
  // The scalars are computed in double and rounded once, as PyTorch's Python-side math does.
  const double bc1 = 1 - std::pow(beta1_, static_cast<double>(t_));
  const double bc2 = 1 - std::pow(beta2_, static_cast<double>(t_));
  const Scalar stepSize = static_cast<Scalar>(lr_ / bc1);
  const Scalar bc2Sqrt = static_cast<Scalar>(std::sqrt(bc2));
  const Scalar b1 = static_cast<Scalar>(beta1_), b2 = static_cast<Scalar>(beta2_);
  const Scalar eps = static_cast<Scalar>(eps_);
  for (size_t i = 0; i < params_.size(); ++i) {
    Var& p = params_[i];
    if (!p.grad().defined()) continue;
    auto g = p.grad().arr();
    auto m = m_[i].arr();
    auto v = v_[i].arr();
    m = m * b1 + g * (1 - b1);
    v = v * b2 + g * g * (1 - b2);
    p.mutableValue().arr() -= stepSize * m / (v.sqrt() / bc2Sqrt + eps);
  }
}

double globalGradNorm(const std::vector<Var>& params) {
  double sq = 0;
  for (const Var& p : params)
    if (p.grad().defined()) sq += p.grad().arr().template cast<double>().square().sum();
  return std::sqrt(sq);
}

double clipGradNorm(const std::vector<Var>& params, double maxNorm) {
  const double norm = globalGradNorm(params);
  if (!std::isfinite(norm)) return norm;
  const double coef = maxNorm / (norm + 1e-6);
  if (coef < 1) {
    const Scalar c = static_cast<Scalar>(coef);
    for (const Var& p : params)
      if (p.grad().defined()) const_cast<Var&>(p).gradRef().arr() *= c;
  }
  return norm;
}

}  // namespace attn::inline ATTN_PRECISION
