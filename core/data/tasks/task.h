// A built-in task: a generator of examples, deterministic from a seed, and the knowledge of what
// kind of model it is for. Generation draws only from attn::Random, so the same seed gives the
// same data on every machine, and keeps the three splits disjoint: no test source is ever in
// train.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "util/random.h"

namespace attn::data {

struct TaskConfig {
  uint64_t seed = 1;
  int64_t trainSize = 10000;
  int64_t validationSize = 1000;
  int64_t testSize = 1000;
  // Source length, in the task's tokens (symbols, words; for `dates`, characters). Examples
  // outside [minLength, maxLength] are not kept; 0 = no bound on that side.
  int64_t minLength = 0;
  int64_t maxLength = 0;
  int64_t alphabetSize = 10;  // copy / reverse / sort: how many distinct symbols (2..36)
};

class Task {
 public:
  virtual ~Task() = default;

  virtual std::string name() const = 0;         // "dates"
  virtual std::string description() const = 0;  // one line for a menu or --help
  virtual TaskKind kind() const = 0;
  virtual TokenizerKind tokenizer() const = 0;
  virtual TaskConfig defaultConfig() const = 0;  // sizes and lengths that train well

  // One example drawn from the task's distribution (no length filter, no deduplication).
  // Throws attn::Error when the config makes no sense for the task.
  virtual Example sample(Random& rng, const TaskConfig& config) const = 0;

  // Test, validation and train in that order, each from its own stream derived from the seed:
  // the test set depends only on the seed, the config's lengths and testSize, so growing the
  // train set keeps the same test set. Sources are unique across all three splits. Throws
  // attn::Error when the task cannot produce that many distinct examples under the config.
  Dataset generate(const TaskConfig& config) const;
  Dataset generate() const { return generate(defaultConfig()); }

 protected:
  // Checks sizes and lengths; tasks add their own checks in sample().
  void validate(const TaskConfig& config) const;
};

struct TaskInfo {
  std::string name, description;
  TaskKind kind;
  TokenizerKind tokenizer;
};

// The built-in tasks: copy, reverse, sort, dates, toy-fr, sentiment.
std::vector<TaskInfo> listTasks();
std::vector<std::string> taskNames();
// Throws attn::Error listing the valid names for an unknown one.
std::unique_ptr<Task> makeTask(const std::string& name);

}  // namespace attn::data
