#include "documents/bundled_models.h"

#include <QDir>
#include <QFileInfo>

#include "data/tasks/task.h"
#include "models/model.h"
#include "util/data_folders.h"
#include "util/random.h"

namespace attn::ui {

QStringList bundledModelDirs() {
  QStringList dirs;
  const QString fromEnv = qEnvironmentVariable("ATTN_MODELS_DIR");
  if (!fromEnv.isEmpty()) dirs << fromEnv;
  for (const std::string& dir : bundledDataFolders("models")) dirs << QString::fromStdString(dir);
  return dirs;
}

QList<BundledModel> findBundledModels() {
  QList<BundledModel> models;
  for (const QString& dir : bundledModelDirs()) {
    const QDir d(dir);
    if (!d.exists()) continue;
    const QFileInfoList files =
        d.entryInfoList({QStringLiteral("*.safetensors")}, QDir::Files, QDir::Name);
    for (const QFileInfo& f : files) {
      QString name = f.completeBaseName();
      name.replace(QLatin1Char('_'), QLatin1Char(' '));
      models.append({f.absoluteFilePath(), name});
    }
    if (!models.isEmpty()) break;  // one folder: a build tree and an install never mix
  }
  return models;
}

namespace {

// The first sentence shown for a model of each task the app ships a model for: typical of the
// task's training data, and one the bundled model decodes right (tests/ui/first_sentence_test.cpp
// decodes each). A sentence drawn at random can fall on a format the model gets wrong (the
// dates model read "Oct 3, 25" as 2025-10-23), which is not what a first screen should show.
const char* firstSentenceOfTask(const std::string& task) {
  if (task == "dates") return "21 November 2026";  // 2026-11-21: the year moves to the front
  if (task == "toy-fr") return "the black cat sees the green car";  // adjectives move, agree
  if (task == "sentiment") return "the plot was good but the actors were not funny";  // "but"
  return nullptr;
}

}  // namespace

QString exampleInputFor(const Model& model) {
  if (model.training.is_object()) {
    auto example = model.training.find("example");
    if (example != model.training.end() && example->is_string())
      return QString::fromStdString(example->get<std::string>());
    auto task = model.training.find("task");
    if (task != model.training.end() && task->is_string()) {
      if (const char* first = firstSentenceOfTask(task->get<std::string>()))
        return QString::fromUtf8(first);
      try {
        const auto generator = data::makeTask(task->get<std::string>());
        Random rng(7);
        return QString::fromStdString(generator->sample(rng, generator->defaultConfig()).source);
      } catch (const std::exception&) {
        // An unknown task name in a file from elsewhere: fall back to the vocabulary.
      }
    }
  }
  std::vector<std::string> words;
  const auto& tokens = model.srcVocab.toList();
  for (size_t i = data::Vocabulary::kSpecialCount; i < tokens.size() && words.size() < 5; ++i)
    words.push_back(tokens[i]);
  return QString::fromStdString(data::detokenize(words, model.tokenizer));
}

}  // namespace attn::ui
