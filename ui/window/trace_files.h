// Writing what the app shows: the trace as JSON (docs/file-formats.md, Trace file), the matrix on
// screen as CSV, and any view as a PNG or PDF figure. Every file goes through QSaveFile: complete
// or untouched.
#pragma once

#include <QSize>
#include <QString>

class QWidget;

namespace attn {
struct Trace;
}

namespace attn::ui {

struct MatrixSnapshot;

// Each returns an empty string on success, otherwise one sentence for the user.
QString saveTraceJson(const Trace& trace, const QString& path);
QString saveMatrixCsv(const MatrixSnapshot& matrix, const QString& path);

// A header row of column tokens, then one row per row token (RFC 4180 quoting), values to 6
// significant digits.
QString matrixCsv(const MatrixSnapshot& matrix);

// Any widget as .png (its pixels) or .pdf (drawn as vectors where the widget paints so).
QString exportWidgetFigure(QWidget& widget, const QString& path);

}  // namespace attn::ui
