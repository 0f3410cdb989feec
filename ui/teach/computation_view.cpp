#include "computation_view.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "computation_view_widgets.h"
#include "documents/model_document.h"
#include "documents/trace_document.h"
#include "explain/computation.h"
#include "models/model.h"
#include "trace/trace.h"
#include "views/token_html.h"

namespace attn::ui {

namespace {

// The recomputation disagrees with the trace by more than float rounding: another model's trace.
constexpr double kMismatch = 1e-3;
// Formulas and tables are read from the back of a room: a size up from the rest of the window.
constexpr double kFontScale = 1.15;

QLabel* richLabel(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setTextFormat(Qt::RichText);
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

QTableWidget* table(const QStringList& headers, QWidget* parent) {
  auto* t = new QTableWidget(0, int(headers.size()), parent);
  t->setHorizontalHeaderLabels(headers);
  t->verticalHeader()->setVisible(false);
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSelectionMode(QAbstractItemView::NoSelection);
  t->setFocusPolicy(Qt::NoFocus);
  t->setWordWrap(false);
  t->horizontalHeader()->setStretchLastSection(true);
  t->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  t->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  return t;
}

}  // namespace

ComputationView::ComputationView(ModelDocument* model, TraceDocument* trace, QWidget* parent)
    : QWidget(parent), modelDoc_(model), traceDoc_(trace) {
  setObjectName(QStringLiteral("computationView"));
  applyFont();
  messageLabel_ = richLabel(this);
  messageLabel_->setObjectName(QStringLiteral("computationMessage"));
  messageLabel_->setContentsMargins(12, 12, 12, 12);
  messageLabel_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(buildSections());

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(buildControls());
  layout->addWidget(messageLabel_);
  layout->addWidget(scroll, 1);
  messageLabel_->hide();

  connect(modelDoc_, &ModelDocument::modelChanged, this, &ComputationView::markStale);
  connect(traceDoc_, &TraceDocument::traceChanged, this, [this] {
    rebuildChoices();
    markStale();
  });
  connect(traceDoc_, &TraceDocument::mapChanged, this, [this] {
    if (updating_) return;  // the panel's own choice, being passed on (chooseMap)
    adoptDocumentSelection();
    markStale();
  });
  connect(traceDoc_, &TraceDocument::stepChanged, this, &ComputationView::markStale);
  rebuildChoices();
}

ComputationView::~ComputationView() = default;

QWidget* ComputationView::buildControls() {
  auto* bar = new QWidget(this);
  previous_ = new QToolButton(bar);
  next_ = new QToolButton(bar);
  previous_->setText(QStringLiteral("◀"));
  next_->setText(QStringLiteral("▶"));
  previous_->setToolTip(tr("Previous output step"));
  next_->setToolTip(tr("Next output step"));
  stepLabel_ = new QLabel(bar);
  stepLabel_->setTextFormat(Qt::RichText);
  mapBox_ = new QComboBox(bar);
  layerLabel_ = new QLabel(tr("Layer"), bar);
  layerBox_ = new QComboBox(bar);
  headLabel_ = new QLabel(tr("Head"), bar);
  headBox_ = new QComboBox(bar);
  queryLabel_ = new QLabel(tr("Query"), bar);
  queryBox_ = new QComboBox(bar);
  mapBox_->setObjectName(QStringLiteral("computationMap"));
  headBox_->setObjectName(QStringLiteral("computationHead"));

  // Two rows: the step on one, what to take apart on the other, so a narrow tab cuts nothing.
  auto* rows = new QVBoxLayout(bar);
  rows->setContentsMargins(0, 0, 0, 0);
  auto* stepRow = new QHBoxLayout;
  for (QWidget* w : {static_cast<QWidget*>(previous_), static_cast<QWidget*>(next_),
                     static_cast<QWidget*>(stepLabel_)})
    stepRow->addWidget(w);
  stepRow->addStretch(1);
  auto* mapRow = new QHBoxLayout;
  for (QWidget* w : {static_cast<QWidget*>(mapBox_), static_cast<QWidget*>(layerLabel_),
                     static_cast<QWidget*>(layerBox_), static_cast<QWidget*>(headLabel_),
                     static_cast<QWidget*>(headBox_), static_cast<QWidget*>(queryLabel_),
                     static_cast<QWidget*>(queryBox_)})
    mapRow->addWidget(w);
  mapRow->addStretch(1);
  rows->addLayout(stepRow);
  rows->addLayout(mapRow);
  mapBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);

  connect(previous_, &QToolButton::clicked, this, [this] { stepBy(-1); });
  connect(next_, &QToolButton::clicked, this, [this] { stepBy(1); });
  connect(mapBox_, &QComboBox::currentIndexChanged, this, &ComputationView::chooseMap);
  connect(layerBox_, &QComboBox::currentIndexChanged, this, &ComputationView::chooseMap);
  connect(headBox_, &QComboBox::currentIndexChanged, this, &ComputationView::chooseMap);
  connect(queryBox_, &QComboBox::currentIndexChanged, this, [this](int i) {
    if (!updating_ && i >= 0) setSourcePosition(i);
  });
  return bar;
}

QWidget* ComputationView::buildSections() {
  sections_ = new QWidget(this);
  auto* v = new QVBoxLayout(sections_);
  v->setContentsMargins(6, 0, 12, 12);
  v->setSpacing(6);
  auto title = [this] {
    QLabel* t = richLabel(sections_);
    t->setContentsMargins(0, 10, 0, 0);
    return t;
  };
  queryTitle_ = title();
  queryText_ = richLabel(sections_);
  queryRow_ = new VectorRow(sections_);
  keysTitle_ = title();
  keysText_ = richLabel(sections_);
  scoreFormula_ = richLabel(sections_);
  scoreFormula_->setObjectName(QStringLiteral("computationScoreFormula"));
  keyTable_ = table({tr("j"), tr("Key token"), tr("Score"), tr("exp(score − max)"), tr("Weight"),
                     tr("Weight × value")},
                    sections_);
  keyTable_->setItemDelegateForColumn(4, new BarDelegate(keyTable_));
  keyTable_->setToolTip(tr("Click a row to see its numbers in the formulas"));
  connect(keyTable_, &QTableWidget::cellClicked, this,
          [this](int row, int) { setHighlightedKey(row); });
  softmaxFormula_ = richLabel(sections_);
  outputTitle_ = title();
  outputFormula_ = richLabel(sections_);
  outputRow_ = new VectorRow(sections_);
  for (QWidget* w : {static_cast<QWidget*>(queryTitle_), static_cast<QWidget*>(queryText_),
                     static_cast<QWidget*>(queryRow_), static_cast<QWidget*>(keysTitle_),
                     static_cast<QWidget*>(keysText_), static_cast<QWidget*>(scoreFormula_),
                     static_cast<QWidget*>(keyTable_), static_cast<QWidget*>(softmaxFormula_),
                     static_cast<QWidget*>(outputTitle_), static_cast<QWidget*>(outputFormula_),
                     static_cast<QWidget*>(outputRow_)})
    v->addWidget(w);

  headsSection_ = new QWidget(sections_);
  auto* hv = new QVBoxLayout(headsSection_);
  hv->setContentsMargins(0, 0, 0, 0);
  headsTitle_ = title();
  headTable_ =
      table({tr("Head"), tr("Strongest key"), tr("Its weight"), tr("Output")}, headsSection_);
  headTable_->setItemDelegateForColumn(2, new BarDelegate(headTable_));
  headTable_->setToolTip(tr("Click a head to take it apart above"));
  connect(headTable_, &QTableWidget::cellClicked, this, [this](int row, int) { setHead(row); });
  concatRow_ = new VectorRow(headsSection_);
  projectedRow_ = new VectorRow(headsSection_);
  projectionText_ = richLabel(headsSection_);
  for (QWidget* w : {static_cast<QWidget*>(headsTitle_), static_cast<QWidget*>(headTable_),
                     static_cast<QWidget*>(concatRow_), static_cast<QWidget*>(projectedRow_),
                     static_cast<QWidget*>(projectionText_)})
    hv->addWidget(w);
  v->addWidget(headsSection_);

  nextSection_ = new QWidget(sections_);
  auto* nv = new QVBoxLayout(nextSection_);
  nv->setContentsMargins(0, 0, 0, 0);
  nextTitle_ = title();
  readoutText_ = richLabel(nextSection_);
  nextTable_ = table({tr("Next token"), tr("Probability")}, nextSection_);
  nextTable_->setItemDelegateForColumn(1, new BarDelegate(nextTable_));
  for (QWidget* w : {static_cast<QWidget*>(nextTitle_), static_cast<QWidget*>(readoutText_),
                     static_cast<QWidget*>(nextTable_)})
    nv->addWidget(w);
  v->addWidget(nextSection_);

  agreement_ = richLabel(sections_);
  agreement_->setObjectName(QStringLiteral("computationAgreement"));
  agreement_->setStyleSheet(QStringLiteral("color:#505050"));
  v->addWidget(agreement_);
  v->addStretch(1);
  return sections_;
}

// The maps, layers and heads the trace and model offer; the query box lists the source.
void ComputationView::rebuildChoices() {
  updating_ = true;
  mapBox_->clear();
  for (MapKind kind : traceDoc_->mapKinds())
    mapBox_->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  queryBox_->clear();
  for (const QString& token : displayLabels(traceDoc_->sourceTokens())) queryBox_->addItem(token);
  sourcePosition_ = std::clamp(sourcePosition_, 0, std::max(0, int(queryBox_->count()) - 1));
  updating_ = false;
  adoptDocumentSelection();
}

// Follows the map, layer and head selected elsewhere (the mean over heads keeps this panel's
// head: a computation is always one head's).
void ComputationView::adoptDocumentSelection() {
  const MapKind kind = traceDoc_->mapKind();
  if (mapBox_->findData(mapKindData(kind)) >= 0) {
    map_ = kind;
    layer_ = traceDoc_->layer();
    if (traceDoc_->head() >= 0) head_ = traceDoc_->head();
  } else if (mapBox_->findData(mapKindData(map_)) < 0) {
    map_ = mapBox_->count() ? mapKindOf(mapBox_->itemData(0)) : MapKind::Cross;
  }
  const AttentionMap* m = traceDoc_->map(map_);
  const int layers = m ? m->layers : 1, heads = m ? m->heads : 1;
  layer_ = std::clamp(layer_, 0, layers - 1);
  head_ = std::clamp(head_, 0, heads - 1);

  updating_ = true;
  mapBox_->setCurrentIndex(mapBox_->findData(mapKindData(map_)));
  layerBox_->clear();
  for (int l = 0; l < layers; ++l) layerBox_->addItem(QString::number(l + 1));
  layerBox_->setCurrentIndex(layer_);
  headBox_->clear();
  for (int h = 0; h < heads; ++h) headBox_->addItem(QString::number(h + 1));
  headBox_->setCurrentIndex(head_);
  queryBox_->setCurrentIndex(sourcePosition_);
  const bool several = mapBox_->count() > 1;
  mapBox_->setVisible(several);
  layerLabel_->setVisible(layers > 1);
  layerBox_->setVisible(layers > 1);
  headLabel_->setText(map_ == MapKind::Hops ? tr("Hop") : tr("Head"));
  headLabel_->setVisible(heads > 1);
  headBox_->setVisible(heads > 1);
  const bool encoder = map_ == MapKind::EncoderSelf;
  queryLabel_->setVisible(encoder);
  queryBox_->setVisible(encoder);
  updating_ = false;
}

// One of the panel's own boxes changed: the document's selection follows, so the heatmaps show
// the same map, layer and head.
void ComputationView::chooseMap() {
  if (updating_) return;
  if (mapBox_->currentIndex() >= 0) map_ = mapKindOf(mapBox_->currentData());
  layer_ = std::max(0, layerBox_->currentIndex());
  head_ = std::max(0, headBox_->currentIndex());
  updating_ = true;
  traceDoc_->selectMap(map_, layer_, head_);
  updating_ = false;
  adoptDocumentSelection();
  markStale();
}

void ComputationView::setHead(int head) {
  if (head < 0 || head >= headBox_->count() || head == head_) return;
  headBox_->setCurrentIndex(head);  // chooseMap() takes it from there
}

void ComputationView::setSourcePosition(int position) {
  if (position < 0 || position >= queryBox_->count()) return;
  sourcePosition_ = position;
  updating_ = true;
  queryBox_->setCurrentIndex(position);
  updating_ = false;
  markStale();
}

void ComputationView::setHighlightedKey(int key) {
  ensureFresh();
  if (!computation_ || key < 0 || key >= keyTable_->rowCount()) return;
  key_ = key;
  render();
}

void ComputationView::stepBy(int delta) {
  if (map_ == MapKind::EncoderSelf)
    setSourcePosition(sourcePosition_ + delta);
  else
    traceDoc_->setStep(traceDoc_->step() + delta);
}

// A new trace emits three signals at once: one recomputation, on the next turn of the event
// loop, serves them all. Readers of the numbers (computation()) never wait for it.
void ComputationView::markStale() {
  stale_ = true;
  if (!isVisible() || refreshQueued_) return;
  refreshQueued_ = true;
  QMetaObject::invokeMethod(
      this,
      [this] {
        refreshQueued_ = false;
        ensureFresh();
      },
      Qt::QueuedConnection);
}

// Larger than the application's font, which it follows (classroom mode scales that one).
void ComputationView::applyFont() {
  QFont f = QApplication::font(this);
  if (f.pointSizeF() > 0)
    f.setPointSizeF(f.pointSizeF() * kFontScale);
  else
    f.setPixelSize(int(f.pixelSize() * kFontScale + 0.5));
  setFont(f);
}

bool ComputationView::event(QEvent* event) {
  if (event->type() == QEvent::ApplicationFontChange) applyFont();
  return QWidget::event(event);
}

void ComputationView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  ensureFresh();
}

void ComputationView::ensureFresh() {
  if (!stale_) return;
  stale_ = false;
  recompute();
}

const explain::Computation* ComputationView::computation() {
  ensureFresh();
  return computation_.get();
}

QString ComputationView::message() {
  ensureFresh();
  return message_;
}

// Why there is nothing to compute, or an empty string.
QString ComputationView::unavailableReason() const {
  const auto& trace = traceDoc_->trace();
  if (!trace)
    return tr(
        "Decode a sentence to see one attention step computed with the model's own "
        "numbers.");
  if (traceDoc_->isExample())
    return tr(
        "The example on screen was drawn by hand: no model computed it. Open or train a "
        "model and decode a sentence to see its computation.");
  if (!modelDoc_->hasModel())
    return tr(
        "The computation needs the model that made this trace: a trace holds the "
        "attention weights, not the parameters they were computed from. Open that model "
        "(File ▸ Open model) and decode the sentence again.");
  return {};
}

void ComputationView::recompute() {
  computation_.reset();
  message_ = unavailableReason();
  if (modelDoc_->model() != model_) {  // another model, or none: the old one is let go
    explainer_.reset();
    explainerError_.clear();
    model_.reset();
  }
  if (message_.isEmpty() && !model_) {
    model_ = modelDoc_->model();
    try {
      explainer_ = std::make_unique<explain::ComputationExplainer>(*model_);
    } catch (const std::exception& e) {
      explainerError_ = QString::fromStdString(e.what());
    }
  }
  if (message_.isEmpty() && !explainer_)
    message_ = tr("The open model cannot be taken apart here: %1.").arg(explainerError_);
  if (message_.isEmpty()) {
    explain::ComputationRequest r;
    r.map = map_;
    r.layer = layer_;
    r.step = traceDoc_->step();
    r.sourcePosition = sourcePosition_;
    r.topK = 8;
    try {
      auto c = std::make_unique<explain::Computation>(explainer_->explain(*traceDoc_->trace(), r));
      if (c->weightDifference > kMismatch)
        message_ = tr("This trace does not come from the open model: recomputed with its "
                      "parameters, the weights differ from the trace's by up to %1. Decode the "
                      "sentence with this model to see its computation.")
                       .arg(c->weightDifference, 0, 'g', 2);
      else
        computation_ = std::move(c);
    } catch (const std::exception& e) {
      message_ = tr("The computation of this step is not available: %1. Decode the sentence "
                    "with the open model to see it.")
                     .arg(QString::fromStdString(e.what()));
    }
  }
  if (computation_) {
    // The strongest key first: the one a class wants to see computed.
    const auto& keys = computation_->heads.at(size_t(head_)).keys;
    key_ = int(std::max_element(keys.begin(), keys.end(),
                                [](const auto& a, const auto& b) { return a.weight < b.weight; }) -
               keys.begin());
  }
  render();
}

}  // namespace attn::ui
