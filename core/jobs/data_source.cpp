#include "jobs/data_source.h"

#include <filesystem>
#include <type_traits>

#include "data/tsv.h"
#include "jobs/json_fields.h"
#include "models/model.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION::jobs {

using nlohmann::json;

namespace {

bool samePath(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (std::filesystem::equivalent(a, b, ec)) return true;
  return a == b;
}

json tsvConfigToJson(const TsvFile& f) {
  return {{"kind", std::string(data::taskKindName(f.kind))},
          {"tokenizer", std::string(data::tokenizerName(f.tokenizer))},
          {"seed", f.split.seed},
          {"validation_fraction", f.split.validationFraction},
          {"test_fraction", f.split.testFraction},
          {"shuffle", f.split.shuffle},
          {"skip_header", f.skipHeader}};
}

// A kind or tokenizer name this build does not know keeps the default: the model that reads the
// data fixes both anyway (suitedToModel).
template <typename Kind, typename Parse>
Kind parsedOr(const json& j, const char* key, Kind fallback, Parse parse) {
  const std::string name = field<std::string>(j, key, "");
  if (name.empty()) return fallback;
  try {
    return parse(name);
  } catch (const Error&) {
    return fallback;
  }
}

TsvFile tsvFromJson(const std::string& path, const json& config) {
  TsvFile f;
  f.path = path;
  f.kind =
      parsedOr(config, "kind", f.kind, [](const std::string& n) { return data::parseTaskKind(n); });
  f.tokenizer = parsedOr(config, "tokenizer", f.tokenizer,
                         [](const std::string& n) { return data::parseTokenizerKind(n); });
  f.split.seed = field<uint64_t>(config, "seed", f.split.seed);
  f.split.validationFraction =
      field<double>(config, "validation_fraction", f.split.validationFraction);
  f.split.testFraction = field<double>(config, "test_fraction", f.split.testFraction);
  f.split.shuffle = field<bool>(config, "shuffle", f.split.shuffle);
  f.skipHeader = field<bool>(config, "skip_header", f.skipHeader);
  return f;
}

}  // namespace

std::string sourceName(const DataSourceSpec& spec) {
  if (const auto* task = std::get_if<BuiltInTask>(&spec)) return task->name;
  return std::get<TsvFile>(spec).path;
}

data::Dataset loadDataset(const DataSourceSpec& spec, const SplitsNeeded& needed) {
  if (const auto* task = std::get_if<BuiltInTask>(&spec)) {
    data::TaskConfig generated = task->config;
    if (!needed.train) generated.trainSize = 0;
    if (!needed.train && !needed.validation) generated.validationSize = 0;
    const auto generator = data::makeTask(task->name);
    try {
      return generator->generate(generated);
    } catch (const Error& e) {
      throw TaskConfigError(e.what());
    }
  }
  const TsvFile& file = std::get<TsvFile>(spec);
  if (file.path.empty()) throw Error("choose a built-in task or a TSV file to read examples from");
  data::TsvOptions tsv;
  tsv.skipHeader = file.skipHeader;
  return data::loadTsvDataset(file.path, file.kind, file.tokenizer, file.split, tsv);
}

DataSourceSpec suitedToModel(DataSourceSpec spec, const Model& model) {
  const data::TaskKind modelKind =
      model.isClassifier() ? data::TaskKind::Classification : data::TaskKind::Seq2Seq;
  if (auto* file = std::get_if<TsvFile>(&spec)) {
    file->kind = modelKind;
    file->tokenizer = model.tokenizer;
    return spec;
  }
  const BuiltInTask& task = std::get<BuiltInTask>(spec);
  const auto generator = data::makeTask(task.name);
  if (generator->kind() != modelKind)
    throw DataMismatch("task " + task.name + " is a " +
                       std::string(data::taskKindName(generator->kind())) +
                       " task, but the model is a " + archName(model.arch) + " model");
  if (generator->tokenizer() != model.tokenizer)
    throw DataMismatch("task " + task.name + " cuts text into " +
                       std::string(data::tokenizerName(generator->tokenizer())) +
                       " tokens, but the model reads " +
                       std::string(data::tokenizerName(model.tokenizer)) + " tokens");
  return spec;
}

json dataSourceToJson(const DataSourceSpec& spec) {
  if (const auto* task = std::get_if<BuiltInTask>(&spec))
    return {{"task", task->name}, {"task_config", taskConfigToJson(task->config)}};
  const TsvFile& file = std::get<TsvFile>(spec);
  // Absolute, so that an evaluation finds the file again from another working directory.
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(file.path, ec);
  return {{"data", ec ? file.path : absolute.lexically_normal().string()},
          {"data_config", tsvConfigToJson(file)}};
}

std::optional<DataSourceSpec> recordedDataSource(const json& training) {
  const std::string task = field<std::string>(training, "task", "");
  if (!task.empty()) {
    BuiltInTask t;
    t.name = task;
    try {
      t.config = data::makeTask(task)->defaultConfig();
    } catch (const Error&) {
      // A task this build does not have: loading the data says so, with the list of tasks.
    }
    if (training.contains("task_config")) {
      t.config = taskConfigFromJson(training["task_config"], t.config);
    } else {  // the GUI's files before the one provenance record kept only the seed
      t.config.seed = field<uint64_t>(training, "task_seed", t.config.seed);
    }
    return t;
  }
  std::string path = field<std::string>(training, "data", "");
  if (path.empty()) path = field<std::string>(training, "file", "");  // the GUI's older key
  if (path.empty()) return std::nullopt;
  return tsvFromJson(
      path, training.is_object() ? training.value("data_config", json::object()) : json::object());
}

bool sameSourceAsRecorded(const DataSourceSpec& spec, const json& training) {
  const std::optional<DataSourceSpec> recorded = recordedDataSource(training);
  if (!recorded || recorded->index() != spec.index()) return false;
  if (const auto* task = std::get_if<BuiltInTask>(&spec))
    return std::get<BuiltInTask>(*recorded).name == task->name;
  const std::string& path = std::get<TsvFile>(spec).path;
  return !path.empty() && samePath(std::get<TsvFile>(*recorded).path, path);
}

json taskConfigToJson(const data::TaskConfig& c) {
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

}  // namespace attn::inline ATTN_PRECISION::jobs
