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

  HeatmapView* heatmap() const { return heatmap_; }
  QComboBox* mapBox() const { return mapBox_; }
  QComboBox* layerBox() const { return layerBox_; }
  QComboBox* headBox() const { return headBox_; }
  void setColourMap(ColourMap map);

 private:
  void rebuildSelectors();
  void showMatrix();
  void followStep(int step);
  void onSelectorChanged();

  TraceDocument* document_;
  QComboBox* mapBox_;
  QLabel* layerLabel_;
  QComboBox* layerBox_;
  QLabel* headLabel_;
  QComboBox* headBox_;
  QToolButton* resetZoom_;
  QStackedWidget* stack_;
  QLabel* empty_;
  HeatmapView* heatmap_;
  bool rowsAreSteps_ = false;
  bool rebuilding_ = false;
};

}  // namespace attn::ui
