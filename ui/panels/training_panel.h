// TrainingPanel: the training form, then the run itself: start, pause and cancel, a progress bar
// with the time left, and the live loss and validation curves. The run happens on the training
// thread (TrainingRunner); the finished model is handed to the window, which decodes it at once.
#pragma once

#include <QWidget>

#include <memory>

#include "models/model_fwd.h"
#include "window/user_error.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTimer;

namespace attn::inline ATTN_PRECISION::jobs {
struct TrainingOutcome;
}

namespace attn::ui {

class AlignmentFormingView;
class CorpusPreviewPanel;
class CorpusPreviewRunner;
class LossPlot;
class Settings;
class TrainConfigForm;
class TrainingRunner;
struct TrainingTick;

class TrainingPanel : public QWidget {
  Q_OBJECT

 public:
  explicit TrainingPanel(const Settings* settings = nullptr, QWidget* parent = nullptr);
  ~TrainingPanel() override;

  TrainConfigForm* form() const { return form_; }
  LossPlot* lossPlot() const { return plot_; }
  AlignmentFormingView* formingView() const { return forming_; }
  QProgressBar* progressBar() const { return progress_; }
  QPushButton* startButton() const { return start_; }
  QPushButton* pauseButton() const { return pause_; }
  QPushButton* cancelButton() const { return cancel_; }
  QLabel* statusLabel() const { return status_; }
  TrainingRunner* runner() const { return runner_; }
  CorpusPreviewPanel* previewPanel() const { return preview_; }
  CorpusPreviewRunner* previewRunner() const { return previewRunner_; }
  bool isRunning() const;
  int ticksReceived() const { return ticks_; }

  bool start();  // false (and failed()) when the form is not runnable or a run is going
  void cancel();
  void setPaused(bool paused);
  // Train new… ▸ From this computer's translations: the corpus dialog, then its file in the form.
  void buildFromTranslations();
  void refreshPreview();  // now, without waiting for typing to pause

 signals:
  void trained(std::shared_ptr<const attn::Model> model, const QString& exampleSentence);
  void failed(const attn::ui::UserError& error);
  void status(const QString& message);
  void runningChanged(bool running);

 private:
  void onDataRead(const QStringList& notes, double unknownShare);
  void onTick(const TrainingTick& tick);
  void onFinished(std::shared_ptr<jobs::TrainingOutcome> outcome);
  void onRunningChanged(bool running);
  void connectPreview();  // the corpus form's changes to the preview, and its answers back
  void schedulePreview(bool pickedFile);

  TrainConfigForm* form_;
  LossPlot* plot_;
  AlignmentFormingView* forming_;
  QProgressBar* progress_;
  QPushButton* start_;
  QPushButton* pause_;
  QPushButton* cancel_;
  QLabel* status_;
  QLabel* validation_;
  QLabel* dataNotes_;  // the reader's warnings, the filters' count, many unknown tokens
  TrainingRunner* runner_;
  QTabWidget* views_;
  CorpusPreviewPanel* preview_;
  CorpusPreviewRunner* previewRunner_;
  QTimer* previewTimer_;               // the preview waits for typing to pause
  bool dialogOnPreviewError_ = false;  // a file picked in a dialog that cannot be read: say so
  int ticks_ = 0;
};

}  // namespace attn::ui
