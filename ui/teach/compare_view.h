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
  bool hasSubject() const { return subject_.a != nullptr; }
  const CompareSubject& subject() const { return subject_; }
  // Runs the two models on `sentence` in the background; compared() or failed() follows.
  bool compareModels(std::shared_ptr<const Model> a, std::shared_ptr<const Model> b,
                     const QString& nameA, const QString& nameB, const QString& sentence);
  bool isBusy() const;
  void setColourMap(ColourMap map);
  void setBReadsOwnOutput(bool own);

  // What is on screen, for tests and exports.
  HeatmapView* heatmapA() const { return heatA_; }
  HeatmapView* heatmapB() const { return heatB_; }
  HeatmapView* differenceView() const { return heatDiff_; }
  QComboBox* kindBox() const { return kindBox_; }
  LayerHeadPicker* pickerA() const { return pickerA_; }
  LayerHeadPicker* pickerB() const { return pickerB_; }
  QTableWidget* rowTable() const { return table_; }
  QLabel* summaryLabel() const { return summary_; }
  QLabel* headerLabel() const { return header_; }
  QLineEdit* sentenceEdit() const { return sentence_; }
  const std::optional<MatrixDifference>& difference() const { return difference_; }
  const AlignmentReport& reportA() const { return reportA_; }
  const AlignmentReport& reportB() const { return reportB_; }
  ReferenceOverlay* overlayA() const { return overlayA_; }

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

  ReferenceDocument* reference_;
  CompareRunner* runner_;
  CompareSubject subject_;
  QStackedWidget* pages_;
  QLabel* empty_;
  QLabel* header_;
  QLineEdit* sentence_;
  QPushButton* rerun_;
  QComboBox* kindBox_;
  LayerHeadPicker* pickerA_;
  LayerHeadPicker* pickerB_;
  QRadioButton* forced_;
  QRadioButton* own_;
  HeatmapView* heatA_;
  HeatmapView* heatB_;
  HeatmapView* heatDiff_;
  QStackedWidget* diffStack_;
  QLabel* diffNote_;
  QLabel* summary_;
  QTableWidget* table_;
  ReferenceOverlay* overlayA_;
  ReferenceOverlay* overlayB_;
  std::optional<MatrixDifference> difference_;
  AlignmentReport reportA_, reportB_;
  bool rebuilding_ = false;
};

}  // namespace attn::ui
