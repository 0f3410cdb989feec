// Saving a heatmap as a figure file, the format chosen by the file's suffix.
#pragma once

#include <QSize>
#include <QString>

namespace attn::ui {

class HeatmapView;

// Writes .png or .pdf (any case) at `size` (empty: the size on screen). Returns an empty string on
// success, otherwise one sentence for the user.
QString exportFigure(HeatmapView& view, const QString& path, QSize size = {});

// The file-dialog filter listing what exportFigure() accepts.
QString figureFileFilter();

}  // namespace attn::ui
