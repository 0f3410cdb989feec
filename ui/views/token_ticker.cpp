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

TokenTicker::TokenTicker(QCPAxis* axis) : axis_(axis) {}

double TokenTicker::axisLength() const {
  const QRect rect = axis_->axisRect()->rect();
  return axis_->orientation() == Qt::Horizontal ? rect.width() : rect.height();
}

bool TokenTicker::isStale() const {
  return turned_ || std::abs(axisLength() - length_) > 0.5;
}

double TokenTicker::getTickStep(const QCPRange& range) {
  length_ = axisLength();
  const double cellPixels = range.size() > 0 ? length_ / range.size() : 0;
  const QFontMetricsF metrics(axis_->tickLabelFont());
  const double gap = 0.5 * metrics.height();  // between words side by side
  // Labels stacked one above the other (or upright side by side) read well a fifth of a line
  // apart: more, and a 14-token sentence in a 300-pixel chart would lose every other label.
  double extent = 1.2 * metrics.height();
  turned_ = false;
  if (axis_->orientation() == Qt::Horizontal) {
    double widest = 0;
    for (const QString& label : labels_)
      widest = std::max(widest, metrics.horizontalAdvance(label));
    // Words side by side read best; when they would collide, turn them upright so that each
    // needs only a line height of width, and thin them only if even that is too much.
    const bool level = widest + gap <= cellPixels;
    const double rotation = level ? 0 : -90;
    turned_ = rotation != axis_->tickLabelRotation();
    axis_->setTickLabelRotation(rotation);
    if (level) extent = widest + gap;
  }
  stride_ = labelStride(cellPixels, extent);
  return stride_;
}

QString TokenTicker::getTickLabel(double tick, const QLocale&, QChar, int) {
  return labels_.value(int(std::lround(tick)));
}

QVector<double> TokenTicker::createTickVector(double, const QCPRange& range) {
  QVector<double> ticks;
  const int last = std::min<int>(int(labels_.size()) - 1, int(std::floor(range.upper)));
  int first = std::max(0, int(std::ceil(range.lower)));
  first =
      (first + stride_ - 1) / stride_ * stride_;  // multiples of the stride, so 0 stays labelled
  for (int i = first; i <= last; i += stride_) ticks.push_back(i);
  return ticks;
}

}  // namespace attn::ui
