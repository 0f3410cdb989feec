// How `train` shows its progress on stderr: on a terminal, one line redrawn in place (a bar,
// step/total, loss, learning rate, elapsed time and ETA); in a pipe or a log file, where "\r"
// would only make a mess, a plain line at every tenth of the run and at every validation.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "train/trainer.h"

namespace attn::app {

class ProgressPrinter {
 public:
  ProgressPrinter(std::ostream& err, bool terminal);

  void update(const TrainProgress& progress);
  // Ends the redrawn line on a terminal, so what follows starts on a line of its own.
  void finish();

  static bool stderrIsTerminal();

 private:
  void drawBar(const TrainProgress& p);
  void printLine(const TrainProgress& p);
  void clearBar();

  std::ostream& err_;
  bool terminal_;
  bool barShown_ = false;
  int64_t lastTenth_ = 0;
  std::chrono::steady_clock::time_point lastDraw_{};
};

// "1:05", "1:02:03": elapsed time and ETA.
std::string formatDuration(double seconds);

}  // namespace attn::app
