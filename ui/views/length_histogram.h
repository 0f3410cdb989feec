// LengthHistogram: how many examples have each length, in tokens, sources and targets side by
// side as bars: what a person looks at to choose the max source / target tokens bounds.
#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

class QCPBars;
class QCustomPlot;

namespace attn::ui {

class LengthHistogram : public QWidget {
  Q_OBJECT

 public:
  explicit LengthHistogram(QWidget* parent = nullptr);

  // Empty targets (classification) show the sources alone.
  void setLengths(const std::vector<int64_t>& sources, const std::vector<int64_t>& targets);
  void clear();
  // The bars' counts, index = length in tokens (for tests).
  std::vector<double> sourceCounts() const;
  QCustomPlot* plot() const { return plot_; }

 private:
  QCustomPlot* plot_;
  QCPBars* sources_ = nullptr;
  QCPBars* targets_ = nullptr;
};

}  // namespace attn::ui
