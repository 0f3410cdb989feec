// Saliency off the GUI thread: a worker on its own QThread differentiates the model once per
// output step of a trace (core/explain/saliency.h) and sends back every step's numbers, so the
// view follows the step without waiting. Measured on the bundled models (2 shared cores): a
// sentence of 5–15 tokens takes 0.1–0.7 ms a step, under 10 ms for the whole trace, but a
// 241-word source through the transformer takes ~75 ms for its 20 steps (up to 13 ms a step),
// more than the GUI thread can spare. A newer request supersedes an older one, which stops at
// its next step.
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
