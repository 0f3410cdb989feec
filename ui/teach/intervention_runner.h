// Decoding again under an intervention, off the GUI thread (as DecodeRunner decodes): a worker
// on its own QThread decodes the sentence greedily twice, as the model computes it and with the
// intervention, and sends both back as one immutable snapshot. A newer request supersedes an
// older one, which stops at its next step.
#pragma once

#include <QMetaType>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "explain/intervention.h"
#include "runners/decode_runner.h"  // declares the metatype of std::shared_ptr<const Model>
#include "window/user_error.h"

namespace attn::ui {

struct InterventionRun {
  std::string sentence;
  Intervention intervention;
  DecodeResult before;  // greedy, untouched
  DecodeResult after;   // greedy, with the intervention
};

struct InterventionRequest {
  std::string sentence;
  Intervention intervention;
  int topK = 5;
};

// Both decodes on the calling thread; `keepGoing` is asked before every step. Throws
// attn::Error (bad sentence or intervention) and attn::Cancelled.
InterventionRun runIntervention(const Model& model, const InterventionRequest& request,
                                const std::function<bool()>& keepGoing = {});

class InterventionWorker : public QObject {
  Q_OBJECT

 public:
  explicit InterventionWorker(std::shared_ptr<std::atomic<quint64>> wanted)
      : mWanted(std::move(wanted)) {}
  void run(quint64 ticket, std::shared_ptr<const attn::Model> model,
           attn::ui::InterventionRequest request);

 signals:
  void done(quint64 ticket, std::shared_ptr<const attn::ui::InterventionRun> run);
  void failed(quint64 ticket, attn::ui::UserError error);
  void cancelled(quint64 ticket);

 private:
  std::shared_ptr<std::atomic<quint64>> mWanted;
};

class InterventionRunner : public QObject {
  Q_OBJECT

 public:
  explicit InterventionRunner(QObject* parent = nullptr);
  ~InterventionRunner() override;  // stops the run in progress and the thread

  void start(std::shared_ptr<const Model> model, const InterventionRequest& request);
  bool isBusy() const { return mLatest != mDone; }

 signals:
  void finished(std::shared_ptr<const attn::ui::InterventionRun> run);
  void failed(attn::ui::UserError error);
  void busyChanged(bool busy);
  void requested(quint64 ticket, std::shared_ptr<const attn::Model> model,
                 attn::ui::InterventionRequest request);  // to the worker

 private:
  void settle(quint64 ticket);

  std::shared_ptr<std::atomic<quint64>> mWanted = std::make_shared<std::atomic<quint64>>(0);
  QThread mThread;
  quint64 mLatest = 0;
  quint64 mDone = 0;
};

}  // namespace attn::ui

Q_DECLARE_METATYPE(attn::ui::InterventionRequest)
Q_DECLARE_METATYPE(std::shared_ptr<const attn::ui::InterventionRun>)
