// ComputationView ("Computation" tab): the computation laid bare. For the output step selected
// anywhere in the app (and, for a transformer, a map, layer and head; for the encoder's
// self-attention, a source position), the attention pipeline of the course with the model's
// real numbers, recomputed from its parameters (core/explain/computation.h):
//
//   1 the query vector; 2 one row per key with its score (the score function's formula written
//   once, then with the numbers of the highlighted key), exp, softmax weight and weight × value;
//   3 the context vector (or the head's output); 4 for multi-head attention the heads
//   concatenated and projected by W_o; 5 the next-token distribution. The classifier's hops
//   are its heads: w_r stands in the query's place, M = AH is section 4, the classes section 5.
//
// A trace without its model (read from a file, the hand-made example) has the weights but not
// the parameters they came from; the panel says so instead. Work happens only while the panel
// is visible (or when asked for its numbers), so stepping through a decode elsewhere costs
// nothing here.
#pragma once

#include <QWidget>

#include <memory>

#include "models/model_fwd.h"
#include "tensor/precision.h"
#include "trace/map_kind.h"

class QComboBox;
class QLabel;
class QTableWidget;
class QToolButton;

namespace attn::inline ATTN_PRECISION::explain {
struct Computation;
class ComputationExplainer;
}  // namespace attn::inline ATTN_PRECISION::explain

namespace attn::ui {

class ModelDocument;
class TraceDocument;
class VectorRow;

class ComputationView : public QWidget {
  Q_OBJECT

 public:
  ComputationView(ModelDocument* model, TraceDocument* trace, QWidget* parent = nullptr);
  ~ComputationView() override;

  // The numbers on screen (computed now if they are out of date); null while the panel explains
  // why there are none (message()).
  const explain::Computation* computation();
  QString message();

  int head() const { return head_; }
  void setHead(int head);
  int highlightedKey() const { return key_; }
  void setHighlightedKey(int key);       // the key whose numbers the formulas show
  void setSourcePosition(int position);  // encoder self-attention's query

  QComboBox* mapBox() const { return mapBox_; }
  QComboBox* layerBox() const { return layerBox_; }
  QComboBox* headBox() const { return headBox_; }
  QComboBox* queryBox() const { return queryBox_; }
  QTableWidget* keyTable() const { return keyTable_; }
  QTableWidget* headTable() const { return headTable_; }
  QTableWidget* nextTable() const { return nextTable_; }
  QLabel* scoreLabel() const { return scoreFormula_; }
  QLabel* softmaxLabel() const { return softmaxFormula_; }
  VectorRow* queryRow() const { return queryRow_; }
  VectorRow* outputRow() const { return outputRow_; }
  VectorRow* projectedRow() const { return projectedRow_; }

 protected:
  bool event(QEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void applyFont();
  QWidget* buildControls();
  QWidget* buildSections();
  void rebuildChoices();
  void adoptDocumentSelection();
  void chooseMap();
  void stepBy(int delta);
  void markStale();
  void ensureFresh();
  void recompute();
  QString unavailableReason() const;

  // Filling the sections (computation_view_render.cpp).
  void render();
  void renderKeys();
  void renderHeads();
  void renderNext();
  void showMessage(const QString& text);

  ModelDocument* modelDoc_;
  TraceDocument* traceDoc_;
  std::shared_ptr<const Model> model_;  // the explainer's model, kept alive with it
  std::unique_ptr<explain::ComputationExplainer> explainer_;
  QString explainerError_;
  std::unique_ptr<explain::Computation> computation_;
  QString message_;
  bool stale_ = true;
  bool refreshQueued_ = false;
  bool updating_ = false;  // while the panel sets its own boxes or the document's selection

  MapKind map_ = MapKind::Cross;
  int layer_ = 0;
  int head_ = 0;
  int sourcePosition_ = 0;
  int key_ = 0;

  QLabel* stepLabel_;
  QToolButton* previous_;
  QToolButton* next_;
  QComboBox* mapBox_;
  QLabel* layerLabel_;
  QComboBox* layerBox_;
  QLabel* headLabel_;
  QComboBox* headBox_;
  QLabel* queryLabel_;
  QComboBox* queryBox_;

  QLabel* messageLabel_;
  QWidget* sections_;
  QLabel* queryTitle_;
  QLabel* queryText_;
  VectorRow* queryRow_;
  QLabel* keysTitle_;
  QLabel* keysText_;
  QLabel* scoreFormula_;
  QTableWidget* keyTable_;
  QLabel* softmaxFormula_;
  QLabel* outputTitle_;
  QLabel* outputFormula_;
  VectorRow* outputRow_;
  QWidget* headsSection_;
  QLabel* headsTitle_;
  QTableWidget* headTable_;
  VectorRow* concatRow_;
  VectorRow* projectedRow_;
  QLabel* projectionText_;
  QWidget* nextSection_;
  QLabel* nextTitle_;
  QLabel* readoutText_;
  QTableWidget* nextTable_;
  QLabel* agreement_;
};

}  // namespace attn::ui
