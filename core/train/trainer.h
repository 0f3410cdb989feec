// Training a model on a dataset (docs/file-formats.md, Training arithmetic): teacher forcing, Adam
// or SGD, global-norm clipping, a warm-up and decay schedule, validation with early stopping on the
// best score, checkpoints, and a progress callback that can cancel. A NaN or infinite loss or
// gradient skips that step (the weights stay the last good ones); too many in a row stop the
// run with a message.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "data/encoding.h"
#include "models/model.h"
#include "tensor/precision.h"
#include "train/metrics.h"
#include "train/schedule.h"
#include "util/cancel.h"

namespace attn::inline ATTN_PRECISION {

struct TrainConfig {
  int64_t steps = 0;   // stop after this many optimizer steps (0: use epochs)
  int64_t epochs = 0;  // or after this many passes over the train split
  int64_t batchSize = 32;
  std::string optimizer = "adam";  // adam | sgd
  LrSchedule schedule;             // schedule.lr is the learning rate
  double clip = 1.0;               // max global gradient norm; 0 = no clipping
  uint64_t seed = 1;               // batch order
  bool shuffle = true;             // false: consecutive examples in file order
  int64_t evalEvery = 0;           // validate every N steps (0: once per epoch)
  int64_t evalExamples = 500;      // validation examples per evaluation (0: all)
  int64_t patience = 0;            // stop after N evaluations without improvement (0: never)
  bool restoreBest = true;         // end with the best validated weights
  std::string checkpointPath;      // save the model here at each evaluation ("" = never)
  int64_t maxBadSteps = 20;        // non-finite steps (in all) before giving up
  // Parts each batch is cut into, each on its own thread (train/parallel_step.h); the same
  // number trains the same weights on any machine. 2 = kDefaultTrainThreads, as the CLI's.
  int threads = 2;
};

struct TrainProgress {
  int64_t step = 0, totalSteps = 0, epoch = 0;
  double loss = 0;          // this step's loss
  double smoothedLoss = 0;  // exponential moving average, for display
  double gradNorm = 0;
  double lr = 0;
  double elapsedSeconds = 0;
  double etaSeconds = 0;
  const Metrics* validation = nullptr;  // set on the steps that ran a validation
};

// Return false to cancel; the run stops after the current step with RunStatus::Cancelled.
using ProgressFn = std::function<bool(const TrainProgress&)>;

struct LossPoint {
  int64_t step;
  double loss;
};
struct ValidationPoint {
  int64_t step;
  Metrics metrics;
};

struct TrainResult {
  // Cancelled: the progress callback returned false; StoppedEarly: patience ran out; Diverged:
  // too many non-finite steps.
  RunStatus status = RunStatus::Completed;
  int64_t steps = 0;
  int64_t skippedSteps = 0;  // non-finite steps that were not applied
  double seconds = 0;
  std::vector<LossPoint> losses;
  std::vector<ValidationPoint> validations;
  Metrics best;  // the best validation (empty if none ran)
  int64_t bestStep = -1;
  // The step whose weights the model holds at the end: the best validation's when restoreBest
  // brought them back, else the last step that was applied (a skipped non-finite step is not).
  int64_t keptStep = 0;
  std::string message;  // what a person should read about how it ended
};

// Trains `model` in place on `train`, validating on `validation` (may be empty).
TrainResult train(Model& model, const data::EncodedSplit& train,
                  const data::EncodedSplit& validation, const TrainConfig& config,
                  const ProgressFn& progress = {});

}  // namespace attn::inline ATTN_PRECISION
