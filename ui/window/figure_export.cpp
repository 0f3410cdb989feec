#include "window/figure_export.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "views/heatmap_view.h"
#include "window/write_error.h"

namespace attn::ui {

QString exportFigure(HeatmapView& view, const QString& path, QSize size) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  bool written = false;
  if (suffix == QLatin1String("png")) {
    written = view.savePng(path, size.width(), size.height());
  } else if (suffix == QLatin1String("pdf")) {
    written = view.savePdf(path, size.width(), size.height());
  } else {
    return QCoreApplication::translate("attn::ui",
                                       "cannot export '%1': the name must end in .png or .pdf")
        .arg(path);
  }
  return written ? QString() : explainWriteFailure(path);
}

QString figureFileFilter() {
  return QCoreApplication::translate("attn::ui", "PNG image (*.png);;PDF document (*.pdf)");
}

}  // namespace attn::ui
