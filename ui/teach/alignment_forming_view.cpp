#include "alignment_forming_view.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

#include "documents/trace_document.h"
#include "explain/compare.h"
#include "teach/compare_runner.h"
#include "teach/layer_head_picker.h"
#include "util/atomic_file.h"
#include "views/heatmap_view.h"
#include "views/token_html.h"

namespace attn::ui {
namespace {

QStringList labelsOf(const std::vector<std::string>& tokens) {
  QStringList out;
  for (const std::string& t : tokens) out << QString::fromStdString(t);
  return displayLabels(out);
}

// The sentence as typed: tokens without <eos>, spaced for words, joined for characters.
QString sentenceOf(const std::vector<std::string>& tokens) {
  bool chars = true;
  QStringList parts;
  for (const std::string& t : tokens) {
    if (t == "<eos>") continue;
    parts << QString::fromStdString(t);
    chars = chars && parts.back().size() <= 1;
  }
  return parts.join(chars ? QString() : QStringLiteral(" "));
}

QString stepName(int64_t step) {
  return step == 0 ? AlignmentFormingView::tr("untrained (step 0)")
                   : AlignmentFormingView::tr("step %1").arg(step);
}

}  // namespace

AlignmentFormingView::AlignmentFormingView(QWidget* parent)
    : QWidget(parent),
      mStack(new QStackedWidget(this)),
      mEmpty(new QLabel(this)),
      mExample(new QLabel(this)),
      mKindBox(new QComboBox(this)),
      mPicker(new LayerHeadPicker(QString(), this)),
      mEvery(new QSpinBox(this)),
      mWatchSource(new QLineEdit(this)),
      mWatchTarget(new QLineEdit(this)),
      mSlider(new QSlider(Qt::Horizontal, this)),
      mPlay(new QToolButton(this)),
      mCompare(new QToolButton(this)),
      mExport(new QToolButton(this)),
      mStepLabel(new QLabel(this)),
      mHeatmap(new HeatmapView(this)),
      mTimer(new QTimer(this)) {
  mEmpty->setAlignment(Qt::AlignCenter);
  mEmpty->setWordWrap(true);
  mExample->setWordWrap(true);
  mExample->setTextFormat(Qt::RichText);
  mStepLabel->setWordWrap(true);
  mStepLabel->setTextFormat(Qt::RichText);
  mStepLabel->setObjectName(QStringLiteral("formingStep"));
  mHeatmap->setObjectName(QStringLiteral("formingHeatmap"));
  mTimer->setInterval(kFrameMillis);

  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(4, 4, 4, 0);
  layout->addWidget(mExample);
  layout->addWidget(buildBar());
  layout->addWidget(mStepLabel);
  layout->addWidget(mHeatmap, 1);
  mStack->addWidget(mEmpty);
  mStack->addWidget(page);
  auto* everyRow = new QHBoxLayout;
  everyRow->setContentsMargins(4, 2, 4, 2);
  everyRow->addWidget(new QLabel(tr("Keep a snapshot every"), this));
  everyRow->addWidget(mEvery);
  everyRow->addSpacing(8);
  everyRow->addWidget(new QLabel(tr("of"), this));
  everyRow->addWidget(mWatchSource, 2);
  everyRow->addWidget(new QLabel(tr("→"), this));
  everyRow->addWidget(mWatchTarget, 2);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(mStack, 1);
  outer->addLayout(everyRow);

  connect(mSlider, &QSlider::valueChanged, this, &AlignmentFormingView::showCurrent);
  connect(mKindBox, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    if (!mRebuilding) showCurrent();
  });
  connect(mPicker, &LayerHeadPicker::changed, this, [this] {
    if (!mRebuilding) showCurrent();
  });
  connect(mPlay, &QToolButton::clicked, this, [this] { setPlaying(!isPlaying()); });
  connect(mTimer, &QTimer::timeout, this, &AlignmentFormingView::advance);
  connect(mCompare, &QToolButton::clicked, this,
          [this] { emit compareRequested(comparisonWithNewest(current())); });
  clear();
}

QWidget* AlignmentFormingView::buildBar() {
  mEvery->setRange(0, 1000000);
  mEvery->setSpecialValueText(tr("auto (about %1 per run)").arg(kDefaultSnapshotCount));
  mEvery->setSuffix(tr(" steps"));
  mEvery->setToolTip(tr("For the next training run. At most %1 snapshots are kept: past that, "
                        "every other one goes.")
                         .arg(kMaxSnapshots));
  mWatchSource->setPlaceholderText(tr("a held-out example"));
  mWatchSource->setToolTip(
      tr("The sentence to watch in the next run, e.g. one whose words move (“the big black dog”); "
         "empty: the first held-out example"));
  mWatchTarget->setPlaceholderText(tr("its reference output"));
  mWatchTarget->setToolTip(
      tr("The output the snapshots read with teacher forcing (“le grand chien "
         "noir”); a classifier needs none"));
  mSlider->setObjectName(QStringLiteral("formingSlider"));
  mSlider->setPageStep(5);
  mSlider->setToolTip(tr("Drag through the training run (← → step one snapshot)"));
  mPlay->setToolTip(tr("Play the snapshots one after the other"));
  mCompare->setObjectName(QStringLiteral("formingCompare"));
  mCompare->setText(tr("Compare with the newest"));
  mCompare->setToolTip(tr("This snapshot as A, the newest as B, in the Compare tab"));
  mExport->setText(tr("Export"));
  mExport->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(mExport);
  connect(menu->addAction(tr("Frames as PNG images…")), &QAction::triggered, this,
          &AlignmentFormingView::exportFramesInteractively);
  connect(menu->addAction(tr("Traces as JSON…")), &QAction::triggered, this,
          &AlignmentFormingView::exportJsonInteractively);
  mExport->setMenu(menu);
  mKindBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);

  auto* bar = new QWidget(this);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(mPlay);
  row->addWidget(mSlider, 1);
  row->addWidget(mKindBox);
  row->addWidget(mPicker);
  row->addWidget(mCompare);
  row->addWidget(mExport);
  return bar;
}

void AlignmentFormingView::clear() {
  setPlaying(false);
  mSnapshots.reset();
  mSlider->setRange(0, 0);
  mEmpty->setText(
      tr("Start a training run: every few steps the model reads one example sentence (a held-out "
         "one, or the one given below), and its attention is kept here. Then drag the slider (or "
         "press play) to watch the alignment form."));
  mStack->setCurrentWidget(mEmpty);
}

void AlignmentFormingView::showProblem(const QString& why) {
  clear();
  mEmpty->setText(tr("No snapshots in this run: the sentence to watch cannot be read (%1). Give "
                     "one in the model's vocabulary, with its reference output, and train again.")
                      .arg(why));
}

int AlignmentFormingView::count() const {
  return mSnapshots ? int(mSnapshots->size()) : 0;
}

const AlignmentSnapshot* AlignmentFormingView::snapshot(int index) const {
  return index >= 0 && index < count() ? &(*mSnapshots)[size_t(index)] : nullptr;
}

int AlignmentFormingView::current() const {
  return count() ? mSlider->value() : -1;
}

int64_t AlignmentFormingView::snapshotEvery() const {
  return mEvery->value();
}

data::Example AlignmentFormingView::watchedExample() const {
  const QString source = mWatchSource->text().trimmed();
  if (source.isEmpty()) return {};
  return {source.toStdString(), mWatchTarget->text().trimmed().toStdString()};
}

void AlignmentFormingView::setSnapshots(std::shared_ptr<const SnapshotList> snapshots) {
  const bool follow = count() == 0 || mSlider->value() == mSlider->maximum();
  const int64_t shownStep = count() ? snapshot(current())->step : -1;
  mSnapshots = std::move(snapshots);
  if (!count()) {
    clear();
    return;
  }
  mStack->setCurrentIndex(1);
  rebuildKinds();
  // A thinned series moves the snapshot on screen; keep the one with the same step if it stayed.
  int index = count() - 1;
  if (!follow)
    for (int i = 0; i < count(); ++i)
      if (snapshot(i)->step <= shownStep) index = i;
  const QSignalBlocker block(mSlider);
  mSlider->setRange(0, count() - 1);
  mSlider->setValue(index);
  showCurrent();
}

void AlignmentFormingView::rebuildKinds() {
  const Trace& t = *mSnapshots->back().trace;
  const QVariant currentKind = mKindBox->currentData();
  mRebuilding = true;
  mKindBox->clear();
  for (MapKind kind : {MapKind::Cross, MapKind::EncoderSelf, MapKind::DecoderSelf, MapKind::Hops})
    if (t.attention.count(kind))
      mKindBox->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  const int keep = mKindBox->findData(currentKind);
  mKindBox->setCurrentIndex(keep >= 0 ? keep : 0);
  mKindBox->setVisible(mKindBox->count() > 1);
  mRebuilding = false;
  const bool classifier = t.attention.count(MapKind::Hops) > 0;
  const QString source = sentenceOf(t.sourceTokens).toHtmlEscaped();
  mExample->setText(classifier
                        ? tr("Example: “%1”, the hops of the classifier as it learns.").arg(source)
                        : tr("Example: “%1” → “%2”. Each snapshot reads this reference output with "
                             "teacher forcing, so every frame has the same rows and columns.")
                              .arg(source, sentenceOf(t.targetTokens).toHtmlEscaped()));
}

void AlignmentFormingView::showCurrent() {
  const AlignmentSnapshot* s = snapshot(current());
  if (!s || !s->trace) return;
  const MapKind kind = mapKindOf(mKindBox->currentData());
  const auto it = s->trace->attention.find(kind);
  mRebuilding = true;
  mPicker->setMap(it == s->trace->attention.end() ? nullptr : &it->second, kind == MapKind::Hops);
  mRebuilding = false;
  LabelledMatrix m;
  try {
    m = selectMatrix(*s->trace, {kind, mPicker->layer(), mPicker->head()});
  } catch (const std::exception& e) {
    mStepLabel->setText(QString::fromUtf8(e.what()));
    return;
  }
  if (!mHeatmap->setMatrix(m.rows, m.cols, m.values, labelsOf(m.rowTokens), labelsOf(m.colTokens)))
    return;
  mHeatmap->setTitle(
      tr("%1 · snapshot %2 of %3").arg(stepName(s->step)).arg(current() + 1).arg(count()));
  mHeatmap->setAxisTitles(
      kind == MapKind::DecoderSelf ? tr("earlier outputs") : tr("source tokens"),
      kind == MapKind::Hops ? tr("hops") : tr("output tokens (the reference)"));
  QStringList parts{stepName(s->step)};
  if (!std::isnan(s->loss)) parts << tr("training loss %1").arg(s->loss, 0, 'f', 3);
  if (s->validationStep >= 0)
    parts << tr("%1 %2% (validation at step %3)")
                 .arg(QString::fromStdString(s->validationScoreName))
                 .arg(s->validationScore * 100, 0, 'f', 1)
                 .arg(s->validationStep);
  parts << tr("greedy output: “%1”").arg(QString::fromStdString(s->output).toHtmlEscaped());
  mStepLabel->setText(parts.join(QStringLiteral(" · ")));
  mCompare->setEnabled(current() < count() - 1);
}

void AlignmentFormingView::showSnapshot(int index) {
  mSlider->setValue(index);
}

void AlignmentFormingView::setPlaying(bool playing) {
  if (playing && count() < 2) playing = false;
  if (playing && mSlider->value() == mSlider->maximum()) mSlider->setValue(0);  // from the start
  playing ? mTimer->start() : mTimer->stop();
  mPlay->setText(playing ? tr("❚❚ Pause") : tr("▶ Play"));
}

bool AlignmentFormingView::isPlaying() const {
  return mTimer->isActive();
}

void AlignmentFormingView::advance() {
  if (mSlider->value() >= mSlider->maximum()) {
    setPlaying(false);
    return;
  }
  mSlider->setValue(mSlider->value() + 1);
}

void AlignmentFormingView::setColourMap(ColourMap map) {
  mHeatmap->setColourMap(map);
}

CompareSubject AlignmentFormingView::comparisonWithNewest(int index) const {
  CompareSubject c;
  const AlignmentSnapshot* a = snapshot(index);
  const AlignmentSnapshot* b = snapshot(count() - 1);
  if (!a || !b) return c;
  c.a = a->trace;
  c.bForced = b->trace;
  c.nameA = stepName(a->step);
  c.nameB = stepName(b->step);
  c.outputA = QString::fromStdString(a->output);
  c.outputB = QString::fromStdString(b->output);
  return c;
}

QString AlignmentFormingView::exportFrames(const QString& dir, int width, int height) {
  if (!count()) return tr("There are no snapshots yet: train a model first.");
  if (!QDir().mkpath(dir)) return tr("Cannot create the folder '%1'.").arg(dir);
  const int shown = current();
  QString problem;
  for (int i = 0; i < count() && problem.isEmpty(); ++i) {
    mSlider->setValue(i);
    const QString name = QStringLiteral("frame_%1_step_%2.png")
                             .arg(i, 3, 10, QLatin1Char('0'))
                             .arg(snapshot(i)->step);
    if (!mHeatmap->savePng(QDir(dir).filePath(name), width, height))
      problem = tr("Cannot write '%1'.").arg(QDir(dir).filePath(name));
  }
  mSlider->setValue(shown);
  return problem;
}

QString AlignmentFormingView::exportJson(const QString& path) const {
  if (!count()) return tr("There are no snapshots yet: train a model first.");
  try {
    writeFileAtomically(path.toStdString(), snapshotsToJson(*mSnapshots).dump(1) + "\n");
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
  return {};
}

void AlignmentFormingView::exportFramesInteractively() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the frames to"));
  if (dir.isEmpty()) return;
  if (const QString problem = exportFrames(dir); !problem.isEmpty())
    QMessageBox::warning(this, tr("Export frames"), problem);
}

void AlignmentFormingView::exportJsonInteractively() {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export the snapshots"), QStringLiteral("snapshots.json"), tr("JSON (*.json)"));
  if (path.isEmpty()) return;
  if (const QString problem = exportJson(path); !problem.isEmpty())
    QMessageBox::warning(this, tr("Export snapshots"), problem);
}

}  // namespace attn::ui
