#include "reference_overlay.h"

#include <qcustomplot.h>

#include "views/heatmap_view.h"

namespace attn::ui {
namespace {

// Inside the cell, clear of its neighbours, so two adjacent links stay two marks.
constexpr double kSquareHalf = 0.36;
constexpr double kCircleHalf = 0.16;

QPen markPen(ColourMap map) {
  return QPen(map == ColourMap::Greys ? QColor(0xd0, 0x20, 0x20) : QColor(Qt::white), 2);
}

}  // namespace

ReferenceOverlay::ReferenceOverlay(HeatmapView* view) : QObject(view), view_(view) {}

void ReferenceOverlay::clear() {
  QCustomPlot* plot = view_->plot();
  for (QCPAbstractItem* item : items_) plot->removeItem(item);
  items_.clear();
  sure_ = possible_ = 0;
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void ReferenceOverlay::show(const ReferenceAlignment& reference) {
  clear();
  QCustomPlot* plot = view_->plot();
  const QPen pen = markPen(view_->colourMap());
  auto place = [&](QCPItemPosition* topLeft, QCPItemPosition* bottomRight, const AlignmentLink& l,
                   double half) {
    for (QCPItemPosition* p : {topLeft, bottomRight})
      p->setAxes(view_->sourceAxis(), view_->outputAxis());
    topLeft->setCoords(l.source - half, l.target - half);
    bottomRight->setCoords(l.source + half, l.target + half);
  };
  auto fits = [this](const AlignmentLink& l) {
    return l.source < view_->cols() && l.target < view_->rows();
  };
  for (const AlignmentLink& l : reference.possible) {
    if (!fits(l)) continue;
    if (reference.sure.count(l)) {
      auto* square = new QCPItemRect(plot);
      place(square->topLeft, square->bottomRight, l, kSquareHalf);
      square->setPen(pen);
      square->setSelectable(false);
      items_ << square;
      ++sure_;
    } else {
      auto* circle = new QCPItemEllipse(plot);
      place(circle->topLeft, circle->bottomRight, l, kCircleHalf);
      circle->setPen(pen);
      circle->setBrush(QBrush(pen.color()));
      circle->setSelectable(false);
      items_ << circle;
      ++possible_;
    }
  }
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void ReferenceOverlay::followColourMap() {
  const QPen pen = markPen(view_->colourMap());
  for (QCPAbstractItem* item : items_) {
    if (auto* rect = qobject_cast<QCPItemRect*>(item)) rect->setPen(pen);
    if (auto* circle = qobject_cast<QCPItemEllipse*>(item)) {
      circle->setPen(pen);
      circle->setBrush(QBrush(pen.color()));
    }
  }
  view_->plot()->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace attn::ui
