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
  // Corpus flags: a TSV file (--data, --columns) or parallel files (--source-file, --target-file).
  std::string sourceFile, targetFile, columns = "1,2";
  std::string taskKind = "seq2seq", tokenizer = "word", subwordModelType = "unigram";
  int64_t subwordVocabSize = 8000, maxSourceTokens = 0, maxTargetTokens = 0;
  bool lowercase = false, nfkc = false, dedup = false;
  double validationFraction = 0.1, testFraction = 0.1;
  bool skipHeader = false;
  bool fileOrder = false;  // split in file order (train's --no-shuffle)

  CLI::Option *taskOption = nullptr, *dataOption = nullptr, *taskKindOption = nullptr,
              *tokenizerOption = nullptr, *trainSizeOption = nullptr,
              *validationSizeOption = nullptr, *testSizeOption = nullptr,
              *minLengthOption = nullptr, *maxLengthOption = nullptr, *alphabetSizeOption = nullptr,
              *taskSeedOption = nullptr, *validationFractionOption = nullptr,
              *testFractionOption = nullptr, *sourceFileOption = nullptr,
              *targetFileOption = nullptr, *columnsOption = nullptr, *lowercaseOption = nullptr,
              *nfkcOption = nullptr, *subwordModelTypeOption = nullptr,
              *subwordVocabSizeOption = nullptr, *maxTargetTokensOption = nullptr,
              *dedupOption = nullptr;

  bool fileGiven() const { return !dataFile.empty() || !sourceFile.empty(); }
};

// Adds --task, --data, --source-file/--target-file and their options to `command`.
// `withTextFormat` adds what only training chooses (a model file fixes it): --task-kind, the
// tokenizer and its options, and the filters --max-target-length and --dedup (train adds
// --max-source-length, which also bounds a task's examples).
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
