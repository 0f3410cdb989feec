#include "views/alignment_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "documents/settings.h"
#include "documents/trace_document.h"
#include "trace/trace.h"
#include "views/heatmap_view.h"
#include "views/token_html.h"

namespace attn::ui {

AlignmentView::AlignmentView(TraceDocument* document, const Settings* settings, QWidget* parent)
    : QWidget(parent),
      document_(document),
      mapBox_(new QComboBox(this)),
      layerLabel_(new QLabel(tr("Layer"), this)),
      layerBox_(new QComboBox(this)),
      headLabel_(new QLabel(tr("Head"), this)),
      headBox_(new QComboBox(this)),
      resetZoom_(new QToolButton(this)),
      stack_(new QStackedWidget(this)),
      empty_(new QLabel(this)),
      heatmap_(new HeatmapView(this)) {
  heatmap_->setObjectName(QStringLiteral("alignmentHeatmap"));
  mapBox_->setObjectName(QStringLiteral("mapBox"));
  layerBox_->setObjectName(QStringLiteral("layerBox"));
  headBox_->setObjectName(QStringLiteral("headBox"));
  mapBox_->setToolTip(tr("Which attention to show: each kind relates different tokens"));
  layerBox_->setToolTip(tr("Deeper layers attend to what earlier layers computed"));
  headBox_->setToolTip(tr("Each head learns its own relations; the mean shows them together"));
  mapBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  resetZoom_->setText(tr("Whole map"));
  resetZoom_->setToolTip(tr("Show the whole matrix again after zooming (or double-click it)"));
  resetZoom_->setEnabled(false);
  empty_->setAlignment(Qt::AlignCenter);
  empty_->setWordWrap(true);
  empty_->setText(
      tr("Nothing to show yet.\n\nOpen a model (File ▸ Open model…) and decode a "
         "sentence, or open a trace file (File ▸ Open trace…)."));

  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(6, 4, 6, 0);
  bar->addWidget(new QLabel(tr("Attention"), this));
  bar->addWidget(mapBox_);
  bar->addSpacing(8);
  bar->addWidget(layerLabel_);
  bar->addWidget(layerBox_);
  bar->addSpacing(8);
  bar->addWidget(headLabel_);
  bar->addWidget(headBox_);
  bar->addStretch(1);
  bar->addWidget(resetZoom_);
  stack_->addWidget(empty_);
  stack_->addWidget(heatmap_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(bar);
  layout->addWidget(stack_, 1);

  // setTrace() emits mapChanged too: one rebuild per new trace.
  connect(document_, &TraceDocument::mapChanged, this, [this] {
    rebuildSelectors();
    showMatrix();
  });
  connect(document_, &TraceDocument::stepChanged, this, &AlignmentView::followStep);
  for (QComboBox* box : {mapBox_, layerBox_, headBox_})
    connect(box, qOverload<int>(&QComboBox::activated), this, &AlignmentView::onSelectorChanged);
  connect(heatmap_, &HeatmapView::rowClicked, this, [this](int row) {
    if (rowsAreSteps_) document_->setStep(row);
  });
  connect(heatmap_, &HeatmapView::zoomChanged, resetZoom_, &QWidget::setEnabled);
  connect(resetZoom_, &QToolButton::clicked, heatmap_, &HeatmapView::resetZoom);
  rebuildSelectors();
  showMatrix();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { setColourMap(map); });
}

void AlignmentView::setColourMap(ColourMap map) {
  heatmap_->setColourMap(map);
}

void AlignmentView::rebuildSelectors() {
  rebuilding_ = true;
  mapBox_->clear();
  for (MapKind kind : document_->mapKinds())
    mapBox_->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  mapBox_->setCurrentIndex(mapBox_->findData(mapKindData(document_->mapKind())));
  const AttentionMap* map = document_->map(document_->mapKind());
  const bool hops = document_->mapKind() == MapKind::Hops;
  const int layers = map && !hops ? map->layers : 0;
  const int heads = map && !hops ? map->heads : 0;
  layerBox_->clear();
  for (int l = 0; l < layers; ++l) layerBox_->addItem(tr("%1 of %2").arg(l + 1).arg(layers), l);
  layerBox_->setCurrentIndex(document_->layer());
  headBox_->clear();
  if (heads > 1)
    headBox_->addItem(tr("mean over %1 heads").arg(heads), TraceDocument::kMeanOverHeads);
  for (int h = 0; h < heads; ++h) headBox_->addItem(tr("head %1").arg(h + 1), h);
  headBox_->setCurrentIndex(headBox_->findData(document_->head()));
  mapBox_->setEnabled(mapBox_->count() > 1);
  layerLabel_->setVisible(layers > 1);
  layerBox_->setVisible(layers > 1);
  headLabel_->setVisible(heads > 1);
  headBox_->setVisible(heads > 1);
  rebuilding_ = false;
}

void AlignmentView::onSelectorChanged() {
  if (rebuilding_) return;
  document_->selectMap(mapKindOf(mapBox_->currentData()), layerBox_->currentData().toInt(),
                       headBox_->count() ? headBox_->currentData().toInt() : 0);
}

void AlignmentView::showMatrix() {
  const MatrixSnapshot m = document_->matrix();
  if (m.rows == 0 ||
      !heatmap_->setMatrix(m.rows, m.cols, m.values, shownRowLabels(m), shownColLabels(m))) {
    stack_->setCurrentWidget(empty_);
    rowsAreSteps_ = false;
    return;
  }
  heatmap_->setTitle(m.title);
  heatmap_->setAxisTitles(m.colTitle, m.rowTitle);
  rowsAreSteps_ = m.rowsAreSteps;
  stack_->setCurrentWidget(heatmap_);
  followStep(document_->step());
}

void AlignmentView::followStep(int step) {
  heatmap_->setSelectedRow(rowsAreSteps_ ? step : -1);
}

}  // namespace attn::ui
