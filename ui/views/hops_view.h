// HopsView: the structured self-attention classifier (Lin et al. 2017) taken apart: its r hops as
// a heatmap and as highlighted sentences, the penalty ‖AAᵀ − I‖²_F that keeps them apart, and the
// class it chose.
#pragma once

#include <QWidget>

#include "views/colour_maps.h"

class QLabel;
class QStackedWidget;

namespace attn::ui {

class HeatmapView;
class Settings;
class TraceDocument;

class HopsView : public QWidget {
  Q_OBJECT

 public:
  explicit HopsView(TraceDocument* document, const Settings* settings = nullptr,
                    QWidget* parent = nullptr);

  HeatmapView* heatmap() const { return heatmap_; }
  QLabel* textLabel() const { return text_; }
  QLabel* penaltyLabel() const { return penalty_; }
  double penalty() const { return penaltyValue_; }
  void setColourMap(ColourMap map);

 private:
  void refresh();

  TraceDocument* document_;
  ColourMap colourMap_ = ColourMap::Viridis;
  QStackedWidget* stack_;
  QLabel* empty_;
  HeatmapView* heatmap_;
  QLabel* text_;
  QLabel* penalty_;
  QLabel* prediction_;
  double penaltyValue_ = 0;
};

}  // namespace attn::ui
