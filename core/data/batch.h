// Batches for teacher-forced training and for evaluation: id matrices padded with 0 (<pad>),
// their lengths, and the decoder's shifted input and target. Plain vectors with their shapes, so
// the models, the CLI and the GUI can all read them without the autograd types.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "data/encoding.h"

namespace attn::data {

// All matrices are row-major; row b is example indices[b] of the split.
struct Batch {
  int64_t size = 0;                    // B
  int64_t sourceLength = 0;            // S, the longest source of the batch
  int64_t targetLength = 0;            // T, the longest target + 1; 0 for classification
  std::vector<int64_t> source;         // [B, S], padded with 0
  std::vector<int64_t> sourceLengths;  // [B], real tokens (with <eos> for seq2seq)
  std::vector<int64_t> decoderInput;   // [B, T]: <sos> y1 .. yn, then 0
  std::vector<int64_t> decoderTarget;  // [B, T]: y1 .. yn <eos>, then 0
  std::vector<int64_t> targetLengths;  // [B], n + 1
  std::vector<int64_t> labels;         // [B], classification only
  std::vector<int64_t> indices;        // [B], each row's example position in its split

  int64_t sourceAt(int64_t b, int64_t s) const {
    return source[static_cast<size_t>(b * sourceLength + s)];
  }
  // 1 where a real token is, 0 on padding: [B, S] and [B, T]. (<pad> is id 0 and nothing else is,
  // so these are exactly `ids != 0`; they are here so callers need not know that.)
  std::vector<uint8_t> sourceMask() const;
  std::vector<uint8_t> targetMask() const;
  // The number of target tokens the loss averages over (the non-<pad> entries of decoderTarget).
  int64_t targetTokenCount() const;
};

// The rows of `split` at the given positions (in that order) as one batch.
Batch collate(const EncodedSplit& split, std::span<const int64_t> rows);

struct BatchOptions {
  int64_t batchSize = 32;
  // true: a new order each epoch, drawn from Random(seed, epoch) so that epoch k is the same
  // whether or not epochs 0..k-1 were drawn in this run. false: split order.
  bool shuffle = true;
  uint64_t seed = 1;
  bool dropLast = false;  // drop a last batch smaller than batchSize
  // Length bucketing, so that a batch holds sentences of similar length and little padding:
  // the epoch's (shuffled) order is cut into windows of this many batches, each window sorted by
  // source then target length and cut into batches, and then the batches of the whole epoch are
  // shuffled (from the same seed and epoch). 0 = off: batches are cut from the order as it is.
  // Needs shuffle; with dropLast, what is dropped is the end of the last window.
  int64_t bucketWindow = 0;
};

// Every batch of one epoch. Throws attn::Error for a batch size below 1.
std::vector<Batch> makeBatches(const EncodedSplit& split, const BatchOptions& options,
                               int64_t epoch = 0);
int64_t batchCount(const EncodedSplit& split, const BatchOptions& options);

// The rows of each batch of one epoch, in batch order (what makeBatches collates).
std::vector<std::vector<int64_t>> epochBatchRows(const EncodedSplit& split,
                                                 const BatchOptions& options, int64_t epoch);

// The example order of one epoch (what makeBatches cuts into batches when not bucketing).
std::vector<int64_t> epochOrder(int64_t count, const BatchOptions& options, int64_t epoch);

}  // namespace attn::data
