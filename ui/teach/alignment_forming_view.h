// AlignmentFormingView: the snapshots a training run kept of one example sentence, on a slider.
// Scrub or play it to watch the alignment appear: blurry rows at step 0, then the diagonal of a
// date or the crossing of "chien noir". Each frame names its step, the training loss, the latest
// validation and what greedy decoding wrote then. The frames export as PNGs (an animation) or
// as JSON traces; two snapshots can be compared in the Compare tab.
#pragma once

#include <QWidget>

#include <memory>

#include "teach/alignment_snapshots.h"
#include "views/colour_maps.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace attn::ui {

class HeatmapView;
class LayerHeadPicker;
struct CompareSubject;

class AlignmentFormingView : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kFrameMillis = 160;  // about six frames a second: 50 snapshots in 8 s

  explicit AlignmentFormingView(QWidget* parent = nullptr);

  // A new or longer series; the slider follows the newest snapshot when it was on the last one.
  void setSnapshots(std::shared_ptr<const SnapshotList> snapshots);
  void clear();
  // The snapshots stopped (the watched sentence cannot be read): says why instead of the frames.
  void showProblem(const QString& why);
  int count() const;
  const AlignmentSnapshot* snapshot(int index) const;
  int current() const;
  void showSnapshot(int index);
  void setPlaying(bool playing);
  bool isPlaying() const;
  void setColourMap(ColourMap map);
  // The steps between snapshots the next run should use (0: about 50 over the run).
  int64_t snapshotEvery() const;
  // The sentence and reference output the next run's snapshots read; an empty source means the
  // run's first held-out example. A classifier reads the source only.
  data::Example watchedExample() const;

  // Every snapshot as frame_NNN_step_S.png in `dir` (created if needed), at width × height.
  // Returns an empty string or what went wrong.
  QString exportFrames(const QString& dir, int width = 900, int height = 700);
  QString exportJson(const QString& path) const;
  // Snapshot `index` as A against the newest as B, both read on the same reference output.
  CompareSubject comparisonWithNewest(int index) const;

  QSlider* slider() const { return slider_; }
  HeatmapView* heatmap() const { return heatmap_; }
  QLabel* stepLabel() const { return stepLabel_; }
  QSpinBox* everyBox() const { return every_; }
  QLineEdit* watchSourceEdit() const { return watchSource_; }
  QLineEdit* watchTargetEdit() const { return watchTarget_; }
  QToolButton* playButton() const { return play_; }
  QComboBox* kindBox() const { return kindBox_; }
  LayerHeadPicker* picker() const { return picker_; }

 signals:
  void compareRequested(const attn::ui::CompareSubject& subject);

 private:
  QWidget* buildBar();
  void rebuildKinds();
  void showCurrent();
  void advance();
  void exportFramesInteractively();
  void exportJsonInteractively();

  std::shared_ptr<const SnapshotList> snapshots_;
  QStackedWidget* stack_;
  QLabel* empty_;
  QLabel* example_;
  QComboBox* kindBox_;
  LayerHeadPicker* picker_;
  QSpinBox* every_;
  QLineEdit* watchSource_;
  QLineEdit* watchTarget_;
  QSlider* slider_;
  QToolButton* play_;
  QToolButton* compare_;
  QToolButton* export_;
  QLabel* stepLabel_;
  HeatmapView* heatmap_;
  QTimer* timer_;
  bool rebuilding_ = false;
};

}  // namespace attn::ui
