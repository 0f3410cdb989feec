// The transformer's layers and stacks, as PyTorch 1.13's nn.TransformerEncoderLayer,
// nn.TransformerDecoderLayer, nn.TransformerEncoder and nn.TransformerDecoder with ReLU,
// dropout 0 and batch_first: the same sub-module names (so the same state_dict names, e.g.
// `layers.0.self_attn.in_proj_weight`, `norm.weight`), the same arithmetic, post-norm
// (norm_first false) or pre-norm (true). Unlike PyTorch, every layer also returns its
// attention weights per head, so the app can show every head of every layer.
//
// The decoder can also run step by step for greedy and beam decoding: startDecoding() projects
// the memory's keys for every layer's cross-attention once, and step() takes only the new
// positions, appending their self-attention keys to a per-layer cache, so a decoding step
// costs one position's work rather than re-running the whole prefix.
#pragma once

#include <memory>
#include <vector>

#include "layers/basic.h"
#include "layers/module.h"
#include "layers/multihead_attention.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

struct TransformerLayerConfig {
  int64_t dModel = 512;
  int64_t nhead = 8;
  int64_t dimFeedforward = 2048;
  bool normFirst = false;  // false: x = norm(x + f(x)); true: x = x + f(norm(x))
};

struct EncoderLayerOutput {
  Var output;       // [B, S, d]
  Var selfWeights;  // [B, h, S, S]
  Var selfScores;   // the same before the softmax; only without a graph (MhaOutput::scores)
};

class TransformerEncoderLayer : public Module {
 public:
  // Throws attn::Error for sizes that do not fit (d not a multiple of nhead, say).
  TransformerEncoderLayer(const TransformerLayerConfig& config, Random& rng);

  // src [B, S, d]; srcLengths: real positions at the front of each row (empty: none padded).
  // Padded positions are never attended to; their own outputs are computed (as PyTorch's are)
  // and mean nothing. selfEdit: a teaching intervention (layers/attention_edit.h), no graph.
  EncoderLayerOutput forward(const Var& src, const std::vector<int64_t>& srcLengths = {},
                             const AttentionEdit* selfEdit = nullptr) const;

  bool normFirst() const { return normFirst_; }

  MultiheadAttention self_attn;
  Linear linear1, linear2;  // [F, d], [d, F]
  LayerNorm norm1, norm2;

 private:
  bool normFirst_;
};

struct DecoderLayerOutput {
  Var output;                   // [B, T, d]
  Var selfWeights;              // [B, h, T, T'] (T' = T, or the cached length when stepping)
  Var crossWeights;             // [B, h, T, S]
  Var selfScores, crossScores;  // before the softmax; only without a graph (MhaOutput::scores)
};

// What a decoder layer keeps between decoding steps.
struct DecoderLayerState {
  MhaKeys memoryKeys;  // cross-attention keys and values of the memory, projected once
  MhaKeys selfKeys;    // self-attention keys and values of every position decoded so far
};

class TransformerDecoderLayer : public Module {
 public:
  TransformerDecoderLayer(const TransformerLayerConfig& config, Random& rng);

  // tgt [B, T, d], memory [B, S, d]. causal: position t sees target positions <= t (what a
  // decoder always uses; PyTorch's tgt_mask = generate_square_subsequent_mask(T)).
  DecoderLayerOutput forward(const Var& tgt, const Var& memory,
                             const std::vector<int64_t>& tgtLengths = {},
                             const std::vector<int64_t>& memoryLengths = {},
                             bool causal = true) const;

  // Step by step: the memory's cross keys once, then step() with the T >= 1 new positions
  // [B, T, d] (unpadded), which see every earlier position and, causally, each other.
  DecoderLayerState startDecoding(const Var& memory,
                                  const std::vector<int64_t>& memoryLengths = {}) const;
  // The edits are teaching interventions on the two attentions (layers/attention_edit.h).
  DecoderLayerOutput step(const Var& tgt, DecoderLayerState& state,
                          const AttentionEdit* selfEdit = nullptr,
                          const AttentionEdit* crossEdit = nullptr) const;

  bool normFirst() const { return normFirst_; }

  MultiheadAttention self_attn, multihead_attn;
  Linear linear1, linear2;
  LayerNorm norm1, norm2, norm3;

 private:
  // Everything after the self-attention block, shared by forward() and step().
  DecoderLayerOutput finish(const Var& tgt, MhaOutput self, const MhaKeys& memoryKeys,
                            const AttentionEdit* crossEdit = nullptr) const;

  bool normFirst_;
};

struct EncoderOutput {
  Var output;                    // [B, S, d], after the final norm if there is one
  std::vector<Var> selfWeights;  // per layer, [B, h, S, S]
  std::vector<Var> selfScores;   // the same before the softmax; empty while recording a graph
};

// `layers.{i}.*` and, when finalNorm, `norm.*` (nn.Transformer always has that final norm).
class TransformerEncoder : public Module {
 public:
  TransformerEncoder(const TransformerLayerConfig& config, int64_t numLayers, bool finalNorm,
                     Random& rng);

  // src [B, S, d] -> [B, S, d]. edits: teaching interventions on "encoder_self", no graph.
  EncoderOutput forward(const Var& src, const std::vector<int64_t>& srcLengths = {},
                        const AttentionEdits* edits = nullptr) const;

  std::vector<std::unique_ptr<TransformerEncoderLayer>> layers;
  std::unique_ptr<LayerNorm> norm;  // null without a final norm
};

struct DecoderOutput {
  Var output;                     // [B, T, d], after the final norm if there is one
  std::vector<Var> selfWeights;   // per layer, [B, h, T, T'] (T' as in DecoderLayerOutput)
  std::vector<Var> crossWeights;  // per layer, [B, h, T, S]
  // The same before the softmax; empty while recording a graph.
  std::vector<Var> selfScores, crossScores;
};

// (Named apart from models/seq2seq_model.h's DecoderState, the models' interface, which the
// transformer model includes alongside this header.)
struct TransformerDecoderState {
  std::vector<DecoderLayerState> layers;
  int64_t length = 0;  // positions decoded so far: the offset of the next step's positions
};

class TransformerDecoder : public Module {
 public:
  TransformerDecoder(const TransformerLayerConfig& config, int64_t numLayers, bool finalNorm,
                     Random& rng);

  // tgt [B, T, d], memory [B, S, d] -> [B, T, d]
  DecoderOutput forward(const Var& tgt, const Var& memory,
                        const std::vector<int64_t>& tgtLengths = {},
                        const std::vector<int64_t>& memoryLengths = {}, bool causal = true) const;

  TransformerDecoderState startDecoding(const Var& memory,
                                        const std::vector<int64_t>& memoryLengths = {}) const;
  // tgt [B, T, d]: the next T positions -> their outputs, the same as forward() gives those
  // rows of the whole sequence (to float rounding). edits: teaching interventions on
  // "decoder_self" and "cross" (layers/attention_edit.h).
  DecoderOutput step(const Var& tgt, TransformerDecoderState& state,
                     const AttentionEdits* edits = nullptr) const;

  std::vector<std::unique_ptr<TransformerDecoderLayer>> layers;
  std::unique_ptr<LayerNorm> norm;
};

// The decoding state of the batch rows `rows` (repeats allowed), for beam search: every
// layer's memory keys and self-attention cache follow the hypotheses that survive a step.
TransformerDecoderState selectRows(const TransformerDecoderState& state,
                                   const std::vector<int64_t>& rows);

// nn.Transformer's own initialisation (its _reset_parameters): xavier_uniform_ on every
// parameter of more than one dimension. The layers alone initialise as PyTorch's layers do.
void resetParametersLikeTransformer(Module& module, Random& rng);

}  // namespace attn::inline ATTN_PRECISION
