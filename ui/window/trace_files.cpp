#include "window/trace_files.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QWidget>

#include "documents/trace_document.h"
#include "trace/trace_json.h"
#include "window/write_error.h"

namespace attn::ui {
namespace {

QString writeBytes(const QString& path, const QByteArray& bytes) {
  QSaveFile file(path);
  if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
    return {};
  return explainWriteFailure(path);
}

QString csvField(const QString& text) {
  if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
      !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
    return text;
  QString quoted = text;
  quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
  return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace

QString saveTraceJson(const Trace& trace, const QString& path) {
  try {
    const std::string text = traceToJson(trace).dump(1);
    return writeBytes(path, QByteArray::fromStdString(text + "\n"));
  } catch (const std::exception& e) {
    return QCoreApplication::translate("attn::ui", "cannot write the trace: %1")
        .arg(QString::fromUtf8(e.what()));
  }
}

QString matrixCsv(const MatrixSnapshot& m) {
  QString csv = csvField(m.rowTitle.isEmpty() ? QStringLiteral("row") : m.rowTitle);
  for (int c = 0; c < m.cols; ++c)
    csv += QLatin1Char(',') + csvField(m.colLabels.value(c, QString::number(c)));
  csv += QStringLiteral("\r\n");
  for (int r = 0; r < m.rows; ++r) {
    csv += csvField(m.rowLabels.value(r, QString::number(r)));
    for (int c = 0; c < m.cols; ++c)
      csv += QLatin1Char(',') +
             QString::number(m.values[size_t(r) * size_t(m.cols) + size_t(c)], 'g', 6);
    csv += QStringLiteral("\r\n");
  }
  return csv;
}

QString saveMatrixCsv(const MatrixSnapshot& matrix, const QString& path) {
  if (matrix.rows == 0)
    return QCoreApplication::translate("attn::ui", "there is no matrix on screen to export");
  return writeBytes(path, matrixCsv(matrix).toUtf8());
}

QString exportWidgetFigure(QWidget& widget, const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  QSaveFile file(path);
  if (suffix == QLatin1String("png")) {
    const QPixmap pixmap = widget.grab();
    if (pixmap.isNull())
      return QCoreApplication::translate("attn::ui", "cannot capture the view: it has no size");
    if (file.open(QIODevice::WriteOnly) && pixmap.save(&file, "PNG") && file.commit()) return {};
    return explainWriteFailure(path);
  }
  if (suffix == QLatin1String("pdf")) {
    if (!file.open(QIODevice::WriteOnly)) return explainWriteFailure(path);
    QPdfWriter writer(&file);
    writer.setCreator(QStringLiteral("Attention Studio"));
    writer.setResolution(96);
    QPageLayout layout;
    layout.setMode(QPageLayout::FullPageMode);
    layout.setMargins(QMarginsF(0, 0, 0, 0));
    layout.setPageSize(QPageSize(QSizeF(widget.size()) * 72.0 / 96.0, QPageSize::Point, QString(),
                                 QPageSize::ExactMatch));
    writer.setPageLayout(layout);
    QPainter painter;
    if (!painter.begin(&writer)) return explainWriteFailure(path);
    widget.render(&painter);
    painter.end();
    if (file.commit()) return {};
    return explainWriteFailure(path);
  }
  return QCoreApplication::translate("attn::ui",
                                     "cannot export '%1': the name must end in .png or .pdf")
      .arg(path);
}

}  // namespace attn::ui
