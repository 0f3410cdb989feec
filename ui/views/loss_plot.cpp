#include "views/loss_plot.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>

#include "runners/training_worker.h"

namespace attn::ui {

LossPlot::LossPlot(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  plot_->setMinimumSize(200, 150);

  loss_ = plot_->addGraph();
  loss_->setName(tr("loss, each step"));
  loss_->setPen(QPen(QColor(0x9e, 0xb4, 0xcf), 1));
  smoothed_ = plot_->addGraph();
  smoothed_->setName(tr("loss, moving average"));
  smoothed_->setPen(QPen(QColor(0x1f, 0x4e, 0x8c), 2));
  validationLoss_ = plot_->addGraph();
  validationLoss_->setName(tr("validation loss"));
  validationLoss_->setPen(QPen(QColor(0xe6, 0x55, 0x0d), 2));
  validationLoss_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
  validationScore_ = plot_->addGraph(plot_->xAxis, plot_->yAxis2);
  validationScore_->setName(tr("validation score (right)"));
  validationScore_->setPen(QPen(QColor(0x31, 0xa3, 0x54), 2, Qt::DashLine));
  validationScore_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 7));

  plot_->xAxis->setLabel(tr("step"));
  plot_->yAxis->setLabel(tr("loss (cross-entropy)"));
  plot_->yAxis2->setVisible(true);
  plot_->yAxis2->setLabel(tr("validation score"));
  plot_->yAxis2->setRange(0, 1);
  QSharedPointer<QCPAxisTickerText> percent(new QCPAxisTickerText);
  for (int p = 0; p <= 100; p += 25) percent->addTick(p / 100.0, QStringLiteral("%1%").arg(p));
  plot_->yAxis2->setTicker(percent);
  // The legend in its own row under the plot: inside, it hid the curves of a narrow plot.
  plot_->legend->setVisible(true);
  plot_->legend->setFont(QFont(font().family(), std::max(7, font().pointSize() - 1)));
  plot_->axisRect()->insetLayout()->take(plot_->legend);
  plot_->plotLayout()->addElement(1, 0, plot_->legend);
  plot_->plotLayout()->setRowStretchFactor(1, 0.001);
  plot_->legend->setWrap(2);  // two entries a row; the graphs' entries exist already, so rearrange
  plot_->legend->setFillOrder(QCPLegend::foColumnsFirst, true);
  plot_->legend->setBorderPen(Qt::NoPen);
  plot_->legend->setMargins(QMargins(4, 0, 4, 2));

  // The STYLE's throttle: one queued replot at most every 40 ms, however fast points arrive.
  replot_.setSingleShot(true);
  replot_.setInterval(kReplotMs);
  connect(&replot_, &QTimer::timeout, this, &LossPlot::flush);
  clear();
}

void LossPlot::flush() {
  replot_.stop();
  {
    const double steps =
        std::max(1.0, loss_->data()->isEmpty() ? 1.0 : (loss_->data()->constEnd() - 1)->key);
    plot_->xAxis->setRange(0, steps * 1.02);
    plot_->yAxis->setRange(0, maxLoss_ > 0 ? maxLoss_ * 1.05 : 1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
  }
}

LossPlot::~LossPlot() = default;

void LossPlot::clear() {
  for (QCPGraph* g : {loss_, smoothed_, validationLoss_, validationScore_}) g->data()->clear();
  maxLoss_ = 0;
  plot_->xAxis->setRange(0, 1);
  plot_->yAxis->setRange(0, 1);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::addTick(const TrainingTick& tick) {
  for (const auto& [step, loss] : tick.losses) {
    if (!std::isfinite(loss)) continue;
    loss_->addData(double(step), loss);
    maxLoss_ = std::max(maxLoss_, loss);
  }
  if (std::isfinite(tick.smoothedLoss)) smoothed_->addData(double(tick.step), tick.smoothedLoss);
  if (tick.validated) {
    if (std::isfinite(tick.validationLoss))
      validationLoss_->addData(double(tick.step), tick.validationLoss);
    if (std::isfinite(tick.validationScore)) {
      validationScore_->addData(double(tick.step), tick.validationScore);
      validationScore_->setName(tr("validation %1 (right)").arg(tick.validationScoreName));
      plot_->yAxis2->setLabel(tr("validation %1").arg(tick.validationScoreName));
    }
  }
  replotSoon();
}

void LossPlot::replotSoon() {
  if (!replot_.isActive()) replot_.start();
}

int LossPlot::lossPoints() const {
  return loss_->data()->size();
}

int LossPlot::validationPoints() const {
  return validationLoss_->data()->size() +
         (validationLoss_->data()->isEmpty() ? validationScore_->data()->size() : 0);
}

}  // namespace attn::ui
