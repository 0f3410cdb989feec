// InterventionPanel: change what the model attends to and decode again. From the trace on
// screen, pick an output step (here, in the heatmap or in the step view), then zero its
// cross-attention row, make it one-hot on a source token or edit its weights by hand; ablate
// heads; force a token at the step. "Decode again" runs greedy decoding with and without the
// edits on a worker thread and shows what changed (InterventionResults). The trace on screen is
// never replaced: Undo takes back the last edit, Reset all of them.
#pragma once

#include <QWidget>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "explain/intervention.h"
#include "models/model_fwd.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace attn {
struct Trace;
}  // namespace attn

namespace attn::ui {

class HeadAblationTable;
class InterventionResults;
class InterventionRunner;
class RowEditor;
class Session;
class Settings;
struct UserError;

class InterventionPanel : public QWidget {
  Q_OBJECT

 public:
  explicit InterventionPanel(Session* session, const Settings* settings = nullptr,
                             QWidget* parent = nullptr);
  ~InterventionPanel() override;

  bool isUsable() const;  // an encoder-decoder model and a trace of it on screen
  int step() const;
  void selectStep(int step);
  // Which cross-attention rows an edit replaces: one head, or every head (−1), of a layer.
  void setTarget(int layer, int head);

  // Edits of the selected step; each replaces an earlier edit of the same row or step.
  void zeroRow();
  void oneHotRow(int key);
  void useEditedRow();
  void forceToken(int64_t tokenId);
  void undo();
  void reset();
  void decodeAgain();  // on the worker thread; finished() or failed() follows

  Intervention intervention() const;  // the edits plus the checked heads
  std::string sentence() const;       // the source of the trace on screen, as typed
  InterventionResults* results() const { return mResults; }
  RowEditor* rowEditor() const { return mRowEditor; }
  HeadAblationTable* headTable() const { return mHeads; }
  QListWidget* editList() const { return mEditList; }
  QComboBox* forceBox() const { return mForceBox; }
  bool isBusy() const;

 signals:
  void finished();
  void failed(const attn::ui::UserError& error);

 private:
  QWidget* buildControls();
  void onTraceChanged();
  void refreshStepControls();
  void refreshRowEditor();
  void refreshEditList();
  void refreshResultsMap();
  void addRowEdit(RowEdit edit);
  QString describe(const RowEdit& e) const;
  QString describe(const ForcedToken& f) const;

  Session* mSession;
  InterventionRunner* mRunner;
  std::shared_ptr<const Trace> mBaseline;  // the trace the edits refer to
  std::shared_ptr<const Model> mModel;     // the model that made it
  std::vector<RowEdit> mRows;
  std::vector<ForcedToken> mForced;
  // The edits before each change, for Undo (Reset is undone too; head ablations are not).
  std::vector<std::pair<std::vector<RowEdit>, std::vector<ForcedToken>>> mUndoStack;
  int mLayer = 0;
  int mHead = -1;

  QLabel* mNote;
  QFormLayout* mStepForm = nullptr;
  QSpinBox* mStep;
  QLabel* mStepToken;
  QLabel* mTargetLabel;
  QComboBox* mMapBox;
  QComboBox* mLayerBox;
  QComboBox* mHeadBox;
  RowEditor* mRowEditor;
  QComboBox* mKeyBox;
  QComboBox* mForceBox;
  HeadAblationTable* mHeads;
  QListWidget* mEditList;
  QPushButton* mDecode;
  QPushButton* mUndo;
  QPushButton* mReset;
  InterventionResults* mResults;
  QWidget* mControls;
};

}  // namespace attn::ui
