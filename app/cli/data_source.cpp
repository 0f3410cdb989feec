#include "cli/data_source.h"

#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/command.h"
#include "data/tasks/task.h"
#include "util/check.h"

namespace attn::app {

using nlohmann::json;

namespace {

constexpr const char* kGroup = "Data";

bool given(const CLI::Option* option) {
  return option && option->count() > 0;
}

jobs::BuiltInTask taskSpec(const DataSourceOptions& o, const json& recorded) {
  jobs::BuiltInTask t{o.task, data::makeTask(o.task)->defaultConfig()};
  const std::optional<jobs::DataSourceSpec> before = jobs::recordedDataSource(recorded);
  if (before && jobs::sameSourceAsRecorded(t, recorded))
    t.config = std::get<jobs::BuiltInTask>(*before).config;
  data::TaskConfig& c = t.config;
  if (given(o.taskSeedOption)) c.seed = o.taskSeed;
  if (given(o.trainSizeOption)) c.trainSize = o.trainSize;
  if (given(o.validationSizeOption)) c.validationSize = o.validationSize;
  if (given(o.testSizeOption)) c.testSize = o.testSize;
  if (given(o.minLengthOption)) c.minLength = o.minLength;
  if (given(o.maxLengthOption)) c.maxLength = o.maxLength;
  if (given(o.alphabetSizeOption)) c.alphabetSize = o.alphabetSize;
  if (c.maxLength != 0 && c.minLength > c.maxLength)
    throw UsageError("--min-length " + std::to_string(c.minLength) + " is above --max-length " +
                     std::to_string(c.maxLength) + ": give a shortest length at most the longest");
  return t;
}

jobs::TsvFile fileSpec(const DataSourceOptions& o, const json& recorded) {
  jobs::TsvFile f;
  f.path = o.dataFile;
  f.kind = data::parseTaskKind(o.taskKind);
  f.tokenizer = data::parseTokenizerKind(o.tokenizer);
  f.split.seed = o.taskSeed;
  f.split.validationFraction = o.validationFraction;
  f.split.testFraction = o.testFraction;
  f.split.shuffle = !o.fileOrder;
  f.skipHeader = o.skipHeader;
  const std::optional<jobs::DataSourceSpec> before = jobs::recordedDataSource(recorded);
  if (before && jobs::sameSourceAsRecorded(f, recorded)) {
    const jobs::TsvFile& old = std::get<jobs::TsvFile>(*before);
    f.split = old.split;
    f.skipHeader = old.skipHeader;
  }
  // Flags given now win over what was recorded.
  if (given(o.taskSeedOption)) f.split.seed = o.taskSeed;
  if (given(o.validationFractionOption)) f.split.validationFraction = o.validationFraction;
  if (given(o.testFractionOption)) f.split.testFraction = o.testFraction;
  if (o.fileOrder) f.split.shuffle = false;
  if (o.skipHeader) f.skipHeader = true;
  const double held = f.split.validationFraction + f.split.testFraction;
  if (held >= 1) {
    char sum[32];
    std::snprintf(sum, sizeof sum, "%g", held);
    throw UsageError(std::string("--val-fraction and --test-fraction add up to ") + sum +
                     ", which leaves nothing to train on: keep their sum below 1");
  }
  return f;
}

}  // namespace

void addDataSourceOptions(CLI::App& command, DataSourceOptions& o, bool withTextFormat) {
  o.taskOption =
      command.add_option("--task", o.task, "A built-in task: " + listOf(data::taskNames()))
          ->check(oneOf(data::taskNames()))
          ->group(kGroup);
  o.dataOption = command.add_option("--data", o.dataFile, "A TSV file of source<TAB>target lines")
                     ->group(kGroup);
  o.taskOption->excludes(o.dataOption);

  const auto size = wholeNumber(0, 10'000'000);
  o.trainSizeOption = command.add_option("--train-size", o.trainSize, "Task: training examples")
                          ->check(size)
                          ->group(kGroup);
  o.validationSizeOption =
      command
          .add_option("--val-size,--validation-size", o.validationSize, "Task: validation examples")
          ->check(size)
          ->group(kGroup);
  o.testSizeOption = command.add_option("--test-size", o.testSize, "Task: test examples")
                         ->check(size)
                         ->group(kGroup);
  o.minLengthOption = command
                          .add_option("--min-length", o.minLength,
                                      "Task: shortest source, in the task's tokens (0 = no bound)")
                          ->check(wholeNumber(0, 100'000))
                          ->group(kGroup);
  o.maxLengthOption = command
                          .add_option("--max-length", o.maxLength,
                                      "Task: longest source, in the task's tokens (0 = no bound)")
                          ->check(wholeNumber(0, 100'000))
                          ->group(kGroup);
  o.alphabetSizeOption =
      command.add_option("--alphabet-size", o.alphabetSize, "Task: symbols of copy/reverse/sort")
          ->check(wholeNumber(2, 36))
          ->group(kGroup);
  o.taskSeedOption = command
                         .add_option("--task-seed,--data-seed", o.taskSeed,
                                     "Seed of the data: the task's examples, or the TSV split "
                                     "(default 1)")
                         ->check(wholeNumber(0))
                         ->group(kGroup);
  if (withTextFormat) {
    o.taskKindOption = command
                           .add_option("--task-kind", o.taskKind,
                                       "TSV: seq2seq (source<TAB>target) or classification "
                                       "(text<TAB>label); default seq2seq")
                           ->check(oneOf({"seq2seq", "classification"}))
                           ->group(kGroup);
    o.tokenizerOption = command
                            .add_option("--tokenizer", o.tokenizer,
                                        "TSV: word (split on spaces) or char; default word")
                            ->check(oneOf({"word", "char"}))
                            ->group(kGroup);
  }
  const auto fraction = realNumber(0, true, 0.99);
  o.validationFractionOption =
      command
          .add_option("--val-fraction", o.validationFraction,
                      "TSV: share of distinct sources for validation (default 0.1)")
          ->check(fraction)
          ->group(kGroup);
  o.testFractionOption = command
                             .add_option("--test-fraction", o.testFraction,
                                         "TSV: share of distinct sources for test (default 0.1)")
                             ->check(fraction)
                             ->group(kGroup);
  command.add_flag("--skip-header", o.skipHeader, "TSV: the first line names the columns")
      ->group(kGroup);
}

jobs::DataSourceSpec dataSourceSpec(const DataSourceOptions& o, const json& recorded) {
  if (!o.task.empty()) return taskSpec(o, recorded);
  return fileSpec(o, recorded);
}

bool taskFlagsGiven(const DataSourceOptions& o) {
  for (const CLI::Option* option :
       {o.trainSizeOption, o.validationSizeOption, o.testSizeOption, o.minLengthOption,
        o.maxLengthOption, o.alphabetSizeOption, o.taskSeedOption})
    if (given(option)) return true;
  return false;
}

}  // namespace attn::app
