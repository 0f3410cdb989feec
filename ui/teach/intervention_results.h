// InterventionResults: what decoding again changed. The output before and after with the tokens
// that changed marked, the log-probability of each chosen token before and after, and one
// attention map before, after, and after − before (on a diverging scale centred on 0).
#pragma once

#include <QWidget>

#include <memory>
#include <string>

#include "teach/intervention_compare.h"
#include "views/colour_maps.h"

class QLabel;
class QTableWidget;

namespace attn {
struct Trace;
}

namespace attn::ui {

class HeatmapView;
struct InterventionRun;

class InterventionResults : public QWidget {
  Q_OBJECT

 public:
  explicit InterventionResults(QWidget* parent = nullptr);

  // The before and after maps; the difference keeps its diverging scale (blue less, red more).
  void setColourMap(ColourMap map);

  // Before a run: the trace on screen, alone (nothing to compare yet).
  void showBaseline(std::shared_ptr<const Trace> trace);
  void showRun(std::shared_ptr<const InterventionRun> run);
  void clearRun();
  // Which map the heatmaps show: name, layer, head (< 0: the mean over heads).
  void setMap(MapKind map, int layer, int head);
  void setSelectedStep(int step);

  const InterventionComparison& comparison() const { return comparison_; }
  bool hasRun() const { return run_ != nullptr; }
  QString summaryText() const;
  QString outputsHtml() const;
  HeatmapView* beforeMap() const { return before_; }
  HeatmapView* afterMap() const { return after_; }
  HeatmapView* differenceMap() const { return difference_; }
  QTableWidget* logProbTable() const { return logProbs_; }

 signals:
  void stepPicked(int step);

 private:
  void refreshText();
  void refreshTable();
  void refreshMaps();
  QString mapTitle() const;

  std::shared_ptr<const Trace> baseline_;
  std::shared_ptr<const InterventionRun> run_;
  InterventionComparison comparison_;
  MapKind map_ = MapKind::Cross;
  int layer_ = 0;
  int head_ = -1;
  QLabel* summary_;
  QLabel* outputs_;
  QLabel* mapLabel_;  // which map, layer and head the three heatmaps show
  QLabel* hover_;     // the cell under the pointer, in any of the three
  QTableWidget* logProbs_;
  HeatmapView* before_;
  HeatmapView* after_;
  HeatmapView* difference_;
};

}  // namespace attn::ui
