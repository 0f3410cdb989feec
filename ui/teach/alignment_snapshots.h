// Alignments forming: what a model attends to on one example sentence, recorded every few steps
// of a training run, so people can scrub through the run and watch the diagonal (or the
// reordering) appear. Qt-free: the training thread takes the snapshots between two steps, and
// the series stays bounded however long the run.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "models/model_fwd.h"
#include "trace/trace.h"

namespace attn::ui {

struct AlignmentSnapshot {
  int64_t step = 0;  // optimizer steps done: 0 is the untrained model
  // The example read with teacher forcing on its reference output, so every snapshot has the
  // same rows and columns and the maps can be compared; a classifier's hops on the example.
  std::shared_ptr<const Trace> trace;
  std::string output;  // what greedy decoding writes at this step (the class, for a classifier)
  double loss = std::numeric_limits<double>::quiet_NaN();  // smoothed training loss; NaN at 0
  int64_t validationStep = -1;  // the latest validation up to this step, if any
  double validationScore = std::numeric_limits<double>::quiet_NaN();
  std::string validationScoreName;  // "exact match", "accuracy"
};

using SnapshotList = std::vector<AlignmentSnapshot>;

inline constexpr int kDefaultSnapshotCount = 50;  // what "automatic" aims for over a run
inline constexpr int kMaxSnapshots = 200;         // what a series keeps at most

// The steps between snapshots: `every`, or with every = 0 enough for about
// kDefaultSnapshotCount over `totalSteps`.
int64_t snapshotInterval(int64_t totalSteps, int64_t every);

// The snapshots of one run, taken at step 0, every interval-th step and the last step. When there
// would be more than `maxSnapshots`, the interval doubles and the snapshots off the new grid go
// (the newest stays), so a long run or a small interval keeps memory bounded and evenly spread.
class SnapshotSeries {
 public:
  explicit SnapshotSeries(int64_t interval = 1, int maxSnapshots = kMaxSnapshots);

  int64_t interval() const { return interval_; }
  void setInterval(int64_t interval);  // before the first add() past step 0
  bool due(int64_t step, int64_t totalSteps) const;
  void add(AlignmentSnapshot snapshot);
  const SnapshotList& snapshots() const { return snapshots_; }

 private:
  int64_t interval_;
  int max_;
  SnapshotList snapshots_;
};

// One snapshot of `model` on `example` (called on the training thread). Throws attn::Error when
// the example cannot be read (too long for the model, say).
AlignmentSnapshot takeSnapshot(const Model& model, const data::Example& example, int64_t step);

// The series as JSON: {"format": "attention-studio.snapshots/1", "snapshots": [{step, loss,
// output, validation: {step, name, score}, trace: docs/file-formats.md, Trace file}]}; loss is null
// at step 0.
inline constexpr const char* kSnapshotsFormat = "attention-studio.snapshots/1";
nlohmann::json snapshotsToJson(const SnapshotList& snapshots);

}  // namespace attn::ui
