#include "teach/bottleneck_plot.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QPainter>

namespace attn::ui {

using experiment::BottleneckResult;
using experiment::kWithAttention;
using experiment::kWithoutAttention;

namespace {

// Colour-blind safe (Okabe–Ito): orange for the model that has to squeeze the source into one
// vector, blue for the one with attention.
const QColor kWithoutColour(0xe6, 0x9f, 0x00);
const QColor kWithColour(0x00, 0x72, 0xb2);

QCPGraph* addCurve(QCustomPlot* plot, const QColor& colour, Qt::PenStyle style,
                   QCPScatterStyle::ScatterShape shape) {
  QCPGraph* g = plot->addGraph();
  g->setPen(QPen(colour, 2.5, style));
  g->setScatterStyle(QCPScatterStyle(shape, colour, colour, 8));
  return g;
}

}  // namespace

BottleneckPlot::BottleneckPlot(QWidget* parent)
    : QWidget(parent), exact_(new QCustomPlot(this)), bleu_(new QCustomPlot(this)) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(exact_);
  layout->addWidget(bleu_);
  exact_->setObjectName(QStringLiteral("exactMatchPlot"));
  bleu_->setObjectName(QStringLiteral("bleuPlot"));
  setUpPlot(exact_, tr("exact match"), true);
  setUpPlot(bleu_, tr("BLEU"), false);
  clear();
}

BottleneckPlot::~BottleneckPlot() = default;

void BottleneckPlot::setUpPlot(QCustomPlot* plot, const QString& yLabel, bool percent) {
  plot->setMinimumSize(240, 200);
  addCurve(plot, kWithoutColour, Qt::DashLine, QCPScatterStyle::ssCircle)
      ->setName(tr("without attention"));
  addCurve(plot, kWithColour, Qt::SolidLine, QCPScatterStyle::ssSquare)
      ->setName(tr("with attention"));
  plot->xAxis->setLabel(tr("source length (tokens)"));
  plot->yAxis->setLabel(yLabel);
  plot->yAxis->setRange(-0.02, 1.02);
  if (percent) {
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    for (int p = 0; p <= 100; p += 25) ticks->addTick(p / 100.0, QStringLiteral("%1%").arg(p));
    plot->yAxis->setTicker(ticks);
  }
  plot->legend->setVisible(true);
  plot->legend->setBrush(QColor(255, 255, 255, 220));
  // Right, half-way up: the curve without attention starts high on the left and falls to the
  // bottom right, the one with attention runs along the top, so this corner stays empty.
  plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
}

void BottleneckPlot::clear() {
  for (QCustomPlot* plot : {exact_, bleu_}) {
    for (int g = 0; g < plot->graphCount(); ++g) plot->graph(g)->data()->clear();
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->xAxis->setRange(0, 1);
    plot->replot(QCustomPlot::rpQueuedReplot);
  }
  hasResult_ = false;
  title_.clear();
}

void BottleneckPlot::setResult(const BottleneckResult& r) {
  clear();
  QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
  for (const experiment::LengthBucket& b : r.buckets)
    ticks->addTick(0.5 * double(b.lo + b.hi), b.lo == b.hi
                                                  ? QString::number(b.lo)
                                                  : QStringLiteral("%1–%2").arg(b.lo).arg(b.hi));
  const double lo = r.buckets.empty() ? 0 : double(r.buckets.front().lo);
  const double hi = r.buckets.empty() ? 1 : double(r.buckets.back().hi);
  const double pad = std::max(1.0, 0.04 * (hi - lo));
  for (QCustomPlot* plot : {exact_, bleu_}) {
    const bool exact = plot == exact_;
    for (int m : {kWithoutAttention, kWithAttention}) {
      const auto& model = r.models[size_t(m)];
      QCPGraph* g = plot->graph(m);
      for (const experiment::BucketScore& b : model.buckets)
        g->addData(0.5 * double(b.bucket.lo + b.bucket.hi), exact ? b.exactMatch : b.bleu);
      g->setName(m == kWithoutAttention
                     ? tr("without attention")
                     : tr("with attention (%1)")
                           .arg(QString::fromStdString(model.config.value("attention", ""))));
    }
    plot->xAxis->setTicker(ticks);
    plot->xAxis->setRange(lo - pad, hi + pad);
    plot->replot(QCustomPlot::rpQueuedReplot);
  }
  const nlohmann::json& config = r.models[kWithAttention].config;
  title_ = tr("The bottleneck: %1, %2 with H = %3, %4 training steps, %5 test sentences a point")
               .arg(QString::fromStdString(r.settings.task))
               .arg(QString::fromStdString(config.value("cell", "")).toUpper())
               .arg(config.value("hidden_dim", 0))
               .arg(r.settings.steps)
               .arg(r.settings.testPerBucket);
  hasResult_ = true;
}

QImage BottleneckPlot::render(QSize size) const {
  if (size.isEmpty()) size = this->size();
  const int titleHeight = std::max(24, fontMetrics().height() * 2);
  const int plotWidth = size.width() / 2;
  const int plotHeight = std::max(50, size.height() - titleHeight);
  QImage image(size, QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  QFont bold = font();
  bold.setBold(true);
  painter.setFont(bold);
  painter.drawText(QRect(0, 0, size.width(), titleHeight), Qt::AlignCenter, title_);
  painter.drawPixmap(0, titleHeight, exact_->toPixmap(plotWidth, plotHeight));
  painter.drawPixmap(plotWidth, titleHeight, bleu_->toPixmap(size.width() - plotWidth, plotHeight));
  return image;
}

}  // namespace attn::ui
