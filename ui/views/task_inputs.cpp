#include "views/task_inputs.h"

#include <QCoreApplication>
#include <QStringList>

#include "data/tasks/date_formats.h"
#include "data/tasks/task.h"
#include "util/random.h"

namespace attn::ui {
namespace {

// The context of this file's strings (a free function's tr() would clash in a unity batch).
struct TaskInputs {
  Q_DECLARE_TR_FUNCTIONS(attn::ui::TaskInputs)
};

}  // namespace

QString taskInputsText(const std::string& task) {
  if (task == "dates")
    return TaskInputs::tr(
               "a date between %1 and %2 written in English or French in one of %3 ways (words "
               "or numbers, with or without the weekday, the year in full or as two digits), to "
               "its ISO form")
        .arg(data::kFirstYear)
        .arg(data::kLastYear)
        .arg(data::dateFormats().size());
  if (task == "toy-fr")
    return TaskInputs::tr(
        "short English sentences from a small vocabulary (articles, adjectives, nouns, "
        "verbs), to French with agreement and the adjective after the noun");
  if (task == "sentiment")
    return TaskInputs::tr(
        "short English review sentences, with negation, intensifiers and \"but\", to "
        "positive or negative");
  if (task == "copy") return TaskInputs::tr("sequences of symbols, to the same sequence");
  if (task == "reverse") return TaskInputs::tr("sequences of symbols, to the sequence reversed");
  if (task == "sort") return TaskInputs::tr("sequences of symbols, to the sequence sorted");
  return {};
}

QStringList taskExamples(const std::string& task, int count) {
  QStringList examples;
  try {
    const auto generator = data::makeTask(task);
    Random rng(11);
    for (int i = 0; i < count; ++i) {
      const data::Example e = generator->sample(rng, generator->defaultConfig());
      examples << QString::fromStdString(e.source) + QStringLiteral(" → ") +
                      QString::fromStdString(e.target);
    }
  } catch (const std::exception&) {
    examples.clear();  // a task name from a file made elsewhere
  }
  return examples;
}

}  // namespace attn::ui
