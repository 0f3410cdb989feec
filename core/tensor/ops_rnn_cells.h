// The gate arithmetic of one row of one step of an Elman RNN (tanh), GRU and LSTM, and its
// backward: what the fused scan (ops_rnn.cpp) runs for every real position. It follows PyTorch's
// CPU cells (aten/src/ATen/native/RNN.cpp) operation for operation, so float32 results agree
// with torch.nn.RNN / GRU / LSTM to rounding. Internal to the scan; layers use ops_rnn.h.
#pragma once

#include <cstdint>

#include "tensor/ops_rnn.h"
#include "tensor/scalar.h"

namespace attn::inline ATTN_PRECISION::rnn_cells {

using Arr = Eigen::Array<Scalar, Eigen::Dynamic, 1>;
using RowIn = Eigen::Map<const Arr>;
using RowOut = Eigen::Map<Arr>;

// σ(x) written as the engine's sigmoid op is, so the fused and unfused paths agree.
template <class E>
inline auto sigmoidOf(const E& x) {
  return (Scalar(1) + (-x).exp()).inverse();
}

// One row of one step. gx, gh: the G·H pre-activations from the input and from h (each with
// its bias); hPrev, cPrev: the row's previous state; writes hNew, cNew (LSTM) and act, the 4H
// values backward needs (LSTM i, f, g, o; GRU r, z, n, W_hn h + b_hn; unused for the RNN).
inline void cellForward(RnnCell cell, int64_t H, const Scalar* gx, const Scalar* gh,
                        const Scalar* hPrev, const Scalar* cPrev, Scalar* hNew, Scalar* cNew,
                        Scalar* act) {
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
// Writes dgh (G·H, gradient of the h-side pre-activation, which for RNN and LSTM is also the
// x side's), dgx (GRU only: the x side, which differs in the n gate), dhDirect (the part of
// dh_prev not through W_hh) and dcPrev (LSTM). dhDirect may be dh and dcPrev may be dc: each
// is written only after its last read.
inline void cellBackward(RnnCell cell, int64_t H, const Scalar* act, const Scalar* hPrev,
                         const Scalar* cPrev, const Scalar* hNew, const Scalar* cNew,
                         const Scalar* dh, const Scalar* dc, Scalar* dgh, Scalar* dgx,
                         Scalar* dhDirect, Scalar* dcPrev) {
  RowIn dH(dh, H);
  switch (cell) {
    case RnnCell::Rnn: {
      RowIn y(hNew, H);
      RowOut(dgh, H) = dH * (Scalar(1) - y.square());
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

}  // namespace attn::inline ATTN_PRECISION::rnn_cells
