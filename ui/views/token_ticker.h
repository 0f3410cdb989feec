// Internal to attn_ui: an axis ticker with one tick per token, thinned so labels never overlap.
#pragma once

#include <qcustomplot.h>

#include <QStringList>

namespace attn::ui {

// How many cells apart labels must be so that labels needing `labelExtent` pixels fit in cells
// `cellPixels` wide: a "nice" stride (1, 2, 5, 10, 20, 50, ...) so that people can count along.
int labelStride(double cellPixels, double labelExtent);

// Ticks at the integer cell centres 0..n-1 labelled with the tokens. The stride is chosen from the
// axis length of the last layout, so after a resize the first replot may be one layout behind;
// isStale() tells the owner to replot once more.
class TokenTicker : public QCPAxisTicker {
 public:
  explicit TokenTicker(QCPAxis* axis);

  void setLabels(const QStringList& labels) { labels_ = labels; }
  const QStringList& labels() const { return labels_; }
  int stride() const { return stride_; }
  // True when the axis has been laid out at a length other than the one the ticks were made for,
  // or when the last pass turned the labels: QCustomPlot sizes the margins from label extents it
  // cached at the previous draw, so the pass after a turn still has margins for the old angle.
  bool isStale() const;

 protected:
  double getTickStep(const QCPRange& range) override;
  int getSubTickCount(double) override { return 0; }
  QString getTickLabel(double tick, const QLocale&, QChar, int) override;
  QVector<double> createTickVector(double tickStep, const QCPRange& range) override;

 private:
  double axisLength() const;

  QCPAxis* axis_;  // not owned: the axis owns this ticker
  QStringList labels_;
  int stride_ = 1;
  double length_ = -1;   // axis length in pixels the current stride was computed for
  bool turned_ = false;  // the last tick generation changed the label rotation
};

}  // namespace attn::ui
