#include "teach/bottleneck_runner.h"

#include <chrono>

namespace attn::ui {

using experiment::BottleneckProgress;
using experiment::BottleneckResult;
using experiment::BottleneckSettings;

namespace {
// The progress bar and the labels cannot be read faster; more signals would only fill the
// event queue while both models train.
constexpr auto kTick = std::chrono::milliseconds(50);

std::optional<std::shared_ptr<const BottleneckResult>> runExperiment(
    BottleneckRunner* runner, const BottleneckSettings& settings, const RunContext& context) {
  auto lastEmit = std::chrono::steady_clock::time_point{};
  BottleneckProgress last;
  auto result = std::make_shared<const BottleneckResult>(
      experiment::runBottleneck(settings, [&](const BottleneckProgress& p) {
        // Stage changes always get through, so the labels never miss one.
        const bool stageChanged = p.stage != last.stage || p.preparingData != last.preparingData;
        const auto now = std::chrono::steady_clock::now();
        if (stageChanged || now - lastEmit >= kTick) {
          lastEmit = now;
          last = p;
          context.report([runner, p] { emit runner->progressed(p); });
        }
        return context.keepGoing();
      }));
  if (result->cancelled) return std::nullopt;
  return result;
}

}  // namespace

BottleneckRunner::BottleneckRunner(QObject* parent)
    : LatestRunner(
          QStringLiteral("bottleneck"), Policy::OneAtATime, tr("Bottleneck experiment"),
          tr("Check the settings, then run the experiment again."),
          [this](const BottleneckSettings& settings, const RunContext& context) {
            return runExperiment(this, settings, context);  // `this` only in reports
          },
          parent) {
  qRegisterMetaType<BottleneckSettings>();
  qRegisterMetaType<BottleneckProgress>();
  qRegisterMetaType<std::shared_ptr<const BottleneckResult>>();
}

void BottleneckRunner::deliver(std::shared_ptr<const BottleneckResult> result) {
  emit finished(std::move(result));
}

}  // namespace attn::ui
