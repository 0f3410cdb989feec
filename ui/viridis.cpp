#include "viridis.h"

#include <qcustomplot.h>

#include <array>

namespace attn::ui {

QCPColorGradient viridisGradient() {
  // Ten samples of viridis at 0, 1/9, ..., 1. Linear RGB interpolation between such close stops
  // stays within a few levels of the full 256-entry table, and keeps lightness monotonic.
  static constexpr std::array<QRgb, 10> kStops = {
      0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e,
      0x1f9e89, 0x35b779, 0x6dcd59, 0xb4de2c, 0xfde725,
  };
  QCPColorGradient gradient;
  gradient.clearColorStops();
  gradient.setColorInterpolation(QCPColorGradient::ciRGB);
  gradient.setLevelCount(256);
  for (std::size_t i = 0; i < kStops.size(); ++i) {
    gradient.setColorStopAt(double(i) / double(kStops.size() - 1), QColor(kStops[i]));
  }
  // NaN (a diverged model) must not pass for a low weight: light grey is no viridis colour.
  gradient.setNanHandling(QCPColorGradient::nhNanColor);
  gradient.setNanColor(QColor(0xd0, 0xd0, 0xd0));
  return gradient;
}

}  // namespace attn::ui
