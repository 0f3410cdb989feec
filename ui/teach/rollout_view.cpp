#include "teach/rollout_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "documents/settings.h"
#include "documents/trace_document.h"
#include "explain/rollout.h"
#include "trace/trace.h"
#include "views/heatmap_view.h"
#include "views/token_html.h"

namespace attn::ui {

namespace {

const AttentionMap* findMap(const Trace& trace, MapKind kind) {
  auto it = trace.attention.find(kind);
  return it == trace.attention.end() ? nullptr : &it->second;
}

QComboBox* comboWithLabel(const QString& caption, QWidget* parent, QHBoxLayout* row) {
  auto* label = new QLabel(caption, parent);
  auto* box = new QComboBox(parent);
  box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  label->setBuddy(box);
  row->addWidget(label);
  row->addWidget(box);
  return box;
}

}  // namespace

RolloutView::RolloutView(TraceDocument* document, const Settings* settings, QWidget* parent)
    : QWidget(parent),
      mDocument(document),
      mStack(new QStackedWidget(this)),
      mEmpty(new QLabel(this)),
      mRaw(new HeatmapView(this)),
      mRollout(new HeatmapView(this)),
      mNote(new QLabel(this)) {
  mEmpty->setAlignment(Qt::AlignCenter);
  mEmpty->setWordWrap(true);
  mEmpty->setObjectName(QStringLiteral("rolloutEmpty"));
  mRaw->setObjectName(QStringLiteral("rolloutRaw"));
  mRollout->setObjectName(QStringLiteral("rolloutRollout"));
  mNote->setObjectName(QStringLiteral("rolloutNote"));
  mNote->setWordWrap(true);
  mNote->setTextFormat(Qt::RichText);
  mNote->setContentsMargins(8, 2, 8, 4);

  auto* page = new QWidget(this);
  auto* controls = new QHBoxLayout;
  controls->setContentsMargins(8, 4, 8, 0);
  mMapBox = comboWithLabel(tr("&Attention:"), page, controls);
  mLayerBox = comboWithLabel(tr("&Layer:"), page, controls);
  mHeadBox = comboWithLabel(tr("&Raw heads:"), page, controls);
  mMapBox->setObjectName(QStringLiteral("rolloutMap"));
  mLayerBox->setObjectName(QStringLiteral("rolloutLayer"));
  mHeadBox->setObjectName(QStringLiteral("rolloutHead"));
  mHeadBox->setToolTip(
      tr("The raw map shows the mean over heads or one head; rollout always "
         "composes the mean over heads, as Abnar & Zuidema do."));
  controls->addStretch(1);

  auto* splitter = new QSplitter(Qt::Horizontal, page);
  splitter->addWidget(mRaw);
  splitter->addWidget(mRollout);
  splitter->setChildrenCollapsible(false);
  auto* pageLayout = new QVBoxLayout(page);
  pageLayout->setContentsMargins(0, 0, 0, 0);
  pageLayout->addLayout(controls);
  pageLayout->addWidget(splitter, 1);
  pageLayout->addWidget(mNote);

  mStack->addWidget(mEmpty);
  mStack->addWidget(page);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mStack);

  connect(mDocument, &TraceDocument::traceChanged, this, &RolloutView::rebuildChoices);
  connect(mDocument, &TraceDocument::stepChanged, this, &RolloutView::followStep);
  for (QComboBox* box : {mMapBox, mLayerBox, mHeadBox})
    connect(box, &QComboBox::currentIndexChanged, this, [this, box] {
      if (mRebuilding) return;
      if (box == mMapBox) {
        rebuildChoices();  // another map may have other layers and heads
      } else {
        refresh();
      }
    });
  for (HeatmapView* h : {mRaw, mRollout})
    connect(h, &HeatmapView::rowClicked, this, [this](int row) {
      if (mRowsAreSteps) mDocument->setStep(row);
    });
  rebuildChoices();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { setColourMap(map); });
}

bool RolloutView::isShowingRollout() const {
  return mStack->currentIndex() == 1;
}

void RolloutView::setColourMap(ColourMap map) {
  mRaw->setColourMap(map);
  mRollout->setColourMap(map);
}

MapKind RolloutView::mapKind() const {
  return mapKindOf(mMapBox->currentData());
}

void RolloutView::rebuildChoices() {
  const auto& trace = mDocument->trace();
  if (!trace || !hasRollout(*trace)) {
    mEmpty->setText(
        tr("Attention rollout (Abnar & Zuidema 2020) follows attention through a stack of "
           "self-attention layers, down to the input tokens.\n\nIt needs a transformer: open "
           "the toy-fr transformer, or a trace of one. An RNN's single cross-attention and the "
           "classifier's hops have no layers to compose."));
    mStack->setCurrentWidget(mEmpty);
    return;
  }
  mRebuilding = true;
  const QVariant previousMap = mMapBox->currentData();
  const int previousLayer = mLayerBox->currentIndex(), layerCount = mLayerBox->count();
  const int previousHead = mHeadBox->currentIndex();
  mMapBox->clear();
  for (MapKind kind : {MapKind::Cross, MapKind::EncoderSelf, MapKind::DecoderSelf})
    if (findMap(*trace, kind)) mMapBox->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  const int keep = mMapBox->findData(previousMap);
  mMapBox->setCurrentIndex(std::max(keep, 0));  // cross-attention first: the most telling
  const AttentionMap& map = *findMap(*trace, mapKind());
  mLayerBox->clear();
  for (int l = 0; l < map.layers; ++l)
    mLayerBox->addItem(tr("%1 of %2").arg(l + 1).arg(map.layers));
  // The last layer unless the user chose another one that still exists.
  const bool chose = previousLayer >= 0 && previousLayer < layerCount - 1;
  mLayerBox->setCurrentIndex(chose && previousLayer < map.layers ? previousLayer : map.layers - 1);
  mHeadBox->clear();
  mHeadBox->addItem(tr("mean over %n head(s)", nullptr, map.heads));
  for (int h = 0; h < map.heads; ++h) mHeadBox->addItem(tr("head %1").arg(h + 1));
  mHeadBox->setCurrentIndex(previousHead > 0 && previousHead <= map.heads ? previousHead : 0);
  mHeadBox->setEnabled(map.heads > 1);
  mRebuilding = false;
  refresh();
}

void RolloutView::refresh() {
  const auto& trace = mDocument->trace();
  if (!trace || mMapBox->currentIndex() < 0) return;
  const MapKind kind = mapKind();
  const int layer = mLayerBox->currentIndex();
  const int head = mHeadBox->currentIndex() - 1;  // −1: the mean
  TraceRollout rollout;
  try {
    rollout = traceRollout(*trace, layer);
  } catch (const std::exception& e) {
    mEmpty->setText(tr("No rollout for this trace: %1").arg(QString::fromUtf8(e.what())));
    mStack->setCurrentWidget(mEmpty);
    return;
  }
  const RolloutMatrix& r = kind == MapKind::Cross         ? rollout.cross
                           : kind == MapKind::DecoderSelf ? rollout.decoder
                                                          : rollout.encoder;
  const MatrixSnapshot raw =
      mDocument->matrix(kind, layer, head < 0 ? TraceDocument::kMeanOverHeads : head);
  const QStringList rows = displayLabels(raw.rowLabels), cols = displayLabels(raw.colLabels);
  if (raw.rows != r.rows || raw.cols != r.cols ||
      !mRaw->setMatrix(raw.rows, raw.cols, raw.values, rows, cols) ||
      !mRollout->setMatrix(r.rows, r.cols, r.values, rows, cols)) {
    mEmpty->setText(tr("This trace's maps do not fit together, so there is no rollout to show."));
    mStack->setCurrentWidget(mEmpty);
    return;
  }
  mStack->setCurrentIndex(1);
  mRowsAreSteps = raw.rowsAreSteps;
  const int layers = mLayerBox->count();
  mRaw->setTitle(tr("Raw attention · layer %1 of %2\n%3")
                     .arg(layer + 1)
                     .arg(layers)
                     .arg(mHeadBox->currentText()));
  mRollout->setTitle(layer == 0 ? tr("Rollout through layer 1 (Ã₁ alone)")
                                : tr("Rollout through layers 1–%1").arg(layer + 1));
  const bool cross = kind == MapKind::Cross;
  const QString keys = cross ? tr("source tokens (encoder input)") : raw.colTitle;
  mRaw->setAxisTitles(raw.colTitle, raw.rowTitle);
  mRollout->setAxisTitles(keys, raw.rowTitle);
  mRaw->setValueTitle(tr("attention weight"));
  mRollout->setValueTitle(tr("share of the token"));
  QString note =
      tr("<b>Rollout</b> treats each layer's residual connection as attention to oneself: "
         "Ã = ½·(mean over heads) + ½·I, rows renormalised, multiplied from layer 1 up "
         "(Abnar &amp; Zuidema 2020). Row i tells how much of each token reaches position i "
         "along every attention path.");
  if (cross)
    note +=
        tr(" For cross-attention, each decoder layer mixes its own stream with the "
           "encoder's output (½ each), and that output is the encoder's rollout over the "
           "source tokens: one decoder layer gives cross map × encoder rollout, and later "
           "layers weigh more.");
  mNote->setText(note);
  followStep(mDocument->step());
}

void RolloutView::followStep(int step) {
  for (HeatmapView* h : {mRaw, mRollout}) h->setSelectedRow(mRowsAreSteps ? step : -1);
}

}  // namespace attn::ui
