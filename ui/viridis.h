// The colour gradient of every heatmap: viridis, readable with colour-blindness and in greyscale.
#pragma once

class QCPColorGradient;

namespace attn::ui {

// Dark purple (low) through blue and green to yellow (high); lightness rises monotonically, so the
// order of two cells can be read without telling hues apart. QCustomPlot 2.1 has no such preset.
// NaN cells are light grey.
QCPColorGradient viridisGradient();

}  // namespace attn::ui
