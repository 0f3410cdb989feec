// What the compare view shows, and the worker that makes it from two models: model A decodes the
// sentence, model B reads A's output (teacher forcing) and decodes its own, on a thread of its
// own so the window stays responsive on long inputs and large transformers.
#pragma once

#include <QString>

#include <memory>

#include "models/model_fwd.h"
#include "runners/latest_runner.h"
#include "window/user_error.h"

namespace attn {
struct Trace;
}  // namespace attn

namespace attn::ui {

struct CompareSubject {
  std::shared_ptr<const Trace> a;        // what A attends to
  std::shared_ptr<const Trace> bForced;  // B on A's rows and columns
  std::shared_ptr<const Trace> bGreedy;  // B's own output; null when there is none (snapshots)
  QString nameA, nameB;                  // "dates-bahdanau.safetensors", "step 300"
  QString outputA, outputB;              // B's own output (or the text it read)
  QString sentence;                      // the input, empty when not typed (snapshots)
  QString unknownNote;                   // tokens one model lacks, or empty
  std::shared_ptr<const Model> modelA, modelB;  // null for snapshots: nothing to re-run
};

struct CompareJob {
  std::shared_ptr<const Model> a, b;
  QString nameA, nameB, sentence;
};

// One comparison at a time (a LatestRunner); a second one is refused while the first runs.
class CompareRunner : public LatestRunner<CompareJob, CompareSubject> {
  Q_OBJECT

 public:
  explicit CompareRunner(QObject* parent = nullptr);

  // False when one is running already. Results arrive as finished() or failed().
  bool start(std::shared_ptr<const Model> a, std::shared_ptr<const Model> b, const QString& nameA,
             const QString& nameB, const QString& sentence);
  bool isRunning() const { return isBusy(); }
  // On the calling thread, for tests and the command line. Throws attn::Error.
  static CompareSubject compareNow(std::shared_ptr<const Model> a, std::shared_ptr<const Model> b,
                                   const QString& nameA, const QString& nameB,
                                   const QString& sentence);

 signals:
  void finished(const attn::ui::CompareSubject& subject);

 private:
  void deliver(CompareSubject subject) override;
};

}  // namespace attn::ui
