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
      stack_(new QStackedWidget(this)),
      empty_(new QLabel(this)),
      example_(new QLabel(this)),
      kindBox_(new QComboBox(this)),
      picker_(new LayerHeadPicker(QString(), this)),
      every_(new QSpinBox(this)),
      watchSource_(new QLineEdit(this)),
      watchTarget_(new QLineEdit(this)),
      slider_(new QSlider(Qt::Horizontal, this)),
      play_(new QToolButton(this)),
      compare_(new QToolButton(this)),
      export_(new QToolButton(this)),
      stepLabel_(new QLabel(this)),
      heatmap_(new HeatmapView(this)),
      timer_(new QTimer(this)) {
  empty_->setAlignment(Qt::AlignCenter);
  empty_->setWordWrap(true);
  example_->setWordWrap(true);
  example_->setTextFormat(Qt::RichText);
  stepLabel_->setWordWrap(true);
  stepLabel_->setTextFormat(Qt::RichText);
  stepLabel_->setObjectName(QStringLiteral("formingStep"));
  heatmap_->setObjectName(QStringLiteral("formingHeatmap"));
  timer_->setInterval(kFrameMillis);

  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(4, 4, 4, 0);
  layout->addWidget(example_);
  layout->addWidget(buildBar());
  layout->addWidget(stepLabel_);
  layout->addWidget(heatmap_, 1);
  stack_->addWidget(empty_);
  stack_->addWidget(page);
  auto* everyRow = new QHBoxLayout;
  everyRow->setContentsMargins(4, 2, 4, 2);
  everyRow->addWidget(new QLabel(tr("Keep a snapshot every"), this));
  everyRow->addWidget(every_);
  everyRow->addSpacing(8);
  everyRow->addWidget(new QLabel(tr("of"), this));
  everyRow->addWidget(watchSource_, 2);
  everyRow->addWidget(new QLabel(tr("→"), this));
  everyRow->addWidget(watchTarget_, 2);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(stack_, 1);
  outer->addLayout(everyRow);

  connect(slider_, &QSlider::valueChanged, this, &AlignmentFormingView::showCurrent);
  connect(kindBox_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    if (!rebuilding_) showCurrent();
  });
  connect(picker_, &LayerHeadPicker::changed, this, [this] {
    if (!rebuilding_) showCurrent();
  });
  connect(play_, &QToolButton::clicked, this, [this] { setPlaying(!isPlaying()); });
  connect(timer_, &QTimer::timeout, this, &AlignmentFormingView::advance);
  connect(compare_, &QToolButton::clicked, this,
          [this] { emit compareRequested(comparisonWithNewest(current())); });
  clear();
}

QWidget* AlignmentFormingView::buildBar() {
  every_->setRange(0, 1000000);
  every_->setSpecialValueText(tr("auto (about %1 per run)").arg(kDefaultSnapshotCount));
  every_->setSuffix(tr(" steps"));
  every_->setToolTip(tr("For the next training run. At most %1 snapshots are kept: past that, "
                        "every other one goes.")
                         .arg(kMaxSnapshots));
  watchSource_->setPlaceholderText(tr("a held-out example"));
  watchSource_->setToolTip(
      tr("The sentence to watch in the next run, e.g. one whose words move (“the big black dog”); "
         "empty: the first held-out example"));
  watchTarget_->setPlaceholderText(tr("its reference output"));
  watchTarget_->setToolTip(
      tr("The output the snapshots read with teacher forcing (“le grand chien "
         "noir”); a classifier needs none"));
  slider_->setObjectName(QStringLiteral("formingSlider"));
  slider_->setPageStep(5);
  slider_->setToolTip(tr("Drag through the training run (← → step one snapshot)"));
  play_->setToolTip(tr("Play the snapshots one after the other"));
  compare_->setObjectName(QStringLiteral("formingCompare"));
  compare_->setText(tr("Compare with the newest"));
  compare_->setToolTip(tr("This snapshot as A, the newest as B, in the Compare tab"));
  export_->setText(tr("Export"));
  export_->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(export_);
  connect(menu->addAction(tr("Frames as PNG images…")), &QAction::triggered, this,
          &AlignmentFormingView::exportFramesInteractively);
  connect(menu->addAction(tr("Traces as JSON…")), &QAction::triggered, this,
          &AlignmentFormingView::exportJsonInteractively);
  export_->setMenu(menu);
  kindBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);

  auto* bar = new QWidget(this);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(play_);
  row->addWidget(slider_, 1);
  row->addWidget(kindBox_);
  row->addWidget(picker_);
  row->addWidget(compare_);
  row->addWidget(export_);
  return bar;
}

void AlignmentFormingView::clear() {
  setPlaying(false);
  snapshots_.reset();
  slider_->setRange(0, 0);
  empty_->setText(
      tr("Start a training run: every few steps the model reads one example sentence (a held-out "
         "one, or the one given below), and its attention is kept here. Then drag the slider (or "
         "press play) to watch the alignment form."));
  stack_->setCurrentWidget(empty_);
}

void AlignmentFormingView::showProblem(const QString& why) {
  clear();
  empty_->setText(tr("No snapshots in this run: the sentence to watch cannot be read (%1). Give "
                     "one in the model's vocabulary, with its reference output, and train again.")
                      .arg(why));
}

int AlignmentFormingView::count() const {
  return snapshots_ ? int(snapshots_->size()) : 0;
}

const AlignmentSnapshot* AlignmentFormingView::snapshot(int index) const {
  return index >= 0 && index < count() ? &(*snapshots_)[size_t(index)] : nullptr;
}

int AlignmentFormingView::current() const {
  return count() ? slider_->value() : -1;
}

int64_t AlignmentFormingView::snapshotEvery() const {
  return every_->value();
}

data::Example AlignmentFormingView::watchedExample() const {
  const QString source = watchSource_->text().trimmed();
  if (source.isEmpty()) return {};
  return {source.toStdString(), watchTarget_->text().trimmed().toStdString()};
}

void AlignmentFormingView::setSnapshots(std::shared_ptr<const SnapshotList> snapshots) {
  const bool follow = count() == 0 || slider_->value() == slider_->maximum();
  const int64_t shownStep = count() ? snapshot(current())->step : -1;
  snapshots_ = std::move(snapshots);
  if (!count()) {
    clear();
    return;
  }
  stack_->setCurrentIndex(1);
  rebuildKinds();
  // A thinned series moves the snapshot on screen; keep the one with the same step if it stayed.
  int index = count() - 1;
  if (!follow)
    for (int i = 0; i < count(); ++i)
      if (snapshot(i)->step <= shownStep) index = i;
  const QSignalBlocker block(slider_);
  slider_->setRange(0, count() - 1);
  slider_->setValue(index);
  showCurrent();
}

void AlignmentFormingView::rebuildKinds() {
  const Trace& t = *snapshots_->back().trace;
  const QVariant currentKind = kindBox_->currentData();
  rebuilding_ = true;
  kindBox_->clear();
  for (MapKind kind : {MapKind::Cross, MapKind::EncoderSelf, MapKind::DecoderSelf, MapKind::Hops})
    if (t.attention.count(kind))
      kindBox_->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  const int keep = kindBox_->findData(currentKind);
  kindBox_->setCurrentIndex(keep >= 0 ? keep : 0);
  kindBox_->setVisible(kindBox_->count() > 1);
  rebuilding_ = false;
  const bool classifier = t.attention.count(MapKind::Hops) > 0;
  const QString source = sentenceOf(t.sourceTokens).toHtmlEscaped();
  example_->setText(classifier
                        ? tr("Example: “%1”, the hops of the classifier as it learns.").arg(source)
                        : tr("Example: “%1” → “%2”. Each snapshot reads this reference output with "
                             "teacher forcing, so every frame has the same rows and columns.")
                              .arg(source, sentenceOf(t.targetTokens).toHtmlEscaped()));
}

void AlignmentFormingView::showCurrent() {
  const AlignmentSnapshot* s = snapshot(current());
  if (!s || !s->trace) return;
  const MapKind kind = mapKindOf(kindBox_->currentData());
  const auto it = s->trace->attention.find(kind);
  rebuilding_ = true;
  picker_->setMap(it == s->trace->attention.end() ? nullptr : &it->second, kind == MapKind::Hops);
  rebuilding_ = false;
  LabelledMatrix m;
  try {
    m = selectMatrix(*s->trace, {kind, picker_->layer(), picker_->head()});
  } catch (const std::exception& e) {
    stepLabel_->setText(QString::fromUtf8(e.what()));
    return;
  }
  if (!heatmap_->setMatrix(m.rows, m.cols, m.values, displayLabels(m.rowTokens),
                           displayLabels(m.colTokens)))
    return;
  heatmap_->setTitle(
      tr("%1 · snapshot %2 of %3").arg(stepName(s->step)).arg(current() + 1).arg(count()));
  heatmap_->setAxisTitles(
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
  stepLabel_->setText(parts.join(QStringLiteral(" · ")));
  compare_->setEnabled(current() < count() - 1);
}

void AlignmentFormingView::showSnapshot(int index) {
  slider_->setValue(index);
}

void AlignmentFormingView::setPlaying(bool playing) {
  if (playing && count() < 2) playing = false;
  if (playing && slider_->value() == slider_->maximum()) slider_->setValue(0);  // from the start
  playing ? timer_->start() : timer_->stop();
  play_->setText(playing ? tr("❚❚ Pause") : tr("▶ Play"));
}

bool AlignmentFormingView::isPlaying() const {
  return timer_->isActive();
}

void AlignmentFormingView::advance() {
  if (slider_->value() >= slider_->maximum()) {
    setPlaying(false);
    return;
  }
  slider_->setValue(slider_->value() + 1);
}

void AlignmentFormingView::setColourMap(ColourMap map) {
  heatmap_->setColourMap(map);
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
    slider_->setValue(i);
    const QString name = QStringLiteral("frame_%1_step_%2.png")
                             .arg(i, 3, 10, QLatin1Char('0'))
                             .arg(snapshot(i)->step);
    if (!heatmap_->savePng(QDir(dir).filePath(name), width, height))
      problem = tr("Cannot write '%1'.").arg(QDir(dir).filePath(name));
  }
  slider_->setValue(shown);
  return problem;
}

QString AlignmentFormingView::exportJson(const QString& path) const {
  if (!count()) return tr("There are no snapshots yet: train a model first.");
  try {
    writeFileAtomically(path.toStdString(), snapshotsToJson(*snapshots_).dump(1) + "\n");
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
