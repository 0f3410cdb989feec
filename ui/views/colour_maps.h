// The colour maps the heatmaps offer: all perceptually ordered, readable with colour-blindness
// and in greyscale print. One table of stops serves QCustomPlot's gradients and the views that
// paint images themselves (the head grid, highlighted text), so every view agrees.
#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QVector>

namespace attn::ui {

enum class ColourMap { Viridis, Cividis, Magma, Greys };

QList<ColourMap> allColourMaps();
QString colourMapKey(ColourMap map);    // "viridis": stored in the settings
QString colourMapLabel(ColourMap map);  // "Viridis": shown in menus
ColourMap colourMapFromKey(const QString& key, ColourMap fallback = ColourMap::Viridis);

// Ten stops from low (0) to high (1).
const QVector<QRgb>& colourStops(ColourMap map);
// `levels` colours interpolated linearly between the stops.
QVector<QRgb> colourTable(ColourMap map, int levels = 256);
// The colour of t in [0, 1] (clamped) from a table; NaN gets nanColour().
QRgb colourOf(const QVector<QRgb>& table, double t);
QRgb nanColour();  // light grey: no map's colour, so a diverged model's NaN never passes for a
                   // weight
// For signed values such as a difference of two maps, not offered for weights: ColorBrewer's
// RdBu reversed, eleven stops from dark blue (−1) through near-white (0) to dark red (+1), so that
// zero reads as paper and the sign as hue (safe for red-green colour blindness).
const QVector<QRgb>& divergingStops();

// Black or white, whichever reads better on `background`.
QColor textColourOn(QRgb background);

}  // namespace attn::ui
