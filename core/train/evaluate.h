// Measuring a model on a split: teacher-forced loss and token accuracy, then batched greedy
// decoding for exact match and BLEU (seq2seq), or accuracy (classifier).
#pragma once

#include <functional>
#include <string>
#include <vector>

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

// A decoded output as a person reads it: the tokens up to <eos>, detokenized by the model's
// tokenizer (an <unk> stays the string "<unk>").
std::string outputText(const Model& model, const TokenIds& ids);

// Exact match of outputs[i] (ids, without <eos>) with examples[i]'s target ids, and BLEU and chrF
// against its reference text, both detokenized: there an <unk> of an output never matches.
void scoreOutputs(const Model& model, const std::vector<TokenIds>& outputs,
                  const std::vector<data::EncodedExample>& examples, Metrics& metrics);

// Greedy decoding of a whole batch at once, without traces: the generated ids of each row,
// without the final <eos>. Rows that finish drop out of the running batch.
std::vector<TokenIds> greedyDecodeBatch(const Seq2SeqModel& model, const TokenBatch& src,
                                        int64_t maxLength);

// The engine's batches from the data layer's.
TokenBatch sourceBatch(const data::Batch& b);
TokenBatch decoderInputBatch(const data::Batch& b);
TokenBatch decoderTargetBatch(const data::Batch& b);

}  // namespace attn::inline ATTN_PRECISION
