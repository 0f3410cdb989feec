#include "views/viridis.h"

#include <qcustomplot.h>

namespace attn::ui {

namespace {

QCPColorGradient gradientThrough(const QVector<QRgb>& stops) {
  QCPColorGradient gradient;
  gradient.clearColorStops();
  gradient.setColorInterpolation(QCPColorGradient::ciRGB);
  gradient.setLevelCount(256);
  for (int i = 0; i < stops.size(); ++i)
    gradient.setColorStopAt(double(i) / double(stops.size() - 1), QColor(stops[i]));
  // NaN (a diverged model) must not pass for a low weight: light grey is in no map.
  gradient.setNanHandling(QCPColorGradient::nhNanColor);
  gradient.setNanColor(QColor(nanColour()));
  return gradient;
}

}  // namespace

QCPColorGradient gradientFor(ColourMap map) {
  // Linear RGB interpolation between ten close stops stays within a few levels of the full
  // 256-entry tables, and keeps lightness monotonic.
  return gradientThrough(colourStops(map));
}

QCPColorGradient divergingGradient() {
  return gradientThrough(divergingStops());
}

QCPColorGradient viridisGradient() {
  return gradientFor(ColourMap::Viridis);
}

}  // namespace attn::ui
