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
      mDocument(document),
      mMapBox(new QComboBox(this)),
      mLayerLabel(new QLabel(tr("Layer"), this)),
      mLayerBox(new QComboBox(this)),
      mHeadLabel(new QLabel(tr("Head"), this)),
      mHeadBox(new QComboBox(this)),
      mResetZoom(new QToolButton(this)),
      mStack(new QStackedWidget(this)),
      mEmpty(new QLabel(this)),
      mHeatmap(new HeatmapView(this)) {
  mHeatmap->setObjectName(QStringLiteral("alignmentHeatmap"));
  mMapBox->setObjectName(QStringLiteral("mapBox"));
  mLayerBox->setObjectName(QStringLiteral("layerBox"));
  mHeadBox->setObjectName(QStringLiteral("headBox"));
  mMapBox->setToolTip(tr("Which attention to show: each kind relates different tokens"));
  mLayerBox->setToolTip(tr("Deeper layers attend to what earlier layers computed"));
  mHeadBox->setToolTip(tr("Each head learns its own relations; the mean shows them together"));
  mMapBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  mResetZoom->setText(tr("Whole map"));
  mResetZoom->setToolTip(tr("Show the whole matrix again after zooming (or double-click it)"));
  mResetZoom->setEnabled(false);
  mEmpty->setAlignment(Qt::AlignCenter);
  mEmpty->setWordWrap(true);
  mEmpty->setText(
      tr("Nothing to show yet.\n\nOpen a model (File ▸ Open model…) and decode a "
         "sentence, or open a trace file (File ▸ Open trace…)."));

  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(6, 4, 6, 0);
  bar->addWidget(new QLabel(tr("Attention"), this));
  bar->addWidget(mMapBox);
  bar->addSpacing(8);
  bar->addWidget(mLayerLabel);
  bar->addWidget(mLayerBox);
  bar->addSpacing(8);
  bar->addWidget(mHeadLabel);
  bar->addWidget(mHeadBox);
  bar->addStretch(1);
  bar->addWidget(mResetZoom);
  mStack->addWidget(mEmpty);
  mStack->addWidget(mHeatmap);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(bar);
  layout->addWidget(mStack, 1);

  // setTrace() emits mapChanged too: one rebuild per new trace.
  connect(mDocument, &TraceDocument::mapChanged, this, [this] {
    rebuildSelectors();
    showMatrix();
  });
  connect(mDocument, &TraceDocument::stepChanged, this, &AlignmentView::followStep);
  for (QComboBox* box : {mMapBox, mLayerBox, mHeadBox})
    connect(box, qOverload<int>(&QComboBox::activated), this, &AlignmentView::onSelectorChanged);
  connect(mHeatmap, &HeatmapView::rowClicked, this, [this](int row) {
    if (mRowsAreSteps) mDocument->setStep(row);
  });
  connect(mHeatmap, &HeatmapView::zoomChanged, mResetZoom, &QWidget::setEnabled);
  connect(mResetZoom, &QToolButton::clicked, mHeatmap, &HeatmapView::resetZoom);
  rebuildSelectors();
  showMatrix();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { setColourMap(map); });
}

void AlignmentView::setColourMap(ColourMap map) {
  mHeatmap->setColourMap(map);
}

void AlignmentView::rebuildSelectors() {
  mRebuilding = true;
  mMapBox->clear();
  for (MapKind kind : mDocument->mapKinds())
    mMapBox->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  mMapBox->setCurrentIndex(mMapBox->findData(mapKindData(mDocument->mapKind())));
  const AttentionMap* map = mDocument->map(mDocument->mapKind());
  const bool hops = mDocument->mapKind() == MapKind::Hops;
  const int layers = map && !hops ? map->layers : 0;
  const int heads = map && !hops ? map->heads : 0;
  mLayerBox->clear();
  for (int l = 0; l < layers; ++l) mLayerBox->addItem(tr("%1 of %2").arg(l + 1).arg(layers), l);
  mLayerBox->setCurrentIndex(mDocument->layer());
  mHeadBox->clear();
  if (heads > 1)
    mHeadBox->addItem(tr("mean over %1 heads").arg(heads), TraceDocument::kMeanOverHeads);
  for (int h = 0; h < heads; ++h) mHeadBox->addItem(tr("head %1").arg(h + 1), h);
  mHeadBox->setCurrentIndex(mHeadBox->findData(mDocument->head()));
  mMapBox->setEnabled(mMapBox->count() > 1);
  mLayerLabel->setVisible(layers > 1);
  mLayerBox->setVisible(layers > 1);
  mHeadLabel->setVisible(heads > 1);
  mHeadBox->setVisible(heads > 1);
  mRebuilding = false;
}

void AlignmentView::onSelectorChanged() {
  if (mRebuilding) return;
  mDocument->selectMap(mapKindOf(mMapBox->currentData()), mLayerBox->currentData().toInt(),
                       mHeadBox->count() ? mHeadBox->currentData().toInt() : 0);
}

void AlignmentView::showMatrix() {
  const MatrixSnapshot m = mDocument->matrix();
  if (m.rows == 0 ||
      !mHeatmap->setMatrix(m.rows, m.cols, m.values, shownRowLabels(m), shownColLabels(m))) {
    mStack->setCurrentWidget(mEmpty);
    mRowsAreSteps = false;
    return;
  }
  mHeatmap->setTitle(m.title);
  mHeatmap->setAxisTitles(m.colTitle, m.rowTitle);
  mRowsAreSteps = m.rowsAreSteps;
  mStack->setCurrentWidget(mHeatmap);
  followStep(mDocument->step());
}

void AlignmentView::followStep(int step) {
  mHeatmap->setSelectedRow(mRowsAreSteps ? step : -1);
}

}  // namespace attn::ui
