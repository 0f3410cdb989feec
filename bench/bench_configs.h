// The configurations of the performance issue, shared by every benchmark: batch 32, source 24
// tokens, target 12, vocabularies of 64, Adam with clipping.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/model.h"
#include "models/token_batch.h"

namespace attn::bench {

struct BenchConfig {
  std::string name;
  nlohmann::json config;
};

inline constexpr int64_t kBatch = 32, kSourceLength = 24, kTargetLength = 12, kVocab = 64;

std::vector<BenchConfig> benchConfigs();
Model makeModel(const nlohmann::json& config, uint64_t seed = 1);

// A full batch: random ids in [4, kVocab), sources ending with <eos>, decoder input starting
// with <sos>; no padding, so both engines do exactly the same work.
struct BenchBatch {
  TokenBatch src, tgtIn, tgtOut;
  std::vector<int64_t> labels;
};
BenchBatch makeBatch(int64_t batch, uint64_t seed = 2);

}  // namespace attn::bench
