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
    : QWidget(parent), mModelDoc(model), mTraceDoc(trace) {
  setObjectName(QStringLiteral("computationView"));
  applyFont();
  mMessageLabel = richLabel(this);
  mMessageLabel->setObjectName(QStringLiteral("computationMessage"));
  mMessageLabel->setContentsMargins(12, 12, 12, 12);
  mMessageLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);

  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(buildSections());

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(buildControls());
  layout->addWidget(mMessageLabel);
  layout->addWidget(scroll, 1);
  mMessageLabel->hide();

  connect(mModelDoc, &ModelDocument::modelChanged, this, &ComputationView::markStale);
  connect(mTraceDoc, &TraceDocument::traceChanged, this, [this] {
    rebuildChoices();
    markStale();
  });
  connect(mTraceDoc, &TraceDocument::mapChanged, this, [this] {
    if (mUpdating) return;  // the panel's own choice, being passed on (chooseMap)
    adoptDocumentSelection();
    markStale();
  });
  connect(mTraceDoc, &TraceDocument::stepChanged, this, &ComputationView::markStale);
  rebuildChoices();
}

ComputationView::~ComputationView() = default;

QWidget* ComputationView::buildControls() {
  auto* bar = new QWidget(this);
  mPrevious = new QToolButton(bar);
  mNext = new QToolButton(bar);
  mPrevious->setText(QStringLiteral("◀"));
  mNext->setText(QStringLiteral("▶"));
  mPrevious->setToolTip(tr("Previous output step"));
  mNext->setToolTip(tr("Next output step"));
  mStepLabel = new QLabel(bar);
  mStepLabel->setTextFormat(Qt::RichText);
  mMapBox = new QComboBox(bar);
  mLayerLabel = new QLabel(tr("Layer"), bar);
  mLayerBox = new QComboBox(bar);
  mHeadLabel = new QLabel(tr("Head"), bar);
  mHeadBox = new QComboBox(bar);
  mQueryLabel = new QLabel(tr("Query"), bar);
  mQueryBox = new QComboBox(bar);
  mMapBox->setObjectName(QStringLiteral("computationMap"));
  mHeadBox->setObjectName(QStringLiteral("computationHead"));

  // Two rows: the step on one, what to take apart on the other, so a narrow tab cuts nothing.
  auto* rows = new QVBoxLayout(bar);
  rows->setContentsMargins(0, 0, 0, 0);
  auto* stepRow = new QHBoxLayout;
  for (QWidget* w : {static_cast<QWidget*>(mPrevious), static_cast<QWidget*>(mNext),
                     static_cast<QWidget*>(mStepLabel)})
    stepRow->addWidget(w);
  stepRow->addStretch(1);
  auto* mapRow = new QHBoxLayout;
  for (QWidget* w : {static_cast<QWidget*>(mMapBox), static_cast<QWidget*>(mLayerLabel),
                     static_cast<QWidget*>(mLayerBox), static_cast<QWidget*>(mHeadLabel),
                     static_cast<QWidget*>(mHeadBox), static_cast<QWidget*>(mQueryLabel),
                     static_cast<QWidget*>(mQueryBox)})
    mapRow->addWidget(w);
  mapRow->addStretch(1);
  rows->addLayout(stepRow);
  rows->addLayout(mapRow);
  mMapBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);

  connect(mPrevious, &QToolButton::clicked, this, [this] { stepBy(-1); });
  connect(mNext, &QToolButton::clicked, this, [this] { stepBy(1); });
  connect(mMapBox, &QComboBox::currentIndexChanged, this, &ComputationView::chooseMap);
  connect(mLayerBox, &QComboBox::currentIndexChanged, this, &ComputationView::chooseMap);
  connect(mHeadBox, &QComboBox::currentIndexChanged, this, &ComputationView::chooseMap);
  connect(mQueryBox, &QComboBox::currentIndexChanged, this, [this](int i) {
    if (!mUpdating && i >= 0) setSourcePosition(i);
  });
  return bar;
}

QWidget* ComputationView::buildSections() {
  mSections = new QWidget(this);
  auto* v = new QVBoxLayout(mSections);
  v->setContentsMargins(6, 0, 12, 12);
  v->setSpacing(6);
  auto title = [this] {
    QLabel* t = richLabel(mSections);
    t->setContentsMargins(0, 10, 0, 0);
    return t;
  };
  mQueryTitle = title();
  mQueryText = richLabel(mSections);
  mQueryRow = new VectorRow(mSections);
  mKeysTitle = title();
  mKeysText = richLabel(mSections);
  mScoreFormula = richLabel(mSections);
  mScoreFormula->setObjectName(QStringLiteral("computationScoreFormula"));
  mKeyTable = table({tr("j"), tr("Key token"), tr("Score"), tr("exp(score − max)"), tr("Weight"),
                     tr("Weight × value")},
                    mSections);
  mKeyTable->setItemDelegateForColumn(4, new BarDelegate(mKeyTable));
  mKeyTable->setToolTip(tr("Click a row to see its numbers in the formulas"));
  connect(mKeyTable, &QTableWidget::cellClicked, this,
          [this](int row, int) { setHighlightedKey(row); });
  mSoftmaxFormula = richLabel(mSections);
  mOutputTitle = title();
  mOutputFormula = richLabel(mSections);
  mOutputRow = new VectorRow(mSections);
  for (QWidget* w : {static_cast<QWidget*>(mQueryTitle), static_cast<QWidget*>(mQueryText),
                     static_cast<QWidget*>(mQueryRow), static_cast<QWidget*>(mKeysTitle),
                     static_cast<QWidget*>(mKeysText), static_cast<QWidget*>(mScoreFormula),
                     static_cast<QWidget*>(mKeyTable), static_cast<QWidget*>(mSoftmaxFormula),
                     static_cast<QWidget*>(mOutputTitle), static_cast<QWidget*>(mOutputFormula),
                     static_cast<QWidget*>(mOutputRow)})
    v->addWidget(w);

  mHeadsSection = new QWidget(mSections);
  auto* hv = new QVBoxLayout(mHeadsSection);
  hv->setContentsMargins(0, 0, 0, 0);
  mHeadsTitle = title();
  mHeadTable =
      table({tr("Head"), tr("Strongest key"), tr("Its weight"), tr("Output")}, mHeadsSection);
  mHeadTable->setItemDelegateForColumn(2, new BarDelegate(mHeadTable));
  mHeadTable->setToolTip(tr("Click a head to take it apart above"));
  connect(mHeadTable, &QTableWidget::cellClicked, this, [this](int row, int) { setHead(row); });
  mConcatRow = new VectorRow(mHeadsSection);
  mProjectedRow = new VectorRow(mHeadsSection);
  mProjectionText = richLabel(mHeadsSection);
  for (QWidget* w : {static_cast<QWidget*>(mHeadsTitle), static_cast<QWidget*>(mHeadTable),
                     static_cast<QWidget*>(mConcatRow), static_cast<QWidget*>(mProjectedRow),
                     static_cast<QWidget*>(mProjectionText)})
    hv->addWidget(w);
  v->addWidget(mHeadsSection);

  mNextSection = new QWidget(mSections);
  auto* nv = new QVBoxLayout(mNextSection);
  nv->setContentsMargins(0, 0, 0, 0);
  mNextTitle = title();
  mReadoutText = richLabel(mNextSection);
  mNextTable = table({tr("Next token"), tr("Probability")}, mNextSection);
  mNextTable->setItemDelegateForColumn(1, new BarDelegate(mNextTable));
  for (QWidget* w : {static_cast<QWidget*>(mNextTitle), static_cast<QWidget*>(mReadoutText),
                     static_cast<QWidget*>(mNextTable)})
    nv->addWidget(w);
  v->addWidget(mNextSection);

  mAgreement = richLabel(mSections);
  mAgreement->setObjectName(QStringLiteral("computationAgreement"));
  mAgreement->setStyleSheet(QStringLiteral("color:#505050"));
  v->addWidget(mAgreement);
  v->addStretch(1);
  return mSections;
}

// The maps, layers and heads the trace and model offer; the query box lists the source.
void ComputationView::rebuildChoices() {
  mUpdating = true;
  mMapBox->clear();
  for (MapKind kind : mTraceDoc->mapKinds())
    mMapBox->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  mQueryBox->clear();
  for (const QString& token : displayLabels(mTraceDoc->sourceTokens())) mQueryBox->addItem(token);
  mSourcePosition = std::clamp(mSourcePosition, 0, std::max(0, int(mQueryBox->count()) - 1));
  mUpdating = false;
  adoptDocumentSelection();
}

// Follows the map, layer and head selected elsewhere (the mean over heads keeps this panel's
// head: a computation is always one head's).
void ComputationView::adoptDocumentSelection() {
  const MapKind kind = mTraceDoc->mapKind();
  if (mMapBox->findData(mapKindData(kind)) >= 0) {
    mMap = kind;
    mLayer = mTraceDoc->layer();
    if (mTraceDoc->head() >= 0) mHead = mTraceDoc->head();
  } else if (mMapBox->findData(mapKindData(mMap)) < 0) {
    mMap = mMapBox->count() ? mapKindOf(mMapBox->itemData(0)) : MapKind::Cross;
  }
  const AttentionMap* m = mTraceDoc->map(mMap);
  const int layers = m ? m->layers : 1, heads = m ? m->heads : 1;
  mLayer = std::clamp(mLayer, 0, layers - 1);
  mHead = std::clamp(mHead, 0, heads - 1);

  mUpdating = true;
  mMapBox->setCurrentIndex(mMapBox->findData(mapKindData(mMap)));
  mLayerBox->clear();
  for (int l = 0; l < layers; ++l) mLayerBox->addItem(QString::number(l + 1));
  mLayerBox->setCurrentIndex(mLayer);
  mHeadBox->clear();
  for (int h = 0; h < heads; ++h) mHeadBox->addItem(QString::number(h + 1));
  mHeadBox->setCurrentIndex(mHead);
  mQueryBox->setCurrentIndex(mSourcePosition);
  const bool several = mMapBox->count() > 1;
  mMapBox->setVisible(several);
  mLayerLabel->setVisible(layers > 1);
  mLayerBox->setVisible(layers > 1);
  mHeadLabel->setText(mMap == MapKind::Hops ? tr("Hop") : tr("Head"));
  mHeadLabel->setVisible(heads > 1);
  mHeadBox->setVisible(heads > 1);
  const bool encoder = mMap == MapKind::EncoderSelf;
  mQueryLabel->setVisible(encoder);
  mQueryBox->setVisible(encoder);
  mUpdating = false;
}

// One of the panel's own boxes changed: the document's selection follows, so the heatmaps show
// the same map, layer and head.
void ComputationView::chooseMap() {
  if (mUpdating) return;
  if (mMapBox->currentIndex() >= 0) mMap = mapKindOf(mMapBox->currentData());
  mLayer = std::max(0, mLayerBox->currentIndex());
  mHead = std::max(0, mHeadBox->currentIndex());
  mUpdating = true;
  mTraceDoc->selectMap(mMap, mLayer, mHead);
  mUpdating = false;
  adoptDocumentSelection();
  markStale();
}

void ComputationView::setHead(int head) {
  if (head < 0 || head >= mHeadBox->count() || head == mHead) return;
  mHeadBox->setCurrentIndex(head);  // chooseMap() takes it from there
}

void ComputationView::setSourcePosition(int position) {
  if (position < 0 || position >= mQueryBox->count()) return;
  mSourcePosition = position;
  mUpdating = true;
  mQueryBox->setCurrentIndex(position);
  mUpdating = false;
  markStale();
}

void ComputationView::setHighlightedKey(int key) {
  ensureFresh();
  if (!mComputation || key < 0 || key >= mKeyTable->rowCount()) return;
  mKey = key;
  render();
}

void ComputationView::stepBy(int delta) {
  if (mMap == MapKind::EncoderSelf)
    setSourcePosition(mSourcePosition + delta);
  else
    mTraceDoc->setStep(mTraceDoc->step() + delta);
}

// A new trace emits three signals at once: one recomputation, on the next turn of the event
// loop, serves them all. Readers of the numbers (computation()) never wait for it.
void ComputationView::markStale() {
  mStale = true;
  if (!isVisible() || mRefreshQueued) return;
  mRefreshQueued = true;
  QMetaObject::invokeMethod(
      this,
      [this] {
        mRefreshQueued = false;
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
  if (!mStale) return;
  mStale = false;
  recompute();
}

const explain::Computation* ComputationView::computation() {
  ensureFresh();
  return mComputation.get();
}

QString ComputationView::message() {
  ensureFresh();
  return mMessage;
}

// Why there is nothing to compute, or an empty string.
QString ComputationView::unavailableReason() const {
  const auto& trace = mTraceDoc->trace();
  if (!trace)
    return tr(
        "Decode a sentence to see one attention step computed with the model's own "
        "numbers.");
  if (mTraceDoc->isExample())
    return tr(
        "The example on screen was drawn by hand: no model computed it. Open or train a "
        "model and decode a sentence to see its computation.");
  if (!mModelDoc->hasModel())
    return tr(
        "The computation needs the model that made this trace: a trace holds the "
        "attention weights, not the parameters they were computed from. Open that model "
        "(File ▸ Open model) and decode the sentence again.");
  return {};
}

void ComputationView::recompute() {
  mComputation.reset();
  mMessage = unavailableReason();
  if (mModelDoc->model() != mModel) {  // another model, or none: the old one is let go
    mExplainer.reset();
    mExplainerError.clear();
    mModel.reset();
  }
  if (mMessage.isEmpty() && !mModel) {
    mModel = mModelDoc->model();
    try {
      mExplainer = std::make_unique<explain::ComputationExplainer>(*mModel);
    } catch (const std::exception& e) {
      mExplainerError = QString::fromStdString(e.what());
    }
  }
  if (mMessage.isEmpty() && !mExplainer)
    mMessage = tr("The open model cannot be taken apart here: %1.").arg(mExplainerError);
  if (mMessage.isEmpty()) {
    explain::ComputationRequest r;
    r.map = mMap;
    r.layer = mLayer;
    r.step = mTraceDoc->step();
    r.sourcePosition = mSourcePosition;
    r.topK = 8;
    try {
      auto c = std::make_unique<explain::Computation>(mExplainer->explain(*mTraceDoc->trace(), r));
      if (c->weightDifference > kMismatch)
        mMessage = tr("This trace does not come from the open model: recomputed with its "
                      "parameters, the weights differ from the trace's by up to %1. Decode the "
                      "sentence with this model to see its computation.")
                       .arg(c->weightDifference, 0, 'g', 2);
      else
        mComputation = std::move(c);
    } catch (const std::exception& e) {
      mMessage = tr("The computation of this step is not available: %1. Decode the sentence "
                    "with the open model to see it.")
                     .arg(QString::fromStdString(e.what()));
    }
  }
  if (mComputation) {
    // The strongest key first: the one a class wants to see computed.
    const auto& keys = mComputation->heads.at(size_t(mHead)).keys;
    mKey = int(std::max_element(keys.begin(), keys.end(),
                                [](const auto& a, const auto& b) { return a.weight < b.weight; }) -
               keys.begin());
  }
  render();
}

}  // namespace attn::ui
