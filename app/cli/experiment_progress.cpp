#include "cli/experiment_progress.h"

#include <cmath>
#include <cstdio>
#include <ostream>

#include "cli/progress_printer.h"

namespace attn::app {

using experiment::BottleneckProgress;
using experiment::BottleneckStage;

namespace {

constexpr int kBarWidth = 12;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
const char* const kNames[2] = {"no attention", "attention"};

std::string modelText(const BottleneckProgress& p, int m) {
  const auto i = static_cast<size_t>(m);
  char text[96];
  switch (p.stage[i]) {
    case BottleneckStage::Waiting:
      std::snprintf(text, sizeof text, "%s: waiting", kNames[m]);
      break;
    case BottleneckStage::Training:
      std::snprintf(text, sizeof text, "%s %lld/%lld loss %.3f", kNames[m],
                    static_cast<long long>(p.step[i]), static_cast<long long>(p.totalSteps),
                    p.loss[i]);
      break;
    case BottleneckStage::Evaluating:
      std::snprintf(text, sizeof text, "%s: decoding %lld/%lld", kNames[m],
                    static_cast<long long>(p.evaluated[i]), static_cast<long long>(p.testExamples));
      break;
    case BottleneckStage::Done:
      std::snprintf(text, sizeof text, "%s: done", kNames[m]);
      break;
  }
  return text;
}

}  // namespace

ExperimentProgressPrinter::ExperimentProgressPrinter(std::ostream& err, bool terminal)
    : err_(err), terminal_(terminal) {}

std::string ExperimentProgressPrinter::statusText(const BottleneckProgress& p) const {
  const double eta = p.fraction > 0.01 ? p.elapsedSeconds * (1 - p.fraction) / p.fraction : 0;
  char percent[16];
  std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(std::floor(100 * p.fraction)));
  return std::string(percent) + "  " + modelText(p, 0) + " | " + modelText(p, 1) + " | " +
         formatDuration(p.elapsedSeconds) +
         (p.fraction > 0.01 ? ", ETA " + formatDuration(eta) : "");
}

void ExperimentProgressPrinter::stageChanges(const BottleneckProgress& p) {
  if (p.preparingData && !dataAnnounced_) {
    err_ << "Generating the data: " << p.testExamples
         << " test sentences, the same number in each length bucket\n";
    dataAnnounced_ = true;
  }
  for (int m = 0; m < 2; ++m) {
    const auto i = static_cast<size_t>(m);
    if (p.stage[i] == stages_[i]) continue;
    stages_[i] = p.stage[i];
    if (p.stage[i] == BottleneckStage::Evaluating || p.stage[i] == BottleneckStage::Done) {
      if (barShown_) err_ << "\r\033[K";
      barShown_ = false;
      err_ << kNames[m]
           << (p.stage[i] == BottleneckStage::Evaluating ? ": trained, decoding the test set"
                                                         : ": measured")
           << " (" << formatDuration(p.elapsedSeconds) << ")\n";
    }
  }
}

void ExperimentProgressPrinter::update(const BottleneckProgress& p) {
  stageChanges(p);
  if (p.preparingData) return;
  if (!terminal_) {
    const int tenth = static_cast<int>(std::floor(10 * p.fraction));
    if (tenth > lastTenth_) {
      lastTenth_ = tenth;
      err_ << statusText(p) << '\n' << std::flush;
    }
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (now - lastDraw_ < kRedrawInterval) return;
  lastDraw_ = now;
  const int filled = static_cast<int>(std::round(kBarWidth * p.fraction));
  err_ << "\r\033[K[" << std::string(static_cast<size_t>(filled), '#')
       << std::string(static_cast<size_t>(kBarWidth - filled), '-') << "] " << statusText(p)
       << std::flush;
  barShown_ = true;
}

void ExperimentProgressPrinter::finish() {
  if (barShown_) err_ << "\r\033[K" << std::flush;
  barShown_ = false;
}

}  // namespace attn::app
