// What every encoder-decoder model offers, whatever its architecture: a teacher-forced forward
// pass (training and inspection) and an incremental decoder (greedy and beam search), both of
// which report every attention map they compute, so traces can show each one.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layers/attention_edit.h"
#include "layers/module.h"
#include "models/token_batch.h"
#include "tensor/precision.h"
#include "trace/map_kind.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

// map (cross, encoder or decoder self-attention) -> one tensor per layer.
using AttentionMaps = std::map<MapKind, std::vector<Tensor>>;

struct Seq2SeqForward {
  Var logits;  // [B, T, Vt], before the softmax (the loss fuses its own)
  // Per layer [B, heads, T, keys] for decoder maps, [B, heads, S, S] for encoder self-attention.
  AttentionMaps attention;
  AttentionMaps scores;  // the same maps before the softmax (padded keys −∞), where available
};

// The decoder's state for N running hypotheses, each tied to a row of the encoded source.
class DecoderState {
 public:
  virtual ~DecoderState() = default;
  // Keeps the hypotheses `rows`, in that order (repeats allowed): beam search's reordering.
  virtual void selectRows(const std::vector<int64_t>& rows) = 0;
  virtual int64_t rows() const = 0;
  // Attention computed once per source, e.g. the transformer's encoder self-attention:
  // per layer [N, heads, S, S].
  virtual AttentionMaps encoderAttention() const { return {}; }

  // A teaching intervention on the next step() (layers/attention_edit.h), owned by the caller.
  // Null, as everywhere outside core/explain, leaves the model's computation untouched.
  const AttentionEdits* edits = nullptr;
};

struct DecoderStepOutput {
  Tensor logProbs;          // [N, Vt]
  AttentionMaps attention;  // this step's query row: per layer [N, heads, keys]
  AttentionMaps scores;     // the same before the softmax, where available
  Tensor query;             // RNN attention models: the query vector [N, H]
  Tensor context;           // RNN attention models: c_i [N, K]
};

class Seq2SeqModel : public Module {
 public:
  // src: source ids ending with <eos>; tgtIn: <sos> y1 … yn (padded) -> logits for y1 … <eos>.
  virtual Seq2SeqForward forward(const TokenBatch& src, const TokenBatch& tgtIn) const = 0;
  // Encodes the source; decoding starts from <sos>, fed by the caller as the first token.
  virtual std::unique_ptr<DecoderState> encode(const TokenBatch& src) const = 0;
  // encode() with heads of the encoder's self-attention edited (layers/attention_edit.h). A
  // model without encoder self-attention takes only empty edits.
  virtual std::unique_ptr<DecoderState> encodeEdited(const TokenBatch& src,
                                                     const AttentionEdits& edits) const {
    if (!edits.empty()) throw Error("this model has no encoder self-attention to edit");
    return encode(src);
  }
  // Feeds one token per hypothesis and advances the state by one step. Runs without a graph.
  virtual DecoderStepOutput step(DecoderState& state, const std::vector<int64_t>& tokens) const = 0;
  // The longest target the model can produce (positional tables bound the transformer).
  virtual int64_t maxTargetLength() const { return 1 << 20; }

  // The saliency hook (core/explain/saliency.h), used by neither training nor decoding: the
  // source as the encoder's first layer reads it, [B, S, E] (the RNN's embeddings; the
  // transformer's emb·√d, positions excluded), and forward() from such a tensor, which the
  // caller makes a leaf Var to read ∂/∂input. forward(src, t) ≡ forwardFromSourceInput(
  // sourceInput(src), src, t). Models without the hook throw attn::Error.
  virtual Var sourceInput(const TokenBatch& /*src*/) const {
    throw Error("this model offers no gradients with respect to its input");
  }
  virtual Seq2SeqForward forwardFromSourceInput(const Var& /*input*/, const TokenBatch& /*src*/,
                                                const TokenBatch& /*tgtIn*/) const {
    throw Error("this model offers no gradients with respect to its input");
  }
};

}  // namespace attn::inline ATTN_PRECISION
