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
    : QWidget(parent), mPlot(new QCustomPlot(this)), mHoverLabel(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mPlot, 1);
  layout->addWidget(mHoverLabel);
  mHoverLabel->setContentsMargins(8, 2, 8, 4);
  mHoverLabel->setText(tr(kHoverHint));
  mHoverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);  // people copy values from it
  mHoverLabel->setWordWrap(true);  // the hint must not be cut off, nor widen the window
  mPlot->setMinimumSize(240, 180);
  setUpAxes();
  setUpColorMap();
  connectMouse();
}

HeatmapView::~HeatmapView() = default;

void HeatmapView::setUpAxes() {
  // Source tokens along the top, where a reader's eye starts, as in the alignment figures of
  // Bahdanau et al.; output tokens down the left with the first one at the top, like text.
  mSourceAxis = mPlot->xAxis2;
  mOutputAxis = mPlot->yAxis;
  mPlot->xAxis->setVisible(false);
  mPlot->yAxis2->setVisible(false);
  mSourceAxis->setVisible(true);
  mOutputAxis->setRangeReversed(true);
  for (QCPAxis* axis : {mSourceAxis, mOutputAxis}) {
    axis->grid()->setVisible(false);  // grid lines would cut through the cells
    axis->setSubTicks(false);
    axis->setTickLength(0, 3);
    auto ticker = QSharedPointer<TokenTicker>::create(axis);
    (axis == mSourceAxis ? mSourceTicker : mOutputTicker) = ticker.data();
    axis->setTicker(ticker);
  }
  setAxisTitles(tr("source tokens"), tr("output tokens"));
}

void HeatmapView::setUpColorMap() {
  mMap = new QCPColorMap(mSourceAxis, mOutputAxis);
  mMap->setInterpolate(false);  // each cell is one weight: blending neighbours would invent values
  mMap->setTightBoundary(false);

  mScale = new FollowingColorScale(mPlot);
  mPlot->plotLayout()->addElement(0, 1, mScale);
  mScale->setType(QCPAxis::atRight);
  mScale->setBarWidth(14);
  mMap->setColorScale(mScale);                 // links the map's range and gradient to the scale...
  mMap->setGradient(gradientFor(mColourMap));  // ...so set the gradient afterwards, for both
  setValueTitle(tr("attention weight"));

  // Keep the colour bar exactly as tall as the map, whatever the tick labels need.
  auto* group = new QCPMarginGroup(mPlot);
  mPlot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
  mScale->setMarginGroup(QCP::msTop | QCP::msBottom, group);

  mRowMarker = new QCPItemRect(mPlot);
  mRowMarker->topLeft->setAxes(mSourceAxis, mOutputAxis);
  mRowMarker->bottomRight->setAxes(mSourceAxis, mOutputAxis);
  mRowMarker->setPen(QPen(Qt::white, 2));  // white stays visible on every viridis colour but yellow
  mRowMarker->setSelectable(false);
  mRowMarker->setVisible(false);
}

void HeatmapView::connectMouse() {
  mPlot->setMouseTracking(
      true);  // without it QCustomPlot reports moves only while a button is down
  mPlot->installEventFilter(this);
  connect(mPlot, &QCustomPlot::mouseMove, this,
          [this](QMouseEvent* event) { updateHover(event->position()); });
  connect(mPlot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
    mPressed = event->button() == Qt::LeftButton;
    mPressPos = event->position();
  });
  connect(mPlot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* event) {
    // A click, not the end of a drag: both ends within the platform's drag distance.
    const bool click =
        mPressed && event->button() == Qt::LeftButton &&
        (event->position() - mPressPos).manhattanLength() <= QApplication::startDragDistance();
    mPressed = false;
    int row = -1;
    int col = -1;
    if (click && cellAt(event->position(), &row, &col)) {
      setSelectedRow(row);
      emit rowClicked(row);
    }
  });
  connect(mPlot, &QCustomPlot::afterReplot, this, &HeatmapView::onAfterReplot);

  // Long inputs: zoom into a corner with the wheel and drag it around; labels un-thin as cells
  // grow.
  mPlot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  mPlot->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
  mPlot->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
  mPlot->axisRect()->setRangeDragAxes(mSourceAxis, mOutputAxis);
  mPlot->axisRect()->setRangeZoomAxes(mSourceAxis, mOutputAxis);
  for (QCPAxis* axis : {mSourceAxis, mOutputAxis}) {
    connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this] { clampRanges(); });
  }
  connect(mPlot, &QCustomPlot::mouseDoubleClick, this, [this] { resetZoom(); });
}

void HeatmapView::clampRanges() {
  if (mClamping || mRows == 0) return;
  mClamping = true;
  // Never further out than the whole matrix, never closer in than two cells.
  auto clamp = [](QCPAxis* axis, int n) {
    const double full = n;
    QCPRange r = axis->range();
    double size = std::clamp(r.size(), std::min(2.0, full), full);
    double lower = std::clamp(r.center() - size / 2, -0.5, -0.5 + full - size);
    if (std::abs(lower - r.lower) > 1e-9 || std::abs(lower + size - r.upper) > 1e-9)
      axis->setRange(lower, lower + size);
  };
  clamp(mSourceAxis, mCols);
  clamp(mOutputAxis, mRows);
  mClamping = false;
  const bool zoomed = isZoomed();
  if (zoomed != mWasZoomed) {
    mWasZoomed = zoomed;
    emit zoomChanged(zoomed);
  }
}

bool HeatmapView::isZoomed() const {
  if (mRows == 0) return false;
  return mSourceAxis->range().size() < mCols - 1e-6 || mOutputAxis->range().size() < mRows - 1e-6;
}

void HeatmapView::resetZoom() {
  if (mRows == 0) return;
  mSourceAxis->setRange(-0.5, mCols - 0.5);
  mOutputAxis->setRange(-0.5, mRows - 0.5);
  mPlot->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapView::setColourMap(ColourMap map) {
  mColourMap = map;
  mMap->setGradient(gradientFor(map));
  // White shows on every dark-to-light map; on the white end of Greys it would vanish.
  mRowMarker->setPen(map == ColourMap::Greys ? QPen(QColor(0xd0, 0x20, 0x20), mRowMarkerWidth)
                                             : QPen(Qt::white, mRowMarkerWidth));
  mPlot->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapView::setRowMarkerWidth(double pixels) {
  mRowMarkerWidth = pixels;
  setColourMap(mColourMap);  // redraws the marker's pen at the new width
}

bool HeatmapView::setMatrix(int rows, int cols, const std::vector<float>& rowMajorValues,
                            const QStringList& rowLabels, const QStringList& colLabels) {
  if (rows <= 0 || cols <= 0 || rowMajorValues.size() != std::size_t(rows) * std::size_t(cols))
    return false;
  if ((!rowLabels.isEmpty() && rowLabels.size() != rows) ||
      (!colLabels.isEmpty() && colLabels.size() != cols))
    return false;

  mRows = rows;
  mCols = cols;
  QCPColorMapData* data = mMap->data();
  data->setSize(cols, rows);  // QCustomPlot indexes cells (key, value), that is (col, row)
  data->setRange(cellCentreRange(cols), cellCentreRange(rows));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) data->setCell(c, r, rowMajorValues[std::size_t(r) * cols + c]);
  }
  mMap->setDataRange(valueRangeFor(rowMajorValues));
  mSourceTicker->setLabels(labelsOrIndices(colLabels, cols));
  mOutputTicker->setLabels(labelsOrIndices(rowLabels, rows));
  mClamping = true;  // the new size first, then the ranges
  mSourceAxis->setRange(-0.5, cols - 0.5);
  mOutputAxis->setRange(-0.5, rows - 0.5);
  mClamping = false;
  if (mWasZoomed) {
    mWasZoomed = false;
    emit zoomChanged(false);
  }
  clearHover();
  setSelectedRow(-1);
  mPlot->replot(QCustomPlot::rpQueuedReplot);
  return true;
}

void HeatmapView::setTitle(const QString& title) {
  if (title.isEmpty()) {
    if (mTitle) {
      mPlot->plotLayout()->remove(mTitle);  // deletes it
      mPlot->plotLayout()->simplify();      // and drops the row it leaves empty
      mTitle = nullptr;
    }
  } else if (mTitle) {
    mTitle->setText(title);
  } else {
    QFont titleFont = font();
    titleFont.setBold(true);
    mPlot->plotLayout()->insertRow(0);
    mTitle = new QCPTextElement(mPlot, title, titleFont);
    mPlot->plotLayout()->addElement(0, 0, mTitle);
  }
  mPlot->replot(QCustomPlot::rpQueuedReplot);
}

QString HeatmapView::title() const {
  return mTitle ? mTitle->text() : QString();
}

void HeatmapView::setAxisTitles(const QString& sourceTitle, const QString& outputTitle) {
  mSourceAxis->setLabel(sourceTitle);
  mOutputAxis->setLabel(outputTitle);
  mPlot->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapView::setValueTitle(const QString& title) {
  mScale->axis()->setLabel(title);
  mPlot->replot(QCustomPlot::rpQueuedReplot);
}

double HeatmapView::value(int row, int col) const {
  if (row < 0 || row >= mRows || col < 0 || col >= mCols)
    return std::numeric_limits<double>::quiet_NaN();
  return mMap->data()->cell(col, row);
}

QStringList HeatmapView::rowLabels() const {
  return mOutputTicker->labels();
}

QString HeatmapView::hoverText() const {
  return mHoverLabel->text();
}

void HeatmapView::setSelectedRow(int row) {
  mSelectedRow = (row >= 0 && row < mRows) ? row : -1;
  mRowMarker->setVisible(mSelectedRow >= 0);
  if (mSelectedRow >= 0) {
    mRowMarker->topLeft->setCoords(-0.5, mSelectedRow - 0.5);
    mRowMarker->bottomRight->setCoords(mCols - 0.5, mSelectedRow + 0.5);
  }
  mPlot->replot(QCustomPlot::rpQueuedReplot);
}

bool HeatmapView::cellAt(const QPointF& pos, int* row, int* col) const {
  if (mRows == 0 || !mPlot->axisRect()->rect().contains(pos.toPoint())) return false;
  // Cell centres are the integers, so rounding the axis coordinate picks the cell.
  const int c = int(std::floor(mSourceAxis->pixelToCoord(pos.x()) + 0.5));
  const int r = int(std::floor(mOutputAxis->pixelToCoord(pos.y()) + 0.5));
  if (r < 0 || r >= mRows || c < 0 || c >= mCols) return false;
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
  if (row == mHoverRow && col == mHoverCol) return;  // one signal per cell entered, not per pixel
  mHoverRow = row;
  mHoverCol = col;
  const double v = value(row, col);
  mHoverLabel->setText(QStringLiteral("%1 → %2: %3")
                           .arg(mOutputTicker->labels().value(row),
                                mSourceTicker->labels().value(col), QString::number(v, 'f', 3)));
  emit cellHovered(row, col, v);
}

void HeatmapView::clearHover() {
  mHoverRow = -1;
  mHoverCol = -1;
  mHoverLabel->setText(tr(kHoverHint));
}

bool HeatmapView::eventFilter(QObject* watched, QEvent* event) {
  if (watched == mPlot && event->type() == QEvent::Leave) clearHover();
  return QWidget::eventFilter(watched, event);
}

bool HeatmapView::ticksStale() const {
  return mSourceTicker->isStale() || mOutputTicker->isStale();
}

void HeatmapView::onAfterReplot() {
  if (mSyncReplot) return;
  if (!ticksStale()) {
    mCorrections = 0;
    return;
  }
  // A resize and then a turn of the labels each need one more pass. Past that, stop: a one-pixel
  // margin wobble must not turn into an endless chain of replots.
  if (mCorrections < kMaxLayoutPasses - 2) {
    ++mCorrections;
    mPlot->replot(QCustomPlot::rpQueuedReplot);
  } else {
    mCorrections = 0;
  }
}

void HeatmapView::replotNow() {
  mSyncReplot = true;
  for (int pass = 0; pass < kMaxLayoutPasses; ++pass) {
    mPlot->replot(QCustomPlot::rpImmediateRefresh);
    if (!ticksStale()) break;
  }
  mSyncReplot = false;
}

}  // namespace attn::ui
