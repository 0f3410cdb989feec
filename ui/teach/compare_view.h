// CompareView: two models (or two checkpoints) on the same input, side by side, and the
// difference B − A on a diverging colour map, with how much each output row moved (total
// variation, largest change) and where each model looks hardest. B reads A's output by teacher
// forcing, so the maps share rows and columns; B's own output can be shown instead. A reference
// alignment, when one is loaded, is drawn on both maps and scored (AER) for each.
#pragma once

#include <QWidget>

#include <memory>
#include <optional>

#include "compare_runner.h"
#include "explain/compare.h"
#include "reference_alignment.h"
#include "views/colour_maps.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTableWidget;

namespace attn::ui {

class HeatmapView;
class LayerHeadPicker;
class ReferenceOverlay;

class CompareView : public QWidget {
  Q_OBJECT

 public:
  explicit CompareView(ReferenceDocument* reference, QWidget* parent = nullptr);

  void setSubject(const CompareSubject& subject);
  bool hasSubject() const { return mSubject.a != nullptr; }
  const CompareSubject& subject() const { return mSubject; }
  // Runs the two models on `sentence` in the background; compared() or failed() follows.
  bool compareModels(std::shared_ptr<const Model> a, std::shared_ptr<const Model> b,
                     const QString& nameA, const QString& nameB, const QString& sentence);
  bool isBusy() const;
  void setColourMap(ColourMap map);
  void setBReadsOwnOutput(bool own);

  // What is on screen, for tests and exports.
  HeatmapView* heatmapA() const { return mHeatA; }
  HeatmapView* heatmapB() const { return mHeatB; }
  HeatmapView* differenceView() const { return mHeatDiff; }
  QComboBox* kindBox() const { return mKindBox; }
  LayerHeadPicker* pickerA() const { return mPickerA; }
  LayerHeadPicker* pickerB() const { return mPickerB; }
  QTableWidget* rowTable() const { return mTable; }
  QLabel* summaryLabel() const { return mSummary; }
  QLabel* headerLabel() const { return mHeader; }
  QLineEdit* sentenceEdit() const { return mSentence; }
  const std::optional<MatrixDifference>& difference() const { return mDifference; }
  const AlignmentReport& reportA() const { return mReportA; }
  const AlignmentReport& reportB() const { return mReportB; }
  ReferenceOverlay* overlayA() const { return mOverlayA; }

 signals:
  void compared();
  void failed(const attn::ui::UserError& error);

 private:
  QWidget* buildControls();
  QWidget* buildMaps();
  const Trace* shownB() const;
  void rebuildKinds();
  void refresh();
  void showDifference(const LabelledMatrix& a, const LabelledMatrix& b);
  void fillTable(const LabelledMatrix& a);
  void showReference(const LabelledMatrix& a, const LabelledMatrix& b);
  void updateHeader();
  void rerun();

  ReferenceDocument* mReference;
  CompareRunner* mRunner;
  CompareSubject mSubject;
  QStackedWidget* mPages;
  QLabel* mEmpty;
  QLabel* mHeader;
  QLineEdit* mSentence;
  QPushButton* mRerun;
  QComboBox* mKindBox;
  LayerHeadPicker* mPickerA;
  LayerHeadPicker* mPickerB;
  QRadioButton* mForced;
  QRadioButton* mOwn;
  HeatmapView* mHeatA;
  HeatmapView* mHeatB;
  HeatmapView* mHeatDiff;
  QStackedWidget* mDiffStack;
  QLabel* mDiffNote;
  QLabel* mSummary;
  QTableWidget* mTable;
  ReferenceOverlay* mOverlayA;
  ReferenceOverlay* mOverlayB;
  std::optional<MatrixDifference> mDifference;
  AlignmentReport mReportA, mReportB;
  bool mRebuilding = false;
};

}  // namespace attn::ui
