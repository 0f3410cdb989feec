// Saliency off the GUI thread (a LatestRunner): the runner's thread differentiates the model once
// per output step of a trace (core/explain/saliency.h) and sends back every step's numbers, so the
// view follows the step without waiting. Measured on the bundled models (2 shared cores): a
// sentence of 5–15 tokens takes 0.1–0.7 ms a step, under 10 ms for the whole trace, but a
// 241-word source through the transformer takes ~75 ms for its 20 steps (up to 13 ms a step),
// more than the GUI thread can spare. A newer request supersedes an older one, which stops at
// its next step.
//
// The thread differentiates its own copy of the model (gradientCopy): the backward pass writes
// parameter gradients, and the model on screen is shared read-only with the decoding thread.
#pragma once

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

#include "explain/saliency.h"
#include "runners/latest_runner.h"

namespace attn::ui {

struct SaliencyResult {
  std::shared_ptr<const Trace> trace;  // the trace the numbers are for
  SaliencyOf of = SaliencyOf::LogProb;
  std::vector<TokenSaliency> steps;  // one per output step
  double milliseconds = 0;           // the whole computation, every step
};

struct SaliencyJob {
  std::shared_ptr<const Model> model;
  std::shared_ptr<const Trace> trace;
  SaliencyOf of = SaliencyOf::LogProb;
};

class SaliencyRunner : public LatestRunner<SaliencyJob, std::shared_ptr<const SaliencyResult>> {
  Q_OBJECT

 public:
  explicit SaliencyRunner(QObject* parent = nullptr);

  void start(std::shared_ptr<const Model> model, std::shared_ptr<const Trace> trace, SaliencyOf of);

  // On the calling thread, every step, checking `keepGoing` between steps (nullptr: never
  // stops). Throws attn::Error as traceSaliency() does; returns null when stopped.
  static std::shared_ptr<const SaliencyResult> computeNow(
      const Model& model, std::shared_ptr<const Trace> trace, SaliencyOf of,
      const std::function<bool()>& keepGoing = nullptr);

 signals:
  void finished(std::shared_ptr<const attn::ui::SaliencyResult> result);

 private:
  void deliver(std::shared_ptr<const SaliencyResult> result) override;
};

}  // namespace attn::ui
