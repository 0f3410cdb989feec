// Optimizers with PyTorch 1.13's arithmetic, so one step from the same weights on the same
// batch gives the same weights as torch.optim to within float32 rounding (docs/file-formats.md,
// Training arithmetic), and global-norm gradient clipping as torch.nn.utils.clip_grad_norm_.
#pragma once

#include <vector>

#include "tensor/precision.h"
#include "tensor/var.h"

namespace attn::inline ATTN_PRECISION {

class Optimizer {
 public:
  explicit Optimizer(std::vector<Var> params) : params_(std::move(params)) {}
  virtual ~Optimizer() = default;
  // Updates every parameter that has a gradient; parameters without one are left alone.
  virtual void step() = 0;
  void zeroGrad();
  void setLearningRate(double lr) { lr_ = lr; }
  double learningRate() const { return lr_; }
  const std::vector<Var>& params() const { return params_; }

 protected:
  std::vector<Var> params_;
  double lr_ = 1e-3;
};

// p ← p − lr · g (no momentum, no weight decay).
class Sgd : public Optimizer {
 public:
  Sgd(std::vector<Var> params, double lr);
  void step() override;
};

// torch.optim.Adam, bias-corrected, no weight decay, no amsgrad:
//   m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²
//   p ← p − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
class Adam : public Optimizer {
 public:
  Adam(std::vector<Var> params, double lr, double beta1 = 0.9, double beta2 = 0.999,
       double eps = 1e-8);
  void step() override;
  int64_t stepCount() const { return t_; }
  // The moment estimates, exposed for checkpoints (m then v, one pair per parameter).
  std::vector<Tensor>& firstMoments() { return m_; }
  std::vector<Tensor>& secondMoments() { return v_; }
  void setStepCount(int64_t t) { t_ = t; }

 private:
  double beta1_, beta2_, eps_;
  int64_t t_ = 0;
  std::vector<Tensor> m_, v_;
};

// The L2 norm of all gradients together, as one vector (parameters without a gradient count 0).
double globalGradNorm(const std::vector<Var>& params);

// Scales every gradient by min(1, maxNorm / (norm + 1e-6)), as clip_grad_norm_, and returns the
// norm before clipping. A non-finite norm is returned as is and nothing is scaled, so the caller
// can refuse the step (a NaN loss must not spread into the weights).
double clipGradNorm(const std::vector<Var>& params, double maxNorm);

}  // namespace attn::inline ATTN_PRECISION
