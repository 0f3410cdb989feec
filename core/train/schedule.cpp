#include "train/schedule.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

LrDecay parseLrDecay(const std::string& name) {
  if (name == "none") return LrDecay::None;
  if (name == "linear") return LrDecay::Linear;
  if (name == "cosine") return LrDecay::Cosine;
  if (name == "inverse_sqrt") return LrDecay::InverseSqrt;
  throw Error("unknown learning-rate decay '" + name + "' (none, linear, cosine, inverse_sqrt)");
}

const char* lrDecayName(LrDecay d) {
  switch (d) {
    case LrDecay::None:
      return "none";
    case LrDecay::Linear:
      return "linear";
    case LrDecay::Cosine:
      return "cosine";
    case LrDecay::InverseSqrt:
      return "inverse_sqrt";
  }
  return "?";
}

double LrSchedule::at(int64_t step, int64_t totalSteps) const {
  if (warmupSteps > 0 && step < warmupSteps)
    return lr * static_cast<double>(step + 1) / static_cast<double>(warmupSteps);
  const double span = static_cast<double>(std::max<int64_t>(1, totalSteps - warmupSteps));
  const double progress = std::clamp(static_cast<double>(step - warmupSteps) / span, 0.0, 1.0);
  const double floor = lr * minLrFactor;
  switch (decay) {
    case LrDecay::None:
      return lr;
    case LrDecay::Linear:
      return floor + (lr - floor) * (1 - progress);
    case LrDecay::Cosine:
      return floor + (lr - floor) * 0.5 * (1 + std::cos(std::numbers::pi * progress));
    case LrDecay::InverseSqrt:
      return lr * std::sqrt(static_cast<double>(std::max<int64_t>(1, warmupSteps)) /
                            static_cast<double>(std::max<int64_t>(step + 1, warmupSteps)));
  }
  return lr;
}

}  // namespace attn::inline ATTN_PRECISION
