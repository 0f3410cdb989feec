// One training run, whoever asks for it (attention-cli train, the GUI's Training tab): the data,
// the split, the vocabularies, the model, the trainer, a final measurement, and the provenance
// record written into the model. The CLI and the GUI only turn their flags or form into a
// TrainingJob and show what comes back.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "data/encoding.h"
#include "jobs/data_source.h"
#include "jobs/job_progress.h"
#include "jobs/provenance.h"
#include "models/model.h"
#include "tensor/precision.h"
#include "train/trainer.h"

namespace attn::inline ATTN_PRECISION::jobs {

// How a new model is made once the vocabularies exist. The default is createModelFor(); the CLI
// passes its own, which names the command-line flag behind a config key that does not work.
using ModelFactory = std::function<Model(const data::Vocabularies& vocabularies)>;

struct TrainingJob {
  DataSourceSpec data;
  nlohmann::json modelConfig;  // docs/file-formats.md keys with "arch"; num_classes from the data
  uint64_t modelSeed = 1;      // the initial weights
  TrainConfig train;
  // A model file to continue training, with its config and vocabularies (modelConfig, modelSeed
  // and vocabulary are then unused). Empty: a new model.
  std::string initModel;
  data::VocabularyOptions vocabulary;  // a new model's source and target vocabularies
  // A task's examples whose source, <eos> included, is longer are left out (a file's length
  // bounds are part of its DataSourceSpec, recorded with it).
  int64_t maxSourceLength = 0;
  std::string tool;        // who ran the job, for the record: "attention-cli 0.1.0"
  ModelFactory makeModel;  // empty: createModelFor(modelConfig, ..., modelSeed)
};

// What the job has built when training is about to begin, for a caller that announces the run
// or watches the model learn (read the model only from the progress callback, between steps).
struct TrainingStart {
  const Model& model;
  const data::Example& example;  // a held-out example, the one the record names
  std::string dataName;          // the task, or the file
  int64_t trainExamples = 0, validationExamples = 0;
  int64_t leftOut = 0;  // examples longer than maxSourceLength
  // What the reader has to say about the file (a header line, pairs with an empty side), and
  // what the file's filters left out ("kept 9,870 of 10,000 examples: ..."; empty: no filter).
  std::vector<std::string> warnings;
  std::string filtered;
  // The tokenizer the model reads with, and the share of the validation tokens it does not know.
  const data::Tokenizer& tokenizer;
  double validationUnknownShare = 0;
};
using TrainingStartFn = std::function<void(const TrainingStart& start)>;

struct TrainingOutcome {
  RunStatus status = RunStatus::Completed;
  std::string message;  // how it ended, for people ("finished 100 steps", "stopped early: ...")
  // The trained model, its `training` metadata set to `provenance`. Null when the run was
  // cancelled: a half-trained model is never handed back as a result. After divergence it holds
  // the weights of the last good step (or of the best validation).
  std::shared_ptr<Model> model;
  TrainResult result;  // the trainer's record: losses, validations, the best one
  TrainingProvenance provenance;
  data::Example example;
  int64_t trainExamples = 0;
};

// Runs the job on the calling thread. Throws DataMismatch for data the model cannot learn (a
// classification task for a seq2seq model), TaskConfigError, and attn::Error for other data or a
// config that cannot work (an empty or malformed TSV file, a bad model config or file).
TrainingOutcome runTrainingJob(const TrainingJob& job, const JobProgressFn& progress = {},
                               const TrainingStartFn& started = {});

// A new model for `vocabularies` from a config with "arch": refuses a classifier for seq2seq data
// and the reverse (DataMismatch), and reads the config with readConfig() (models/config_reader.h):
// defaults for absent keys, the classifier's num_classes from the labels, and a ConfigError
// listing every key out of range or of the wrong type.
Model createModelFor(const nlohmann::json& config, const data::Vocabularies& vocabularies,
                     uint64_t seed);

// The vocabularies a model reads, to encode data with them.
data::Vocabularies vocabulariesOf(const Model& model);

}  // namespace attn::inline ATTN_PRECISION::jobs
