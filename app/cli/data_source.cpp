#include "cli/data_source.h"

#include <filesystem>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "data/tasks/task.h"
#include "data/tsv.h"
#include "util/check.h"

namespace attn::app {

using nlohmann::json;

namespace {

constexpr const char* kGroup = "Data";

// The recorded metadata comes from a file and is not trusted: a field of the wrong type is
// ignored in favour of the default rather than thrown at the user as a JSON exception.
template <typename T>
T field(const json& j, const char* key, T fallback) {
  if (!j.is_object() || !j.contains(key)) return fallback;
  const json& v = j[key];
  if constexpr (std::is_same_v<T, bool>) {
    return v.is_boolean() ? v.get<bool>() : fallback;
  } else if constexpr (std::is_integral_v<T>) {
    return v.is_number_integer() || v.is_number_unsigned() ? v.get<T>() : fallback;
  } else if constexpr (std::is_floating_point_v<T>) {
    return v.is_number() ? v.get<T>() : fallback;
  } else {
    return v.is_string() ? v.get<std::string>() : fallback;
  }
}

json taskConfigJson(const data::TaskConfig& c) {
  return {{"seed", c.seed},
          {"train_size", c.trainSize},
          {"validation_size", c.validationSize},
          {"test_size", c.testSize},
          {"min_length", c.minLength},
          {"max_length", c.maxLength},
          {"alphabet_size", c.alphabetSize}};
}

data::TaskConfig taskConfigFromJson(const json& j, data::TaskConfig c) {
  c.seed = field<uint64_t>(j, "seed", c.seed);
  c.trainSize = field<int64_t>(j, "train_size", c.trainSize);
  c.validationSize = field<int64_t>(j, "validation_size", c.validationSize);
  c.testSize = field<int64_t>(j, "test_size", c.testSize);
  c.minLength = field<int64_t>(j, "min_length", c.minLength);
  c.maxLength = field<int64_t>(j, "max_length", c.maxLength);
  c.alphabetSize = field<int64_t>(j, "alphabet_size", c.alphabetSize);
  return c;
}

bool given(const CLI::Option* option) {
  return option && option->count() > 0;
}

bool samePath(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (std::filesystem::equivalent(a, b, ec)) return true;
  return a == b;
}

DataSource loadTask(const DataSourceOptions& o, const json& recorded, const Model* model,
                    const SplitsNeeded& needed) {
  const auto task = data::makeTask(o.task);
  data::TaskConfig config = task->defaultConfig();
  if (field<std::string>(recorded, "task", "") == o.task)
    config = taskConfigFromJson(recorded.value("task_config", json::object()), config);
  if (given(o.taskSeedOption)) config.seed = o.taskSeed;
  if (given(o.trainSizeOption)) config.trainSize = o.trainSize;
  if (given(o.validationSizeOption)) config.validationSize = o.validationSize;
  if (given(o.testSizeOption)) config.testSize = o.testSize;
  if (given(o.minLengthOption)) config.minLength = o.minLength;
  if (given(o.maxLengthOption)) config.maxLength = o.maxLength;
  if (given(o.alphabetSizeOption)) config.alphabetSize = o.alphabetSize;

  if (model) {
    const bool classifierTask = task->kind() == data::TaskKind::Classification;
    if (classifierTask != model->isClassifier())
      throw Error("task " + o.task + " is a " + std::string(data::taskKindName(task->kind())) +
                  " task, but the model is a " + archName(model->arch) + " model");
    if (task->tokenizer() != model->tokenizer)
      throw Error("task " + o.task + " cuts text into " +
                  std::string(data::tokenizerName(task->tokenizer())) +
                  " tokens, but the model reads " +
                  std::string(data::tokenizerName(model->tokenizer)) + " tokens");
  }
  // Later splits are drawn after earlier ones, so leaving them out changes nothing before them.
  data::TaskConfig generated = config;
  if (!needed.train) generated.trainSize = 0;
  if (!needed.train && !needed.validation) generated.validationSize = 0;
  DataSource source;
  source.dataset = task->generate(generated);
  source.provenance = {{"task", o.task}, {"task_config", taskConfigJson(config)}};
  return source;
}

DataSource loadFile(const DataSourceOptions& o, const json& recorded, const Model* model) {
  json config = {{"kind", o.taskKind},
                 {"tokenizer", o.tokenizer},
                 {"seed", o.taskSeed},
                 {"validation_fraction", o.validationFraction},
                 {"test_fraction", o.testFraction},
                 {"shuffle", !o.fileOrder},
                 {"skip_header", o.skipHeader}};
  if (sameSourceAsRecorded(o, recorded)) {
    const json old = recorded.value("data_config", json::object());
    for (const char* key :
         {"seed", "validation_fraction", "test_fraction", "shuffle", "skip_header"})
      if (old.is_object() && old.contains(key)) config[key] = old[key];
  }
  // Flags given now win over what was recorded.
  if (given(o.taskSeedOption)) config["seed"] = o.taskSeed;
  if (given(o.validationFractionOption)) config["validation_fraction"] = o.validationFraction;
  if (given(o.testFractionOption)) config["test_fraction"] = o.testFraction;
  if (o.skipHeader) config["skip_header"] = true;
  if (model) {
    config["kind"] = model->isClassifier() ? "classification" : "seq2seq";
    config["tokenizer"] = std::string(data::tokenizerName(model->tokenizer));
  }
  data::SplitOptions split;
  split.seed = field<uint64_t>(config, "seed", 1);
  split.validationFraction = field<double>(config, "validation_fraction", 0.1);
  split.testFraction = field<double>(config, "test_fraction", 0.1);
  split.shuffle = field<bool>(config, "shuffle", true);
  data::TsvOptions tsv;
  tsv.skipHeader = field<bool>(config, "skip_header", false);
  DataSource source;
  source.dataset = data::loadTsvDataset(
      o.dataFile, data::parseTaskKind(config["kind"].get<std::string>()),
      data::parseTokenizerKind(config["tokenizer"].get<std::string>()), split, tsv);
  // Absolute, so that `eval` finds the file again from another working directory.
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(o.dataFile, ec);
  source.provenance = {{"data", ec ? o.dataFile : absolute.lexically_normal().string()},
                       {"data_config", config}};
  return source;
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

bool sameSourceAsRecorded(const DataSourceOptions& o, const json& recorded) {
  if (!o.task.empty()) return field<std::string>(recorded, "task", "") == o.task;
  const std::string file = field<std::string>(recorded, "data", "");
  return !o.dataFile.empty() && !file.empty() && samePath(file, o.dataFile);
}

DataSource loadDataSource(const DataSourceOptions& o, const json& recorded, const Model* model,
                          const SplitsNeeded& needed) {
  if (!o.task.empty()) return loadTask(o, recorded, model, needed);
  return loadFile(o, recorded, model);
}

data::Vocabularies modelVocabularies(const Model& model) {
  data::Vocabularies v;
  v.kind = model.isClassifier() ? data::TaskKind::Classification : data::TaskKind::Seq2Seq;
  v.tokenizer = model.tokenizer;
  v.source = model.srcVocab;
  v.target = model.tgtVocab;
  v.labels = model.classes;
  return v;
}

}  // namespace attn::app
