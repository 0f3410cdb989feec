// The bottleneck experiment off the GUI thread: a worker on its own QThread runs
// runBottleneck() and reports value snapshots of its progress at most every 50 ms; cancel is an
// atomic the experiment's progress callback reads between steps.
#pragma once

#include <QMetaType>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

#include "experiment/bottleneck.h"
#include "window/user_error.h"

namespace attn::ui {

class BottleneckWorker : public QObject {
  Q_OBJECT

 public:
  void prepare() { mCancel = false; }
  void requestCancel() { mCancel = true; }
  void run(attn::experiment::BottleneckSettings settings);

 signals:
  void progressed(attn::experiment::BottleneckProgress progress);
  void finished(std::shared_ptr<const attn::experiment::BottleneckResult> result);
  void cancelled();
  void failed(attn::ui::UserError error);

 private:
  std::atomic<bool> mCancel{false};
};

// Owns the thread and the worker; one run at a time.
class BottleneckRunner : public QObject {
  Q_OBJECT

 public:
  explicit BottleneckRunner(QObject* parent = nullptr);
  ~BottleneckRunner() override;  // cancels a run and waits for it

  bool start(const attn::experiment::BottleneckSettings& settings);  // false while one runs
  void cancel();
  bool isRunning() const { return mRunning; }

 signals:
  void progressed(const attn::experiment::BottleneckProgress& progress);
  void finished(std::shared_ptr<const attn::experiment::BottleneckResult> result);
  void cancelled();
  void failed(const attn::ui::UserError& error);
  void runningChanged(bool running);
  void requested(attn::experiment::BottleneckSettings settings);  // to the worker

 private:
  void setRunning(bool running);

  QThread mThread;
  BottleneckWorker* mWorker;
  bool mRunning = false;
};

}  // namespace attn::ui

Q_DECLARE_METATYPE(attn::experiment::BottleneckSettings)
Q_DECLARE_METATYPE(attn::experiment::BottleneckProgress)
Q_DECLARE_METATYPE(std::shared_ptr<const attn::experiment::BottleneckResult>)
