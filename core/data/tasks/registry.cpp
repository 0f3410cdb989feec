// The list of built-in tasks (declared in task.h): the one place that knows them all.
#include <functional>

#include "data/tasks/dates_task.h"
#include "data/tasks/sentiment_task.h"
#include "data/tasks/symbol_tasks.h"
#include "data/tasks/task.h"
#include "data/tasks/toyfr_task.h"
#include "util/check.h"

namespace attn::data {

namespace {

struct Entry {
  const char* name;
  std::function<std::unique_ptr<Task>()> make;
};

const std::vector<Entry>& entries() {
  static const std::vector<Entry> k{
      {"copy", [] { return makeSymbolTask(SymbolTaskKind::Copy); }},
      {"reverse", [] { return makeSymbolTask(SymbolTaskKind::Reverse); }},
      {"sort", [] { return makeSymbolTask(SymbolTaskKind::Sort); }},
      {"dates", makeDatesTask},
      {"toy-fr", makeToyFrTask},
      {"sentiment", makeSentimentTask},
  };
  return k;
}

}  // namespace

std::vector<std::string> taskNames() {
  std::vector<std::string> names;
  for (const Entry& e : entries()) names.emplace_back(e.name);
  return names;
}

std::vector<TaskInfo> listTasks() {
  std::vector<TaskInfo> out;
  for (const Entry& e : entries()) {
    const auto task = e.make();
    out.push_back({task->name(), task->description(), task->kind(), task->tokenizer()});
  }
  return out;
}

std::unique_ptr<Task> makeTask(const std::string& name) {
  std::string names;
  for (const Entry& e : entries()) {
    if (name == e.name) return e.make();
    names += (names.empty() ? "" : ", ") + std::string(e.name);
  }
  throw Error("unknown task \"" + name + "\"; the built-in tasks are: " + names);
}

}  // namespace attn::data
