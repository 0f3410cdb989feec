// Attention rollout (Abnar & Zuidema 2020, "Quantifying Attention Flow in Transformers"),
// computed from a trace's maps alone, so it works for traces opened from a file.
//
// Raw attention at layer l says which positions of layer l − 1 a position reads; after a few
// layers every position is a mixture of the tokens, and the raw map no longer says how much of
// each token reaches it. Rollout follows the mixing down to the tokens: it takes each layer's
// mean over heads A_l, adds the residual connection as an identity of equal weight,
// Ã_l = 0.5·A_l + 0.5·I with each row renormalised, and multiplies the layers,
// R = Ã_L ⋯ Ã_1. Row i of R is a distribution over the input tokens: how much of token j
// reaches position i along every attention path, if the layers mixed linearly.
//
// The encoder-decoder's cross-attention (our extension; the paper treats encoders only) keeps
// the same reasoning. A decoder position holds a mixture of target tokens (R_tt, [T, T]) and of
// source tokens (R_ts, [T, S]), starting at R_tt = I, R_ts = 0. Decoder layer l runs
//   self-attention  (R_tt, R_ts) ← Ã_l^self · (R_tt, R_ts)
//   cross-attention (R_tt, R_ts) ← (0.5·R_tt, 0.5·R_ts + 0.5·C_l · R_enc)
// the cross step being a residual of equal weight whose attended side, the encoder's output,
// is the encoder rollout R_enc over the source tokens. The cross rollout is R_ts with each row
// renormalised: for one decoder layer it is C_1 · R_enc; for two it is
// (⅓·Ã_2^self C_1 + ⅔·C_2) · R_enc, later layers weighing more. (Before renormalising every row
// of R_ts sums to 1 − 0.5^L whatever the maps, so that share says nothing and is not shown.)
// Each decoder self-attention row only sees the positions before it, so the decoder rollout is
// lower triangular as its maps are.
#pragma once

#include <vector>

#include "tensor/precision.h"
#include "trace/trace.h"

namespace attn::inline ATTN_PRECISION {

// A row-major matrix of rollout values (float, as the trace's maps are).
struct RolloutMatrix {
  int rows = 0, cols = 0;
  std::vector<float> values;

  float at(int r, int c) const { return values[static_cast<size_t>(r) * cols + c]; }
};

// Ã_l for one layer: the head mean of `map`'s layer `layer`, 0.5·A + 0.5·I, rows renormalised.
// The map must be square (self-attention). Throws attn::Error otherwise.
RolloutMatrix residualAttention(const AttentionMap& map, int layer);

// Ã_last ⋯ Ã_0 for a self-attention map [L][h][n][n]: the rollout after layer `last`
// (0-based; −1 means the last layer). Throws attn::Error for a map that is not square or a
// layer out of range.
RolloutMatrix selfAttentionRollout(const AttentionMap& map, int last = -1);

// The cross rollout after decoder layer `last` (−1: the last one), from the decoder's cross
// map [L][h][T][S], its self-attention map [L][h][T][T] (may be null: a decoder without
// self-attention maps is treated as if each position read only itself) and the encoder
// rollout [S, S]. Rows are distributions over the S source tokens. Throws attn::Error when
// the shapes do not fit.
RolloutMatrix crossAttentionRollout(const AttentionMap& cross, const AttentionMap* decoderSelf,
                                    const RolloutMatrix& encoderRollout, int last = -1);

// Whether a trace has what rollout needs: the encoder's self-attention ("encoder_self").
bool hasRollout(const Trace& trace);

// The three rollouts of a transformer trace, each after its stack's layer `last` (−1: the
// final layer; clamped per stack to the layers it has). The cross rollout always reads the
// full encoder rollout: every decoder layer attends to the encoder's final output. `decoder`
// and `cross` are empty (0 × 0) when the trace has no such maps. Throws attn::Error when the
// trace has no encoder self-attention or its maps' shapes disagree.
struct TraceRollout {
  RolloutMatrix encoder;  // [S, S], source → source
  RolloutMatrix decoder;  // [T, T], decoder input → decoder input
  RolloutMatrix cross;    // [T, S], decoder position → source token
};
TraceRollout traceRollout(const Trace& trace, int last = -1);

}  // namespace attn::inline ATTN_PRECISION
