// Measuring a model on a split: teacher-forced loss and token accuracy, then batched greedy
// decoding for exact match and BLEU (seq2seq), or accuracy (classifier).
#pragma once

#include <functional>

#include "data/batch.h"
#include "data/encoding.h"
#include "models/model.h"
#include "tensor/precision.h"
#include "train/metrics.h"

namespace attn::inline ATTN_PRECISION {

struct EvalOptions {
  int64_t batchSize = 64;
  int64_t maxExamples = 0;  // 0: the whole split
  bool decode = true;       // seq2seq: greedy-decode for exact match and BLEU
};

Metrics evaluate(const Model& model, const data::EncodedSplit& split, const EvalOptions& options);

// Greedy decoding of a whole batch at once, without traces: the generated ids of each row,
// without the final <eos>. Rows that finish drop out of the running batch.
std::vector<TokenIds> greedyDecodeBatch(const Seq2SeqModel& model, const TokenBatch& src,
                                        int64_t maxLength);

// The engine's batches from the data layer's.
TokenBatch sourceBatch(const data::Batch& b);
TokenBatch decoderInputBatch(const data::Batch& b);
TokenBatch decoderTargetBatch(const data::Batch& b);

}  // namespace attn::inline ATTN_PRECISION
