// RolloutView: a transformer's raw attention beside its attention rollout (Abnar & Zuidema
// 2020, core/explain/rollout.h), two heatmaps for one map (encoder self-attention, decoder
// self-attention or cross-attention) at one layer: on the left what that layer's heads read
// (their mean, or one head), on the right how much of each input token has reached each
// position once the layers up to that one are composed. Works from the trace alone, so
// traces opened from files have it too.
#pragma once

#include <QWidget>

#include "trace/map_kind.h"
#include "views/colour_maps.h"

class QComboBox;
class QLabel;
class QStackedWidget;

namespace attn::ui {

class HeatmapView;
class Settings;
class TraceDocument;

class RolloutView : public QWidget {
  Q_OBJECT

 public:
  explicit RolloutView(TraceDocument* document, const Settings* settings = nullptr,
                       QWidget* parent = nullptr);

  HeatmapView* rawHeatmap() const { return mRaw; }
  HeatmapView* rolloutHeatmap() const { return mRollout; }
  QComboBox* mapBox() const { return mMapBox; }
  QComboBox* layerBox() const { return mLayerBox; }
  QComboBox* headBox() const { return mHeadBox; }
  QLabel* noteLabel() const { return mNote; }
  bool isShowingRollout() const;  // false while the view explains why there is none
  void setColourMap(ColourMap map);

 private:
  void rebuildChoices();
  void refresh();
  void followStep(int step);
  MapKind mapKind() const;  // of the map box's current item

  TraceDocument* mDocument;
  QStackedWidget* mStack;
  QLabel* mEmpty;
  QComboBox* mMapBox;
  QComboBox* mLayerBox;
  QComboBox* mHeadBox;
  HeatmapView* mRaw;
  HeatmapView* mRollout;
  QLabel* mNote;
  bool mRowsAreSteps = false;
  bool mRebuilding = false;
};

}  // namespace attn::ui
