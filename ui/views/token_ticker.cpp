#include "views/token_ticker.h"

#include <algorithm>
#include <cmath>

namespace attn::ui {

int labelStride(double cellPixels, double labelExtent) {
  // Before the first layout the axis has no length; show every label and let the next pass thin.
  if (cellPixels <= 0) return 1;
  const double needed = std::min(labelExtent / cellPixels, 1e9);
  for (double magnitude = 1;; magnitude *= 10) {
    for (double factor : {1.0, 2.0, 5.0}) {
      if (factor * magnitude >= needed) return int(factor * magnitude);
    }
  }
}

TokenTicker::TokenTicker(QCPAxis* axis) : mAxis(axis) {}

double TokenTicker::axisLength() const {
  const QRect rect = mAxis->axisRect()->rect();
  return mAxis->orientation() == Qt::Horizontal ? rect.width() : rect.height();
}

bool TokenTicker::isStale() const {
  return mTurned || std::abs(axisLength() - mLength) > 0.5;
}

double TokenTicker::getTickStep(const QCPRange& range) {
  mLength = axisLength();
  const double cellPixels = range.size() > 0 ? mLength / range.size() : 0;
  const QFontMetricsF metrics(mAxis->tickLabelFont());
  const double gap = 0.5 * metrics.height();  // between words side by side
  // Labels stacked one above the other (or upright side by side) read well a fifth of a line
  // apart: more, and a 14-token sentence in a 300-pixel chart would lose every other label.
  double extent = 1.2 * metrics.height();
  mTurned = false;
  if (mAxis->orientation() == Qt::Horizontal) {
    double widest = 0;
    for (const QString& label : mLabels)
      widest = std::max(widest, metrics.horizontalAdvance(label));
    // Words side by side read best; when they would collide, turn them upright so that each
    // needs only a line height of width, and thin them only if even that is too much.
    const bool level = widest + gap <= cellPixels;
    const double rotation = level ? 0 : -90;
    mTurned = rotation != mAxis->tickLabelRotation();
    mAxis->setTickLabelRotation(rotation);
    if (level) extent = widest + gap;
  }
  mStride = labelStride(cellPixels, extent);
  return mStride;
}

QString TokenTicker::getTickLabel(double tick, const QLocale&, QChar, int) {
  return mLabels.value(int(std::lround(tick)));
}

QVector<double> TokenTicker::createTickVector(double, const QCPRange& range) {
  QVector<double> ticks;
  const int last = std::min<int>(int(mLabels.size()) - 1, int(std::floor(range.upper)));
  int first = std::max(0, int(std::ceil(range.lower)));
  first =
      (first + mStride - 1) / mStride * mStride;  // multiples of the stride, so 0 stays labelled
  for (int i = first; i <= last; i += mStride) ticks.push_back(i);
  return ticks;
}

}  // namespace attn::ui
