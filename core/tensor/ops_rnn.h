// The fused recurrent scan behind the Rnn layer (core/layers/rnn.h): one graph node runs a whole
// layer-direction of an Elman RNN (tanh), a GRU or an LSTM over a padded batch, with the
// arithmetic of torch.nn.RNN / GRU / LSTM and the semantics of a packed sequence.
//
// Why one node and not a graph per step: a step is a small matrix product plus a dozen
// elementwise gate operations. As separate ops each would allocate, record a closure and walk
// the tensor again, and for B 32, H 128 that overhead rivals the arithmetic. Fused, the input
// projection x W_ihᵀ + b_ih of every real position is ONE [N, I] x [I, G·H] product (N = Σ
// lengths: padding is skipped, as PyTorch's packed sequences skip it), each step does only
// h W_hhᵀ and the gates for the rows still running, and backward computes each weight's
// gradient as one product over all steps.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tensor/precision.h"
#include "tensor/var.h"

namespace attn::inline ATTN_PRECISION {

enum class RnnCell { Rnn, Gru, Lstm };

// Gates per cell, the G of the [G·H, ·] weights: 1 (RNN), 3 (GRU: r, z, n), 4 (LSTM: i, f, g, o).
int64_t rnnGateCount(RnnCell cell);
// "rnn", "gru", "lstm" (the config names of docs/file-formats.md); parse throws attn::Error
// otherwise.
const char* rnnCellName(RnnCell cell);
RnnCell parseRnnCell(const std::string& name);

// x [B, T, I], h0 [B, H], c0 [B, H] (LSTM; undefined for the others), wIh [G·H, I],
// wHh [G·H, H], bIh and bHh [G·H] (both, or both undefined: no bias), lengths B values in 1..T
// (empty: all T) -> [B, T, S], S = H (RNN, GRU) or 2H (LSTM: [h_t ; c_t] per position).
// x may also be [B, I], one step (T = 1), giving [B, S].
//
// Row b is read only over its first lengths[b] positions. Forward (reverse = false) it runs
// positions 0..len−1; reverse it starts at its last real token and runs len−1..0, as the backward
// direction of a packed bidirectional RNN does. Out[b, p] is the state after reading position p,
// so the final state of a row is at p = len−1 (forward) or p = 0 (reverse), and padded positions
// are exactly 0 (as pad_packed_sequence gives), with no gradient; padded inputs are never read.
Var rnnScan(RnnCell cell, const Var& x, const Var& h0, const Var& c0, const Var& wIh,
            const Var& wHh, const Var& bIh, const Var& bHh, const std::vector<int64_t>& lengths,
            bool reverse);

}  // namespace attn::inline ATTN_PRECISION
