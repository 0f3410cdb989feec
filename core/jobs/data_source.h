// Where a job's examples come from, as a typed value: a built-in task with its TaskConfig, or a
// TSV file with how to read and split it. The same spec is written into a model's `training`
// metadata ({"task", "task_config"} or {"data", "data_config"}), so that an evaluation can rebuild
// exactly the held-out test split from the model file alone.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "data/split.h"
#include "data/tasks/task.h"
#include "tensor/precision.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {
struct Model;
}

namespace attn::inline ATTN_PRECISION::jobs {

struct BuiltInTask {
  std::string name;  // one of data::taskNames()
  data::TaskConfig config;
};

struct TsvFile {
  std::string path;
  data::TaskKind kind = data::TaskKind::Seq2Seq;
  data::TokenizerKind tokenizer = data::TokenizerKind::Word;
  data::SplitOptions split;  // seed, fractions, and shuffle (false: split in file order)
  bool skipHeader = false;
};

using DataSourceSpec = std::variant<BuiltInTask, TsvFile>;

// Which splits a caller reads. A task generates test, validation, then train, each from its own
// stream: leaving out the later ones changes nothing in the earlier ones, and saves their time.
struct SplitsNeeded {
  bool train = true, validation = true, test = true;
};

// A built-in task that cannot produce what its config asks (lengths the wrong way round, more
// distinct examples than the task has): the config's fault, never the data's, so a caller that
// took the config from its user can point at the setting to change.
class TaskConfigError : public Error {
 public:
  using Error::Error;
};

// Data of a kind the model cannot read (a classification task for a seq2seq model, another
// tokenizer): the choice of data is at fault, not the model file.
class DataMismatch : public Error {
 public:
  using Error::Error;
};

// The task's name or the file's path, for messages and summaries.
std::string sourceName(const DataSourceSpec& spec);

// Generates or reads the examples. Throws TaskConfigError for a config the task cannot satisfy,
// attn::Error for an unknown task or an unreadable or malformed file.
data::Dataset loadDataset(const DataSourceSpec& spec, const SplitsNeeded& needed = {});

// What a model fixes about the data it reads: a TSV file is read with the model's kind and
// tokenizer; a task must be of the model's kind and cut text the model's way (DataMismatch
// otherwise, naming both).
DataSourceSpec suitedToModel(DataSourceSpec spec, const Model& model);

// {"task": name, "task_config": {...}} or {"data": absolute path, "data_config": {...}}: the keys
// the model file's `training` metadata holds (docs/file-formats.md).
nlohmann::json dataSourceToJson(const DataSourceSpec& spec);

// The source recorded in a model's `training` metadata, or nothing when it names none. Reads the
// keys above and those of older files: "task" with only "task_seed" (the task's defaults with that
// seed), and "file" for a TSV path. Fields of the wrong type fall back to the defaults: the
// metadata comes from a file and is not trusted, and a model stays usable without it.
std::optional<DataSourceSpec> recordedDataSource(const nlohmann::json& training);

// Whether `spec` names the same task, or the same file, as the recorded metadata: an evaluation
// then measures the held-out test split rather than every example of a file.
bool sameSourceAsRecorded(const DataSourceSpec& spec, const nlohmann::json& training);

// TaskConfig to and from its JSON object; missing or mistyped fields keep `defaults`.
nlohmann::json taskConfigToJson(const data::TaskConfig& config);
data::TaskConfig taskConfigFromJson(const nlohmann::json& j, data::TaskConfig defaults);

}  // namespace attn::inline ATTN_PRECISION::jobs
