// Saliency off the GUI thread: a worker on its own QThread differentiates the model once per
// output step of a trace (core/explain/saliency.h) and sends back every step's numbers, so the
// view follows the step without waiting. A typical sentence takes 0.1–0.3 ms a step, but a
// 300-character date takes ~35 ms a step (the RNN reads the whole source for each one), so a
// trace can take most of a second: too long for the GUI thread. A newer request supersedes an
// older one, which stops at its next step.
//
// The worker differentiates its own copy of the model (gradientCopy): the backward pass writes
// parameter gradients, and the model on screen is shared read-only with the decoding thread.
#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

#include "explain/saliency.h"

namespace attn::ui {

struct SaliencyResult {
  std::shared_ptr<const Trace> trace;  // the trace the numbers are for
  SaliencyOf of = SaliencyOf::LogProb;
  std::vector<TokenSaliency> steps;  // one per output step
  double milliseconds = 0;           // the whole computation, every step
};

class SaliencyWorker : public QObject {
  Q_OBJECT

 public:
  explicit SaliencyWorker(std::shared_ptr<std::atomic<quint64>> wanted)
      : mWanted(std::move(wanted)) {}
  void compute(quint64 ticket, std::shared_ptr<const attn::Model> model,
               std::shared_ptr<const attn::Trace> trace, int of);

 signals:
  void computed(quint64 ticket, std::shared_ptr<const attn::ui::SaliencyResult> result);
  void failed(quint64 ticket, QString message);

 private:
  std::shared_ptr<std::atomic<quint64>> mWanted;
  std::shared_ptr<const Model> mModel;  // the model mCopy was made from (kept: its address)
  std::unique_ptr<Model> mCopy;
};

class SaliencyRunner : public QObject {
  Q_OBJECT

 public:
  explicit SaliencyRunner(QObject* parent = nullptr);
  ~SaliencyRunner() override;  // stops the thread after the step in progress

  void start(std::shared_ptr<const Model> model, std::shared_ptr<const Trace> trace, SaliencyOf of);
  void cancel();  // the answer of the run in progress is dropped
  bool isBusy() const { return mLatest != mDone; }

  // On the calling thread, every step, checking `keepGoing` between steps (nullptr: never
  // stops). Throws attn::Error as traceSaliency() does; returns null when stopped.
  static std::shared_ptr<const SaliencyResult> computeNow(
      const Model& model, std::shared_ptr<const Trace> trace, SaliencyOf of,
      const std::function<bool()>& keepGoing = nullptr);

 signals:
  void finished(std::shared_ptr<const attn::ui::SaliencyResult> result);
  void failed(const QString& message);
  void requested(quint64 ticket, std::shared_ptr<const attn::Model> model,
                 std::shared_ptr<const attn::Trace> trace, int of);  // to the worker

 private:
  std::shared_ptr<std::atomic<quint64>> mWanted = std::make_shared<std::atomic<quint64>>(0);
  QThread mThread;
  SaliencyWorker* mWorker;  // lives on mThread, deleted when it finishes
  quint64 mLatest = 0;
  quint64 mDone = 0;
};

}  // namespace attn::ui
