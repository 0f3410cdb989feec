#include "models/loss.h"

#include "tensor/ops.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

Var seq2seqLoss(const Seq2SeqModel& model, const TokenBatch& src, const TokenBatch& tgtIn,
                const TokenBatch& tgtOut) {
  ATTN_CHECK(tgtIn.batch == tgtOut.batch && tgtIn.length == tgtOut.length,
             "seq2seqLoss: decoder input and target shapes differ");
  Var logits = model.forward(src, tgtIn).logits;  // [B, T, V]
  const int64_t v = logits.dim(-1);
  return crossEntropy(reshape(logits, Shape{tgtOut.batch * tgtOut.length, v}), tgtOut.ids, 0);
}

Var classifierLoss(const ClassifierModel& model, const TokenBatch& src,
                   const std::vector<int64_t>& labels) {
  ClassifierForward f = model.forward(src);
  Var ce = crossEntropy(f.logits, labels, /*ignoreIndex=*/-1);
  const double coef = model.penaltyCoefficient();
  if (coef == 0) return ce;
  return add(ce, scale(mean(f.penalty), static_cast<Scalar>(coef)));
}

}  // namespace attn::inline ATTN_PRECISION
