#include "teach/intervention_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

#include "data/tokenizer.h"
#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/settings.h"
#include "documents/trace_document.h"
#include "documents/trace_math.h"
#include "models/model.h"
#include "teach/head_ablation_table.h"
#include "teach/intervention_results.h"
#include "teach/intervention_runner.h"
#include "teach/row_editor.h"
#include "trace/trace.h"
#include "views/token_html.h"

namespace attn::ui {
namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

QPushButton* button(const QString& text, const char* name, QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setObjectName(QString::fromLatin1(name));
  return b;
}

// The maps whose heads can be ablated, from the trace (which has every map the model computes).
std::vector<HeadAblationTable::MapShape> ablatableMaps(const Trace& t) {
  std::vector<HeadAblationTable::MapShape> out;
  for (MapKind kind : {MapKind::Cross, MapKind::DecoderSelf, MapKind::EncoderSelf}) {
    const auto it = t.attention.find(kind);
    if (it != t.attention.end()) out.push_back({kind, it->second.layers, it->second.heads});
  }
  return out;
}

}  // namespace

InterventionPanel::InterventionPanel(Session* session, const Settings* settings, QWidget* parent)
    : QWidget(parent),
      session_(session),
      runner_(new InterventionRunner(this)),
      note_(new QLabel(this)),
      step_(new QSpinBox(this)),
      stepToken_(new QLabel(this)),
      targetLabel_(new QLabel(tr("Rows of"), this)),
      mapBox_(new QComboBox(this)),
      layerBox_(new QComboBox(this)),
      headBox_(new QComboBox(this)),
      rowEditor_(new RowEditor(this)),
      keyBox_(new QComboBox(this)),
      forceBox_(new QComboBox(this)),
      heads_(new HeadAblationTable(this)),
      editList_(new QListWidget(this)),
      decode_(button(tr("Decode again"), "decodeAgainButton", this)),
      undo_(button(tr("Undo"), "undoEditButton", this)),
      reset_(button(tr("Reset"), "resetEditsButton", this)),
      results_(new InterventionResults(this)) {
  controls_ = buildControls();
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(controls_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(250);
  // The actions stay in sight under the controls, however far those are scrolled.
  auto* actions = new QHBoxLayout;
  actions->setContentsMargins(6, 0, 6, 6);
  actions->addWidget(decode_, 1);
  actions->addWidget(undo_);
  actions->addWidget(reset_);
  auto* column = new QWidget(this);
  auto* columnLayout = new QVBoxLayout(column);
  columnLayout->setContentsMargins(0, 0, 0, 0);
  columnLayout->addWidget(scroll, 1);
  columnLayout->addLayout(actions);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(column);
  split->addWidget(results_);
  split->setStretchFactor(0, 0);
  split->setStretchFactor(1, 1);
  split->setSizes({300, 500});
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split);

  TraceDocument* doc = session_->traceDocument();
  connect(doc, &TraceDocument::traceChanged, this, &InterventionPanel::onTraceChanged);
  connect(doc, &TraceDocument::stepChanged, this, &InterventionPanel::selectStep);
  connect(results_, &InterventionResults::stepPicked, this, [this](int step) {
    selectStep(step);
    session_->traceDocument()->setStep(step);
  });
  connect(runner_, &InterventionRunner::finished, this,
          [this](std::shared_ptr<const InterventionRun> run) {
            results_->showRun(std::move(run));
            results_->setSelectedStep(step());
            emit finished();
          });
  connect(runner_, &InterventionRunner::failed, this, &InterventionPanel::failed);
  connect(runner_, &InterventionRunner::busyChanged, this, [this](bool busy) {
    decode_->setEnabled(!busy && isUsable());
    decode_->setText(busy ? tr("Decoding…") : tr("Decode again"));
  });
  onTraceChanged();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { results_->setColourMap(map); });
}

InterventionPanel::~InterventionPanel() = default;

QWidget* InterventionPanel::buildControls() {
  auto* w = new QWidget(this);
  note_->setWordWrap(true);
  note_->setObjectName(QStringLiteral("interventionNote"));
  step_->setObjectName(QStringLiteral("interventionStep"));
  step_->setToolTip(tr("The output step to change: a row of the heatmaps (click one there)"));
  stepToken_->setWordWrap(true);
  stepToken_->setTextFormat(Qt::RichText);
  mapBox_->setObjectName(QStringLiteral("interventionMapBox"));
  layerBox_->setObjectName(QStringLiteral("interventionLayerBox"));
  headBox_->setObjectName(QStringLiteral("interventionHeadBox"));
  keyBox_->setObjectName(QStringLiteral("oneHotKeyBox"));
  forceBox_->setObjectName(QStringLiteral("forceTokenBox"));
  editList_->setObjectName(QStringLiteral("interventionEdits"));
  // A combo box as wide as its longest entry (508 target words) would widen the column.
  for (QComboBox* box : {keyBox_, forceBox_, mapBox_}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(8);
  }
  editList_->setMaximumHeight(110);
  decode_->setDefault(true);
  decode_->setToolTip(
      tr("Decode the sentence greedily with the edits, and compare (Ctrl+Shift+Return)"));

  auto* stepForm = new QFormLayout;
  stepForm_ = stepForm;
  stepForm->addRow(tr("Output step"), step_);
  stepForm->addRow(QString(), stepToken_);
  auto* target = new QHBoxLayout;
  target->addWidget(layerBox_);
  target->addWidget(headBox_);
  stepForm->addRow(targetLabel_, target);
  stepForm->addRow(tr("Show"), mapBox_);

  auto* rowBox = new QGroupBox(tr("Attention row of this step"), w);
  auto* zero = button(tr("Zero row"), "zeroRowButton", rowBox);
  zero->setToolTip(tr("Weights of 0: the model reads nothing from the source at this step"));
  auto* oneHot = button(tr("One-hot on"), "oneHotButton", rowBox);
  oneHot->setToolTip(tr("All the weight on one source token: it reads exactly that token"));
  auto* useEdited = button(tr("Use the weights above"), "useEditedRowButton", rowBox);
  auto* quick = new QHBoxLayout;
  quick->addWidget(oneHot);
  quick->addWidget(keyBox_, 1);
  auto* rowLayout = new QVBoxLayout(rowBox);
  rowLayout->addWidget(zero);
  rowLayout->addLayout(quick);
  rowLayout->addWidget(rowEditor_, 1);
  rowLayout->addWidget(useEdited);

  auto* forceBox = new QGroupBox(tr("Token chosen at this step"), w);
  auto* force = button(tr("Force"), "forceTokenButton", forceBox);
  force->setToolTip(tr("Feed this token to the next steps instead of the most probable one"));
  auto* forceLayout = new QHBoxLayout(forceBox);
  forceLayout->addWidget(forceBox_, 1);
  forceLayout->addWidget(force);

  auto* headBox = new QGroupBox(tr("Ablate heads (every step)"), w);
  auto* headLayout = new QVBoxLayout(headBox);
  headLayout->addWidget(heads_);

  auto* layout = new QVBoxLayout(w);
  layout->setContentsMargins(6, 4, 6, 6);
  layout->addWidget(note_);
  layout->addLayout(stepForm);
  layout->addWidget(rowBox, 1);
  layout->addWidget(forceBox);
  layout->addWidget(headBox);
  layout->addWidget(new QLabel(tr("Edits"), w));
  layout->addWidget(editList_);

  connect(step_, &QSpinBox::valueChanged, this, [this] {
    refreshStepControls();
    results_->setSelectedStep(step());
  });
  connect(layerBox_, qOverload<int>(&QComboBox::activated), this,
          [this] { setTarget(layerBox_->currentIndex(), headBox_->currentIndex() - 1); });
  connect(headBox_, qOverload<int>(&QComboBox::activated), this,
          [this] { setTarget(layerBox_->currentIndex(), headBox_->currentIndex() - 1); });
  connect(mapBox_, qOverload<int>(&QComboBox::activated), this,
          &InterventionPanel::refreshResultsMap);
  connect(zero, &QPushButton::clicked, this, &InterventionPanel::zeroRow);
  connect(oneHot, &QPushButton::clicked, this, [this] { oneHotRow(keyBox_->currentIndex()); });
  connect(useEdited, &QPushButton::clicked, this, &InterventionPanel::useEditedRow);
  connect(force, &QPushButton::clicked, this,
          [this] { forceToken(forceBox_->currentData().toLongLong()); });
  connect(decode_, &QPushButton::clicked, this, &InterventionPanel::decodeAgain);
  connect(undo_, &QPushButton::clicked, this, &InterventionPanel::undo);
  connect(reset_, &QPushButton::clicked, this, &InterventionPanel::reset);
  return w;
}

bool InterventionPanel::isUsable() const {
  return model_ && baseline_ && !baseline_->targetTokens.empty() &&
         baseline_->attention.count(MapKind::Hops) == 0;
}

void InterventionPanel::onTraceChanged() {
  const TraceDocument* doc = session_->traceDocument();
  const std::shared_ptr<const Model>& model = session_->modelDocument()->model();
  // Edits name rows and steps of one sentence: a new trace starts them afresh.
  rows_.clear();
  forced_.clear();
  undoStack_.clear();
  const bool fits = model && !model->isClassifier() && doc->trace() && !doc->isExample() &&
                    doc->trace()->attention.count(MapKind::Hops) == 0;
  baseline_ = fits ? doc->trace() : nullptr;
  model_ = fits ? model : nullptr;
  if (!model_) {
    note_->setText(
        tr("Interventions need an encoder-decoder model and a sentence decoded with "
           "it: open or train one, and decode."));
  } else if (!baseline_->attention.count(MapKind::Cross)) {
    note_->setText(
        tr("This model has no attention over the source: only forcing tokens "
           "changes what it does."));
  } else {
    note_->setText(
        tr("Pick an output step, change what it attends to or which token it "
           "chooses, then decode again."));
  }
  controls_->setEnabled(isUsable());
  reset_->setEnabled(isUsable());
  note_->setEnabled(true);
  decode_->setEnabled(isUsable() && !runner_->isBusy());

  const AttentionMap* cross = baseline_ && baseline_->attention.count(MapKind::Cross)
                                  ? &baseline_->attention.at(MapKind::Cross)
                                  : nullptr;
  const bool transformer = cross && cross->heads > 1;
  layerBox_->clear();
  headBox_->clear();
  for (int l = 0; cross && l < cross->layers; ++l) layerBox_->addItem(tr("layer %1").arg(l + 1));
  headBox_->addItem(tr("every head"));
  for (int h = 0; cross && h < cross->heads; ++h) headBox_->addItem(tr("head %1").arg(h + 1));
  stepForm_->setRowVisible(targetLabel_, transformer);
  mapBox_->clear();
  if (baseline_)
    for (MapKind kind : {MapKind::Cross, MapKind::DecoderSelf, MapKind::EncoderSelf})
      if (baseline_->attention.count(kind))
        mapBox_->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  stepForm_->setRowVisible(mapBox_, mapBox_->count() > 1);
  layerBox_->setCurrentIndex(cross ? cross->layers - 1 : 0);  // the layer that feeds the output
  layer_ = std::max(0, layerBox_->currentIndex());
  head_ = -1;

  keyBox_->clear();
  forceBox_->clear();
  if (baseline_) {
    for (const std::string& t : baseline_->sourceTokens) keyBox_->addItem(plainToken(t));
    const std::vector<std::string>& vocab = model_->tgtVocab.toList();
    for (size_t i = 0; i < vocab.size(); ++i)
      forceBox_->addItem(plainToken(vocab[i]), QVariant::fromValue<qlonglong>(qlonglong(i)));
  }
  heads_->setMaps(baseline_ ? ablatableMaps(*baseline_)
                            : std::vector<HeadAblationTable::MapShape>{});
  step_->setRange(1, baseline_ ? std::max<int>(1, int(baseline_->targetTokens.size())) : 1);
  step_->setValue(1 + (baseline_ ? doc->step() : 0));
  results_->showBaseline(baseline_);
  refreshResultsMap();
  refreshStepControls();
  refreshEditList();
}

int InterventionPanel::step() const {
  return step_->value() - 1;
}

void InterventionPanel::selectStep(int step) {
  step_->setValue(step + 1);  // clamped to the steps there are
}

void InterventionPanel::setTarget(int layer, int head) {
  layer_ = std::max(0, layer);
  head_ = head;
  layerBox_->setCurrentIndex(layer_);
  headBox_->setCurrentIndex(head + 1);
  refreshResultsMap();
  refreshRowEditor();
}

void InterventionPanel::refreshStepControls() {
  if (!baseline_) {
    stepToken_->clear();
    rowEditor_->setRow({}, {});
    return;
  }
  const int t = step();
  const std::string token =
      t < int(baseline_->targetTokens.size()) ? baseline_->targetTokens[size_t(t)] : "";
  stepToken_->setText(tr("The model chose “%1” here").arg(visibleToken(qs(token))));
  if (model_) {  // the box offers the chosen token first: change it to force another
    const int id = forceBox_->findData(QVariant::fromValue<qlonglong>(model_->tgtVocab.id(token)));
    if (id >= 0) forceBox_->setCurrentIndex(id);
  }
  refreshRowEditor();
}

void InterventionPanel::refreshRowEditor() {
  QStringList tokens;
  std::vector<float> row;
  if (baseline_ && baseline_->attention.count(MapKind::Cross)) {
    const AttentionMap& cross = baseline_->attention.at(MapKind::Cross);
    for (const std::string& s : baseline_->sourceTokens) tokens << qs(s);
    const std::vector<float> m = mapMatrix(cross, std::min(layer_, cross.layers - 1), head_);
    const int t = std::clamp(step(), 0, cross.queries - 1);
    row.assign(m.begin() + std::ptrdiff_t(t) * cross.keys,
               m.begin() + std::ptrdiff_t(t + 1) * cross.keys);
  }
  rowEditor_->setRow(tokens, row);
}

void InterventionPanel::refreshResultsMap() {
  const MapKind map = mapBox_->count() ? mapKindOf(mapBox_->currentData()) : MapKind::Cross;
  int layer = layer_, head = head_;
  if (baseline_ && baseline_->attention.count(map)) {
    const AttentionMap& m = baseline_->attention.at(map);
    layer = std::min(layer, m.layers - 1);  // the encoder may have fewer layers than the decoder
    if (head >= m.heads) head = -1;
  }
  results_->setMap(map, layer, head);
  results_->setSelectedStep(step());
}

void InterventionPanel::addRowEdit(RowEdit edit) {
  if (!isUsable() || !baseline_->attention.count(MapKind::Cross)) return;
  // One edit per row: a new one replaces any that covers the same heads of that step and layer.
  std::vector<RowEdit> kept;
  for (const RowEdit& r : rows_)
    if (!(r.step == edit.step && r.layer == edit.layer &&
          (r.head < 0 || edit.head < 0 || r.head == edit.head)))
      kept.push_back(r);
  undoStack_.emplace_back(rows_, forced_);
  rows_ = std::move(kept);
  rows_.push_back(std::move(edit));
  refreshEditList();
}

void InterventionPanel::zeroRow() {
  if (!baseline_) return;
  addRowEdit(attn::zeroRow(step(), int64_t(baseline_->sourceTokens.size()), layer_, head_));
}

void InterventionPanel::oneHotRow(int key) {
  if (!baseline_ || key < 0 || key >= int(baseline_->sourceTokens.size())) return;
  addRowEdit(attn::oneHotRow(step(), key, int64_t(baseline_->sourceTokens.size()), layer_, head_));
}

void InterventionPanel::useEditedRow() {
  if (!baseline_) return;
  addRowEdit(RowEdit{step(), layer_, head_, rowEditor_->weights(), rowEditor_->renormalise()});
}

void InterventionPanel::forceToken(int64_t tokenId) {
  if (!isUsable()) return;
  undoStack_.emplace_back(rows_, forced_);
  std::erase_if(forced_, [&](const ForcedToken& f) { return f.step == step(); });
  forced_.push_back({step(), tokenId});
  refreshEditList();
}

void InterventionPanel::undo() {
  // Back to the edits as they were before the last one (which may have replaced another).
  if (undoStack_.empty()) return;
  std::tie(rows_, forced_) = std::move(undoStack_.back());
  undoStack_.pop_back();
  refreshEditList();
}

void InterventionPanel::reset() {
  if (!rows_.empty() || !forced_.empty()) undoStack_.emplace_back(rows_, forced_);
  rows_.clear();
  forced_.clear();
  heads_->clearAblations();
  results_->clearRun();
  refreshEditList();
}

Intervention InterventionPanel::intervention() const {
  Intervention iv;
  iv.rows = rows_;
  iv.forced = forced_;
  iv.ablations = heads_->ablations();
  return iv;
}

std::string InterventionPanel::sentence() const {
  if (!baseline_ || !model_) return {};
  std::vector<std::string> typed = baseline_->sourceTokens;
  if (!typed.empty() && typed.back() == "<eos>") typed.pop_back();  // added, not typed
  return data::detokenize(typed, model_->tokenizer);
}

bool InterventionPanel::isBusy() const {
  return runner_->isBusy();
}

void InterventionPanel::decodeAgain() {
  if (!isUsable()) return;
  InterventionRequest request;
  request.sentence = sentence();
  request.intervention = intervention();
  runner_->start(model_, request);
}

QString InterventionPanel::describe(const RowEdit& e) const {
  QString what;
  const auto nonZero =
      std::count_if(e.weights.begin(), e.weights.end(), [](double w) { return w != 0; });
  if (nonZero == 0) {
    what = tr("zeroed");
  } else if (nonZero == 1 && baseline_) {
    const auto k =
        std::find_if(e.weights.begin(), e.weights.end(), [](double w) { return w != 0; }) -
        e.weights.begin();
    what = tr("one-hot on “%1”").arg(plainToken(baseline_->sourceTokens.at(size_t(k))));
  } else {
    what = e.renormalise ? tr("edited, renormalised") : tr("edited, as typed");
  }
  const bool heads = headBox_->count() > 2;
  const QString where = !heads       ? QString()
                        : e.head < 0 ? tr(" (layer %1, every head)").arg(e.layer + 1)
                                     : tr(" (layer %1, head %2)").arg(e.layer + 1).arg(e.head + 1);
  return tr("Step %1: attention row %2%3").arg(e.step + 1).arg(what, where);
}

QString InterventionPanel::describe(const ForcedToken& f) const {
  const QString token =
      model_ ? plainToken(model_->tgtVocab.toList().at(size_t(f.token))) : QString();
  return tr("Step %1: token forced to “%2”").arg(f.step + 1).arg(token);
}

void InterventionPanel::refreshEditList() {
  editList_->clear();
  for (const RowEdit& r : rows_) editList_->addItem(describe(r));
  for (const ForcedToken& f : forced_) editList_->addItem(describe(f));
  if (editList_->count() == 0) editList_->addItem(tr("No edits of rows or tokens yet"));
  undo_->setEnabled(!undoStack_.empty());
}

}  // namespace attn::ui
