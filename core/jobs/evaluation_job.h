// Measuring a trained model on a split of a task or a file (attention-cli eval): loss and token
// accuracy by teacher forcing, then exact match and BLEU from batched greedy decoding or from
// beam search, or a classifier's accuracy. By default it rebuilds the data the model records in
// its `training` metadata and measures the test split held out from that training.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "jobs/data_source.h"
#include "jobs/job_progress.h"
#include "models/model.h"
#include "tensor/precision.h"
#include "train/metrics.h"
#include "util/cancel.h"

namespace attn::inline ATTN_PRECISION::jobs {

enum class EvalSplit { Train, Validation, Test, All };
std::string_view evalSplitName(EvalSplit split);  // "train", "validation", "test", "all"
EvalSplit parseEvalSplit(std::string_view name);  // throws attn::Error listing the names

// The split asked for holds no example (a task generated without a validation split, say).
class EmptySplit : public Error {
 public:
  using Error::Error;
};

struct EvaluationJob {
  std::shared_ptr<const Model> model;
  // Nothing: what the model was trained on, as its metadata records it (attn::Error when it
  // records nothing).
  std::optional<DataSourceSpec> data;
  // Nothing: the test split of a task or of the recorded file, every example of another file.
  std::optional<EvalSplit> split;
  // 1: batched greedy decoding. More: beam search of that width, one sentence at a time (slower);
  // a classifier has nothing to decode and ignores it.
  int beamWidth = 1;
  int64_t maxExamples = 0;  // measure only the first N (0: all)
  int64_t batchSize = 64;
};

struct EvaluationOutcome {
  RunStatus status = RunStatus::Completed;  // Completed or Cancelled
  Metrics metrics;
  EvalSplit split = EvalSplit::Test;
  DataSourceSpec data;      // what was measured, once the defaults are resolved
  bool beamSearch = false;  // exact match and BLEU came from beam search
};

// Runs on the calling thread; `progress` is asked between batches of work and between the
// sentences of a beam search. Throws DataMismatch for data the model cannot read, EmptySplit,
// TaskConfigError, and attn::Error for unreadable data or a model that records no data when
// `data` is not given.
EvaluationOutcome runEvaluationJob(const EvaluationJob& job, const JobProgressFn& progress = {});

}  // namespace attn::inline ATTN_PRECISION::jobs
