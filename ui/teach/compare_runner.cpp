#include "teach/compare_runner.h"

#include <QStringList>

#include "explain/compare.h"
#include "models/model.h"

namespace attn::ui {
namespace {

QString unknownTokens(const std::vector<std::string>& tokens, const std::vector<int>& positions) {
  QStringList words;
  for (int p : positions)
    if (p >= 0 && p < int(tokens.size())) words << QString::fromStdString(tokens[size_t(p)]);
  return words.join(QStringLiteral(", "));
}

}  // namespace

CompareRunner::CompareRunner(QObject* parent)
    : LatestRunner(
          QStringLiteral("compare"), Policy::OneAtATime, tr("Compare models"),
          tr("Compare two models of the same task (they must read the sentence "
             "as the same tokens), on a sentence model A can decode."),
          [](const CompareJob& job, const RunContext&) -> std::optional<CompareSubject> {
            return compareNow(job.a, job.b, job.nameA, job.nameB, job.sentence);
          },
          parent) {
  qRegisterMetaType<CompareSubject>();
}

CompareSubject CompareRunner::compareNow(std::shared_ptr<const Model> a,
                                         std::shared_ptr<const Model> b, const QString& nameA,
                                         const QString& nameB, const QString& sentence) {
  const ModelComparison c = compareModels(*a, *b, sentence.toStdString());
  CompareSubject s;
  s.a = std::make_shared<const Trace>(c.a.trace);
  s.bForced = std::make_shared<const Trace>(c.bForced.trace);
  s.bGreedy = std::make_shared<const Trace>(c.bGreedy.trace);
  s.nameA = nameA;
  s.nameB = nameB;
  s.outputA = QString::fromStdString(c.a.output);
  s.outputB = QString::fromStdString(c.bGreedy.output);
  s.sentence = sentence;
  QStringList notes;
  if (const QString w = unknownTokens(c.a.trace.sourceTokens, c.a.unknownSource); !w.isEmpty())
    notes << QObject::tr("A does not know %1").arg(w);
  if (const QString w = unknownTokens(c.bGreedy.trace.sourceTokens, c.bGreedy.unknownSource);
      !w.isEmpty())
    notes << QObject::tr("B does not know %1").arg(w);
  if (const QString w = unknownTokens(c.bForced.trace.targetTokens, c.bForced.unknownTarget);
      !w.isEmpty())
    notes << QObject::tr("B reads A's %1 as <unk>").arg(w);
  s.unknownNote = notes.join(QStringLiteral("; "));
  s.modelA = std::move(a);
  s.modelB = std::move(b);
  return s;
}

bool CompareRunner::start(std::shared_ptr<const Model> a, std::shared_ptr<const Model> b,
                          const QString& nameA, const QString& nameB, const QString& sentence) {
  return LatestRunner::start(CompareJob{std::move(a), std::move(b), nameA, nameB, sentence});
}

void CompareRunner::deliver(CompareSubject subject) {
  emit finished(subject);
}

}  // namespace attn::ui
