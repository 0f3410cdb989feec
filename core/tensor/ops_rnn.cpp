// The fused recurrent scan: forward runs the steps and keeps what backpropagation through time
// needs (the states and the gate activations of every step); backward walks the steps in reverse.
// Gate arithmetic follows PyTorch's CPU cells (aten/src/ATen/native/RNN.cpp) operation for
// operation, so float32 results agree with PyTorch to rounding.
#include "tensor/ops_rnn.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include "util/check.h"

namespace attn {

namespace {

using Arr = Eigen::Array<Scalar, Eigen::Dynamic, 1>;
using RowIn = Eigen::Map<const Arr>;
using RowOut = Eigen::Map<Arr>;

// σ(x) written as the engine's sigmoid op is, so the fused and unfused paths agree.
template <class E>
auto sigmoidOf(const E& x) {
  return (Scalar(1) + (-x).exp()).inverse();
}

// What backward needs, kept from forward. States are stored in processing order (step s, not
// position), so hs[s] is the h each row had before step s: the h that multiplied W_hh there.
struct ScanCache {
  RnnCell cell = RnnCell::Rnn;
  int64_t batch = 0, steps = 0, hidden = 0, gates = 0;
  bool reverse = false;
  std::vector<int64_t> lengths;
  Tensor hs;    // [T + 1, B, H]
  Tensor cs;    // [T + 1, B, H], LSTM only
  Tensor acts;  // [T, B, 4H]: LSTM i, f, g, o; GRU r, z, n, W_hn h + b_hn; empty for RNN

  int64_t position(int64_t b, int64_t s) const {
    return reverse ? lengths[static_cast<size_t>(b)] - 1 - s : s;
  }
};

// One row of one step. gx, gh: the G·H pre-activations from the input and from h (each with
// its bias); hPrev, cPrev: the row's previous state; writes hNew, cNew and act (4H, see above).
void cellForward(RnnCell cell, int64_t H, const Scalar* gx, const Scalar* gh, const Scalar* hPrev,
                 const Scalar* cPrev, Scalar* hNew, Scalar* cNew, Scalar* act) {
  auto x = [&](int k) { return RowIn(gx + k * H, H); };
  auto h = [&](int k) { return RowIn(gh + k * H, H); };
  RowOut hOut(hNew, H);
  switch (cell) {
    case RnnCell::Rnn:
      hOut = (h(0) + x(0)).tanh();
      break;
    case RnnCell::Lstm: {
      RowOut i(act, H), f(act + H, H), g(act + 2 * H, H), o(act + 3 * H, H);
      i = sigmoidOf(h(0) + x(0));
      f = sigmoidOf(h(1) + x(1));
      g = (h(2) + x(2)).tanh();
      o = sigmoidOf(h(3) + x(3));
      RowOut c(cNew, H);
      c = f * RowIn(cPrev, H) + i * g;
      hOut = o * c.tanh();
      break;
    }
    case RnnCell::Gru: {
      RowOut r(act, H), z(act + H, H), n(act + 2 * H, H), hn(act + 3 * H, H);
      r = sigmoidOf(h(0) + x(0));
      z = sigmoidOf(h(1) + x(1));
      hn = h(2);  // b_hn stays inside the reset product: n = tanh(x_n + r ⊙ (W_hn h + b_hn))
      n = (x(2) + hn * r).tanh();
      hOut = (RowIn(hPrev, H) - n) * z + n;  // PyTorch's form of (1 − z) n + z h
      break;
    }
  }
}

// The backward of cellForward for one row. dh, dc: gradients reaching h' and c' (c' LSTM only).
// Writes dgh (G·H, gradient of the h-side pre-activation), dgx (G·H, of the x side; the same
// except for the GRU's n gate), dhDirect (the part of dh_prev not through W_hh), dcPrev (LSTM).
void cellBackward(RnnCell cell, int64_t H, const Scalar* act, const Scalar* hPrev,
                  const Scalar* cPrev, const Scalar* hNew, const Scalar* cNew, const Scalar* dh,
                  const Scalar* dc, Scalar* dgh, Scalar* dgx, Scalar* dhDirect, Scalar* dcPrev) {
  RowIn dH(dh, H);
  switch (cell) {
    case RnnCell::Rnn: {
      RowIn y(hNew, H);
      RowOut(dgh, H) = dH * (Scalar(1) - y.square());
      std::memcpy(dgx, dgh, sizeof(Scalar) * static_cast<size_t>(H));
      RowOut(dhDirect, H).setZero();
      break;
    }
    case RnnCell::Lstm: {
      RowIn i(act, H), f(act + H, H), g(act + 2 * H, H), o(act + 3 * H, H);
      const Arr tc = RowIn(cNew, H).tanh();
      const Arr dcTotal = RowIn(dc, H) + dH * o * (Scalar(1) - tc.square());
      RowOut(dgh, H) = dcTotal * g * i * (Scalar(1) - i);
      RowOut(dgh + H, H) = dcTotal * RowIn(cPrev, H) * f * (Scalar(1) - f);
      RowOut(dgh + 2 * H, H) = dcTotal * i * (Scalar(1) - g.square());
      RowOut(dgh + 3 * H, H) = dH * tc * o * (Scalar(1) - o);
      std::memcpy(dgx, dgh, sizeof(Scalar) * static_cast<size_t>(4 * H));
      RowOut(dcPrev, H) = dcTotal * f;
      RowOut(dhDirect, H).setZero();
      break;
    }
    case RnnCell::Gru: {
      RowIn r(act, H), z(act + H, H), n(act + 2 * H, H), hn(act + 3 * H, H), hp(hPrev, H);
      const Arr dan = dH * (Scalar(1) - z) * (Scalar(1) - n.square());
      const Arr dar = dan * hn * r * (Scalar(1) - r);
      const Arr daz = dH * (hp - n) * z * (Scalar(1) - z);
      RowOut(dgh, H) = dar;
      RowOut(dgh + H, H) = daz;
      RowOut(dgh + 2 * H, H) = dan * r;
      RowOut(dgx, H) = dar;
      RowOut(dgx + H, H) = daz;
      RowOut(dgx + 2 * H, H) = dan;
      RowOut(dhDirect, H) = dH * z;
      break;
    }
  }
}

void scanBackward(const ScanCache& k, Node& self) {
  Node& X = *self.inputs[0];
  Node& H0 = *self.inputs[1];
  Node* C0 = k.cell == RnnCell::Lstm ? self.inputs[2].get() : nullptr;
  Node& W = *self.inputs[3];
  Node* Bias = self.inputs.size() > 4 ? self.inputs[4].get() : nullptr;
  const int64_t B = k.batch, T = k.steps, H = k.hidden, GH = k.gates * H;
  const int64_t S = k.cell == RnnCell::Lstm ? 2 * H : H;
  const Scalar* dOut = self.grad.data();
  const auto w = W.value.mat();  // [G·H, H]

  Tensor dgh = Tensor::zeros(Shape{T, B, GH});  // every step's, for one dW_hh product at the end
  Tensor dgxRow = Tensor::empty(Shape{GH});
  Tensor dh = Tensor::zeros(Shape{B, H}), dhNext = Tensor::empty(Shape{B, H});
  Tensor dc = Tensor::zeros(Shape{B, H}), dcPrev = Tensor::empty(Shape{H});
  Scalar* dX = X.requiresGrad ? X.gradRef().data() : nullptr;
  const size_t rowBytes = sizeof(Scalar) * static_cast<size_t>(H);

  for (int64_t s = T - 1; s >= 0; --s) {
    for (int64_t b = 0; b < B; ++b) {
      Scalar* dhB = dh.data() + b * H;
      Scalar* dhNextB = dhNext.data() + b * H;
      if (s >= k.lengths[static_cast<size_t>(b)]) {  // past this row's end: nothing happened
        std::memcpy(dhNextB, dhB, rowBytes);
        continue;
      }
      const int64_t p = k.position(b, s);
      const Scalar* dO = dOut + (b * T + p) * S;
      RowOut(dhB, H) += RowIn(dO, H);
      Scalar* dcB = dc.data() + b * H;
      if (k.cell == RnnCell::Lstm) RowOut(dcB, H) += RowIn(dO + H, H);
      const int64_t prev = s * B + b, next = (s + 1) * B + b;
      const bool lstm = k.cell == RnnCell::Lstm;
      cellBackward(k.cell, H, k.acts.defined() ? k.acts.data() + prev * 4 * H : nullptr,
                   k.hs.data() + prev * H, lstm ? k.cs.data() + prev * H : nullptr,
                   k.hs.data() + next * H, lstm ? k.cs.data() + next * H : nullptr, dhB, dcB,
                   dgh.data() + prev * GH, dgxRow.data(), dhNextB, dcPrev.data());
      if (lstm) std::memcpy(dcB, dcPrev.data(), rowBytes);
      if (dX) RowOut(dX + (b * T + p) * GH, GH) += RowIn(dgxRow.data(), GH);
    }
    // dh_prev = direct part + dgh W_hh, for the whole batch in one product.
    dhNext.mat().noalias() += dgh.matAt(s) * w;
    std::swap(dh, dhNext);
  }
  if (H0.requiresGrad) H0.gradRef().arr() += dh.arr();
  if (C0 && C0->requiresGrad) C0->gradRef().arr() += dc.arr();
  // dW_hh = Σ_s dgh_sᵀ h_{s−1}: one [G·H, T·B] x [T·B, H] product. Rows past a sequence's end
  // have dgh 0, so they add nothing.
  const ConstMatrixMap hPrev(k.hs.data(), T * B, H);
  const ConstMatrixMap dG(dgh.data(), T * B, GH);
  if (W.requiresGrad) W.gradRef().mat().noalias() += dG.transpose() * hPrev;
  if (Bias && Bias->requiresGrad) Bias->gradRef().arr() += dG.colwise().sum().transpose().array();
}

}  // namespace

int64_t rnnGateCount(RnnCell cell) {
  switch (cell) {
    case RnnCell::Rnn: return 1;
    case RnnCell::Gru: return 3;
    case RnnCell::Lstm: return 4;
  }
  return 1;
}

const char* rnnCellName(RnnCell cell) {
  switch (cell) {
    case RnnCell::Rnn: return "rnn";
    case RnnCell::Gru: return "gru";
    case RnnCell::Lstm: return "lstm";
  }
  return "rnn";
}

RnnCell parseRnnCell(const std::string& name) {
  if (name == "rnn") return RnnCell::Rnn;
  if (name == "gru") return RnnCell::Gru;
  if (name == "lstm") return RnnCell::Lstm;
  throw Error("unknown recurrent cell '" + name + "' (expected rnn, gru or lstm)");
}

// xproj [B, T, G·H] or [B, G·H], h0 [B, H], c0 [B, H] (LSTM), wHh [G·H, H], bHh [G·H]
// -> [B, T, S] or [B, S], S = H or 2H (LSTM)
Var rnnScan(RnnCell cell, const Var& xproj, const Var& h0, const Var& c0, const Var& wHh,
            const Var& bHh, const std::vector<int64_t>& lengths, bool reverse) {
  const bool lstm = cell == RnnCell::Lstm;
  const int64_t G = rnnGateCount(cell);
  ATTN_CHECK(wHh.shape().rank() == 2 && wHh.dim(0) % G == 0,
             "rnnScan: W_hh must be [G·H, H], got " + wHh.shape().toString());
  const int64_t H = wHh.dim(1), GH = G * H;
  ATTN_CHECK(wHh.dim(0) == GH, "rnnScan: W_hh " + wHh.shape().toString() + " is not [G·H, H]");
  const Shape& xs = xproj.shape();
  ATTN_CHECK((xs.rank() == 3 || xs.rank() == 2) && xs.cols() == GH,
             "rnnScan: xproj " + xs.toString() + " is not [B, T, G·H] with G·H = " +
                 std::to_string(GH));
  const bool oneStep = xs.rank() == 2;
  const int64_t B = xs[0], T = oneStep ? 1 : xs[1], S = lstm ? 2 * H : H;
  const Shape stateShape{B, H};
  ATTN_CHECK(h0.shape() == stateShape, "rnnScan: h0 " + h0.shape().toString() +
                                           " is not [B, H] = " + stateShape.toString());
  if (lstm)
    ATTN_CHECK(c0.defined() && c0.shape() == stateShape, "rnnScan: LSTM needs c0 [B, H]");
  const bool hasBias = bHh.defined();
  if (hasBias) ATTN_CHECK(bHh.value().numel() == GH, "rnnScan: b_hh must have G·H values");

  auto k = std::make_shared<ScanCache>();
  k->cell = cell;
  k->batch = B;
  k->steps = T;
  k->hidden = H;
  k->gates = G;
  k->reverse = reverse;
  k->lengths = lengths.empty() ? std::vector<int64_t>(static_cast<size_t>(B), T) : lengths;
  ATTN_CHECK(static_cast<int64_t>(k->lengths.size()) == B, "rnnScan: one length per row");
  for (int64_t len : k->lengths)
    ATTN_CHECK(len >= 1 && len <= T, "rnnScan: a length is outside 1.." + std::to_string(T));

  k->hs = Tensor::empty(Shape{T + 1, B, H});
  std::memcpy(k->hs.data(), h0.value().data(), sizeof(Scalar) * static_cast<size_t>(B * H));
  if (lstm) {
    k->cs = Tensor::empty(Shape{T + 1, B, H});
    std::memcpy(k->cs.data(), c0.value().data(), sizeof(Scalar) * static_cast<size_t>(B * H));
  }
  if (cell != RnnCell::Rnn) k->acts = Tensor::empty(Shape{T, B, 4 * H});

  Shape outShape = oneStep ? Shape{B, S} : Shape{B, T, S};
  Tensor out = Tensor::zeros(outShape);  // padded positions stay 0
  Tensor gh = Tensor::empty(Shape{B, GH});
  const auto w = wHh.value().mat();
  const Scalar* gx = xproj.value().data();
  const size_t rowBytes = sizeof(Scalar) * static_cast<size_t>(H);
  for (int64_t s = 0; s < T; ++s) {
    const ConstMatrixMap hPrev(k->hs.data() + s * B * H, B, H);
    // The only per-step product: h W_hhᵀ + b_hh for the whole batch.
    gh.mat().noalias() = hPrev * w.transpose();
    if (hasBias) gh.mat().rowwise() += bHh.value().arr().matrix().transpose();
    for (int64_t b = 0; b < B; ++b) {
      const int64_t prev = s * B + b, next = (s + 1) * B + b;
      Scalar* hNew = k->hs.data() + next * H;
      Scalar* cNew = lstm ? k->cs.data() + next * H : nullptr;
      if (s >= k->lengths[static_cast<size_t>(b)]) {
        // Past this row's end: carry the state (it is never read, but must stay finite for the
        // batched product of the next step).
        std::memcpy(hNew, k->hs.data() + prev * H, rowBytes);
        if (lstm) std::memcpy(cNew, k->cs.data() + prev * H, rowBytes);
        continue;
      }
      const int64_t p = k->position(b, s);
      cellForward(cell, H, gx + (b * T + p) * GH, gh.data() + b * GH, k->hs.data() + prev * H,
                  lstm ? k->cs.data() + prev * H : nullptr, hNew, cNew,
                  k->acts.defined() ? k->acts.data() + prev * 4 * H : nullptr);
      Scalar* o = out.data() + (b * T + p) * S;
      std::memcpy(o, hNew, rowBytes);
      if (lstm) std::memcpy(o + H, cNew, rowBytes);
    }
  }

  std::vector<Var> inputs{xproj, h0, lstm ? c0 : Var(Tensor(), false), wHh};
  if (hasBias) inputs.push_back(bHh);
  // A placeholder input for the non-LSTM c0 keeps input indices fixed; it never needs grad.
  return makeResult(std::move(out), inputs, [k](Node& self) { scanBackward(*k, self); });
}

}  // namespace attn
