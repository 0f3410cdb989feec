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

  int head() const { return mHead; }
  void setHead(int head);
  int highlightedKey() const { return mKey; }
  void setHighlightedKey(int key);       // the key whose numbers the formulas show
  void setSourcePosition(int position);  // encoder self-attention's query

  QComboBox* mapBox() const { return mMapBox; }
  QComboBox* layerBox() const { return mLayerBox; }
  QComboBox* headBox() const { return mHeadBox; }
  QComboBox* queryBox() const { return mQueryBox; }
  QTableWidget* keyTable() const { return mKeyTable; }
  QTableWidget* headTable() const { return mHeadTable; }
  QTableWidget* nextTable() const { return mNextTable; }
  QLabel* scoreLabel() const { return mScoreFormula; }
  QLabel* softmaxLabel() const { return mSoftmaxFormula; }
  VectorRow* queryRow() const { return mQueryRow; }
  VectorRow* outputRow() const { return mOutputRow; }
  VectorRow* projectedRow() const { return mProjectedRow; }

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

  ModelDocument* mModelDoc;
  TraceDocument* mTraceDoc;
  std::shared_ptr<const Model> mModel;  // the explainer's model, kept alive with it
  std::unique_ptr<explain::ComputationExplainer> mExplainer;
  QString mExplainerError;
  std::unique_ptr<explain::Computation> mComputation;
  QString mMessage;
  bool mStale = true;
  bool mRefreshQueued = false;
  bool mUpdating = false;  // while the panel sets its own boxes or the document's selection

  MapKind mMap = MapKind::Cross;
  int mLayer = 0;
  int mHead = 0;
  int mSourcePosition = 0;
  int mKey = 0;

  QLabel* mStepLabel;
  QToolButton* mPrevious;
  QToolButton* mNext;
  QComboBox* mMapBox;
  QLabel* mLayerLabel;
  QComboBox* mLayerBox;
  QLabel* mHeadLabel;
  QComboBox* mHeadBox;
  QLabel* mQueryLabel;
  QComboBox* mQueryBox;

  QLabel* mMessageLabel;
  QWidget* mSections;
  QLabel* mQueryTitle;
  QLabel* mQueryText;
  VectorRow* mQueryRow;
  QLabel* mKeysTitle;
  QLabel* mKeysText;
  QLabel* mScoreFormula;
  QTableWidget* mKeyTable;
  QLabel* mSoftmaxFormula;
  QLabel* mOutputTitle;
  QLabel* mOutputFormula;
  VectorRow* mOutputRow;
  QWidget* mHeadsSection;
  QLabel* mHeadsTitle;
  QTableWidget* mHeadTable;
  VectorRow* mConcatRow;
  VectorRow* mProjectedRow;
  QLabel* mProjectionText;
  QWidget* mNextSection;
  QLabel* mNextTitle;
  QLabel* mReadoutText;
  QTableWidget* mNextTable;
  QLabel* mAgreement;
};

}  // namespace attn::ui
