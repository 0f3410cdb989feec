// Exact match and BLEU with beam search in place of greedy decoding, for `eval --beam K`.
// core/decode searches one sentence at a time, so this runs it per example: slower than the
// batched greedy evaluation, which is why it is only used when a beam is asked for.
#pragma once

#include <vector>

#include "data/dataset.h"
#include "data/encoding.h"
#include "models/model.h"
#include "train/metrics.h"

namespace attn::app {

// Fills `metrics.exactMatch` and `metrics.bleu` from beam search of width `beamWidth` over the
// first `maxExamples` (0: all) of `encoded`, whose examples came from `examples`. Ctrl-C
// cancels it (Cancelled).
void beamSearchMetrics(const Model& model, const std::vector<data::Example>& examples,
                       const data::EncodedSplit& encoded, int beamWidth, int64_t maxExamples,
                       Metrics& metrics);

}  // namespace attn::app
