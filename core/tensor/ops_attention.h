// The attention ops beyond the general ones: projecting by a block of a packed weight, head
// splitting and a masked softmax for multi-head attention, and Bahdanau's additive score for
// an RNN decoder's hot path.
//
// Splitting a projection [B, T, h·dk] into heads [B, h, T, dk] with the general ops takes a
// reshape (a copy), a permute (a copy) and, for a packed QKV projection, a slice per part (a
// copy each): three graph nodes and three passes over the tensor per part. These ops do it in
// one node and one pass, straight from the packed projection, and fold in the 1/√dk that
// PyTorch applies to the queries. Their backward passes move gradients back the same way.
#pragma once

#include "tensor/ops.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// x [..., in], weight [N, in], bias [N] (or undefined) -> [..., rows]: linear() with rows
// [start, start + rows) of the weight and bias, as PyTorch's MultiheadAttention uses the q,
// k and v blocks of its packed in_proj_weight. slice() then linear() would copy the block at
// every call (a decoder step calls it per layer) and add two graph nodes; here the product
// reads the block in place and the backward pass adds straight into its part of the gradient.
Var linearRows(const Var& x, const Var& weight, const Var& bias, int64_t start, int64_t rows);

// x [B, T, m] -> [B, h, T, dk]: out[b, i, t, k] = factor · x[b, t, offset + i·dk + k].
// Columns [offset, offset + h·dk) of x are used, so Q, K and V come out of one packed
// projection [B, T, 3d] with offsets 0, d and 2d.
Var splitHeads(const Var& x, int64_t heads, int64_t headDim, int64_t offset = 0,
               Scalar factor = Scalar(1));

// x [B, h, T, dk] -> [B, T, h·dk]: the inverse of splitHeads (offset 0, factor 1), i.e. the
// heads' outputs side by side, as PyTorch's transpose(1, 2).reshape(B, T, d).
Var mergeHeads(const Var& x);

// scores [B, h, T, S] and an additive mask [B, 1, T, S] or [1, 1, T, S] (0 or −∞, the same
// for every head; undefined: no mask) -> softmax over S of (scores + mask), [B, h, T, S].
// The same arithmetic as add() then softmax(), in one node: the sum is never stored, and the
// broadcast over heads costs no reduction in the backward pass (the mask is a constant).
// Masked keys get exactly 0; a row with every key masked gives zeros, as softmax() does.
Var maskedSoftmax(const Var& scores, const Tensor& mask);

// keys [B, S, A] (W_k h, prepared once per source), query [B, A] (W_q q), v [1, A]
// -> [B, S]: score[b, j] = Σ_a v_a tanh(keys[b, j, a] + query[b, a]).
// Composed from general ops this is a broadcast add, a tanh and a product, each holding a
// [B, S, A] tensor, and the broadcast's backward is a slow strided reduction; the decoder runs
// it at every output step. Here it is one pass per batch row with an [S, A] scratch, and the
// backward pass recomputes the tanh rather than keeping [B, S, A] alive between the passes.
Var additiveScores(const Var& keys, const Var& query, const Var& v);

// x [B, ...] -> [rows.size(), ...]: batch rows picked (and repeated) by index, as beam search
// needs to follow its surviving hypotheses. Composed of reshape and gatherRows.
Var gatherBatch(const Var& x, const std::vector<int64_t>& rows);

}  // namespace attn::inline ATTN_PRECISION
