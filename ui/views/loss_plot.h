// LossPlot: the training curves as they come in: the loss of every step (faint), its moving
// average, the validation loss, and the validation score (exact match or accuracy) on the right
// axis. Points arrive in batches from the training thread; the plot redraws at most every 40 ms.
#pragma once

#include <QTimer>
#include <QWidget>

class QCPGraph;
class QCustomPlot;

namespace attn::ui {

struct TrainingTick;

class LossPlot : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kReplotMs = 40;

  explicit LossPlot(QWidget* parent = nullptr);
  ~LossPlot() override;

  void clear();
  void addTick(const TrainingTick& tick);
  void flush();  // draws what has arrived now, without waiting for the throttle
  int lossPoints() const;
  int validationPoints() const;
  QCustomPlot* plot() const { return plot_; }

 private:
  void replotSoon();

  QCustomPlot* plot_;
  QCPGraph* loss_ = nullptr;
  QCPGraph* smoothed_ = nullptr;
  QCPGraph* validationLoss_ = nullptr;
  QCPGraph* validationScore_ = nullptr;
  QTimer replot_;
  double maxLoss_ = 0;
};

}  // namespace attn::ui
