// The bottleneck experiment's figure: exact match and BLEU against source length, one curve per
// model (without attention, with attention), as in Bahdanau et al. (2015), Fig. 2. Each point is
// a length bucket, drawn at the bucket's middle and labelled with its range.
#pragma once

#include <QImage>
#include <QString>
#include <QWidget>

#include "experiment/bottleneck.h"

class QCustomPlot;

namespace attn::ui {

class BottleneckPlot : public QWidget {
  Q_OBJECT

 public:
  explicit BottleneckPlot(QWidget* parent = nullptr);
  ~BottleneckPlot() override;

  void setResult(const experiment::BottleneckResult& result);
  void clear();
  bool hasResult() const { return hasResult_; }

  // Both plots side by side under a title, at `size` (empty: the size on screen).
  QImage render(QSize size = {}) const;

  QCustomPlot* exactMatchPlot() const { return exact_; }
  QCustomPlot* bleuPlot() const { return bleu_; }

 private:
  void setUpPlot(QCustomPlot* plot, const QString& yLabel, bool percent);

  QCustomPlot* exact_;
  QCustomPlot* bleu_;
  QString title_;
  bool hasResult_ = false;
};

}  // namespace attn::ui
