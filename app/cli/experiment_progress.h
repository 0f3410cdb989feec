// How `experiment bottleneck` shows its progress on stderr: on a terminal, one line redrawn in
// place (a bar, each model's step and loss, elapsed time and ETA); in a pipe or a log, a plain
// line at every tenth of the run and whenever a model moves to its next stage.
#pragma once

#include <array>
#include <chrono>
#include <iosfwd>
#include <string>

#include "experiment/bottleneck.h"

namespace attn::app {

class ExperimentProgressPrinter {
 public:
  ExperimentProgressPrinter(std::ostream& err, bool terminal);

  void update(const experiment::BottleneckProgress& progress);
  void finish();  // ends a redrawn line

 private:
  void stageChanges(const experiment::BottleneckProgress& p);
  std::string statusText(const experiment::BottleneckProgress& p) const;

  std::ostream& err_;
  bool terminal_;
  bool barShown_ = false;
  bool dataAnnounced_ = false;
  int lastTenth_ = 0;
  std::array<experiment::BottleneckStage, 2> stages_{experiment::BottleneckStage::Waiting,
                                                     experiment::BottleneckStage::Waiting};
  std::chrono::steady_clock::time_point lastDraw_{};
};

}  // namespace attn::app
