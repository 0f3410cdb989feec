// One training run as the GUI asks for it: where the data comes from (a built-in task or a TSV
// file), the model's config, and the trainer's settings; and what comes back. Qt-free: it runs on
// the training thread and could serve the CLI as well.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "data/split.h"
#include "data/tasks/task.h"
#include "train/trainer.h"

namespace attn::ui {

struct TrainingJob {
  std::string task;  // a built-in task; empty: read tsvPath
  data::TaskConfig taskConfig;
  std::string tsvPath;
  data::TaskKind tsvKind = data::TaskKind::Seq2Seq;
  data::TokenizerKind tsvTokenizer = data::TokenizerKind::Word;
  data::SplitOptions split;
  nlohmann::json modelConfig;  // config keys (docs/file-formats.md) with "arch"; num_classes comes
                               // from the data
  uint64_t modelSeed = 1;
  TrainConfig train;
};

struct TrainingOutcome {
  std::shared_ptr<Model> model;
  TrainResult result;
  int64_t trainExamples = 0;
  std::string exampleSource;  // a held-out sentence to decode at once
  std::string exampleTarget;
};

// Called on the training thread once the fresh model exists, before its first step, with the
// held-out example the run will suggest: what watches the model learn (the snapshots of
// alignments forming) reads it between steps, from `progress`, and never after the run.
using ModelReadyFn = std::function<void(const Model& model, const data::Example& example)>;

// Builds the data, the vocabularies and a fresh model, then trains it on the calling thread,
// calling `progress` as train() does. Throws attn::Error for data or a config that cannot work
// (a classification task for a seq2seq model, an empty TSV file, ...).
TrainingOutcome runTraining(const TrainingJob& job, const ProgressFn& progress,
                            const ModelReadyFn& ready = {});

// Whether this build of the engine can create `arch` ("transformer" may not be built yet).
bool engineBuilds(const std::string& arch);

}  // namespace attn::ui
