// Elementwise operations: binary ones with NumPy broadcasting, unary activations.
#include <cmath>
#include <limits>

#include "tensor/broadcast.h"
#include "tensor/ops.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

Shape broadcastShape(const Shape& a, const Shape& b) {
  const int rank = std::max(a.rank(), b.rank());
  std::vector<int64_t> dims(static_cast<size_t>(rank));
  for (int i = 0; i < rank; ++i) {
    const int ia = a.rank() - rank + i, ib = b.rank() - rank + i;
    const int64_t da = ia >= 0 ? a[ia] : 1, db = ib >= 0 ? b[ib] : 1;
    if (da != db && da != 1 && db != 1)
      throw Error("shapes " + a.toString() + " and " + b.toString() + " cannot be broadcast");
    dims[static_cast<size_t>(i)] = da == 1 ? db : da;
  }
  return Shape(dims);
}

BroadcastPlan BroadcastPlan::make(const Shape& a, const Shape& b) {
  BroadcastPlan p;
  p.out = broadcastShape(a, b);
  const int rank = p.out.rank();
  auto strides = [&](const Shape& s, std::array<int64_t, 4>& st) {
    int64_t stride = 1;
    st.fill(0);
    for (int i = s.rank() - 1; i >= 0; --i) {
      const int slot = 4 - (s.rank() - i);
      st[static_cast<size_t>(slot)] = s[i] == 1 ? 0 : stride;
      stride *= s[i];
    }
  };
  p.dims.fill(1);
  for (int i = 0; i < rank; ++i) p.dims[static_cast<size_t>(4 - rank + i)] = p.out[i];
  strides(a, p.strideA);
  strides(b, p.strideB);
  return p;
}

namespace {

enum class BinOp { Add, Sub, Mul };

// Adds the output gradient into an input's gradient, summing over the dimensions along which
// that input was broadcast.
void reduceInto(Node& input, const Tensor& g, const BroadcastPlan& p, bool isA, Scalar sign,
                const Tensor* other) {
  Tensor& gi = input.gradRef();
  Scalar* dst = gi.data();
  const Scalar* src = g.data();
  const Scalar* o = other ? other->data() : nullptr;
  p.forEach([&](int64_t io, int64_t ia, int64_t ib) {
    const int64_t self = isA ? ia : ib;
    const int64_t peer = isA ? ib : ia;
    dst[self] += sign * src[io] * (o ? o[peer] : Scalar(1));
  });
}

Var binary(const Var& a, const Var& b, BinOp op) {
  const Tensor& va = a.value();
  const Tensor& vb = b.value();
  // The common cases go straight to Eigen: equal shapes, and a row vector over a matrix.
  if (va.shape() == vb.shape()) {
    Tensor out = Tensor::empty(va.shape());
    switch (op) {
      case BinOp::Add:
        out.arr() = va.arr() + vb.arr();
        break;
      case BinOp::Sub:
        out.arr() = va.arr() - vb.arr();
        break;
      case BinOp::Mul:
        out.arr() = va.arr() * vb.arr();
        break;
    }
    return makeResult(std::move(out), {a, b}, [op](Node& self) {
      Node& A = *self.inputs[0];
      Node& B = *self.inputs[1];
      auto g = self.grad.arr();
      switch (op) {
        case BinOp::Add:
          if (A.requiresGrad) A.accumulateGrad(g);
          if (B.requiresGrad) B.accumulateGrad(g);
          break;
        case BinOp::Sub:
          if (A.requiresGrad) A.accumulateGrad(g);
          if (B.requiresGrad) B.accumulateGrad(-g);
          break;
        case BinOp::Mul:
          if (A.requiresGrad) A.accumulateGrad(g * B.value.arr());
          if (B.requiresGrad) B.accumulateGrad(g * A.value.arr());
          break;
      }
    });
  }
  BroadcastPlan plan = BroadcastPlan::make(va.shape(), vb.shape());
  Tensor out = Tensor::empty(plan.out);
  Scalar* y = out.data();
  const Scalar* pa = va.data();
  const Scalar* pb = vb.data();
  switch (op) {
    case BinOp::Add:
      plan.forEach([&](int64_t o, int64_t i, int64_t j) { y[o] = pa[i] + pb[j]; });
      break;
    case BinOp::Sub:
      plan.forEach([&](int64_t o, int64_t i, int64_t j) { y[o] = pa[i] - pb[j]; });
      break;
    case BinOp::Mul:
      plan.forEach([&](int64_t o, int64_t i, int64_t j) { y[o] = pa[i] * pb[j]; });
      break;
  }
  return makeResult(std::move(out), {a, b}, [op, plan](Node& self) {
    Node& A = *self.inputs[0];
    Node& B = *self.inputs[1];
    const bool isMul = op == BinOp::Mul;
    if (A.requiresGrad) reduceInto(A, self.grad, plan, true, 1, isMul ? &B.value : nullptr);
    if (B.requiresGrad)
      reduceInto(B, self.grad, plan, false, op == BinOp::Sub ? -1 : 1, isMul ? &A.value : nullptr);
  });
}

// A unary op whose derivative is a function of its input x and output y.
template <class Fwd, class Deriv>
Var unary(const Var& a, Fwd fwd, Deriv deriv) {
  Tensor out = Tensor::empty(a.shape());
  out.arr() = fwd(a.value().arr());
  return makeResult(std::move(out), {a}, [deriv](Node& self) {
    Node& A = *self.inputs[0];
    A.accumulateGrad(self.grad.arr() * deriv(A.value.arr(), self.value.arr()));
  });
}

}  // namespace

Var add(const Var& a, const Var& b) {
  return binary(a, b, BinOp::Add);
}
Var sub(const Var& a, const Var& b) {
  return binary(a, b, BinOp::Sub);
}
Var mul(const Var& a, const Var& b) {
  return binary(a, b, BinOp::Mul);
}

Var scale(const Var& a, Scalar s) {
  Tensor out = Tensor::empty(a.shape());
  out.arr() = a.value().arr() * s;
  return makeResult(std::move(out), {a},
                    [s](Node& self) { self.inputs[0]->accumulateGrad(self.grad.arr() * s); });
}

Var tanh(const Var& a) {
  return unary(
      a, [](const auto& x) { return x.tanh(); },
      [](const auto&, const auto& y) { return Scalar(1) - y.square(); });
}

Var sigmoid(const Var& a) {
  // 1 / (1 + e^-x) overflows harmlessly to 0 for very negative x.
  return unary(
      a, [](const auto& x) { return (Scalar(1) + (-x).exp()).inverse(); },
      [](const auto&, const auto& y) { return y * (Scalar(1) - y); });
}

Var relu(const Var& a) {
  Tensor out = Tensor::empty(a.shape());
  out.arr() = a.value().arr().max(Scalar(0));
  return makeResult(std::move(out), {a}, [](Node& self) {
    // A plain loop, which the compiler vectorises: through unary(), the derivative
    // (x > 0).cast<Scalar>() went element by element via bool (3% of a transformer step).
    // y > 0 exactly where x > 0, so the output stands in for the input.
    Node& A = *self.inputs[0];
    const bool fresh = !A.hasGrad();
    if (fresh) A.grad = Tensor::empty(A.value.shape());
    const Scalar* y = self.value.data();
    const Scalar* g = self.grad.data();
    Scalar* gx = A.grad.data();
    const int64_t n = self.value.numel();
    if (fresh)
      for (int64_t i = 0; i < n; ++i) gx[i] = y[i] > Scalar(0) ? g[i] : Scalar(0);
    else
      for (int64_t i = 0; i < n; ++i) gx[i] += y[i] > Scalar(0) ? g[i] : Scalar(0);
  });
}

Var exp(const Var& a) {
  return unary(
      a, [](const auto& x) { return x.exp(); }, [](const auto&, const auto& y) { return y; });
}

Var log(const Var& a) {
  return unary(
      a, [](const auto& x) { return x.log(); },
      [](const auto& x, const auto&) { return x.inverse(); });
}

}  // namespace attn::inline ATTN_PRECISION
