#include "views/loss_plot.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <cmath>

#include "runners/training_worker.h"

namespace attn::ui {

LossPlot::LossPlot(QWidget* parent) : QWidget(parent), mPlot(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mPlot);
  mPlot->setMinimumSize(200, 150);

  mLoss = mPlot->addGraph();
  mLoss->setName(tr("loss, each step"));
  mLoss->setPen(QPen(QColor(0x9e, 0xb4, 0xcf), 1));
  mSmoothed = mPlot->addGraph();
  mSmoothed->setName(tr("loss, moving average"));
  mSmoothed->setPen(QPen(QColor(0x1f, 0x4e, 0x8c), 2));
  mValidationLoss = mPlot->addGraph();
  mValidationLoss->setName(tr("validation loss"));
  mValidationLoss->setPen(QPen(QColor(0xe6, 0x55, 0x0d), 2));
  mValidationLoss->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
  mValidationScore = mPlot->addGraph(mPlot->xAxis, mPlot->yAxis2);
  mValidationScore->setName(tr("validation score (right)"));
  mValidationScore->setPen(QPen(QColor(0x31, 0xa3, 0x54), 2, Qt::DashLine));
  mValidationScore->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 7));

  mPlot->xAxis->setLabel(tr("step"));
  mPlot->yAxis->setLabel(tr("loss (cross-entropy)"));
  mPlot->yAxis2->setVisible(true);
  mPlot->yAxis2->setLabel(tr("validation score"));
  mPlot->yAxis2->setRange(0, 1);
  QSharedPointer<QCPAxisTickerText> percent(new QCPAxisTickerText);
  for (int p = 0; p <= 100; p += 25) percent->addTick(p / 100.0, QStringLiteral("%1%").arg(p));
  mPlot->yAxis2->setTicker(percent);
  // The legend in its own row under the plot: inside, it hid the curves of a narrow plot.
  mPlot->legend->setVisible(true);
  mPlot->legend->setFont(QFont(font().family(), std::max(7, font().pointSize() - 1)));
  mPlot->axisRect()->insetLayout()->take(mPlot->legend);
  mPlot->plotLayout()->addElement(1, 0, mPlot->legend);
  mPlot->plotLayout()->setRowStretchFactor(1, 0.001);
  mPlot->legend->setWrap(2);  // two entries a row; the graphs' entries exist already, so rearrange
  mPlot->legend->setFillOrder(QCPLegend::foColumnsFirst, true);
  mPlot->legend->setBorderPen(Qt::NoPen);
  mPlot->legend->setMargins(QMargins(4, 0, 4, 2));

  // The STYLE's throttle: one queued replot at most every 40 ms, however fast points arrive.
  mReplot.setSingleShot(true);
  mReplot.setInterval(kReplotMs);
  connect(&mReplot, &QTimer::timeout, this, &LossPlot::flush);
  clear();
}

void LossPlot::flush() {
  mReplot.stop();
  {
    const double steps =
        std::max(1.0, mLoss->data()->isEmpty() ? 1.0 : (mLoss->data()->constEnd() - 1)->key);
    mPlot->xAxis->setRange(0, steps * 1.02);
    mPlot->yAxis->setRange(0, mMaxLoss > 0 ? mMaxLoss * 1.05 : 1);
    mPlot->replot(QCustomPlot::rpQueuedReplot);
  }
}

LossPlot::~LossPlot() = default;

void LossPlot::clear() {
  for (QCPGraph* g : {mLoss, mSmoothed, mValidationLoss, mValidationScore}) g->data()->clear();
  mMaxLoss = 0;
  mPlot->xAxis->setRange(0, 1);
  mPlot->yAxis->setRange(0, 1);
  mPlot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::addTick(const TrainingTick& tick) {
  for (const auto& [step, loss] : tick.losses) {
    if (!std::isfinite(loss)) continue;
    mLoss->addData(double(step), loss);
    mMaxLoss = std::max(mMaxLoss, loss);
  }
  if (std::isfinite(tick.smoothedLoss)) mSmoothed->addData(double(tick.step), tick.smoothedLoss);
  if (tick.validated) {
    if (std::isfinite(tick.validationLoss))
      mValidationLoss->addData(double(tick.step), tick.validationLoss);
    if (std::isfinite(tick.validationScore)) {
      mValidationScore->addData(double(tick.step), tick.validationScore);
      mValidationScore->setName(tr("validation %1 (right)").arg(tick.validationScoreName));
      mPlot->yAxis2->setLabel(tr("validation %1").arg(tick.validationScoreName));
    }
  }
  replotSoon();
}

void LossPlot::replotSoon() {
  if (!mReplot.isActive()) mReplot.start();
}

int LossPlot::lossPoints() const {
  return mLoss->data()->size();
}

int LossPlot::validationPoints() const {
  return mValidationLoss->data()->size() +
         (mValidationLoss->data()->isEmpty() ? mValidationScore->data()->size() : 0);
}

}  // namespace attn::ui
