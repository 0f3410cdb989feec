// The bottleneck experiment off the GUI thread (a LatestRunner, one run at a time): the runner's
// thread runs runBottleneck() and reports value snapshots of its progress at most every 50 ms;
// cancel is the runner's ticket, which the experiment's progress callback reads between steps.
#pragma once

#include <memory>

#include "experiment/bottleneck.h"
#include "runners/latest_runner.h"

namespace attn::ui {

class BottleneckRunner
    : public LatestRunner<attn::experiment::BottleneckSettings,
                          std::shared_ptr<const attn::experiment::BottleneckResult>> {
  Q_OBJECT

 public:
  explicit BottleneckRunner(QObject* parent = nullptr);

  bool isRunning() const { return isBusy(); }

 signals:
  void progressed(const attn::experiment::BottleneckProgress& progress);
  void finished(std::shared_ptr<const attn::experiment::BottleneckResult> result);

 private:
  void deliver(std::shared_ptr<const attn::experiment::BottleneckResult> result) override;
};

}  // namespace attn::ui
