#include "runners/training_worker.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "jobs/training_job.h"
#include "models/model.h"

namespace attn::ui {
namespace {

constexpr double kTickSeconds = 0.05;  // the GUI redraws at most every 40 ms anyway

QString percent(double fraction) {
  return QString::number(fraction * 100, 'f', 1) + QStringLiteral("%");
}

}  // namespace

void TrainingWorker::requestCancel() {
  mCancel = true;
  mResume.notify_all();
}

void TrainingWorker::setPaused(bool paused) {
  mPaused = paused;
  mResume.notify_all();
}

void TrainingWorker::prepare() {
  mCancel = false;
  mPaused = false;
}

void TrainingWorker::run(std::shared_ptr<const jobs::TrainingJob> job) {
  mPending = TrainingTick();
  mLastEmit = -1;
  mModel = nullptr;
  mSnapshots = SnapshotSeries(std::max<int64_t>(1, mSnapshotEvery));
  mLastValidation = AlignmentSnapshot();
  // A cancelled run's model dies with runTrainingJob(): never read it past the run.
  struct Forget {
    const Model*& model;
    ~Forget() { model = nullptr; }
  } forget{mModel};
  try {
    auto outcome = std::make_shared<jobs::TrainingOutcome>(jobs::runTrainingJob(
        *job,
        [this](const jobs::JobProgress& p) {
          // After the last step the job measures the kept weights once more: only a cancel is
          // read there.
          return p.training ? onProgress(p.training) : !mCancel;
        },
        [this](const jobs::TrainingStart& start) {
          mModel = &start.model;
          mExample = mWatch.source.empty() ? start.example : mWatch;
          recordSnapshot(0, std::numeric_limits<double>::quiet_NaN());
        }));
    if (outcome->status == RunStatus::Cancelled || mCancel) {
      emit cancelled();
    } else {
      emit finished(std::move(outcome));
    }
  } catch (const std::exception& e) {
    if (mCancel) {
      emit cancelled();
      return;
    }
    emit failed(
        errorFrom(e, tr("Training"),
                  tr("Check the data source and the settings in the form, then start again.")));
  }
}

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
    emit snapshotsStopped(QString::fromUtf8(e.what()));
    return;
  }
  emit snapshotsChanged(std::make_shared<const SnapshotList>(mSnapshots.snapshots()));
}

bool TrainingWorker::onProgress(const void* progress) {
  const TrainProgress& p = *static_cast<const TrainProgress*>(progress);
  if (p.step == 1 && mSnapshotEvery <= 0)  // the run's length is known from its first step
    mSnapshots.setInterval(snapshotInterval(p.totalSteps, 0));
  mPending.losses.emplace_back(p.step, p.loss);
  const bool last = p.totalSteps > 0 && p.step >= p.totalSteps;
  if (p.validation || last || mLastEmit < 0 || p.elapsedSeconds - mLastEmit >= kTickSeconds) {
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
    if (p.validation) {
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
    }
    mLastEmit = p.elapsedSeconds;
    emit progressed(tick);
    if (tick.validated && !std::isnan(tick.validationScore)) {
      mLastValidation.validationStep = p.step;
      mLastValidation.validationScore = tick.validationScore;
      mLastValidation.validationScoreName = tick.validationScoreName.toStdString();
    }
  }
  if (mModel && mSnapshots.due(p.step, p.totalSteps)) recordSnapshot(p.step, p.smoothedLoss);
  // Paused: hold the training thread here, between two steps; the GUI thread is never blocked.
  if (mPaused && !mCancel) {
    std::unique_lock<std::mutex> lock(mPauseMutex);
    mResume.wait(lock, [this] { return !mPaused || mCancel; });
  }
  return !mCancel;
}

TrainingRunner::TrainingRunner(QObject* parent) : QObject(parent), mWorker(new TrainingWorker) {
  qRegisterMetaType<TrainingTick>();
  qRegisterMetaType<std::shared_ptr<const SnapshotList>>();
  qRegisterMetaType<std::shared_ptr<jobs::TrainingOutcome>>();
  qRegisterMetaType<std::shared_ptr<const jobs::TrainingJob>>();
  qRegisterMetaType<UserError>();
  mThread.setObjectName(QStringLiteral("training"));
  mWorker->moveToThread(&mThread);
  connect(&mThread, &QThread::finished, mWorker, &QObject::deleteLater);
  connect(this, &TrainingRunner::requested, mWorker, &TrainingWorker::run);
  connect(mWorker, &TrainingWorker::progressed, this, &TrainingRunner::progressed);
  connect(mWorker, &TrainingWorker::snapshotsChanged, this, &TrainingRunner::snapshotsChanged);
  connect(mWorker, &TrainingWorker::snapshotsStopped, this, &TrainingRunner::snapshotsStopped);
  connect(mWorker, &TrainingWorker::finished, this,
          [this](std::shared_ptr<jobs::TrainingOutcome> outcome) {
            setRunning(false);
            emit finished(std::move(outcome));
          });
  connect(mWorker, &TrainingWorker::cancelled, this, [this] {
    setRunning(false);
    emit cancelled();
  });
  connect(mWorker, &TrainingWorker::failed, this, [this](const UserError& error) {
    setRunning(false);
    emit failed(error);
  });
  mThread.start();
}

TrainingRunner::~TrainingRunner() {
  mWorker->requestCancel();
  mThread.quit();
  mThread.wait();
}

bool TrainingRunner::start(const jobs::TrainingJob& job) {
  if (mRunning) return false;
  mPaused = false;
  mWorker->prepare();  // here, not in run(): a cancel clicked before run() starts must hold
  setRunning(true);
  emit requested(std::make_shared<const jobs::TrainingJob>(job));
  return true;
}

void TrainingRunner::cancel() {
  if (mRunning) mWorker->requestCancel();
}

void TrainingRunner::setPaused(bool paused) {
  mPaused = paused;
  mWorker->setPaused(paused);
}

void TrainingRunner::setRunning(bool running) {
  if (running == mRunning) return;
  mRunning = running;
  emit runningChanged(running);
}

}  // namespace attn::ui
