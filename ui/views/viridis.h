// The colour gradients of the QCustomPlot heatmaps, made from the shared tables of colour_maps.h.
#pragma once

#include "views/colour_maps.h"

class QCPColorGradient;

namespace attn::ui {

// A gradient of `map` with NaN cells light grey. QCustomPlot 2.1 has no viridis preset.
QCPColorGradient gradientFor(ColourMap map);

// Dark purple (low) through blue and green to yellow (high); lightness rises monotonically, so the
// order of two cells can be read without telling hues apart. The default of every heatmap.
QCPColorGradient viridisGradient();

// Blue (negative) through white (zero) to red (positive), for differences between two maps.
QCPColorGradient divergingGradient();

}  // namespace attn::ui
