#include "views/length_histogram.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>

namespace attn::ui {
namespace {

// Counts per length 0..max; lengths past kLongestBar are counted at kLongestBar, so that one very
// long line does not squeeze every other bar into a corner.
constexpr int64_t kLongestBar = 100;

QVector<double> barHeights(const std::vector<int64_t>& lengths, int64_t top) {
  QVector<double> counts(int(top + 1), 0.0);
  for (int64_t n : lengths) counts[int(std::clamp<int64_t>(n, 0, top))] += 1;
  return counts;
}

}  // namespace

LengthHistogram::LengthHistogram(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  plot_->setMinimumSize(200, 120);
  sources_ = new QCPBars(plot_->xAxis, plot_->yAxis);
  sources_->setName(tr("sources"));
  sources_->setPen(Qt::NoPen);
  sources_->setBrush(QColor(0x1f, 0x4e, 0x8c, 200));
  targets_ = new QCPBars(plot_->xAxis, plot_->yAxis);
  targets_->setName(tr("targets"));
  targets_->setPen(Qt::NoPen);
  targets_->setBrush(QColor(0xe6, 0x55, 0x0d, 160));
  // Two bars side by side at each length, each a little under half a unit wide.
  sources_->setWidth(0.42);
  targets_->setWidth(0.42);
  auto* group = new QCPBarsGroup(plot_);
  sources_->setBarsGroup(group);
  targets_->setBarsGroup(group);
  plot_->xAxis->setLabel(tr("length in tokens"));
  plot_->yAxis->setLabel(tr("examples"));
  plot_->legend->setVisible(true);
  plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

void LengthHistogram::setLengths(const std::vector<int64_t>& sources,
                                 const std::vector<int64_t>& targets) {
  int64_t top = 1;
  for (const auto* lengths : {&sources, &targets})
    for (int64_t n : *lengths) top = std::max(top, std::min(n, kLongestBar));
  QVector<double> keys(int(top + 1));
  for (int i = 0; i <= top; ++i) keys[i] = i;
  sources_->setData(keys, barHeights(sources, top), true);
  targets_->setData(keys, barHeights(targets, top), true);
  targets_->setVisible(!targets.empty());
  targets_->removeFromLegend();
  if (!targets.empty()) targets_->addToLegend();
  plot_->rescaleAxes();
  plot_->xAxis->setRange(-0.5, double(top) + 0.5);
  plot_->yAxis->setRangeLower(0);
  plot_->replot();
}

void LengthHistogram::clear() {
  sources_->data()->clear();
  targets_->data()->clear();
  plot_->replot();
}

std::vector<double> LengthHistogram::sourceCounts() const {
  std::vector<double> out;
  for (auto it = sources_->data()->constBegin(); it != sources_->data()->constEnd(); ++it)
    out.push_back(it->value);
  return out;
}

}  // namespace attn::ui
