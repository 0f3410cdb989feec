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

namespace attn::inline ATTN_PRECISION::jobs {
struct TrainingOutcome;
}

namespace attn::ui {

class AlignmentFormingView;
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

  TrainConfigForm* form() const { return mForm; }
  LossPlot* lossPlot() const { return mPlot; }
  AlignmentFormingView* formingView() const { return mForming; }
  QProgressBar* progressBar() const { return mProgress; }
  QPushButton* startButton() const { return mStart; }
  QPushButton* pauseButton() const { return mPause; }
  QPushButton* cancelButton() const { return mCancel; }
  QLabel* statusLabel() const { return mStatus; }
  TrainingRunner* runner() const { return mRunner; }
  bool isRunning() const;
  int ticksReceived() const { return mTicks; }

  bool start();  // false (and failed()) when the form is not runnable or a run is going
  void cancel();
  void setPaused(bool paused);

 signals:
  void trained(std::shared_ptr<const attn::Model> model, const QString& exampleSentence);
  void failed(const attn::ui::UserError& error);
  void status(const QString& message);
  void runningChanged(bool running);

 private:
  void onTick(const TrainingTick& tick);
  void onFinished(std::shared_ptr<jobs::TrainingOutcome> outcome);
  void onRunningChanged(bool running);

  TrainConfigForm* mForm;
  LossPlot* mPlot;
  AlignmentFormingView* mForming;
  QProgressBar* mProgress;
  QPushButton* mStart;
  QPushButton* mPause;
  QPushButton* mCancel;
  QLabel* mStatus;
  QLabel* mValidation;
  TrainingRunner* mRunner;
  int mTicks = 0;
};

}  // namespace attn::ui
