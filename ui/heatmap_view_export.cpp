// HeatmapView's figures: PNG and PDF files laid out for their own size, not the window's.
#include <qcustomplot.h>

#include "heatmap_view.h"

namespace attn::ui {

QSize HeatmapView::exportSize(int width, int height) const {
  if (width > 0 && height > 0) return {width, height};
  // A view that was never shown has no meaningful size yet; give it a typical figure size.
  return mPlot->isVisible() ? mPlot->size() : QSize(800, 600);
}

void HeatmapView::layOutFor(QSize size) {
  // Dry renders at the export size, so that the labels are thinned for the figure's axes rather
  // than for the ones on screen (the ticker measures the previous layout).
  for (int pass = 0; pass < kMaxLayoutPasses; ++pass) {
    mPlot->toPixmap(size.width(), size.height());
    if (!ticksStale()) break;
  }
}

bool HeatmapView::savePng(const QString& path, int width, int height) {
  const QSize size = exportSize(width, height);
  layOutFor(size);
  const bool ok = mPlot->savePng(path, size.width(), size.height());
  replotNow();  // back to the on-screen layout, which the mouse mapping relies on
  return ok;
}

bool HeatmapView::savePdf(const QString& path, int width, int height) {
  const QSize size = exportSize(width, height);
  layOutFor(size);
  const bool ok = mPlot->savePdf(path, size.width(), size.height(), QCP::epNoCosmetic,
                                 QStringLiteral("Attention Studio"), title());
  replotNow();
  return ok;
}

}  // namespace attn::ui
