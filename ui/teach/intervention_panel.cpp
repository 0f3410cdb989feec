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
      mSession(session),
      mRunner(new InterventionRunner(this)),
      mNote(new QLabel(this)),
      mStep(new QSpinBox(this)),
      mStepToken(new QLabel(this)),
      mTargetLabel(new QLabel(tr("Rows of"), this)),
      mMapBox(new QComboBox(this)),
      mLayerBox(new QComboBox(this)),
      mHeadBox(new QComboBox(this)),
      mRowEditor(new RowEditor(this)),
      mKeyBox(new QComboBox(this)),
      mForceBox(new QComboBox(this)),
      mHeads(new HeadAblationTable(this)),
      mEditList(new QListWidget(this)),
      mDecode(button(tr("Decode again"), "decodeAgainButton", this)),
      mUndo(button(tr("Undo"), "undoEditButton", this)),
      mReset(button(tr("Reset"), "resetEditsButton", this)),
      mResults(new InterventionResults(this)) {
  mControls = buildControls();
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(mControls);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(250);
  // The actions stay in sight under the controls, however far those are scrolled.
  auto* actions = new QHBoxLayout;
  actions->setContentsMargins(6, 0, 6, 6);
  actions->addWidget(mDecode, 1);
  actions->addWidget(mUndo);
  actions->addWidget(mReset);
  auto* column = new QWidget(this);
  auto* columnLayout = new QVBoxLayout(column);
  columnLayout->setContentsMargins(0, 0, 0, 0);
  columnLayout->addWidget(scroll, 1);
  columnLayout->addLayout(actions);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(column);
  split->addWidget(mResults);
  split->setStretchFactor(0, 0);
  split->setStretchFactor(1, 1);
  split->setSizes({300, 500});
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split);

  TraceDocument* doc = mSession->traceDocument();
  connect(doc, &TraceDocument::traceChanged, this, &InterventionPanel::onTraceChanged);
  connect(doc, &TraceDocument::stepChanged, this, &InterventionPanel::selectStep);
  connect(mResults, &InterventionResults::stepPicked, this, [this](int step) {
    selectStep(step);
    mSession->traceDocument()->setStep(step);
  });
  connect(mRunner, &InterventionRunner::finished, this,
          [this](std::shared_ptr<const InterventionRun> run) {
            mResults->showRun(std::move(run));
            mResults->setSelectedStep(step());
            emit finished();
          });
  connect(mRunner, &InterventionRunner::failed, this, &InterventionPanel::failed);
  connect(mRunner, &InterventionRunner::busyChanged, this, [this](bool busy) {
    mDecode->setEnabled(!busy && isUsable());
    mDecode->setText(busy ? tr("Decoding…") : tr("Decode again"));
  });
  onTraceChanged();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { mResults->setColourMap(map); });
}

InterventionPanel::~InterventionPanel() = default;

QWidget* InterventionPanel::buildControls() {
  auto* w = new QWidget(this);
  mNote->setWordWrap(true);
  mNote->setObjectName(QStringLiteral("interventionNote"));
  mStep->setObjectName(QStringLiteral("interventionStep"));
  mStep->setToolTip(tr("The output step to change: a row of the heatmaps (click one there)"));
  mStepToken->setWordWrap(true);
  mStepToken->setTextFormat(Qt::RichText);
  mMapBox->setObjectName(QStringLiteral("interventionMapBox"));
  mLayerBox->setObjectName(QStringLiteral("interventionLayerBox"));
  mHeadBox->setObjectName(QStringLiteral("interventionHeadBox"));
  mKeyBox->setObjectName(QStringLiteral("oneHotKeyBox"));
  mForceBox->setObjectName(QStringLiteral("forceTokenBox"));
  mEditList->setObjectName(QStringLiteral("interventionEdits"));
  // A combo box as wide as its longest entry (508 target words) would widen the column.
  for (QComboBox* box : {mKeyBox, mForceBox, mMapBox}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(8);
  }
  mEditList->setMaximumHeight(110);
  mDecode->setDefault(true);
  mDecode->setToolTip(
      tr("Decode the sentence greedily with the edits, and compare (Ctrl+Shift+Return)"));

  auto* stepForm = new QFormLayout;
  mStepForm = stepForm;
  stepForm->addRow(tr("Output step"), mStep);
  stepForm->addRow(QString(), mStepToken);
  auto* target = new QHBoxLayout;
  target->addWidget(mLayerBox);
  target->addWidget(mHeadBox);
  stepForm->addRow(mTargetLabel, target);
  stepForm->addRow(tr("Show"), mMapBox);

  auto* rowBox = new QGroupBox(tr("Attention row of this step"), w);
  auto* zero = button(tr("Zero row"), "zeroRowButton", rowBox);
  zero->setToolTip(tr("Weights of 0: the model reads nothing from the source at this step"));
  auto* oneHot = button(tr("One-hot on"), "oneHotButton", rowBox);
  oneHot->setToolTip(tr("All the weight on one source token: it reads exactly that token"));
  auto* useEdited = button(tr("Use the weights above"), "useEditedRowButton", rowBox);
  auto* quick = new QHBoxLayout;
  quick->addWidget(oneHot);
  quick->addWidget(mKeyBox, 1);
  auto* rowLayout = new QVBoxLayout(rowBox);
  rowLayout->addWidget(zero);
  rowLayout->addLayout(quick);
  rowLayout->addWidget(mRowEditor, 1);
  rowLayout->addWidget(useEdited);

  auto* forceBox = new QGroupBox(tr("Token chosen at this step"), w);
  auto* force = button(tr("Force"), "forceTokenButton", forceBox);
  force->setToolTip(tr("Feed this token to the next steps instead of the most probable one"));
  auto* forceLayout = new QHBoxLayout(forceBox);
  forceLayout->addWidget(mForceBox, 1);
  forceLayout->addWidget(force);

  auto* headBox = new QGroupBox(tr("Ablate heads (every step)"), w);
  auto* headLayout = new QVBoxLayout(headBox);
  headLayout->addWidget(mHeads);

  auto* layout = new QVBoxLayout(w);
  layout->setContentsMargins(6, 4, 6, 6);
  layout->addWidget(mNote);
  layout->addLayout(stepForm);
  layout->addWidget(rowBox, 1);
  layout->addWidget(forceBox);
  layout->addWidget(headBox);
  layout->addWidget(new QLabel(tr("Edits"), w));
  layout->addWidget(mEditList);

  connect(mStep, &QSpinBox::valueChanged, this, [this] {
    refreshStepControls();
    mResults->setSelectedStep(step());
  });
  connect(mLayerBox, qOverload<int>(&QComboBox::activated), this,
          [this] { setTarget(mLayerBox->currentIndex(), mHeadBox->currentIndex() - 1); });
  connect(mHeadBox, qOverload<int>(&QComboBox::activated), this,
          [this] { setTarget(mLayerBox->currentIndex(), mHeadBox->currentIndex() - 1); });
  connect(mMapBox, qOverload<int>(&QComboBox::activated), this,
          &InterventionPanel::refreshResultsMap);
  connect(zero, &QPushButton::clicked, this, &InterventionPanel::zeroRow);
  connect(oneHot, &QPushButton::clicked, this, [this] { oneHotRow(mKeyBox->currentIndex()); });
  connect(useEdited, &QPushButton::clicked, this, &InterventionPanel::useEditedRow);
  connect(force, &QPushButton::clicked, this,
          [this] { forceToken(mForceBox->currentData().toLongLong()); });
  connect(mDecode, &QPushButton::clicked, this, &InterventionPanel::decodeAgain);
  connect(mUndo, &QPushButton::clicked, this, &InterventionPanel::undo);
  connect(mReset, &QPushButton::clicked, this, &InterventionPanel::reset);
  return w;
}

bool InterventionPanel::isUsable() const {
  return mModel && mBaseline && !mBaseline->targetTokens.empty() &&
         mBaseline->attention.count(MapKind::Hops) == 0;
}

void InterventionPanel::onTraceChanged() {
  const TraceDocument* doc = mSession->traceDocument();
  const std::shared_ptr<const Model>& model = mSession->modelDocument()->model();
  // Edits name rows and steps of one sentence: a new trace starts them afresh.
  mRows.clear();
  mForced.clear();
  mUndoStack.clear();
  const bool fits = model && !model->isClassifier() && doc->trace() && !doc->isExample() &&
                    doc->trace()->attention.count(MapKind::Hops) == 0;
  mBaseline = fits ? doc->trace() : nullptr;
  mModel = fits ? model : nullptr;
  if (!mModel) {
    mNote->setText(
        tr("Interventions need an encoder-decoder model and a sentence decoded with "
           "it: open or train one, and decode."));
  } else if (!mBaseline->attention.count(MapKind::Cross)) {
    mNote->setText(
        tr("This model has no attention over the source: only forcing tokens "
           "changes what it does."));
  } else {
    mNote->setText(
        tr("Pick an output step, change what it attends to or which token it "
           "chooses, then decode again."));
  }
  mControls->setEnabled(isUsable());
  mReset->setEnabled(isUsable());
  mNote->setEnabled(true);
  mDecode->setEnabled(isUsable() && !mRunner->isBusy());

  const AttentionMap* cross = mBaseline && mBaseline->attention.count(MapKind::Cross)
                                  ? &mBaseline->attention.at(MapKind::Cross)
                                  : nullptr;
  const bool transformer = cross && cross->heads > 1;
  mLayerBox->clear();
  mHeadBox->clear();
  for (int l = 0; cross && l < cross->layers; ++l) mLayerBox->addItem(tr("layer %1").arg(l + 1));
  mHeadBox->addItem(tr("every head"));
  for (int h = 0; cross && h < cross->heads; ++h) mHeadBox->addItem(tr("head %1").arg(h + 1));
  mStepForm->setRowVisible(mTargetLabel, transformer);
  mMapBox->clear();
  if (mBaseline)
    for (MapKind kind : {MapKind::Cross, MapKind::DecoderSelf, MapKind::EncoderSelf})
      if (mBaseline->attention.count(kind))
        mMapBox->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  mStepForm->setRowVisible(mMapBox, mMapBox->count() > 1);
  mLayerBox->setCurrentIndex(cross ? cross->layers - 1 : 0);  // the layer that feeds the output
  mLayer = std::max(0, mLayerBox->currentIndex());
  mHead = -1;

  mKeyBox->clear();
  mForceBox->clear();
  if (mBaseline) {
    for (const std::string& t : mBaseline->sourceTokens) mKeyBox->addItem(plainToken(t));
    const std::vector<std::string>& vocab = mModel->tgtVocab.toList();
    for (size_t i = 0; i < vocab.size(); ++i)
      mForceBox->addItem(plainToken(vocab[i]), QVariant::fromValue<qlonglong>(qlonglong(i)));
  }
  mHeads->setMaps(mBaseline ? ablatableMaps(*mBaseline)
                            : std::vector<HeadAblationTable::MapShape>{});
  mStep->setRange(1, mBaseline ? std::max<int>(1, int(mBaseline->targetTokens.size())) : 1);
  mStep->setValue(1 + (mBaseline ? doc->step() : 0));
  mResults->showBaseline(mBaseline);
  refreshResultsMap();
  refreshStepControls();
  refreshEditList();
}

int InterventionPanel::step() const {
  return mStep->value() - 1;
}

void InterventionPanel::selectStep(int step) {
  mStep->setValue(step + 1);  // clamped to the steps there are
}

void InterventionPanel::setTarget(int layer, int head) {
  mLayer = std::max(0, layer);
  mHead = head;
  mLayerBox->setCurrentIndex(mLayer);
  mHeadBox->setCurrentIndex(head + 1);
  refreshResultsMap();
  refreshRowEditor();
}

void InterventionPanel::refreshStepControls() {
  if (!mBaseline) {
    mStepToken->clear();
    mRowEditor->setRow({}, {});
    return;
  }
  const int t = step();
  const std::string token =
      t < int(mBaseline->targetTokens.size()) ? mBaseline->targetTokens[size_t(t)] : "";
  mStepToken->setText(tr("The model chose “%1” here").arg(visibleToken(qs(token))));
  if (mModel) {  // the box offers the chosen token first: change it to force another
    const int id = mForceBox->findData(QVariant::fromValue<qlonglong>(mModel->tgtVocab.id(token)));
    if (id >= 0) mForceBox->setCurrentIndex(id);
  }
  refreshRowEditor();
}

void InterventionPanel::refreshRowEditor() {
  QStringList tokens;
  std::vector<float> row;
  if (mBaseline && mBaseline->attention.count(MapKind::Cross)) {
    const AttentionMap& cross = mBaseline->attention.at(MapKind::Cross);
    for (const std::string& s : mBaseline->sourceTokens) tokens << qs(s);
    const std::vector<float> m = mapMatrix(cross, std::min(mLayer, cross.layers - 1), mHead);
    const int t = std::clamp(step(), 0, cross.queries - 1);
    row.assign(m.begin() + std::ptrdiff_t(t) * cross.keys,
               m.begin() + std::ptrdiff_t(t + 1) * cross.keys);
  }
  mRowEditor->setRow(tokens, row);
}

void InterventionPanel::refreshResultsMap() {
  const MapKind map = mMapBox->count() ? mapKindOf(mMapBox->currentData()) : MapKind::Cross;
  int layer = mLayer, head = mHead;
  if (mBaseline && mBaseline->attention.count(map)) {
    const AttentionMap& m = mBaseline->attention.at(map);
    layer = std::min(layer, m.layers - 1);  // the encoder may have fewer layers than the decoder
    if (head >= m.heads) head = -1;
  }
  mResults->setMap(map, layer, head);
  mResults->setSelectedStep(step());
}

void InterventionPanel::addRowEdit(RowEdit edit) {
  if (!isUsable() || !mBaseline->attention.count(MapKind::Cross)) return;
  // One edit per row: a new one replaces any that covers the same heads of that step and layer.
  std::vector<RowEdit> kept;
  for (const RowEdit& r : mRows)
    if (!(r.step == edit.step && r.layer == edit.layer &&
          (r.head < 0 || edit.head < 0 || r.head == edit.head)))
      kept.push_back(r);
  mUndoStack.emplace_back(mRows, mForced);
  mRows = std::move(kept);
  mRows.push_back(std::move(edit));
  refreshEditList();
}

void InterventionPanel::zeroRow() {
  if (!mBaseline) return;
  addRowEdit(attn::zeroRow(step(), int64_t(mBaseline->sourceTokens.size()), mLayer, mHead));
}

void InterventionPanel::oneHotRow(int key) {
  if (!mBaseline || key < 0 || key >= int(mBaseline->sourceTokens.size())) return;
  addRowEdit(attn::oneHotRow(step(), key, int64_t(mBaseline->sourceTokens.size()), mLayer, mHead));
}

void InterventionPanel::useEditedRow() {
  if (!mBaseline) return;
  addRowEdit(RowEdit{step(), mLayer, mHead, mRowEditor->weights(), mRowEditor->renormalise()});
}

void InterventionPanel::forceToken(int64_t tokenId) {
  if (!isUsable()) return;
  mUndoStack.emplace_back(mRows, mForced);
  std::erase_if(mForced, [&](const ForcedToken& f) { return f.step == step(); });
  mForced.push_back({step(), tokenId});
  refreshEditList();
}

void InterventionPanel::undo() {
  // Back to the edits as they were before the last one (which may have replaced another).
  if (mUndoStack.empty()) return;
  std::tie(mRows, mForced) = std::move(mUndoStack.back());
  mUndoStack.pop_back();
  refreshEditList();
}

void InterventionPanel::reset() {
  if (!mRows.empty() || !mForced.empty()) mUndoStack.emplace_back(mRows, mForced);
  mRows.clear();
  mForced.clear();
  mHeads->clearAblations();
  mResults->clearRun();
  refreshEditList();
}

Intervention InterventionPanel::intervention() const {
  Intervention iv;
  iv.rows = mRows;
  iv.forced = mForced;
  iv.ablations = mHeads->ablations();
  return iv;
}

std::string InterventionPanel::sentence() const {
  if (!mBaseline || !mModel) return {};
  std::vector<std::string> typed = mBaseline->sourceTokens;
  if (!typed.empty() && typed.back() == "<eos>") typed.pop_back();  // added, not typed
  return data::detokenize(typed, mModel->tokenizer);
}

bool InterventionPanel::isBusy() const {
  return mRunner->isBusy();
}

void InterventionPanel::decodeAgain() {
  if (!isUsable()) return;
  InterventionRequest request;
  request.sentence = sentence();
  request.intervention = intervention();
  mRunner->start(mModel, request);
}

QString InterventionPanel::describe(const RowEdit& e) const {
  QString what;
  const auto nonZero =
      std::count_if(e.weights.begin(), e.weights.end(), [](double w) { return w != 0; });
  if (nonZero == 0) {
    what = tr("zeroed");
  } else if (nonZero == 1 && mBaseline) {
    const auto k =
        std::find_if(e.weights.begin(), e.weights.end(), [](double w) { return w != 0; }) -
        e.weights.begin();
    what = tr("one-hot on “%1”").arg(plainToken(mBaseline->sourceTokens.at(size_t(k))));
  } else {
    what = e.renormalise ? tr("edited, renormalised") : tr("edited, as typed");
  }
  const bool heads = mHeadBox->count() > 2;
  const QString where = !heads       ? QString()
                        : e.head < 0 ? tr(" (layer %1, every head)").arg(e.layer + 1)
                                     : tr(" (layer %1, head %2)").arg(e.layer + 1).arg(e.head + 1);
  return tr("Step %1: attention row %2%3").arg(e.step + 1).arg(what, where);
}

QString InterventionPanel::describe(const ForcedToken& f) const {
  const QString token =
      mModel ? plainToken(mModel->tgtVocab.toList().at(size_t(f.token))) : QString();
  return tr("Step %1: token forced to “%2”").arg(f.step + 1).arg(token);
}

void InterventionPanel::refreshEditList() {
  mEditList->clear();
  for (const RowEdit& r : mRows) mEditList->addItem(describe(r));
  for (const ForcedToken& f : mForced) mEditList->addItem(describe(f));
  if (mEditList->count() == 0) mEditList->addItem(tr("No edits of rows or tokens yet"));
  mUndo->setEnabled(!mUndoStack.empty());
}

}  // namespace attn::ui
