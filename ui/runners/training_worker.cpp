#include "runners/training_worker.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <atomic>
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
      std::lock_guard<std::mutex> lock(mutex_);
      paused_ = paused;
    }
    resume_.notify_all();
  }
  // Returns when resumed or when the run is no longer wanted. A cancel is not signalled to the
  // gate: it is seen within one poll, which keeps cancellation in one place (the runner's ticket).
  void waitWhilePaused(const RunContext& context) {
    std::unique_lock<std::mutex> lock(mutex_);
    holding_ = paused_ && context.keepGoing();
    while (paused_ && context.keepGoing()) resume_.wait_for(lock, std::chrono::milliseconds(20));
    holding_ = false;
  }
  // Whether the training thread is held now: a pause is asked for at once but takes effect at the
  // end of the step in flight, which may be long on a big model.
  bool holding() const { return holding_; }

 private:
  std::mutex mutex_;
  std::condition_variable resume_;
  bool paused_ = false;
  std::atomic<bool> holding_ = false;
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

void describeValidation(const Metrics& m, TrainingTick& tick) {
  tick.validated = true;
  QStringList parts;
  if (m.loss) {
    tick.validationLoss = *m.loss;
    parts << QCoreApplication::translate("attn::ui::TrainingWorker", "loss %1")
                 .arg(*m.loss, 0, 'f', 3);
  }
  if (m.exactMatch) {
    tick.validationScore = *m.exactMatch;
    tick.validationScoreName =
        QCoreApplication::translate("attn::ui::TrainingWorker", "exact match");
  } else if (m.accuracy) {
    tick.validationScore = *m.accuracy;
    tick.validationScoreName = QCoreApplication::translate("attn::ui::TrainingWorker", "accuracy");
  } else if (m.tokenAccuracy) {
    tick.validationScore = *m.tokenAccuracy;
    tick.validationScoreName =
        QCoreApplication::translate("attn::ui::TrainingWorker", "token accuracy");
  }
  if (!std::isnan(tick.validationScore))
    parts << tick.validationScoreName + QStringLiteral(" ") + percent(tick.validationScore);
  // On 0–1, as the model summary, the bottleneck experiment and attention-cli write it.
  if (m.bleu)
    parts << QCoreApplication::translate("attn::ui::TrainingWorker", "BLEU %1")
                 .arg(*m.bleu, 0, 'f', 3);
  tick.validationText = parts.join(QStringLiteral(" · "));
}

// One run, on the training thread: turns the trainer's progress into ticks and snapshots.
class TrainingWorker {
  Q_DECLARE_TR_FUNCTIONS(attn::ui::TrainingWorker)

 public:
  TrainingWorker(TrainingRunner* runner, const TrainingRequest& request, RunContext context,
                 PauseGate& gate)
      : runner_(runner),
        context_(std::move(context)),
        gate_(gate),
        snapshotEvery_(request.snapshotEvery),
        watch_(request.watch),
        snapshots_(std::max<int64_t>(1, request.snapshotEvery)) {}

  std::optional<std::shared_ptr<jobs::TrainingOutcome>> run(const jobs::TrainingJob& job) {
    // The model dies with the run: never read it past the run, whatever way it ends.
    struct Forget {
      const Model*& model;
      ~Forget() { model = nullptr; }
    } forget{model_};
    auto outcome = std::make_shared<jobs::TrainingOutcome>(train(
        job,
        [this](const jobs::JobProgress& p) {
          // After the last step the job measures the kept weights once more: only a cancel is
          // read there.
          return p.training ? onProgress(*p.training) : context_.keepGoing();
        },
        [this](const jobs::TrainingStart& start) {
          model_ = &start.model;
          example_ = watch_.source.empty() ? start.example : watch_;
          recordSnapshot(0, std::numeric_limits<double>::quiet_NaN());
          QStringList notes;
          for (const std::string& w : start.warnings) notes << QString::fromStdString(w);
          if (!start.filtered.empty()) notes << QString::fromStdString(start.filtered);
          context_.report([runner = runner_, notes, share = start.validationUnknownShare] {
            emit runner->dataRead(notes, share);
          });
        }));
    if (outcome->status == RunStatus::Cancelled) return std::nullopt;
    return outcome;
  }

 private:
  bool onProgress(const TrainProgress& p);
  TrainingTick tickOf(const TrainProgress& p);
  void recordSnapshot(int64_t step, double loss);

  TrainingRunner* runner_;  // only inside report(), on the GUI thread
  RunContext context_;
  PauseGate& gate_;
  int64_t snapshotEvery_;
  data::Example watch_;
  // Alignments forming: the model being trained, read between two steps on this thread only.
  const Model* model_ = nullptr;
  data::Example example_;
  SnapshotSeries snapshots_;
  AlignmentSnapshot lastValidation_;  // its validation fields only
  TrainingTick pending_;              // losses gathered since the last tick
  double lastEmit_ = -1;
};

void TrainingWorker::recordSnapshot(int64_t step, double loss) {
  if (!model_) return;
  try {
    AlignmentSnapshot s = takeSnapshot(*model_, example_, step);
    s.loss = loss;
    s.validationStep = lastValidation_.validationStep;
    s.validationScore = lastValidation_.validationScore;
    s.validationScoreName = lastValidation_.validationScoreName;
    snapshots_.add(std::move(s));
  } catch (const std::exception& e) {
    model_ = nullptr;  // an example the model cannot read: no snapshots, the training goes on
    context_.report([runner = runner_, why = QString::fromUtf8(e.what())] {
      emit runner->snapshotsStopped(why);
    });
    return;
  }
  context_.report(
      [runner = runner_, list = std::make_shared<const SnapshotList>(snapshots_.snapshots())] {
        emit runner->snapshotsChanged(list);
      });
}

TrainingTick TrainingWorker::tickOf(const TrainProgress& p) {
  TrainingTick tick = std::move(pending_);
  pending_ = TrainingTick();
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
  describeValidation(*p.validation, tick);
  return tick;
}

bool TrainingWorker::onProgress(const TrainProgress& p) {
  if (p.step == 1 && snapshotEvery_ <= 0)  // the run's length is known from its first step
    snapshots_.setInterval(snapshotInterval(p.totalSteps, 0));
  pending_.losses.emplace_back(p.step, p.loss);
  const bool last = p.totalSteps > 0 && p.step >= p.totalSteps;
  if (p.validation || last || lastEmit_ < 0 || p.elapsedSeconds - lastEmit_ >= kTickSeconds) {
    TrainingTick tick = tickOf(p);
    lastEmit_ = p.elapsedSeconds;
    if (tick.validated && !std::isnan(tick.validationScore)) {
      lastValidation_.validationStep = p.step;
      lastValidation_.validationScore = tick.validationScore;
      lastValidation_.validationScoreName = tick.validationScoreName.toStdString();
    }
    context_.report([runner = runner_, tick = std::move(tick)] { emit runner->progressed(tick); });
  }
  if (model_ && snapshots_.due(p.step, p.totalSteps)) recordSnapshot(p.step, p.smoothedLoss);
  gate_.waitWhilePaused(context_);
  return context_.keepGoing();
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
      gate_(std::make_shared<PauseGate>()) {
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
  request.snapshotEvery = snapshotEvery_;
  request.watch = watch_;
  request.gate = gate_;
  return LatestRunner::start(std::move(request));
}

bool TrainingRunner::isHeld() const {
  return gate_->holding();
}

void TrainingRunner::setPaused(bool paused) {
  paused_ = paused;
  gate_->set(paused);
}

void TrainingRunner::deliver(std::shared_ptr<jobs::TrainingOutcome> outcome) {
  emit finished(std::move(outcome));
}

}  // namespace attn::ui
