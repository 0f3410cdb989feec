#include "teach/saliency_view_runner.h"

#include <chrono>

#include "models/model.h"
#include "runners/decode_runner.h"  // the metatypes of shared models and traces
#include "trace/trace.h"

namespace attn::ui {
namespace {

// The copy of the model the thread differentiates, kept while the same model is asked about.
// Touched on the runner's thread only.
struct GradientModel {
  std::shared_ptr<const Model> of;  // the model the copy was made from (kept: its address)
  std::unique_ptr<Model> copy;

  const Model& copyOf(std::shared_ptr<const Model> model) {
    if (model != of) {
      copy = std::make_unique<Model>(gradientCopy(*model));
      of = std::move(model);
    }
    return *copy;
  }
};

}  // namespace

std::shared_ptr<const SaliencyResult> SaliencyRunner::computeNow(
    const Model& model, std::shared_ptr<const Trace> trace, SaliencyOf of,
    const std::function<bool()>& keepGoing) {
  const auto start = std::chrono::steady_clock::now();
  auto result = std::make_shared<SaliencyResult>();
  result->of = of;
  const int steps = static_cast<int>(trace->targetTokens.size());
  result->steps.reserve(static_cast<size_t>(steps));
  for (int t = 0; t < steps; ++t) {
    if (keepGoing && !keepGoing()) return nullptr;
    result->steps.push_back(traceSaliency(model, *trace, t, of));
  }
  result->trace = std::move(trace);
  result->milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

SaliencyRunner::SaliencyRunner(QObject* parent)
    : LatestRunner(
          QStringLiteral("saliency"), Policy::NewestWins, tr("Saliency"),
          tr("Decode the sentence again with the model that made it."),
          [gradients = std::make_shared<GradientModel>()](
              const SaliencyJob& job,
              const RunContext& context) -> std::optional<std::shared_ptr<const SaliencyResult>> {
            auto result = computeNow(gradients->copyOf(job.model), job.trace, job.of,
                                     context.keepGoingFunction());
            if (!result) return std::nullopt;
            return result;
          },
          parent) {
  qRegisterMetaType<std::shared_ptr<const Model>>();
  qRegisterMetaType<std::shared_ptr<const Trace>>();
  qRegisterMetaType<std::shared_ptr<const SaliencyResult>>();
}

void SaliencyRunner::start(std::shared_ptr<const Model> model, std::shared_ptr<const Trace> trace,
                           SaliencyOf of) {
  LatestRunner::start(SaliencyJob{std::move(model), std::move(trace), of});
}

void SaliencyRunner::deliver(std::shared_ptr<const SaliencyResult> result) {
  emit finished(std::move(result));
}

}  // namespace attn::ui
