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
  InterventionResults* results() const { return results_; }
  RowEditor* rowEditor() const { return rowEditor_; }
  HeadAblationTable* headTable() const { return heads_; }
  QListWidget* editList() const { return editList_; }
  QComboBox* forceBox() const { return forceBox_; }
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

  Session* session_;
  InterventionRunner* runner_;
  std::shared_ptr<const Trace> baseline_;  // the trace the edits refer to
  std::shared_ptr<const Model> model_;     // the model that made it
  std::vector<RowEdit> rows_;
  std::vector<ForcedToken> forced_;
  // The edits before each change, for Undo (Reset is undone too; head ablations are not).
  std::vector<std::pair<std::vector<RowEdit>, std::vector<ForcedToken>>> undoStack_;
  int layer_ = 0;
  int head_ = -1;

  QLabel* note_;
  QFormLayout* stepForm_ = nullptr;
  QSpinBox* step_;
  QLabel* stepToken_;
  QLabel* targetLabel_;
  QComboBox* mapBox_;
  QComboBox* layerBox_;
  QComboBox* headBox_;
  RowEditor* rowEditor_;
  QComboBox* keyBox_;
  QComboBox* forceBox_;
  HeadAblationTable* heads_;
  QListWidget* editList_;
  QPushButton* decode_;
  QPushButton* undo_;
  QPushButton* reset_;
  InterventionResults* results_;
  QWidget* controls_;
};

}  // namespace attn::ui
