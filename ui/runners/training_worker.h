// Training off the GUI thread (a LatestRunner with one run at a time): runTraining() on the
// runner's thread reports value snapshots (TrainingTick) at most every 50 ms, so the window never
// freezes. Cancel is the runner's ticket, which the trainer's progress callback reads between
// steps; pause holds the training thread between two steps.
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "runners/latest_runner.h"
#include "teach/alignment_snapshots.h"

#include "models/model_fwd.h"

namespace attn::inline ATTN_PRECISION {
struct Metrics;
}  // namespace attn::inline ATTN_PRECISION

namespace attn::inline ATTN_PRECISION::jobs {
struct TrainingJob;
struct TrainingOutcome;
}  // namespace attn::inline ATTN_PRECISION::jobs

namespace attn::ui {

class PauseGate;

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

// A validation's numbers into `tick`: its loss and score, and the line the Training tab shows
// ("loss 0.041 · exact match 97.5% · BLEU 0.991": BLEU on 0–1, as everywhere else).
void describeValidation(const Metrics& m, TrainingTick& tick);

// One run's request: the job and what the alignment snapshots watch.
struct TrainingRequest {
  std::shared_ptr<const jobs::TrainingJob> job;
  int64_t snapshotEvery = 0;        // 0: about 50 over the run
  data::Example watch;              // an empty source: the run's held-out example
  std::shared_ptr<PauseGate> gate;  // the runner's pause switch
};

class TrainingRunner
    : public LatestRunner<TrainingRequest, std::shared_ptr<jobs::TrainingOutcome>> {
  Q_OBJECT

 public:
  explicit TrainingRunner(QObject* parent = nullptr);
  ~TrainingRunner() override;  // cancels a run and waits for it

  bool start(const jobs::TrainingJob& job);  // false if a run is already going
  void setPaused(bool paused);
  // Alignment snapshots of the example every this many steps (0: about 50 over the run).
  void setSnapshotEvery(int64_t every) { snapshotEvery_ = every; }  // before start()
  // The sentence the snapshots read (an empty source: the run's held-out example). Likewise.
  void setSnapshotExample(const data::Example& e) { watch_ = e; }
  bool isRunning() const { return isBusy(); }
  bool isPaused() const { return paused_; }
  // The run has finished its step in flight and waits: no progress comes until it resumes.
  bool isHeld() const;

 signals:
  void progressed(const attn::ui::TrainingTick& tick);
  void snapshotsChanged(std::shared_ptr<const attn::ui::SnapshotList> snapshots);
  void snapshotsStopped(const QString& why);  // the example cannot be read: training goes on
  void finished(std::shared_ptr<attn::jobs::TrainingOutcome> outcome);
  // Once the data is read and the model built: what `attention-cli train` says on stderr at that
  // point (the reader's warnings, what the filters left out), and the share of the validation
  // tokens the new vocabularies do not hold.
  void dataRead(const QStringList& notes, double validationUnknownShare);

 private:
  void deliver(std::shared_ptr<jobs::TrainingOutcome> outcome) override;

  std::shared_ptr<PauseGate> gate_;  // shared with the runs
  bool paused_ = false;
  int64_t snapshotEvery_ = 0;
  data::Example watch_;
};

}  // namespace attn::ui
