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

  HeatmapView* heatmap() const { return mHeatmap; }
  QLabel* textLabel() const { return mText; }
  QLabel* penaltyLabel() const { return mPenalty; }
  double penalty() const { return mPenaltyValue; }
  void setColourMap(ColourMap map);

 private:
  void refresh();

  TraceDocument* mDocument;
  ColourMap mColourMap = ColourMap::Viridis;
  QStackedWidget* mStack;
  QLabel* mEmpty;
  HeatmapView* mHeatmap;
  QLabel* mText;
  QLabel* mPenalty;
  QLabel* mPrediction;
  double mPenaltyValue = 0;
};

}  // namespace attn::ui
