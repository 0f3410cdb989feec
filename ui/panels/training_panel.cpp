#include "panels/training_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

#include "documents/settings.h"
#include "jobs/evaluation_job.h"
#include "jobs/training_job.h"
#include "models/model.h"
#include "panels/corpus_form.h"
#include "panels/corpus_preview_panel.h"
#include "panels/train_config_form.h"
#include "panels/translations_corpus_dialog.h"
#include "runners/corpus_preview_runner.h"
#include "runners/training_worker.h"
#include "teach/alignment_forming_view.h"
#include "views/loss_plot.h"

namespace attn::ui {
namespace {

QString elapsedText(double seconds) {
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
      form_(new TrainConfigForm(this)),
      plot_(new LossPlot(this)),
      forming_(new AlignmentFormingView(this)),
      progress_(new QProgressBar(this)),
      start_(new QPushButton(tr("Start training"), this)),
      pause_(new QPushButton(tr("Pause"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      status_(new QLabel(this)),
      validation_(new QLabel(this)),
      dataNotes_(new QLabel(this)),
      runner_(new TrainingRunner(this)),
      views_(new QTabWidget(this)),
      preview_(new CorpusPreviewPanel(this)),
      previewRunner_(new CorpusPreviewRunner(this)),
      previewTimer_(new QTimer(this)) {
  start_->setObjectName(QStringLiteral("startTraining"));
  pause_->setObjectName(QStringLiteral("pauseTraining"));
  cancel_->setObjectName(QStringLiteral("cancelTraining"));
  status_->setObjectName(QStringLiteral("trainingStatus"));
  pause_->setCheckable(true);
  pause_->setEnabled(false);
  cancel_->setEnabled(false);
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  progress_->setFormat(tr("not started"));
  progress_->setTextVisible(true);
  status_->setWordWrap(true);
  validation_->setWordWrap(true);
  status_->setText(
      tr("Choose the data, the model and the settings on the left, then start. "
         "Training runs in the background: the rest of the app stays usable."));

  auto* scroll = new QScrollArea(this);
  scroll->setWidget(form_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);

  auto* right = new QWidget(this);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(start_);
  buttons->addWidget(pause_);
  buttons->addWidget(cancel_);
  buttons->addStretch(1);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->addLayout(buttons);
  rightLayout->addWidget(progress_);
  rightLayout->addWidget(status_);
  rightLayout->addWidget(validation_);
  dataNotes_->setObjectName(QStringLiteral("trainingDataNotes"));
  dataNotes_->setWordWrap(true);
  dataNotes_->setTextFormat(Qt::PlainText);
  dataNotes_->setStyleSheet(QStringLiteral("color:#9a5b00"));
  dataNotes_->setVisible(false);
  rightLayout->addWidget(dataNotes_);
  // The curves, and next to them the example's attention as the run goes (teach/).
  views_->setObjectName(QStringLiteral("trainingViews"));
  views_->setDocumentMode(true);
  views_->addTab(plot_, tr("Loss and validation"));
  views_->addTab(forming_, tr("Alignment forming"));
  views_->setTabToolTip(1, tr("The attention on one held-out example, kept every few steps"));
  preview_->setObjectName(QStringLiteral("corpusPreview"));
  views_->addTab(preview_, tr("Corpus preview"));
  views_->setTabToolTip(2, tr("The corpus file as training will read it"));
  rightLayout->addWidget(views_, 1);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(scroll);
  splitter->addWidget(right);
  splitter->setStretchFactor(0, 2);
  splitter->setStretchFactor(1, 3);
  // The form's labels and the corpus preview's table both need the width: the form gets 2 parts
  // of 5 (a fixed start size would be taken before the window has its size).
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(start_, &QPushButton::clicked, this, [this] { start(); });
  connect(pause_, &QPushButton::toggled, this, &TrainingPanel::setPaused);
  connect(cancel_, &QPushButton::clicked, this, &TrainingPanel::cancel);
  connect(runner_, &TrainingRunner::progressed, this, &TrainingPanel::onTick);
  connect(runner_, &TrainingRunner::snapshotsChanged, forming_,
          &AlignmentFormingView::setSnapshots);
  connect(runner_, &TrainingRunner::snapshotsStopped, forming_, &AlignmentFormingView::showProblem);
  connect(runner_, &TrainingRunner::finished, this, &TrainingPanel::onFinished);
  connect(runner_, &TrainingRunner::dataRead, this, &TrainingPanel::onDataRead);
  connect(runner_, &TrainingRunner::busyChanged, this, &TrainingPanel::onRunningChanged);
  connect(runner_, &TrainingRunner::cancelled, this, [this] {
    status_->setText(tr("Cancelled. The partly trained model was discarded."));
    progress_->setFormat(tr("Cancelled"));
    emit status(tr("Cancelled"));
  });
  connect(runner_, &TrainingRunner::failed, this, [this](const UserError& error) {
    status_->setText(tr("Training stopped: %1").arg(error.what));
    progress_->setFormat(tr("failed"));
    emit failed(error);
  });
  connectPreview();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { forming_->setColourMap(map); });
}

TrainingPanel::~TrainingPanel() = default;

bool TrainingPanel::isRunning() const {
  return runner_->isRunning();
}

bool TrainingPanel::start() {
  if (runner_->isRunning()) return false;
  if (const QString problem = form_->problem(); !problem.isEmpty()) {
    emit failed({tr("Training"), problem, tr("Fix the form on the left, then start again.")});
    return false;
  }
  plot_->clear();
  ticks_ = 0;
  validation_->clear();
  dataNotes_->clear();
  dataNotes_->setVisible(false);
  progress_->setValue(0);
  progress_->setFormat(tr("preparing the data…"));
  status_->setText(tr("Generating the data and building the model…"));
  forming_->clear();
  runner_->setSnapshotEvery(forming_->snapshotEvery());
  runner_->setSnapshotExample(forming_->watchedExample());
  runner_->start(form_->job());
  emit status(tr("Training started"));
  return true;
}

void TrainingPanel::connectPreview() {
  previewTimer_->setSingleShot(true);
  previewTimer_->setInterval(300);
  connect(previewTimer_, &QTimer::timeout, this, &TrainingPanel::refreshPreview);
  CorpusForm* corpus = form_->corpusForm();
  connect(corpus, &CorpusForm::changed, this, [this] { schedulePreview(false); });
  connect(corpus, &CorpusForm::fileChosen, this, [this](bool picked) { schedulePreview(picked); });
  connect(corpus, &CorpusForm::translationsRequested, this, &TrainingPanel::buildFromTranslations);
  connect(previewRunner_, &CorpusPreviewRunner::finished, this,
          [this](const CorpusPreview& preview) {
            preview_->showPreview(preview, form_->corpusForm()->vocabulary());
          });
  connect(previewRunner_, &CorpusPreviewRunner::failed, this, [this](const UserError& error) {
    preview_->showProblem(error.what);
    if (std::exchange(dialogOnPreviewError_, false)) emit failed(error);
  });
}

void TrainingPanel::schedulePreview(bool pickedFile) {
  if (pickedFile) {
    dialogOnPreviewError_ = true;
    views_->setCurrentWidget(preview_);
  }
  previewTimer_->start();
}

void TrainingPanel::refreshPreview() {
  previewTimer_->stop();
  const CorpusForm* corpus = form_->corpusForm();
  if (!corpus->hasFile()) return;
  if (const QString problem = corpus->problem(); !problem.isEmpty()) {
    preview_->showProblem(problem);
    dialogOnPreviewError_ = false;
    return;
  }
  PreviewRequest request;
  request.file = corpus->spec();
  request.vocabulary = corpus->vocabulary();
  preview_->showWorking();
  previewRunner_->start(std::move(request));
}

void TrainingPanel::buildFromTranslations() {
  TranslationsCorpusDialog dialog(this);
  if (dialog.exec() != QDialog::Accepted || dialog.builtFile().isEmpty()) return;
  form_->corpusForm()->setTsvFile(dialog.builtFile());
  emit status(tr("Training on %1").arg(dialog.builtFile()));
}

void TrainingPanel::cancel() {
  if (!runner_->isRunning()) return;
  status_->setText(tr("Cancelling after the current step…"));
  runner_->cancel();
}

void TrainingPanel::setPaused(bool paused) {
  runner_->setPaused(paused);
  pause_->setChecked(paused);
  pause_->setText(paused ? tr("Resume") : tr("Pause"));
  if (runner_->isRunning()) {
    status_->setText(paused ? tr("Paused: the training thread waits between two steps.")
                            : tr("Training…"));
    emit status(paused ? tr("Training paused") : tr("Training resumed"));
  }
}

void TrainingPanel::onDataRead(const QStringList& notes, double unknownShare) {
  QStringList lines = notes;
  // The same bound as the CLI's and the input panel's warning (jobs::kUnknownWarningShare).
  if (unknownShare > jobs::kUnknownWarningShare)
    lines << tr("%1% of the validation tokens are unknown to the new vocabularies: lower the min "
                "frequency, raise the max vocabulary, or choose the sentencepiece tokenizer.")
                 .arg(unknownShare * 100, 0, 'f', 1);
  dataNotes_->setText(lines.join(QStringLiteral("\n")));
  dataNotes_->setVisible(!lines.isEmpty());
}

void TrainingPanel::onTick(const TrainingTick& tick) {
  ++ticks_;
  plot_->addTick(tick);
  if (tick.totalSteps > 0) {
    progress_->setValue(int(1000.0 * double(tick.step) / double(tick.totalSteps)));
    progress_->setFormat(tr("%p% · step %1 of %2 · %3 left")
                             .arg(tick.step)
                             .arg(tick.totalSteps)
                             .arg(elapsedText(tick.etaSeconds)));
  }
  if (!runner_->isPaused())
    status_->setText(tr("Training… loss %1 (moving average %2), learning rate %3, epoch %4")
                         .arg(tick.loss, 0, 'f', 3)
                         .arg(tick.smoothedLoss, 0, 'f', 3)
                         .arg(tick.lr, 0, 'g', 3)
                         .arg(tick.epoch + 1));
  if (tick.validated)
    validation_->setText(tr("Validation at step %1: %2").arg(tick.step).arg(tick.validationText));
}

void TrainingPanel::onFinished(std::shared_ptr<jobs::TrainingOutcome> outcome) {
  const TrainResult& r = outcome->result;
  QString text = tr("Done: %1 steps in %2.").arg(r.steps).arg(elapsedText(r.seconds));
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
  status_->setText(text);
  progress_->setValue(1000);
  progress_->setFormat(tr("done"));
  plot_->flush();
  emit status(tr("Training finished"));
  emit trained(std::shared_ptr<const Model>(outcome->model),
               QString::fromStdString(outcome->example.source));
}

void TrainingPanel::onRunningChanged(bool running) {
  start_->setEnabled(!running);
  pause_->setEnabled(running);
  cancel_->setEnabled(running);
  form_->setEnabled(!running);
  if (!running) {
    pause_->setChecked(false);
    pause_->setText(tr("Pause"));
  }
  emit runningChanged(running);
}

}  // namespace attn::ui
