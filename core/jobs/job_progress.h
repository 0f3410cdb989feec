// The one progress callback both jobs take. It is called on the job's thread between two steps
// of work (a training step, a decoded example); returning false cancels the job, which then
// returns RunStatus::Cancelled at the next such point.
#pragma once

#include <cstdint>
#include <functional>

#include "tensor/precision.h"
#include "train/trainer.h"

namespace attn::inline ATTN_PRECISION::jobs {

enum class JobStage {
  Training,    // `done` of `total` optimizer steps
  Evaluating,  // `done` of `total` examples measured
};

struct JobProgress {
  JobStage stage = JobStage::Training;
  int64_t done = 0, total = 0;
  // While training, the step's details (loss, learning rate, a validation); null otherwise.
  const TrainProgress* training = nullptr;
};

using JobProgressFn = std::function<bool(const JobProgress&)>;

}  // namespace attn::inline ATTN_PRECISION::jobs
