// Where `train` and `eval` get their examples: a built-in task (--task, with its size, length
// and seed flags) or a TSV file (--data, with its kind, tokenizer and split flags). What was
// used is recorded in the model's `training` metadata, so that `eval` can rebuild the same
// held-out test split from a model file alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "data/encoding.h"
#include "models/model.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace attn::app {

struct DataSourceOptions {
  std::string task, dataFile;
  // Task flags: only those given change the task's defaults (or the recorded config at eval).
  int64_t trainSize = 0, validationSize = 0, testSize = 0, minLength = 0, maxLength = 0,
          alphabetSize = 0;
  uint64_t taskSeed = 1;
  // TSV flags.
  std::string taskKind = "seq2seq", tokenizer = "word";
  double validationFraction = 0.1, testFraction = 0.1;
  bool skipHeader = false;
  bool fileOrder = false;  // split in file order (train's --no-shuffle)

  CLI::Option *taskOption = nullptr, *dataOption = nullptr, *taskKindOption = nullptr,
              *tokenizerOption = nullptr, *trainSizeOption = nullptr,
              *validationSizeOption = nullptr, *testSizeOption = nullptr,
              *minLengthOption = nullptr, *maxLengthOption = nullptr, *alphabetSizeOption = nullptr,
              *taskSeedOption = nullptr, *validationFractionOption = nullptr,
              *testFractionOption = nullptr;
};

// Adds --task, --data and their options to `command`. `withTextFormat` adds --task-kind and
// --tokenizer, which only training chooses (a model file fixes both).
void addDataSourceOptions(CLI::App& command, DataSourceOptions& options, bool withTextFormat);

// Which splits the caller will read: splits that come later in generation order are not
// generated when they are not needed (a task's test split never depends on them).
struct SplitsNeeded {
  bool train = true, validation = true, test = true;
};

struct DataSource {
  data::Dataset dataset;
  nlohmann::json provenance;  // {"task", "task_config"} or {"data", "data_config"}
};

// Builds the dataset. `recorded` is a model's `training` metadata (or null): when it names the
// same task or file, its config is the starting point and the flags given override it. `model`
// (or null) fixes the kind and tokenizer, and must suit the task. Throws attn::Error.
DataSource loadDataSource(const DataSourceOptions& options, const nlohmann::json& recorded,
                          const Model* model, const SplitsNeeded& needed = {});

// True when `recorded` (a model's `training` metadata) names this source; eval then defaults to
// the held-out test split rather than to every example of a file.
bool sameSourceAsRecorded(const DataSourceOptions& options, const nlohmann::json& recorded);

// The vocabularies a model reads, for encoding data with them.
data::Vocabularies modelVocabularies(const Model& model);

}  // namespace attn::app
