#include "window_capture.h"

#include <QCoreApplication>
#include <QImageWriter>
#include <QWidget>

#include "heatmap_view.h"
#include "write_error.h"

namespace attn::ui {

QString captureWidget(QWidget& widget, const QString& path) {
  // Plots refresh through queued replots; draw them now so the capture is not one layout behind.
  for (HeatmapView* view : widget.findChildren<HeatmapView*>()) view->replotNow();
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
