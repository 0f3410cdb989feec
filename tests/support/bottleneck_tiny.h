// The bottleneck experiment at a size a test can run in a second or two: `reverse` at lengths
// 3–8 in buckets of 3, a small bidirectional GRU with Bahdanau attention (the experiment trains
// it once with and once without), 300 training sentences, 8 test ones per bucket. Shared by the
// engine's tests (tests/core/bottleneck_test.cpp) and the dialog's (tests/ui).
#pragma once

#include "experiment/bottleneck_settings.h"

namespace attn::test {

inline experiment::BottleneckSettings tinyBottleneckSettings(int steps) {
  experiment::BottleneckSettings s;
  s.task = "reverse";
  s.minLength = 3;
  s.maxLength = 8;
  s.bucketWidth = 3;
  s.trainSize = 300;
  s.testPerBucket = 8;
  s.model = {{"cell", "gru"},         {"embed_dim", 8},          {"hidden_dim", 16},
             {"bidirectional", true}, {"attention", "bahdanau"}, {"attention_dim", 8}};
  s.steps = steps;
  s.batchSize = 16;
  return s;
}

}  // namespace attn::test
