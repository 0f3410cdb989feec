// What a sentence classifier with attention offers (the structured self-attention of Lin et al.
// 2017, docs/file-formats.md, structured_self_attention): logits, its attention hops over the
// tokens, and the penalty that keeps the hops apart, all from one forward pass.
#pragma once

#include "layers/module.h"
#include "models/token_batch.h"
#include "tensor/precision.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

struct ClassifierForward {
  Var logits;   // [B, C]
  Var hops;     // A: [B, r, n], each row a distribution over the tokens (padded ones exactly 0)
  Var scores;   // the hops before the softmax, [B, r, n] (padded tokens −∞)
  Var penalty;  // ‖AAᵀ − I‖²_F per sentence, [B]
};

class ClassifierModel : public Module {
 public:
  // src: token ids without <eos> (docs/file-formats.md, structured_self_attention), padded with 0.
  virtual ClassifierForward forward(const TokenBatch& src) const = 0;
  // The coefficient of the penalty in the loss (the config's `penalty`).
  virtual double penaltyCoefficient() const = 0;

  // The saliency hook (core/explain/saliency.h), as Seq2SeqModel's: the tokens' embeddings
  // [B, n, E], and forward() from them (a leaf Var the caller reads the gradient of).
  // forward(src) ≡ forwardFromSourceInput(sourceInput(src), src). Throws attn::Error by default.
  virtual Var sourceInput(const TokenBatch& /*src*/) const {
    throw Error("this model offers no gradients with respect to its input");
  }
  virtual ClassifierForward forwardFromSourceInput(const Var& /*input*/,
                                                   const TokenBatch& /*src*/) const {
    throw Error("this model offers no gradients with respect to its input");
  }
};

}  // namespace attn::inline ATTN_PRECISION
