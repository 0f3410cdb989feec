#include "cli/progress_printer.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ostream>

namespace attn::app {
namespace {

constexpr int kBarWidth = 24;
// Redrawing more often than this only costs time: a person cannot read faster.
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string format(const char* pattern, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, value);
  return buffer;
}

std::string metricsText(const Metrics& m) {
  std::string text;
  auto add = [&](const char* name, const std::optional<double>& v) {
    if (v) text += std::string(text.empty() ? "" : "  ") + name + " " + format("%.4f", *v);
  };
  add("loss", m.loss);
  add("exact_match", m.exactMatch);
  add("token_accuracy", m.tokenAccuracy);
  add("bleu", m.bleu);
  add("accuracy", m.accuracy);
  return text;
}

std::string stepText(const TrainProgress& p) {
  return "step " + std::to_string(p.step) + "/" + std::to_string(p.totalSteps);
}

std::string statsText(const TrainProgress& p) {
  return "loss " + format("%.4f", p.smoothedLoss) + "  lr " + format("%.2e", p.lr) + "  " +
         formatDuration(p.elapsedSeconds) + " elapsed, ETA " + formatDuration(p.etaSeconds);
}

}  // namespace

std::string formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  const auto total = static_cast<long long>(std::llround(seconds));
  const long long h = total / 3600, m = total / 60 % 60, s = total % 60;
  char buffer[32];
  if (h > 0)
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", h, m, s);
  else
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", m, s);
  return buffer;
}

ProgressPrinter::ProgressPrinter(std::ostream& err, bool terminal)
    : err_(err), terminal_(terminal) {}

bool ProgressPrinter::stderrIsTerminal() {
  return isatty(STDERR_FILENO) == 1;
}

void ProgressPrinter::update(const TrainProgress& p) {
  if (!terminal_) {
    printLine(p);
    return;
  }
  if (p.validation) {
    clearBar();
    err_ << "validation at " << stepText(p) << ": " << metricsText(*p.validation) << '\n';
  }
  const auto now = std::chrono::steady_clock::now();
  if (p.validation || p.step == p.totalSteps || now - lastDraw_ >= kRedrawInterval) {
    drawBar(p);
    lastDraw_ = now;
  }
}

void ProgressPrinter::printLine(const TrainProgress& p) {
  const int64_t tenth = p.totalSteps > 0 ? p.step * 10 / p.totalSteps : 0;
  if (tenth > lastTenth_ || p.step == 1) {
    lastTenth_ = tenth;
    err_ << stepText(p) << "  " << statsText(p) << '\n';
  }
  if (p.validation)
    err_ << "validation at " << stepText(p) << ": " << metricsText(*p.validation) << '\n';
  err_ << std::flush;
}

void ProgressPrinter::drawBar(const TrainProgress& p) {
  const double fraction =
      p.totalSteps > 0 ? static_cast<double>(p.step) / static_cast<double>(p.totalSteps) : 0;
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kBarWidth, '.');
  // "\033[K" clears what a longer previous line left to the right.
  err_ << "\r[" << bar << "] " << p.step << '/' << p.totalSteps << "  " << statsText(p) << "\033[K"
       << std::flush;
  barShown_ = true;
}

void ProgressPrinter::clearBar() {
  if (barShown_) err_ << "\r\033[K";
  barShown_ = false;
}

void ProgressPrinter::finish() {
  if (terminal_ && barShown_) err_ << '\n' << std::flush;
  barShown_ = false;
}

}  // namespace attn::app
