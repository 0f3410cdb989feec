#include "panels/training_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

#include "documents/settings.h"
#include "jobs/training_job.h"
#include "models/model.h"
#include "panels/train_config_form.h"
#include "runners/training_worker.h"
#include "teach/alignment_forming_view.h"
#include "views/loss_plot.h"

namespace attn::ui {
namespace {

QString duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("–");
  const long s = std::lround(seconds);
  if (s >= 3600)
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
  return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

TrainingPanel::TrainingPanel(const Settings* settings, QWidget* parent)
    : QWidget(parent),
      mForm(new TrainConfigForm(this)),
      mPlot(new LossPlot(this)),
      mForming(new AlignmentFormingView(this)),
      mProgress(new QProgressBar(this)),
      mStart(new QPushButton(tr("Start training"), this)),
      mPause(new QPushButton(tr("Pause"), this)),
      mCancel(new QPushButton(tr("Cancel"), this)),
      mStatus(new QLabel(this)),
      mValidation(new QLabel(this)),
      mRunner(new TrainingRunner(this)) {
  mStart->setObjectName(QStringLiteral("startTraining"));
  mPause->setObjectName(QStringLiteral("pauseTraining"));
  mCancel->setObjectName(QStringLiteral("cancelTraining"));
  mStatus->setObjectName(QStringLiteral("trainingStatus"));
  mPause->setCheckable(true);
  mPause->setEnabled(false);
  mCancel->setEnabled(false);
  mProgress->setRange(0, 1000);
  mProgress->setValue(0);
  mProgress->setFormat(tr("not started"));
  mProgress->setTextVisible(true);
  mStatus->setWordWrap(true);
  mValidation->setWordWrap(true);
  mStatus->setText(
      tr("Choose the data, the model and the settings on the left, then start. "
         "Training runs in the background: the rest of the app stays usable."));

  auto* scroll = new QScrollArea(this);
  scroll->setWidget(mForm);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);

  auto* right = new QWidget(this);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(mStart);
  buttons->addWidget(mPause);
  buttons->addWidget(mCancel);
  buttons->addStretch(1);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->addLayout(buttons);
  rightLayout->addWidget(mProgress);
  rightLayout->addWidget(mStatus);
  rightLayout->addWidget(mValidation);
  // The curves, and next to them the example's attention as the run goes (teach/).
  auto* views = new QTabWidget(right);
  views->setObjectName(QStringLiteral("trainingViews"));
  views->setDocumentMode(true);
  views->addTab(mPlot, tr("Loss and validation"));
  views->addTab(mForming, tr("Alignment forming"));
  views->setTabToolTip(1, tr("The attention on one held-out example, kept every few steps"));
  rightLayout->addWidget(views, 1);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(scroll);
  splitter->addWidget(right);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({mForm->minimumSizeHint().width() + 20, 320});
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(mStart, &QPushButton::clicked, this, [this] { start(); });
  connect(mPause, &QPushButton::toggled, this, &TrainingPanel::setPaused);
  connect(mCancel, &QPushButton::clicked, this, &TrainingPanel::cancel);
  connect(mRunner, &TrainingRunner::progressed, this, &TrainingPanel::onTick);
  connect(mRunner, &TrainingRunner::snapshotsChanged, mForming,
          &AlignmentFormingView::setSnapshots);
  connect(mRunner, &TrainingRunner::snapshotsStopped, mForming, &AlignmentFormingView::showProblem);
  connect(mRunner, &TrainingRunner::finished, this, &TrainingPanel::onFinished);
  connect(mRunner, &TrainingRunner::busyChanged, this, &TrainingPanel::onRunningChanged);
  connect(mRunner, &TrainingRunner::cancelled, this, [this] {
    mStatus->setText(tr("Cancelled. The partly trained model was discarded."));
    mProgress->setFormat(tr("Cancelled"));
    emit status(tr("Cancelled"));
  });
  connect(mRunner, &TrainingRunner::failed, this, [this](const UserError& error) {
    mStatus->setText(tr("Training stopped: %1").arg(error.what));
    mProgress->setFormat(tr("failed"));
    emit failed(error);
  });
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { mForming->setColourMap(map); });
}

TrainingPanel::~TrainingPanel() = default;

bool TrainingPanel::isRunning() const {
  return mRunner->isRunning();
}

bool TrainingPanel::start() {
  if (mRunner->isRunning()) return false;
  if (const QString problem = mForm->problem(); !problem.isEmpty()) {
    emit failed({tr("Training"), problem, tr("Fix the form on the left, then start again.")});
    return false;
  }
  mPlot->clear();
  mTicks = 0;
  mValidation->clear();
  mProgress->setValue(0);
  mProgress->setFormat(tr("preparing the data…"));
  mStatus->setText(tr("Generating the data and building the model…"));
  mForming->clear();
  mRunner->setSnapshotEvery(mForming->snapshotEvery());
  mRunner->setSnapshotExample(mForming->watchedExample());
  mRunner->start(mForm->job());
  emit status(tr("Training started"));
  return true;
}

void TrainingPanel::cancel() {
  if (!mRunner->isRunning()) return;
  mStatus->setText(tr("Cancelling after the current step…"));
  mRunner->cancel();
}

void TrainingPanel::setPaused(bool paused) {
  mRunner->setPaused(paused);
  mPause->setChecked(paused);
  mPause->setText(paused ? tr("Resume") : tr("Pause"));
  if (mRunner->isRunning()) {
    mStatus->setText(paused ? tr("Paused: the training thread waits between two steps.")
                            : tr("Training…"));
    emit status(paused ? tr("Training paused") : tr("Training resumed"));
  }
}

void TrainingPanel::onTick(const TrainingTick& tick) {
  ++mTicks;
  mPlot->addTick(tick);
  if (tick.totalSteps > 0) {
    mProgress->setValue(int(1000.0 * double(tick.step) / double(tick.totalSteps)));
    mProgress->setFormat(tr("%p% · step %1 of %2 · %3 left")
                             .arg(tick.step)
                             .arg(tick.totalSteps)
                             .arg(duration(tick.etaSeconds)));
  }
  if (!mRunner->isPaused())
    mStatus->setText(tr("Training… loss %1 (moving average %2), learning rate %3, epoch %4")
                         .arg(tick.loss, 0, 'f', 3)
                         .arg(tick.smoothedLoss, 0, 'f', 3)
                         .arg(tick.lr, 0, 'g', 3)
                         .arg(tick.epoch + 1));
  if (tick.validated)
    mValidation->setText(tr("Validation at step %1: %2").arg(tick.step).arg(tick.validationText));
}

void TrainingPanel::onFinished(std::shared_ptr<jobs::TrainingOutcome> outcome) {
  const TrainResult& r = outcome->result;
  QString text = tr("Done: %1 steps in %2.").arg(r.steps).arg(duration(r.seconds));
  if (r.bestStep >= 0) {
    QStringList parts;
    if (r.best.exactMatch) parts << tr("exact match %1%").arg(*r.best.exactMatch * 100, 0, 'f', 1);
    if (r.best.accuracy) parts << tr("accuracy %1%").arg(*r.best.accuracy * 100, 0, 'f', 1);
    if (r.best.tokenAccuracy)
      parts << tr("token accuracy %1%").arg(*r.best.tokenAccuracy * 100, 0, 'f', 1);
    if (!parts.isEmpty())
      text += tr(" Best validation (step %1): %2.")
                  .arg(r.bestStep)
                  .arg(parts.join(QStringLiteral(", ")));
  }
  if (r.status == RunStatus::StoppedEarly || r.status == RunStatus::Diverged)
    text += QStringLiteral(" ") + QString::fromStdString(r.message);
  text += tr(" The model is decoded in the Alignment tab; save it with File ▸ Save model.");
  mStatus->setText(text);
  mProgress->setValue(1000);
  mProgress->setFormat(tr("done"));
  mPlot->flush();
  emit status(tr("Training finished"));
  emit trained(std::shared_ptr<const Model>(outcome->model),
               QString::fromStdString(outcome->example.source));
}

void TrainingPanel::onRunningChanged(bool running) {
  mStart->setEnabled(!running);
  mPause->setEnabled(running);
  mCancel->setEnabled(running);
  mForm->setEnabled(!running);
  if (!running) {
    mPause->setChecked(false);
    mPause->setText(tr("Pause"));
  }
  emit runningChanged(running);
}

}  // namespace attn::ui
