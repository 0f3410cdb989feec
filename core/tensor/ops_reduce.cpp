// Reductions, softmax over the last dimension, and the cross-entropy loss.
#include <cmath>
#include <limits>

#include "tensor/ops.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {
constexpr Scalar kNegInf = -std::numeric_limits<Scalar>::infinity();
}

Var sum(const Var& a) {
  return makeResult(Tensor::scalar(a.value().arr().sum()), {a},
                    [](Node& self) { self.inputs[0]->gradRef().arr() += self.grad[0]; });
}

Var mean(const Var& a) {
  const int64_t n = a.value().numel();
  ATTN_CHECK(n > 0, "mean of an empty tensor");
  return makeResult(Tensor::scalar(a.value().arr().sum() / Scalar(n)), {a}, [n](Node& self) {
    self.inputs[0]->gradRef().arr() += self.grad[0] / Scalar(n);
  });
}

// −∞ is set to exactly 0 rather than left to exp: Eigen 3.4's vectorised exp clamps its argument
// near −88.4 on AVX2 (not on AVX-512), which gives 3e−39, and a masked or padded key must get no
// weight at all on every CPU.
void expZeroingMinusInfinity(Tensor& t) {
  t.arr() = (t.arr() == kNegInf).select(Scalar(0), t.arr().exp());
}

// dx = p ⊙ (g − ⟨g, p⟩), row by row; written when x has no gradient yet (Node::accumulateGrad).
void softmaxBackward(Node& self) {
  auto p = self.value.mat();
  auto g = self.grad.mat();
  Node& X = *self.inputs[0];
  const bool fresh = !X.hasGrad();
  if (fresh) X.grad = Tensor::empty(X.value.shape());
  auto gx = X.grad.mat();
  for (int64_t r = 0; r < p.rows(); ++r) {
    const Scalar dot = g.row(r).dot(p.row(r));
    if (fresh)
      gx.row(r).array() = p.row(r).array() * (g.row(r).array() - dot);
    else
      gx.row(r).array() += p.row(r).array() * (g.row(r).array() - dot);
  }
}

// [rows, cols] -> same: p = exp(x - max) / Σ exp(x - max), row by row.
Var softmax(const Var& a) {
  Tensor out = Tensor::empty(a.shape());
  auto x = a.value().mat();
  auto y = out.mat();
  // The exponentials over the whole buffer at once: rows of attention are short (12-24 keys),
  // and Eigen leaves a row's last (n mod 16) values to scalar expf, which was most of them.
  std::vector<int64_t> masked;
  for (int64_t r = 0; r < x.rows(); ++r) {
    Scalar m = x.row(r).maxCoeff();
    if (m == kNegInf) {  // every key masked: nothing to attend to
      masked.push_back(r);
      m = 0;
    }
    y.row(r).array() = x.row(r).array() - m;
  }
  expZeroingMinusInfinity(out);
  for (int64_t r = 0; r < x.rows(); ++r) y.row(r) /= y.row(r).sum();
  for (int64_t r : masked) y.row(r).setZero();
  return makeResult(std::move(out), {a}, [](Node& self) { softmaxBackward(self); });
}

// [rows, cols] -> same: y = x − max − log Σ exp(x − max)
Var logSoftmax(const Var& a) {
  Tensor out = Tensor::empty(a.shape());
  auto x = a.value().mat();
  auto y = out.mat();
  for (int64_t r = 0; r < x.rows(); ++r) {
    const Scalar m = x.row(r).maxCoeff();
    if (m == kNegInf) {
      y.row(r).setConstant(kNegInf);
      continue;
    }
    const Scalar lse = m + std::log((x.row(r).array() - m).exp().sum());
    y.row(r).array() = x.row(r).array() - lse;
  }
  return makeResult(std::move(out), {a}, [](Node& self) {
    // dx = g − softmax(x) Σ g, row by row
    auto y = self.value.mat();
    auto g = self.grad.mat();
    auto gx = self.inputs[0]->gradRef().mat();
    for (int64_t r = 0; r < y.rows(); ++r)
      gx.row(r).array() += g.row(r).array() - y.row(r).array().exp() * g.row(r).sum();
  });
}

// logits [N, V], targets [N] -> scalar mean of −log p(target) over counted rows.
Var crossEntropy(const Var& logits, const std::vector<int64_t>& targets, int64_t ignoreIndex) {
  auto x = logits.value().mat();
  const int64_t n = x.rows(), v = x.cols();
  ATTN_CHECK(static_cast<int64_t>(targets.size()) == n,
             "crossEntropy: " + std::to_string(targets.size()) + " targets for " +
                 std::to_string(n) + " rows");
  // Keep the probabilities: the backward pass is (p − onehot) / count.
  auto probs = std::make_shared<Tensor>(Tensor::empty(logits.shape()));
  auto p = probs->mat();
  double total = 0;
  int64_t count = 0;
  for (int64_t r = 0; r < n; ++r) {
    const int64_t t = targets[static_cast<size_t>(r)];
    if (t == ignoreIndex) continue;
    ATTN_CHECK(t >= 0 && t < v, "crossEntropy: target " + std::to_string(t) + " outside [0, " +
                                    std::to_string(v) + ")");
    const Scalar m = x.row(r).maxCoeff();
    p.row(r) = (x.row(r).array() - m).exp().matrix();
    const Scalar s = p.row(r).sum();
    p.row(r) /= s;
    total += static_cast<double>(m + std::log(s) - x(r, t));
    ++count;
  }
  const Scalar loss = count ? static_cast<Scalar>(total / static_cast<double>(count)) : Scalar(0);
  return makeResult(Tensor::scalar(loss), {logits},
                    [probs, targets, ignoreIndex, count](Node& self) {
                      if (count == 0) return;
                      auto p = probs->mat();
                      auto gx = self.inputs[0]->gradRef().mat();
                      const Scalar g = self.grad[0] / Scalar(count);
                      for (int64_t r = 0; r < p.rows(); ++r) {
                        const int64_t t = targets[static_cast<size_t>(r)];
                        if (t == ignoreIndex) continue;
                        gx.row(r) += g * p.row(r);
                        gx(r, t) -= g;
                      }
                    });
}

}  // namespace attn::inline ATTN_PRECISION
