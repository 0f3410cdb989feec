// The learning rate over a run: constant, or a linear warm-up followed by a decay.
#pragma once

#include <cstdint>
#include <string>

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

enum class LrDecay { None, Linear, Cosine, InverseSqrt };
LrDecay parseLrDecay(const std::string& name);  // none | linear | cosine | inverse_sqrt
const char* lrDecayName(LrDecay decay);

struct LrSchedule {
  double lr = 1e-3;
  int64_t warmupSteps = 0;  // lr grows linearly from lr/warmup to lr over these steps
  LrDecay decay = LrDecay::None;
  double minLrFactor = 0.0;  // linear and cosine decay end at lr · minLrFactor
  // The learning rate of step `step` (0-based) of `totalSteps`.
  double at(int64_t step, int64_t totalSteps) const;
};

}  // namespace attn::inline ATTN_PRECISION
