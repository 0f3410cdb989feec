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

  HeatmapView* rawHeatmap() const { return raw_; }
  HeatmapView* rolloutHeatmap() const { return rollout_; }
  QComboBox* mapBox() const { return mapBox_; }
  QComboBox* layerBox() const { return layerBox_; }
  QComboBox* headBox() const { return headBox_; }
  QLabel* noteLabel() const { return note_; }
  bool isShowingRollout() const;  // false while the view explains why there is none
  void setColourMap(ColourMap map);

 private:
  void rebuildChoices();
  void refresh();
  void followStep(int step);
  MapKind mapKind() const;  // of the map box's current item

  TraceDocument* document_;
  QStackedWidget* stack_;
  QLabel* empty_;
  QComboBox* mapBox_;
  QComboBox* layerBox_;
  QComboBox* headBox_;
  HeatmapView* raw_;
  HeatmapView* rollout_;
  QLabel* note_;
  bool rowsAreSteps_ = false;
  bool rebuilding_ = false;
};

}  // namespace attn::ui
