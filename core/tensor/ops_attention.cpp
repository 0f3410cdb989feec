// linearRows: a product with a block of rows of a packed weight, read in place.
// splitHeads and mergeHeads: one copy each way between [B, T, h·dk] and [B, h, T, dk];
// maskedSoftmax: the attention weights from the scores and an additive mask in one pass;
// additiveScores: vᵀ tanh(W_k h_j + W_q q) for every key at once.
#include "tensor/ops_attention.h"

#include <algorithm>
#include <limits>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {

// Calls f(headRow, packedRow) for each (b, i, t): the dk-long row of the [B, h, T, dk] tensor
// and where the same elements sit in the packed [B, T, m] tensor.
template <class F>
void forEachHeadRow(int64_t batch, int64_t heads, int64_t steps, int64_t headDim, int64_t m,
                    int64_t offset, F&& f) {
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t i = 0; i < heads; ++i)
      for (int64_t t = 0; t < steps; ++t)
        f(((b * heads + i) * steps + t) * headDim, (b * steps + t) * m + offset + i * headDim);
}

}  // namespace

// x [..., in], weight [N, in], bias [N] -> [..., rows]
Var linearRows(const Var& x, const Var& weight, const Var& bias, int64_t start, int64_t rows) {
  ATTN_CHECK(weight.shape().rank() == 2, "linearRows: weight must be [N, in]");
  const int64_t in = weight.dim(1);
  ATTN_CHECK(start >= 0 && rows >= 0 && start + rows <= weight.dim(0),
             "linearRows: rows [" + std::to_string(start) + ", " + std::to_string(start + rows) +
                 ") outside weight " + weight.shape().toString());
  ATTN_CHECK(x.shape().cols() == in, "linearRows: input " + x.shape().toString() +
                                         " does not fit weight " + weight.shape().toString());
  const bool hasBias = bias.defined();
  if (hasBias)
    ATTN_CHECK(bias.value().numel() == weight.dim(0), "linearRows: bias size differs from N");
  Shape so = x.shape();
  so[so.rank() - 1] = rows;
  Tensor out = Tensor::empty(so);
  auto y = out.mat();
  const ConstMatrixMap w(weight.value().data() + start * in, rows, in);
  y.noalias() = x.value().mat() * w.transpose();
  if (hasBias) y.rowwise() += bias.value().arr().segment(start, rows).matrix().transpose();
  std::initializer_list<Var> noBias{x, weight};
  std::initializer_list<Var> withBias{x, weight, bias};
  return makeResult(
      std::move(out), hasBias ? withBias : noBias, [hasBias, start, rows, in](Node& self) {
        Node& X = *self.inputs[0];
        Node& W = *self.inputs[1];
        auto g = self.grad.mat();
        if (X.requiresGrad)
          X.gradRef().mat().noalias() += g * ConstMatrixMap(W.value.data() + start * in, rows, in);
        if (W.requiresGrad)
          MatrixMap(W.gradRef().data() + start * in, rows, in).noalias() +=
              g.transpose() * X.value.mat();
        if (hasBias && self.inputs[2]->requiresGrad)
          self.inputs[2]->gradRef().arr().segment(start, rows) +=
              g.colwise().sum().transpose().array();
      });
}

// x [B, T, m] -> [B, h, T, dk]
Var splitHeads(const Var& x, int64_t heads, int64_t headDim, int64_t offset, Scalar factor) {
  const Shape& s = x.shape();
  ATTN_CHECK(s.rank() == 3, "splitHeads: x must be [B, T, m], not " + s.toString());
  ATTN_CHECK(heads > 0 && headDim > 0 && offset >= 0 && offset + heads * headDim <= s[2],
             "splitHeads: " + std::to_string(heads) + " heads of " + std::to_string(headDim) +
                 " from column " + std::to_string(offset) + " do not fit " + s.toString());
  const int64_t batch = s[0], steps = s[1], m = s[2];
  Tensor out = Tensor::empty(Shape{batch, heads, steps, headDim});
  const Scalar* src = x.value().data();
  Scalar* dst = out.data();
  forEachHeadRow(batch, heads, steps, headDim, m, offset, [&](int64_t h, int64_t p) {
    for (int64_t k = 0; k < headDim; ++k) dst[h + k] = factor * src[p + k];
  });
  return makeResult(std::move(out), {x}, [=](Node& self) {
    Scalar* gx = self.inputs[0]->gradRef().data();
    const Scalar* gy = self.grad.data();
    forEachHeadRow(batch, heads, steps, headDim, m, offset, [&](int64_t h, int64_t p) {
      for (int64_t k = 0; k < headDim; ++k) gx[p + k] += factor * gy[h + k];
    });
  });
}

// x [B, h, T, dk] -> [B, T, h·dk]
Var mergeHeads(const Var& x) {
  const Shape& s = x.shape();
  ATTN_CHECK(s.rank() == 4, "mergeHeads: x must be [B, h, T, dk], not " + s.toString());
  const int64_t batch = s[0], heads = s[1], steps = s[2], headDim = s[3];
  const int64_t m = heads * headDim;
  Tensor out = Tensor::empty(Shape{batch, steps, m});
  const Scalar* src = x.value().data();
  Scalar* dst = out.data();
  forEachHeadRow(batch, heads, steps, headDim, m, 0,
                 [&](int64_t h, int64_t p) { std::copy(src + h, src + h + headDim, dst + p); });
  return makeResult(std::move(out), {x}, [=](Node& self) {
    Node& X = *self.inputs[0];
    const Scalar* gy = self.grad.data();
    if (!X.hasGrad()) {  // every element is covered: a copy, not a sum into zeros
      X.grad = Tensor::empty(X.value.shape());
      Scalar* gx = X.grad.data();
      forEachHeadRow(batch, heads, steps, headDim, m, 0,
                     [&](int64_t h, int64_t p) { std::copy(gy + p, gy + p + headDim, gx + h); });
      return;
    }
    Scalar* gx = X.grad.data();
    forEachHeadRow(batch, heads, steps, headDim, m, 0, [&](int64_t h, int64_t p) {
      for (int64_t k = 0; k < headDim; ++k) gx[h + k] += gy[p + k];
    });
  });
}

// scores [B, h, T, S], mask [B or 1, 1, T, S] -> [B, h, T, S]
Var maskedSoftmax(const Var& scores, const Tensor& mask) {
  if (!mask.defined()) return softmax(scores);
  const Shape& s = scores.shape();
  const Shape& m = mask.shape();
  ATTN_CHECK(s.rank() == 4 && m.rank() == 4 && (m[0] == s[0] || m[0] == 1) && m[1] == 1 &&
                 m[2] == s[2] && m[3] == s[3],
             "maskedSoftmax: mask " + m.toString() + " does not fit scores " + s.toString());
  constexpr Scalar kNegInf = -std::numeric_limits<Scalar>::infinity();
  const int64_t batch = s[0], heads = s[1], steps = s[2], keys = s[3];
  Tensor out = Tensor::empty(s);
  auto x = scores.value().mat();
  auto y = out.mat();
  Eigen::Array<Scalar, 1, Eigen::Dynamic> row(keys);
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t i = 0; i < heads; ++i)
      for (int64_t t = 0; t < steps; ++t) {
        const int64_t r = (b * heads + i) * steps + t;
        const int64_t mr = (m[0] == 1 ? 0 : b) * steps + t;
        row = x.row(r).array() + mask.mat().row(mr).array();
        const Scalar mx = row.maxCoeff();
        // Masked keys stay −∞, so their exp is 0; a row with every key masked is all −∞ and
        // ends as zeros (nothing to attend to).
        y.row(r) = (mx == kNegInf ? row : row - mx).matrix();
      }
  // The exponentials over the whole buffer at once, as softmax() does; then each row's sum.
  expZeroingMinusInfinity(out);
  for (int64_t r = 0; r < y.rows(); ++r) {
    const Scalar total = y.row(r).sum();
    if (total > 0) y.row(r) /= total;  // 0: every key was masked, the row stays zeros
  }
  // The constant mask gets no gradient.
  return makeResult(std::move(out), {scores}, [](Node& self) { softmaxBackward(self); });
}

// keys [B, S, A], query [B, A], v [1, A] -> [B, S]
Var additiveScores(const Var& keys, const Var& query, const Var& v) {
  const Shape& ks = keys.shape();
  ATTN_CHECK(ks.rank() == 3 && query.shape() == (Shape{ks[0], ks[2]}) && v.value().numel() == ks[2],
             "additiveScores: keys " + ks.toString() + ", query " + query.shape().toString() +
                 " and v " + v.shape().toString() + " do not fit");
  const int64_t batch = ks[0], steps = ks[1], a = ks[2];
  // The tanh block of batch row b, [S, A], into `t`.
  auto tanhBlock = [steps, a](const Tensor& k, const Tensor& q, int64_t b, Matrix& t) {
    // Separate statements: Eigen vectorises tanh over a plain matrix, not over a broadcast.
    t = ConstMatrixMap(k.data() + b * steps * a, steps, a);
    t.rowwise() += q.mat().row(b);
    t.array() = t.array().tanh();
  };
  Tensor out = Tensor::empty(Shape{batch, steps});
  Matrix t(steps, a);
  const auto vrow = v.value().arr().matrix();  // [A] as a column
  for (int64_t b = 0; b < batch; ++b) {
    tanhBlock(keys.value(), query.value(), b, t);
    out.mat().row(b).noalias() = (t * vrow).transpose();
  }
  return makeResult(std::move(out), {keys, query, v}, [=](Node& self) {
    Node& K = *self.inputs[0];
    Node& Q = *self.inputs[1];
    Node& Vn = *self.inputs[2];
    const auto vcol = Vn.value.arr().matrix();
    Matrix t(steps, a), dpre(steps, a);
    for (int64_t b = 0; b < batch; ++b) {
      tanhBlock(K.value, Q.value, b, t);
      const auto g = self.grad.mat().row(b);  // [S]
      if (Vn.requiresGrad) Vn.gradRef().arr() += (g * t).transpose().array();
      if (!K.requiresGrad && !Q.requiresGrad) continue;
      // d(pre-activation) = g_j v_a (1 − t²)
      dpre =
          ((g.transpose() * vcol.transpose()).array() * (Scalar(1) - t.array().square())).matrix();
      if (K.requiresGrad) MatrixMap(K.gradRef().data() + b * steps * a, steps, a) += dpre;
      if (Q.requiresGrad) Q.gradRef().mat().row(b) += dpre.colwise().sum();
    }
  });
}

// x [B, ...] -> [n, ...]
Var gatherBatch(const Var& x, const std::vector<int64_t>& rows) {
  const Shape& s = x.shape();
  ATTN_CHECK(s.rank() >= 1 && s[0] > 0, "gatherBatch needs a batch dimension");
  const int64_t per = s.numel() / s[0];
  std::vector<int64_t> dims = s.toVector();
  dims[0] = static_cast<int64_t>(rows.size());
  return reshape(gatherRows(reshape(x, Shape{s[0], per}), rows), Shape(dims));
}

}  // namespace attn::inline ATTN_PRECISION
