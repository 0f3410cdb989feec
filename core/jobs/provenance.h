// What a model file says about how it was trained: one record, written by every training job
// whether the CLI or the GUI started it, and read back by evaluation (its data source rebuilds
// the held-out test split) and by the model summary. It is a struct inside the program; JSON only
// in the model's `training` metadata (keys in docs/file-formats.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "jobs/data_source.h"
#include "tensor/precision.h"
#include "train/metrics.h"
#include "util/cancel.h"

namespace attn::inline ATTN_PRECISION::jobs {

struct TrainingProvenance {
  std::optional<DataSourceSpec> data;  // "task"/"task_config" or "data"/"data_config"
  int64_t steps = 0;                   // optimizer steps of this run
  int64_t totalSteps = 0;              // with those of the runs it continued ("total_steps")
  int64_t epochs = 0;                  // asked for instead of steps (0: not recorded)
  uint64_t seed = 1;                   // the batch order ("seed")
  std::optional<uint64_t> modelSeed;   // a new model's initial weights ("model_seed")
  std::string optimizer = "adam";
  double lr = 0;
  int64_t batchSize = 0;
  double clip = 0;
  int threads = 0;
  bool shuffle = true;
  RunStatus status = RunStatus::Completed;
  std::string stopped;    // how the run ended, for people: "finished 100 steps", ...
  int64_t bestStep = -1;  // the step whose weights the file holds ("best_step"); -1: unknown
  // The final measurement of the kept weights on the whole validation split, or on the train
  // split when there is none ("validation" or "train_metrics").
  Metrics metrics;
  bool metricsOnValidation = true;
  std::string example;      // a held-out source the GUI offers to decode first
  std::string date;         // UTC, ISO 8601
  std::string tool;         // "attention-cli 0.1.0"
  std::string init;         // the model file this run continued ("" for a new model)
  nlohmann::json previous;  // that model's own `training` record (null for a new model)
};

nlohmann::json provenanceToJson(const TrainingProvenance& p);
// Reads the record back, older key sets included (those of recordedDataSource(), "stopped"
// without "status"); what is missing or mistyped keeps the struct's default.
TrainingProvenance provenanceFromJson(const nlohmann::json& j);

// The metrics as a model file records them (Metrics::toJson), read back.
Metrics metricsFromJson(const nlohmann::json& j);

// Now, as the provenance records it: "2026-11-21T07:25:18Z".
std::string utcNow();

}  // namespace attn::inline ATTN_PRECISION::jobs
