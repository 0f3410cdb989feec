// The flags of `train` and `eval` that say where the examples come from: a built-in task
// (--task, with its size, length and seed flags) or a TSV file (--data, with its kind, tokenizer
// and split flags), turned into the typed jobs::DataSourceSpec the jobs read (core/jobs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "jobs/data_source.h"

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

// The typed data source the flags describe. `recorded` is a model's `training` metadata (or null):
// when it names the same task or file, its settings are the starting point and the flags given
// override them. Throws UsageError for flags that cannot work together (fractions that leave no
// training data).
jobs::DataSourceSpec dataSourceSpec(const DataSourceOptions& options,
                                    const nlohmann::json& recorded);

// Whether any flag that changes a task's examples was given (sizes, lengths, alphabet, seed):
// a task that cannot satisfy its config is then a mistake on the command line.
bool taskFlagsGiven(const DataSourceOptions& options);

}  // namespace attn::app
