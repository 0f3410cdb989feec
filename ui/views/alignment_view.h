// AlignmentView: the big heatmap of the selected attention map, with the choice of map, layer
// and head above it. A click on a row of a step-indexed map selects that output step.
#pragma once

#include <QWidget>

#include "views/colour_maps.h"

class QComboBox;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace attn::ui {

class HeatmapView;
class Settings;
class TraceDocument;

class AlignmentView : public QWidget {
  Q_OBJECT

 public:
  // With `settings`, the view follows its colour map; without, it keeps the default.
  explicit AlignmentView(TraceDocument* document, const Settings* settings = nullptr,
                         QWidget* parent = nullptr);

  HeatmapView* heatmap() const { return mHeatmap; }
  QComboBox* mapBox() const { return mMapBox; }
  QComboBox* layerBox() const { return mLayerBox; }
  QComboBox* headBox() const { return mHeadBox; }
  void setColourMap(ColourMap map);

 private:
  void rebuildSelectors();
  void showMatrix();
  void followStep(int step);
  void onSelectorChanged();

  TraceDocument* mDocument;
  QComboBox* mMapBox;
  QLabel* mLayerLabel;
  QComboBox* mLayerBox;
  QLabel* mHeadLabel;
  QComboBox* mHeadBox;
  QToolButton* mResetZoom;
  QStackedWidget* mStack;
  QLabel* mEmpty;
  HeatmapView* mHeatmap;
  bool mRowsAreSteps = false;
  bool mRebuilding = false;
};

}  // namespace attn::ui
