// Multi-head scaled dot-product attention, as torch.nn.MultiheadAttention (batch_first,
// dropout 0, biases on, kdim = vdim = d): its parameters, names and arithmetic, and its
// weights per head (need_weights=True, average_attn_weights=False).
//
// Each head i: softmax(Q_i K_iᵀ / √dk + mask) V_i, with Q_i = (x W_q + b_q) restricted to the
// head's dk columns. All heads and batch rows go through one batched product per step
// ([B, h, T, dk] x [B, h, S, dk]ᵀ), never a loop of per-head ops. Masks are additive −∞
// (docs/file-formats.md, Architectures), so masked keys get weight exactly 0.
//
// The keys' side (the K and V projections) can be prepared once and reused: the decoder's
// cross-attention over a fixed memory, and the growing self-attention cache of step-by-step
// decoding, call attend() with prepared keys instead of projecting them at every step.
#pragma once

#include <vector>

#include "layers/attention_edit.h"
#include "layers/basic.h"
#include "layers/module.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// Keys and values split into heads, ready for attend().
struct MhaKeys {
  Var k, v;                         // [B, h, S, dk]
  std::vector<int64_t> keyLengths;  // real keys at the front of each row (empty: none padded)
  int64_t size() const { return k.defined() ? k.dim(2) : 0; }
};

// Batch rows of prepared keys picked by index (repeats allowed): beam search keeps the
// hypotheses that survive a step, and expands one source into k beams.
MhaKeys selectRows(const MhaKeys& keys, const std::vector<int64_t>& rows);

struct MhaOutput {
  Var output;   // [B, T, d]
  Var weights;  // [B, h, T, S], per head; masked keys exactly 0
  // The same before the softmax, QKᵀ/√dk with masked keys −∞: for traces, so only set while
  // no graph is recorded (training would keep it alive for nothing).
  Var scores;
};

class MultiheadAttention : public Module {
 public:
  // embedDim d, numHeads h (d must be a multiple of h). Initialised as PyTorch does:
  // in_proj_weight xavier-uniform, in_proj_bias and out_proj.bias zero, out_proj.weight as
  // a Linear's.
  MultiheadAttention(int64_t embedDim, int64_t numHeads, Random& rng);

  // query [B, T, d], key and value [B, S, d] -> output [B, T, d], weights [B, h, T, S].
  // keyLengths: real keys at the front of each row (empty: none padded). causal: query t sees
  // key j only when j <= t + S − T (the lower triangle when S == T). When query, key and value
  // are the same Var, the three projections are one product, as in PyTorch. edit: a teaching
  // intervention on the weights (layers/attention_edit.h), only without a graph.
  MhaOutput forward(const Var& query, const Var& key, const Var& value,
                    const std::vector<int64_t>& keyLengths = {}, bool causal = false,
                    const AttentionEdit* edit = nullptr) const;

  // key, value [B, S, d] -> their projections split into heads. Same Var: one product.
  MhaKeys prepareKeys(const Var& key, const Var& value,
                      const std::vector<int64_t>& keyLengths = {}) const;
  // The keys of `more` [B, T, d] (used as both key and value) appended after `cache`'s, for
  // step-by-step self-attention: a query never needs the keys recomputed. An empty cache
  // starts one. All rows must be unpadded (decoding appends real tokens only).
  MhaKeys appendKeys(const MhaKeys& cache, const Var& more) const;
  // query [B, T, d] over prepared keys -> output [B, T, d], weights [B, h, T, S]
  MhaOutput attend(const Var& query, const MhaKeys& keys, bool causal = false,
                   const AttentionEdit* edit = nullptr) const;

  int64_t embedDim() const { return embedDim_; }
  int64_t numHeads() const { return numHeads_; }
  int64_t headDim() const { return embedDim_ / numHeads_; }

  Var in_proj_weight;  // [3d, d]: W_q; W_k; W_v stacked
  Var in_proj_bias;    // [3d]
  Linear out_proj;     // weight [d, d], bias [d]

 private:
  // The core, shared by every path: q [B, h, T, dk] already scaled by 1/√dk.
  MhaOutput attendHeads(const Var& q, const MhaKeys& keys, bool causal,
                        const AttentionEdit* edit) const;

  int64_t embedDim_, numHeads_;
};

// PyTorch's xavier_uniform_ (gain 1) for a [fanOut, fanIn] weight:
// U(−a, a), a = √(6 / (fanIn + fanOut)).
Tensor xavierUniformInit(Random& rng, const Shape& shape);

}  // namespace attn::inline ATTN_PRECISION
