// ReferenceOverlay: a reference alignment drawn over a heatmap of cross-attention, so people see
// at a glance where the model's strongest weights fall against the links people made: a square
// outline on each sure link, a small circle on each possible one. Items in plot coordinates, so
// they follow zooming and panning.
#pragma once

#include <QList>
#include <QObject>

#include "explain/alignment_error.h"

class QCPAbstractItem;

namespace attn::ui {

class HeatmapView;

class ReferenceOverlay : public QObject {
  Q_OBJECT

 public:
  explicit ReferenceOverlay(HeatmapView* view);

  // Draws `reference` on the view's matrix, whose rows are target tokens and columns source
  // tokens. Links outside the matrix are left out (the caller says why).
  void show(const ReferenceAlignment& reference);
  void clear();
  int sureMarks() const { return sure_; }
  int possibleMarks() const { return possible_; }
  // White on the dark-to-light maps, red on Greys (whose low end is white), like the row marker.
  void followColourMap();

 private:
  HeatmapView* view_;
  QList<QCPAbstractItem*> items_;
  int sure_ = 0;
  int possible_ = 0;
};

}  // namespace attn::ui
