#include "train/loss.h"

#include "tensor/ops.h"
#include "util/check.h"

namespace attn {

Var seq2seqLoss(const Seq2SeqModel& model, const TokenBatch& src, const TokenBatch& tgtIn,
                const TokenBatch& tgtOut) {
  ATTN_CHECK(tgtIn.batch == tgtOut.batch && tgtIn.length == tgtOut.length,
             "seq2seqLoss: decoder input and target shapes differ");
  Var logits = model.forward(src, tgtIn).logits;  // [B, T, V]
  const int64_t v = logits.dim(-1);
  return crossEntropy(reshape(logits, Shape{tgtOut.batch * tgtOut.length, v}), tgtOut.ids, 0);
}

}  // namespace attn
