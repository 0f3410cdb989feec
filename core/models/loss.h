// The training objectives (docs/file-formats.md, Training arithmetic).
#pragma once

#include "models/classifier_model.h"
#include "models/seq2seq_model.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// Teacher-forced: mean cross-entropy over every non-<pad> target token of the batch
// (CrossEntropyLoss(ignore_index=0)). tgtIn is <sos> y1 … yn, tgtOut y1 … yn <eos>, both padded.
Var seq2seqLoss(const Seq2SeqModel& model, const TokenBatch& src, const TokenBatch& tgtIn,
                const TokenBatch& tgtOut);

// Mean cross-entropy over the batch (every class counts, class 0 included) plus the penalty
// coefficient times the batch mean of ‖AAᵀ − I‖²_F.
Var classifierLoss(const ClassifierModel& model, const TokenBatch& src,
                   const std::vector<int64_t>& labels);

}  // namespace attn::inline ATTN_PRECISION
