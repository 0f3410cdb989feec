#include "runners/training_worker.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>

#include "jobs/training_job.h"
#include "models/model.h"

namespace attn::ui {

// Holds the training thread between two steps while paused; the GUI thread is never blocked.
class PauseGate {
 public:
  void set(bool paused) {
    {
      std::lock_guard<std::mutex> lock(mMutex);
      mPaused = paused;
    }
    mResume.notify_all();
  }
  // Returns when resumed or when the run is no longer wanted. A cancel is not signalled to the
  // gate: it is seen within one poll, which keeps cancellation in one place (the runner's ticket).
  void waitWhilePaused(const RunContext& context) {
    std::unique_lock<std::mutex> lock(mMutex);
    while (mPaused && context.keepGoing()) mResume.wait_for(lock, std::chrono::milliseconds(20));
  }

 private:
  std::mutex mMutex;
  std::condition_variable mResume;
  bool mPaused = false;
};

namespace {

constexpr double kTickSeconds = 0.05;  // the GUI redraws at most every 40 ms anyway

QString percent(double fraction) {
  return QString::number(fraction * 100, 'f', 1) + QStringLiteral("%");
}

// The one call into the training job; everything around it only watches the run.
jobs::TrainingOutcome train(const jobs::TrainingJob& job, const jobs::JobProgressFn& progress,
                            const jobs::TrainingStartFn& ready) {
  return jobs::runTrainingJob(job, progress, ready);
}

}  // namespace

// One run, on the training thread: turns the trainer's progress into ticks and snapshots.
class TrainingWorker {
  Q_DECLARE_TR_FUNCTIONS(attn::ui::TrainingWorker)

 public:
  TrainingWorker(TrainingRunner* runner, const TrainingRequest& request, RunContext context,
                 PauseGate& gate)
      : mRunner(runner),
        mContext(std::move(context)),
        mGate(gate),
        mSnapshotEvery(request.snapshotEvery),
        mWatch(request.watch),
        mSnapshots(std::max<int64_t>(1, request.snapshotEvery)) {}

  std::optional<std::shared_ptr<jobs::TrainingOutcome>> run(const jobs::TrainingJob& job) {
    // The model dies with the run: never read it past the run, whatever way it ends.
    struct Forget {
      const Model*& model;
      ~Forget() { model = nullptr; }
    } forget{mModel};
    auto outcome = std::make_shared<jobs::TrainingOutcome>(train(
        job,
        [this](const jobs::JobProgress& p) {
          // After the last step the job measures the kept weights once more: only a cancel is
          // read there.
          return p.training ? onProgress(*p.training) : mContext.keepGoing();
        },
        [this](const jobs::TrainingStart& start) {
          mModel = &start.model;
          mExample = mWatch.source.empty() ? start.example : mWatch;
          recordSnapshot(0, std::numeric_limits<double>::quiet_NaN());
        }));
    if (outcome->status == RunStatus::Cancelled) return std::nullopt;
    return outcome;
  }

 private:
  bool onProgress(const TrainProgress& p);
  TrainingTick tickOf(const TrainProgress& p);
  void recordSnapshot(int64_t step, double loss);

  TrainingRunner* mRunner;  // only inside report(), on the GUI thread
  RunContext mContext;
  PauseGate& mGate;
  int64_t mSnapshotEvery;
  data::Example mWatch;
  // Alignments forming: the model being trained, read between two steps on this thread only.
  const Model* mModel = nullptr;
  data::Example mExample;
  SnapshotSeries mSnapshots;
  AlignmentSnapshot mLastValidation;  // its validation fields only
  TrainingTick mPending;              // losses gathered since the last tick
  double mLastEmit = -1;
};

void TrainingWorker::recordSnapshot(int64_t step, double loss) {
  if (!mModel) return;
  try {
    AlignmentSnapshot s = takeSnapshot(*mModel, mExample, step);
    s.loss = loss;
    s.validationStep = mLastValidation.validationStep;
    s.validationScore = mLastValidation.validationScore;
    s.validationScoreName = mLastValidation.validationScoreName;
    mSnapshots.add(std::move(s));
  } catch (const std::exception& e) {
    mModel = nullptr;  // an example the model cannot read: no snapshots, the training goes on
    mContext.report([runner = mRunner, why = QString::fromUtf8(e.what())] {
      emit runner->snapshotsStopped(why);
    });
    return;
  }
  mContext.report(
      [runner = mRunner, list = std::make_shared<const SnapshotList>(mSnapshots.snapshots())] {
        emit runner->snapshotsChanged(list);
      });
}

TrainingTick TrainingWorker::tickOf(const TrainProgress& p) {
  TrainingTick tick = std::move(mPending);
  mPending = TrainingTick();
  tick.step = p.step;
  tick.totalSteps = p.totalSteps;
  tick.epoch = p.epoch;
  tick.loss = p.loss;
  tick.smoothedLoss = p.smoothedLoss;
  tick.lr = p.lr;
  tick.elapsedSeconds = p.elapsedSeconds;
  tick.etaSeconds = p.etaSeconds;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  tick.validationLoss = nan;
  tick.validationScore = nan;
  if (!p.validation) return tick;
  const Metrics& m = *p.validation;
  tick.validated = true;
  QStringList parts;
  if (m.loss) {
    tick.validationLoss = *m.loss;
    parts << tr("loss %1").arg(*m.loss, 0, 'f', 3);
  }
  if (m.exactMatch) {
    tick.validationScore = *m.exactMatch;
    tick.validationScoreName = tr("exact match");
  } else if (m.accuracy) {
    tick.validationScore = *m.accuracy;
    tick.validationScoreName = tr("accuracy");
  } else if (m.tokenAccuracy) {
    tick.validationScore = *m.tokenAccuracy;
    tick.validationScoreName = tr("token accuracy");
  }
  if (!std::isnan(tick.validationScore))
    parts << tick.validationScoreName + QStringLiteral(" ") + percent(tick.validationScore);
  if (m.bleu) parts << tr("BLEU %1").arg(*m.bleu * 100, 0, 'f', 1);
  tick.validationText = parts.join(QStringLiteral(" · "));
  return tick;
}

bool TrainingWorker::onProgress(const TrainProgress& p) {
  if (p.step == 1 && mSnapshotEvery <= 0)  // the run's length is known from its first step
    mSnapshots.setInterval(snapshotInterval(p.totalSteps, 0));
  mPending.losses.emplace_back(p.step, p.loss);
  const bool last = p.totalSteps > 0 && p.step >= p.totalSteps;
  if (p.validation || last || mLastEmit < 0 || p.elapsedSeconds - mLastEmit >= kTickSeconds) {
    TrainingTick tick = tickOf(p);
    mLastEmit = p.elapsedSeconds;
    if (tick.validated && !std::isnan(tick.validationScore)) {
      mLastValidation.validationStep = p.step;
      mLastValidation.validationScore = tick.validationScore;
      mLastValidation.validationScoreName = tick.validationScoreName.toStdString();
    }
    mContext.report([runner = mRunner, tick = std::move(tick)] { emit runner->progressed(tick); });
  }
  if (mModel && mSnapshots.due(p.step, p.totalSteps)) recordSnapshot(p.step, p.smoothedLoss);
  mGate.waitWhilePaused(mContext);
  return mContext.keepGoing();
}

TrainingRunner::TrainingRunner(QObject* parent)
    : LatestRunner(
          QStringLiteral("training"), Policy::OneAtATime, TrainingWorker::tr("Training"),
          TrainingWorker::tr(
              "Check the data source and the settings in the form, then start again."),
          [this](const TrainingRequest& request, const RunContext& context) {
            return TrainingWorker(this, request, context, *request.gate).run(*request.job);
          },
          parent),
      mGate(std::make_shared<PauseGate>()) {
  qRegisterMetaType<TrainingTick>();
  qRegisterMetaType<std::shared_ptr<const SnapshotList>>();
  qRegisterMetaType<std::shared_ptr<jobs::TrainingOutcome>>();
}

TrainingRunner::~TrainingRunner() = default;  // LatestRunner cancels, and a paused run sees it

bool TrainingRunner::start(const jobs::TrainingJob& job) {
  if (isBusy()) return false;
  setPaused(false);
  TrainingRequest request;
  request.job = std::make_shared<const jobs::TrainingJob>(job);
  request.snapshotEvery = mSnapshotEvery;
  request.watch = mWatch;
  request.gate = mGate;
  return LatestRunner::start(std::move(request));
}

void TrainingRunner::setPaused(bool paused) {
  mPaused = paused;
  mGate->set(paused);
}

void TrainingRunner::deliver(std::shared_ptr<jobs::TrainingOutcome> outcome) {
  emit finished(std::move(outcome));
}

}  // namespace attn::ui
