// The data of the bottleneck experiment: a test set with the same number of sentences in every
// source-length bucket (a task's own length distribution would leave the long buckets nearly
// empty), and a train set over the whole length range that shares no source with it.
#pragma once

#include <cstdint>
#include <vector>

#include "data/dataset.h"
#include "experiment/bottleneck.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION::experiment {

struct BottleneckData {
  data::Dataset dataset;                   // train and test; validation stays empty
  std::vector<int64_t> testSourceLengths;  // tokens of each test source (no <eos>)
};

// Deterministic from settings.dataSeed: bucket k's test sentences come from their own stream,
// so changing the train size or the number of buckets after it leaves them as they were.
// Throws attn::Error when the task cannot fill a bucket (too few distinct sentences).
BottleneckData makeBottleneckData(const BottleneckSettings& settings,
                                  const std::vector<LengthBucket>& buckets);

}  // namespace attn::inline ATTN_PRECISION::experiment
