// HeatmapView's figures: PNG and PDF files laid out for their own size, not the window's, and
// written through QSaveFile, so that a failed export never leaves half a file over a good one.
#include <qcustomplot.h>

#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>

#include "views/heatmap_view.h"

namespace attn::ui {

QSize HeatmapView::exportSize(int width, int height) const {
  if (width > 0 && height > 0) return {width, height};
  // A view that was never shown has no meaningful size yet; give it a typical figure size.
  return plot_->isVisible() ? plot_->size() : QSize(800, 600);
}

void HeatmapView::layOutFor(QSize size) {
  // Dry renders at the export size, so that the labels are thinned for the figure's axes rather
  // than for the ones on screen (the ticker measures the previous layout).
  for (int pass = 0; pass < kMaxLayoutPasses; ++pass) {
    plot_->toPixmap(size.width(), size.height());
    if (!ticksStale()) break;
  }
}

bool HeatmapView::savePng(const QString& path, int width, int height) {
  const QSize size = exportSize(width, height);
  layOutFor(size);
  const QPixmap pixmap = plot_->toPixmap(size.width(), size.height());
  QSaveFile file(path);
  const bool ok = !pixmap.isNull() && file.open(QIODevice::WriteOnly) &&
                  pixmap.save(&file, "PNG") && file.commit();
  replotNow();  // back to the on-screen layout, which the mouse mapping relies on
  return ok;
}

bool HeatmapView::savePdf(const QString& path, int width, int height) {
  const QSize size = exportSize(width, height);
  layOutFor(size);
  QSaveFile file(path);
  bool ok = file.open(QIODevice::WriteOnly);
  if (ok) {
    // As QCustomPlot::savePdf does, but onto the QSaveFile: one page exactly the figure's size.
    QPdfWriter writer(&file);
    writer.setCreator(QStringLiteral("Attention Studio"));
    writer.setTitle(title());
    QPageLayout layout;
    layout.setMode(QPageLayout::FullPageMode);
    layout.setOrientation(QPageLayout::Portrait);
    layout.setMargins(QMarginsF(0, 0, 0, 0));
    layout.setPageSize(QPageSize(size, QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageLayout(layout);
    QCPPainter painter;
    ok = painter.begin(&writer);
    if (ok) {
      painter.setMode(QCPPainter::pmVectorized);
      painter.setMode(QCPPainter::pmNoCaching);
      painter.setMode(QCPPainter::pmNonCosmetic);  // line widths scale with the page
      painter.setWindow(QRect(QPoint(0, 0), size));
      plot_->toPainter(&painter, size.width(), size.height());
      ok = painter.end();
    }
  }
  ok = ok && file.commit();
  replotNow();
  return ok;
}

}  // namespace attn::ui
