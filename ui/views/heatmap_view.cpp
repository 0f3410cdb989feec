#include "views/heatmap_view.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

#include "views/token_ticker.h"
#include "views/viridis.h"

namespace attn::ui {
namespace {

const char* const kHoverHint = QT_TRANSLATE_NOOP(
    "attn::ui::HeatmapView",
    "Point at a cell to read its value; click a row to select it. Wheel: zoom · drag: pan · "
    "double-click: whole map.");

// Cells sit at integer coordinates. QCPColorMapData takes its range ends as the centres of the
// outer cells, so a single cell needs a range one cell wide or it is drawn zero pixels wide.
QCPRange cellCentreRange(int n) {
  return n > 1 ? QCPRange(0, n - 1) : QCPRange(-0.5, 0.5);
}

// A colour scale whose top and bottom margins follow the map's. QCPLayoutElement's default
// automatic margin is "at least what it was": inside a margin group that ratchets, so once the
// source labels had stood upright (a tall top margin, e.g. while the window was still small) the
// scale kept the map pushed down for good. Reporting only the minimum lets the map decide.
class FollowingColorScale : public QCPColorScale {
 public:
  using QCPColorScale::QCPColorScale;

 protected:
  int calculateAutoMargin(QCP::MarginSide side) override {
    return QCP::getMarginValue(minimumMargins(), side);
  }
};

QStringList labelsOrIndices(const QStringList& labels, int n) {
  if (!labels.isEmpty()) return labels;
  QStringList indices;
  for (int i = 0; i < n; ++i) indices << QString::number(i);
  return indices;
}

// Attention weights live in [0, 1]. Showing them on that fixed scale keeps two heatmaps comparable
// and stops a nearly uniform row from looking sharp. Anything else (raw scores) gets min..max.
QCPRange valueRangeFor(const std::vector<float>& values) {
  // A diverged model yields NaN or infinity; those cells get their own colour and no say here.
  float lo = std::numeric_limits<float>::infinity();
  float hi = -lo;
  for (float v : values) {
    if (!std::isfinite(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (lo > hi || (lo >= 0.0f && hi <= 1.0f)) return QCPRange(0, 1);
  if (lo == hi) return QCPRange(lo - 0.5, hi + 0.5);
  return QCPRange(lo, hi);
}

}  // namespace

HeatmapView::HeatmapView(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)), hoverLabel_(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_, 1);
  layout->addWidget(hoverLabel_);
  hoverLabel_->setContentsMargins(8, 2, 8, 4);
  hoverLabel_->setText(tr(kHoverHint));
  hoverLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);  // people copy values from it
  hoverLabel_->setWordWrap(true);  // the hint must not be cut off, nor widen the window
  plot_->setMinimumSize(240, 180);
  setUpAxes();
  setUpColorMap();
  connectMouse();
}

HeatmapView::~HeatmapView() = default;

void HeatmapView::setUpAxes() {
  // Source tokens along the top, where a reader's eye starts, as in the alignment figures of
  // Bahdanau et al.; output tokens down the left with the first one at the top, like text.
  sourceAxis_ = plot_->xAxis2;
  outputAxis_ = plot_->yAxis;
  plot_->xAxis->setVisible(false);
  plot_->yAxis2->setVisible(false);
  sourceAxis_->setVisible(true);
  outputAxis_->setRangeReversed(true);
  for (QCPAxis* axis : {sourceAxis_, outputAxis_}) {
    axis->grid()->setVisible(false);  // grid lines would cut through the cells
    axis->setSubTicks(false);
    axis->setTickLength(0, 3);
    auto ticker = QSharedPointer<TokenTicker>::create(axis);
    (axis == sourceAxis_ ? sourceTicker_ : outputTicker_) = ticker.data();
    axis->setTicker(ticker);
  }
  setAxisTitles(tr("source tokens"), tr("output tokens"));
}

void HeatmapView::setUpColorMap() {
  map_ = new QCPColorMap(sourceAxis_, outputAxis_);
  map_->setInterpolate(false);  // each cell is one weight: blending neighbours would invent values
  map_->setTightBoundary(false);

  scale_ = new FollowingColorScale(plot_);
  plot_->plotLayout()->addElement(0, 1, scale_);
  scale_->setType(QCPAxis::atRight);
  scale_->setBarWidth(14);
  map_->setColorScale(scale_);                 // links the map's range and gradient to the scale...
  map_->setGradient(gradientFor(colourMap_));  // ...so set the gradient afterwards, for both
  setValueTitle(tr("attention weight"));

  // Keep the colour bar exactly as tall as the map, whatever the tick labels need.
  auto* group = new QCPMarginGroup(plot_);
  plot_->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
  scale_->setMarginGroup(QCP::msTop | QCP::msBottom, group);

  rowMarker_ = new QCPItemRect(plot_);
  rowMarker_->topLeft->setAxes(sourceAxis_, outputAxis_);
  rowMarker_->bottomRight->setAxes(sourceAxis_, outputAxis_);
  rowMarker_->setPen(QPen(Qt::white, 2));  // white stays visible on every viridis colour but yellow
  rowMarker_->setSelectable(false);
  rowMarker_->setVisible(false);
}

void HeatmapView::connectMouse() {
  plot_->setMouseTracking(
      true);  // without it QCustomPlot reports moves only while a button is down
  plot_->installEventFilter(this);
  connect(plot_, &QCustomPlot::mouseMove, this,
          [this](QMouseEvent* event) { updateHover(event->position()); });
  connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
    pressed_ = event->button() == Qt::LeftButton;
    pressPos_ = event->position();
  });
  connect(plot_, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* event) {
    // A click, not the end of a drag: both ends within the platform's drag distance.
    const bool click =
        pressed_ && event->button() == Qt::LeftButton &&
        (event->position() - pressPos_).manhattanLength() <= QApplication::startDragDistance();
    pressed_ = false;
    int row = -1;
    int col = -1;
    if (click && cellAt(event->position(), &row, &col)) {
      setSelectedRow(row);
      emit rowClicked(row);
    }
  });
  connect(plot_, &QCustomPlot::afterReplot, this, &HeatmapView::onAfterReplot);

  // Long inputs: zoom into a corner with the wheel and drag it around; labels un-thin as cells
  // grow.
  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  plot_->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
  plot_->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
  plot_->axisRect()->setRangeDragAxes(sourceAxis_, outputAxis_);
  plot_->axisRect()->setRangeZoomAxes(sourceAxis_, outputAxis_);
  for (QCPAxis* axis : {sourceAxis_, outputAxis_}) {
    connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this] { clampRanges(); });
  }
  connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { resetZoom(); });
}

void HeatmapView::clampRanges() {
  if (clamping_ || rows_ == 0) return;
  clamping_ = true;
  // Never further out than the whole matrix, never closer in than two cells.
  auto clamp = [](QCPAxis* axis, int n) {
    const double full = n;
    QCPRange r = axis->range();
    double size = std::clamp(r.size(), std::min(2.0, full), full);
    double lower = std::clamp(r.center() - size / 2, -0.5, -0.5 + full - size);
    if (std::abs(lower - r.lower) > 1e-9 || std::abs(lower + size - r.upper) > 1e-9)
      axis->setRange(lower, lower + size);
  };
  clamp(sourceAxis_, cols_);
  clamp(outputAxis_, rows_);
  clamping_ = false;
  const bool zoomed = isZoomed();
  if (zoomed != wasZoomed_) {
    wasZoomed_ = zoomed;
    emit zoomChanged(zoomed);
  }
}

bool HeatmapView::isZoomed() const {
  if (rows_ == 0) return false;
  return sourceAxis_->range().size() < cols_ - 1e-6 || outputAxis_->range().size() < rows_ - 1e-6;
}

void HeatmapView::resetZoom() {
  if (rows_ == 0) return;
  sourceAxis_->setRange(-0.5, cols_ - 0.5);
  outputAxis_->setRange(-0.5, rows_ - 0.5);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapView::setColourMap(ColourMap map) {
  colourMap_ = map;
  map_->setGradient(gradientFor(map));
  // White shows on every dark-to-light map; on the white end of Greys it would vanish.
  rowMarker_->setPen(map == ColourMap::Greys ? QPen(QColor(0xd0, 0x20, 0x20), rowMarkerWidth_)
                                             : QPen(Qt::white, rowMarkerWidth_));
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapView::setRowMarkerWidth(double pixels) {
  rowMarkerWidth_ = pixels;
  setColourMap(colourMap_);  // redraws the marker's pen at the new width
}

bool HeatmapView::setMatrix(int rows, int cols, const std::vector<float>& rowMajorValues,
                            const QStringList& rowLabels, const QStringList& colLabels) {
  if (rows <= 0 || cols <= 0 || rowMajorValues.size() != std::size_t(rows) * std::size_t(cols))
    return false;
  if ((!rowLabels.isEmpty() && rowLabels.size() != rows) ||
      (!colLabels.isEmpty() && colLabels.size() != cols))
    return false;

  rows_ = rows;
  cols_ = cols;
  QCPColorMapData* data = map_->data();
  data->setSize(cols, rows);  // QCustomPlot indexes cells (key, value), that is (col, row)
  data->setRange(cellCentreRange(cols), cellCentreRange(rows));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) data->setCell(c, r, rowMajorValues[std::size_t(r) * cols + c]);
  }
  map_->setDataRange(valueRangeFor(rowMajorValues));
  sourceTicker_->setLabels(labelsOrIndices(colLabels, cols));
  outputTicker_->setLabels(labelsOrIndices(rowLabels, rows));
  clamping_ = true;  // the new size first, then the ranges
  sourceAxis_->setRange(-0.5, cols - 0.5);
  outputAxis_->setRange(-0.5, rows - 0.5);
  clamping_ = false;
  if (wasZoomed_) {
    wasZoomed_ = false;
    emit zoomChanged(false);
  }
  clearHover();
  setSelectedRow(-1);
  plot_->replot(QCustomPlot::rpQueuedReplot);
  return true;
}

void HeatmapView::setTitle(const QString& title) {
  if (title.isEmpty()) {
    if (title_) {
      plot_->plotLayout()->remove(title_);  // deletes it
      plot_->plotLayout()->simplify();      // and drops the row it leaves empty
      title_ = nullptr;
    }
  } else if (title_) {
    title_->setText(title);
  } else {
    QFont titleFont = font();
    titleFont.setBold(true);
    plot_->plotLayout()->insertRow(0);
    title_ = new QCPTextElement(plot_, title, titleFont);
    plot_->plotLayout()->addElement(0, 0, title_);
  }
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

QString HeatmapView::title() const {
  return title_ ? title_->text() : QString();
}

void HeatmapView::setAxisTitles(const QString& sourceTitle, const QString& outputTitle) {
  sourceAxis_->setLabel(sourceTitle);
  outputAxis_->setLabel(outputTitle);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapView::setValueTitle(const QString& title) {
  scale_->axis()->setLabel(title);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

double HeatmapView::value(int row, int col) const {
  if (row < 0 || row >= rows_ || col < 0 || col >= cols_)
    return std::numeric_limits<double>::quiet_NaN();
  return map_->data()->cell(col, row);
}

QStringList HeatmapView::rowLabels() const {
  return outputTicker_->labels();
}

QString HeatmapView::hoverText() const {
  return hoverLabel_->text();
}

void HeatmapView::setSelectedRow(int row) {
  selectedRow_ = (row >= 0 && row < rows_) ? row : -1;
  rowMarker_->setVisible(selectedRow_ >= 0);
  if (selectedRow_ >= 0) {
    rowMarker_->topLeft->setCoords(-0.5, selectedRow_ - 0.5);
    rowMarker_->bottomRight->setCoords(cols_ - 0.5, selectedRow_ + 0.5);
  }
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool HeatmapView::cellAt(const QPointF& pos, int* row, int* col) const {
  if (rows_ == 0 || !plot_->axisRect()->rect().contains(pos.toPoint())) return false;
  // Cell centres are the integers, so rounding the axis coordinate picks the cell.
  const int c = int(std::floor(sourceAxis_->pixelToCoord(pos.x()) + 0.5));
  const int r = int(std::floor(outputAxis_->pixelToCoord(pos.y()) + 0.5));
  if (r < 0 || r >= rows_ || c < 0 || c >= cols_) return false;
  *row = r;
  *col = c;
  return true;
}

void HeatmapView::updateHover(const QPointF& pos) {
  int row = -1;
  int col = -1;
  if (!cellAt(pos, &row, &col)) {
    clearHover();
    return;
  }
  if (row == hoverRow_ && col == hoverCol_) return;  // one signal per cell entered, not per pixel
  hoverRow_ = row;
  hoverCol_ = col;
  const double v = value(row, col);
  hoverLabel_->setText(QStringLiteral("%1 → %2: %3")
                           .arg(outputTicker_->labels().value(row),
                                sourceTicker_->labels().value(col), QString::number(v, 'f', 3)));
  emit cellHovered(row, col, v);
}

void HeatmapView::clearHover() {
  hoverRow_ = -1;
  hoverCol_ = -1;
  hoverLabel_->setText(tr(kHoverHint));
}

bool HeatmapView::eventFilter(QObject* watched, QEvent* event) {
  if (watched == plot_ && event->type() == QEvent::Leave) clearHover();
  return QWidget::eventFilter(watched, event);
}

bool HeatmapView::ticksStale() const {
  return sourceTicker_->isStale() || outputTicker_->isStale();
}

void HeatmapView::onAfterReplot() {
  if (syncReplot_) return;
  if (!ticksStale()) {
    corrections_ = 0;
    return;
  }
  // A resize and then a turn of the labels each need one more pass. Past that, stop: a one-pixel
  // margin wobble must not turn into an endless chain of replots.
  if (corrections_ < kMaxLayoutPasses - 2) {
    ++corrections_;
    plot_->replot(QCustomPlot::rpQueuedReplot);
  } else {
    corrections_ = 0;
  }
}

void HeatmapView::replotNow() {
  syncReplot_ = true;
  for (int pass = 0; pass < kMaxLayoutPasses; ++pass) {
    plot_->replot(QCustomPlot::rpImmediateRefresh);
    if (!ticksStale()) break;
  }
  syncReplot_ = false;
}

}  // namespace attn::ui
