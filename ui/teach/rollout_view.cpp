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
      document_(document),
      stack_(new QStackedWidget(this)),
      empty_(new QLabel(this)),
      raw_(new HeatmapView(this)),
      rollout_(new HeatmapView(this)),
      note_(new QLabel(this)) {
  empty_->setAlignment(Qt::AlignCenter);
  empty_->setWordWrap(true);
  empty_->setObjectName(QStringLiteral("rolloutEmpty"));
  raw_->setObjectName(QStringLiteral("rolloutRaw"));
  rollout_->setObjectName(QStringLiteral("rolloutRollout"));
  note_->setObjectName(QStringLiteral("rolloutNote"));
  note_->setWordWrap(true);
  note_->setTextFormat(Qt::RichText);
  note_->setContentsMargins(8, 2, 8, 4);

  auto* page = new QWidget(this);
  auto* controls = new QHBoxLayout;
  controls->setContentsMargins(8, 4, 8, 0);
  mapBox_ = comboWithLabel(tr("&Attention:"), page, controls);
  layerBox_ = comboWithLabel(tr("&Layer:"), page, controls);
  headBox_ = comboWithLabel(tr("&Raw heads:"), page, controls);
  mapBox_->setObjectName(QStringLiteral("rolloutMap"));
  layerBox_->setObjectName(QStringLiteral("rolloutLayer"));
  headBox_->setObjectName(QStringLiteral("rolloutHead"));
  headBox_->setToolTip(
      tr("The raw map shows the mean over heads or one head; rollout always "
         "composes the mean over heads, as Abnar & Zuidema do."));
  controls->addStretch(1);

  auto* splitter = new QSplitter(Qt::Horizontal, page);
  splitter->addWidget(raw_);
  splitter->addWidget(rollout_);
  splitter->setChildrenCollapsible(false);
  auto* pageLayout = new QVBoxLayout(page);
  pageLayout->setContentsMargins(0, 0, 0, 0);
  pageLayout->addLayout(controls);
  pageLayout->addWidget(splitter, 1);
  pageLayout->addWidget(note_);

  stack_->addWidget(empty_);
  stack_->addWidget(page);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(stack_);

  connect(document_, &TraceDocument::traceChanged, this, &RolloutView::rebuildChoices);
  connect(document_, &TraceDocument::stepChanged, this, &RolloutView::followStep);
  for (QComboBox* box : {mapBox_, layerBox_, headBox_})
    connect(box, &QComboBox::currentIndexChanged, this, [this, box] {
      if (rebuilding_) return;
      if (box == mapBox_) {
        rebuildChoices();  // another map may have other layers and heads
      } else {
        refresh();
      }
    });
  for (HeatmapView* h : {raw_, rollout_})
    connect(h, &HeatmapView::rowClicked, this, [this](int row) {
      if (rowsAreSteps_) document_->setStep(row);
    });
  rebuildChoices();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { setColourMap(map); });
}

bool RolloutView::isShowingRollout() const {
  return stack_->currentIndex() == 1;
}

void RolloutView::setColourMap(ColourMap map) {
  raw_->setColourMap(map);
  rollout_->setColourMap(map);
}

MapKind RolloutView::mapKind() const {
  return mapKindOf(mapBox_->currentData());
}

void RolloutView::rebuildChoices() {
  const auto& trace = document_->trace();
  if (!trace || !hasRollout(*trace)) {
    empty_->setText(
        tr("Attention rollout (Abnar & Zuidema 2020) follows attention through a stack of "
           "self-attention layers, down to the input tokens.\n\nIt needs a transformer: open "
           "the toy-fr transformer, or a trace of one. An RNN's single cross-attention and the "
           "classifier's hops have no layers to compose."));
    stack_->setCurrentWidget(empty_);
    return;
  }
  rebuilding_ = true;
  const QVariant previousMap = mapBox_->currentData();
  const int previousLayer = layerBox_->currentIndex(), layerCount = layerBox_->count();
  const int previousHead = headBox_->currentIndex();
  mapBox_->clear();
  for (MapKind kind : {MapKind::Cross, MapKind::EncoderSelf, MapKind::DecoderSelf})
    if (findMap(*trace, kind)) mapBox_->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  const int keep = mapBox_->findData(previousMap);
  mapBox_->setCurrentIndex(std::max(keep, 0));  // cross-attention first: the most telling
  const AttentionMap& map = *findMap(*trace, mapKind());
  layerBox_->clear();
  for (int l = 0; l < map.layers; ++l)
    layerBox_->addItem(tr("%1 of %2").arg(l + 1).arg(map.layers));
  // The last layer unless the user chose another one that still exists.
  const bool chose = previousLayer >= 0 && previousLayer < layerCount - 1;
  layerBox_->setCurrentIndex(chose && previousLayer < map.layers ? previousLayer : map.layers - 1);
  headBox_->clear();
  headBox_->addItem(tr("mean over %n head(s)", nullptr, map.heads));
  for (int h = 0; h < map.heads; ++h) headBox_->addItem(tr("head %1").arg(h + 1));
  headBox_->setCurrentIndex(previousHead > 0 && previousHead <= map.heads ? previousHead : 0);
  headBox_->setEnabled(map.heads > 1);
  rebuilding_ = false;
  refresh();
}

void RolloutView::refresh() {
  const auto& trace = document_->trace();
  if (!trace || mapBox_->currentIndex() < 0) return;
  const MapKind kind = mapKind();
  const int layer = layerBox_->currentIndex();
  const int head = headBox_->currentIndex() - 1;  // −1: the mean
  TraceRollout rollout;
  try {
    rollout = traceRollout(*trace, layer);
  } catch (const std::exception& e) {
    empty_->setText(tr("No rollout for this trace: %1").arg(QString::fromUtf8(e.what())));
    stack_->setCurrentWidget(empty_);
    return;
  }
  const RolloutMatrix& r = kind == MapKind::Cross         ? rollout.cross
                           : kind == MapKind::DecoderSelf ? rollout.decoder
                                                          : rollout.encoder;
  const MatrixSnapshot raw =
      document_->matrix(kind, layer, head < 0 ? TraceDocument::kMeanOverHeads : head);
  const QStringList rows = displayLabels(raw.rowLabels), cols = displayLabels(raw.colLabels);
  if (raw.rows != r.rows || raw.cols != r.cols ||
      !raw_->setMatrix(raw.rows, raw.cols, raw.values, rows, cols) ||
      !rollout_->setMatrix(r.rows, r.cols, r.values, rows, cols)) {
    empty_->setText(tr("This trace's maps do not fit together, so there is no rollout to show."));
    stack_->setCurrentWidget(empty_);
    return;
  }
  stack_->setCurrentIndex(1);
  rowsAreSteps_ = raw.rowsAreSteps;
  const int layers = layerBox_->count();
  raw_->setTitle(tr("Raw attention · layer %1 of %2\n%3")
                     .arg(layer + 1)
                     .arg(layers)
                     .arg(headBox_->currentText()));
  rollout_->setTitle(layer == 0 ? tr("Rollout through layer 1 (Ã₁ alone)")
                                : tr("Rollout through layers 1–%1").arg(layer + 1));
  const bool cross = kind == MapKind::Cross;
  const QString keys = cross ? tr("source tokens (encoder input)") : raw.colTitle;
  raw_->setAxisTitles(raw.colTitle, raw.rowTitle);
  rollout_->setAxisTitles(keys, raw.rowTitle);
  raw_->setValueTitle(tr("attention weight"));
  rollout_->setValueTitle(tr("share of the token"));
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
  note_->setText(note);
  followStep(document_->step());
}

void RolloutView::followStep(int step) {
  for (HeatmapView* h : {raw_, rollout_}) h->setSelectedRow(rowsAreSteps_ ? step : -1);
}

}  // namespace attn::ui
