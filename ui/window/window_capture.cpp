#include "window/window_capture.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QImageWriter>
#include <QWidget>

#include "views/heatmap_view.h"
#include "window/write_error.h"

namespace attn::ui {

QString captureWidget(QWidget& widget, const QString& path) {
  // Layouts and plots settle through posted events; run them now so the capture is not one
  // layout behind (a label whose text just changed, a queued replot).
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
  for (HeatmapView* view : widget.findChildren<HeatmapView*>()) view->replotNow();
  // The other plots (bars, curves) too; twice, for token tickers that measure the last layout.
  for (QCustomPlot* plot : widget.findChildren<QCustomPlot*>()) {
    if (qobject_cast<HeatmapView*>(plot->parentWidget()) != nullptr || !plot->isVisible()) continue;
    plot->replot(QCustomPlot::rpImmediateRefresh);
    plot->replot(QCustomPlot::rpImmediateRefresh);
  }
  const QImage image = widget.grab().toImage();
  if (image.isNull()) {
    return QCoreApplication::translate("attn::ui", "cannot capture the window: it has no size");
  }
  QImageWriter writer(path);
  if (writer.write(image)) return {};
  if (writer.error() == QImageWriter::UnsupportedFormatError) {
    return QCoreApplication::translate("attn::ui",
                                       "cannot write '%1': unknown image format (use .png)")
        .arg(path);
  }
  return explainWriteFailure(path);
}

}  // namespace attn::ui
