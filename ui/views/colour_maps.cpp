#include "views/colour_maps.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace attn::ui {

QList<ColourMap> allColourMaps() {
  return {ColourMap::Viridis, ColourMap::Cividis, ColourMap::Magma, ColourMap::Greys};
}

QString colourMapKey(ColourMap map) {
  switch (map) {
    case ColourMap::Viridis:
      return QStringLiteral("viridis");
    case ColourMap::Cividis:
      return QStringLiteral("cividis");
    case ColourMap::Magma:
      return QStringLiteral("magma");
    case ColourMap::Greys:
      return QStringLiteral("greys");
  }
  return QStringLiteral("viridis");
}

QString colourMapLabel(ColourMap map) {
  switch (map) {
    case ColourMap::Viridis:
      return QCoreApplication::translate("attn::ui::ColourMap", "Viridis (purple → yellow)");
    case ColourMap::Cividis:
      return QCoreApplication::translate("attn::ui::ColourMap",
                                         "Cividis (blue → yellow, for red-green colour blindness)");
    case ColourMap::Magma:
      return QCoreApplication::translate("attn::ui::ColourMap", "Magma (black → cream)");
    case ColourMap::Greys:
      return QCoreApplication::translate("attn::ui::ColourMap",
                                         "Greys (white → black, for printing)");
  }
  return {};
}

ColourMap colourMapFromKey(const QString& key, ColourMap fallback) {
  for (ColourMap map : allColourMaps())
    if (colourMapKey(map) == key) return map;
  return fallback;
}

const QVector<QRgb>& colourStops(ColourMap map) {
  // Ten samples of each matplotlib map at 0, 1/9, ..., 1: lightness rises monotonically (falls,
  // for Greys, so that a weight of 0 stays paper white), so order survives greyscale.
  static const QVector<QRgb> viridis = {0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e,
                                        0x1f9e89, 0x35b779, 0x6dcd59, 0xb4de2c, 0xfde725};
  static const QVector<QRgb> cividis = {0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173,
                                        0x8a8779, 0xa69d75, 0xc4b56c, 0xe4cf5b, 0xfee838};
  static const QVector<QRgb> magma = {0x000004, 0x180f3d, 0x440f76, 0x721f81, 0x9e2f7f,
                                      0xcd4071, 0xf1605d, 0xfd9668, 0xfeca8d, 0xfcfdbf};
  static const QVector<QRgb> greys = {0xffffff, 0xf0f0f0, 0xd9d9d9, 0xbdbdbd, 0x969696,
                                      0x737373, 0x525252, 0x363636, 0x1a1a1a, 0x000000};
  switch (map) {
    case ColourMap::Cividis:
      return cividis;
    case ColourMap::Magma:
      return magma;
    case ColourMap::Greys:
      return greys;
    case ColourMap::Viridis:
      break;
  }
  return viridis;
}

const QVector<QRgb>& divergingStops() {
  static const QVector<QRgb> rdbu = {0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
                                     0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f};
  return rdbu;
}

QVector<QRgb> colourTable(ColourMap map, int levels) {
  const QVector<QRgb>& stops = colourStops(map);
  levels = std::max(levels, 2);
  QVector<QRgb> table(levels);
  for (int i = 0; i < levels; ++i) {
    const double x = double(i) / (levels - 1) * (stops.size() - 1);
    const int a = std::min(int(x), int(stops.size()) - 2);
    const double f = x - a;
    auto mix = [f](int p, int q) { return int(std::lround(p + (q - p) * f)); };
    const QRgb p = stops[a], q = stops[a + 1];
    table[i] = qRgb(mix(qRed(p), qRed(q)), mix(qGreen(p), qGreen(q)), mix(qBlue(p), qBlue(q)));
  }
  return table;
}

QRgb colourOf(const QVector<QRgb>& table, double t) {
  if (std::isnan(t) || table.isEmpty()) return nanColour();
  t = std::clamp(t, 0.0, 1.0);
  return table[int(std::lround(t * (table.size() - 1)))];
}

QRgb nanColour() {
  return qRgb(0xd0, 0xd0, 0xd0);
}

QColor textColourOn(QRgb background) {
  const double luma =
      0.299 * qRed(background) + 0.587 * qGreen(background) + 0.114 * qBlue(background);
  return luma > 140 ? QColor(Qt::black) : QColor(Qt::white);
}

}  // namespace attn::ui
