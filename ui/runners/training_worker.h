// Training off the GUI thread: a worker object on its own QThread runs runTraining() and reports
// value snapshots (TrainingTick) at most every 50 ms, so the window never freezes. Pause and
// cancel are atomics the trainer's progress callback reads between steps.
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "models/model_fwd.h"
#include "teach/alignment_snapshots.h"
#include "window/user_error.h"

namespace attn::ui {

struct TrainingJob;
struct TrainingOutcome;

// What the training thread reports, copied: never a pointer into the model being trained.
struct TrainingTick {
  int64_t step = 0, totalSteps = 0, epoch = 0;
  double loss = 0, smoothedLoss = 0, lr = 0, elapsedSeconds = 0, etaSeconds = 0;
  std::vector<std::pair<int64_t, double>> losses;  // every step's loss since the previous tick
  bool validated = false;                          // this tick carries a validation
  double validationLoss = 0;                       // NaN when not measured
  double validationScore = 0;  // exact match or accuracy, in [0, 1]; NaN if none
  QString validationScoreName;
  QString validationText;  // "loss 0.41 · exact match 62%"
};

class TrainingWorker : public QObject {
  Q_OBJECT

 public:
  // Called from the GUI thread: prepare() before queuing run(), the others while it runs.
  void prepare();
  void requestCancel();
  void setPaused(bool paused);
  // Alignment snapshots of the example every this many steps (0: about 50 over the run).
  void setSnapshotEvery(int64_t every) { mSnapshotEvery = every; }
  // The sentence the snapshots read (an empty source: the run's held-out example). Before run().
  void setSnapshotExample(const data::Example& example) { mWatch = example; }

  void run(std::shared_ptr<const attn::ui::TrainingJob> job);

 signals:
  void progressed(attn::ui::TrainingTick tick);
  void snapshotsChanged(std::shared_ptr<const attn::ui::SnapshotList> snapshots);
  void snapshotsStopped(QString why);  // the example cannot be read: training goes on without
  void finished(std::shared_ptr<attn::ui::TrainingOutcome> outcome);
  void cancelled();
  void failed(attn::ui::UserError error);

 private:
  bool onProgress(const void* progress);  // the trainer's callback (a TrainProgress)
  void recordSnapshot(int64_t step, double loss);

  // Alignments forming: the model being trained, read between two steps on this thread only.
  std::atomic<int64_t> mSnapshotEvery{0};
  const Model* mModel = nullptr;
  data::Example mExample;
  data::Example mWatch;
  SnapshotSeries mSnapshots;
  AlignmentSnapshot mLastValidation;  // its validation fields only

  std::atomic<bool> mCancel{false};
  std::atomic<bool> mPaused{false};
  std::mutex mPauseMutex;
  std::condition_variable mResume;
  TrainingTick mPending;  // losses gathered since the last tick
  double mLastEmit = -1;
};

// Owns the thread and the worker; one run at a time.
class TrainingRunner : public QObject {
  Q_OBJECT

 public:
  explicit TrainingRunner(QObject* parent = nullptr);
  ~TrainingRunner() override;  // cancels a run and waits for it

  bool start(const TrainingJob& job);  // false if a run is already going
  void cancel();
  void setPaused(bool paused);
  void setSnapshotEvery(int64_t every) { mWorker->setSnapshotEvery(every); }  // before start()
  void setSnapshotExample(const data::Example& e) { mWorker->setSnapshotExample(e); }  // likewise
  bool isRunning() const { return mRunning; }
  bool isPaused() const { return mPaused; }
  TrainingWorker* worker() const { return mWorker; }  // lives on the training thread

 signals:
  void progressed(const attn::ui::TrainingTick& tick);
  void snapshotsChanged(std::shared_ptr<const attn::ui::SnapshotList> snapshots);
  void snapshotsStopped(const QString& why);
  void finished(std::shared_ptr<attn::ui::TrainingOutcome> outcome);
  void cancelled();
  void failed(const attn::ui::UserError& error);
  void runningChanged(bool running);
  void requested(std::shared_ptr<const attn::ui::TrainingJob> job);  // to the worker

 private:
  void setRunning(bool running);

  QThread mThread;
  TrainingWorker* mWorker;
  bool mRunning = false;
  bool mPaused = false;
};

}  // namespace attn::ui

Q_DECLARE_METATYPE(attn::ui::TrainingTick)
Q_DECLARE_METATYPE(std::shared_ptr<const attn::ui::SnapshotList>)
Q_DECLARE_METATYPE(std::shared_ptr<attn::ui::TrainingOutcome>)
Q_DECLARE_METATYPE(std::shared_ptr<const attn::ui::TrainingJob>)
