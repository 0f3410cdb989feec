// Decoding again under an intervention, off the GUI thread (a LatestRunner, as DecodeRunner
// decodes): the runner's thread decodes the sentence greedily twice, as the model computes it
// and with the intervention, and sends both back as one immutable snapshot. A newer request
// supersedes an older one, which stops at its next step.
#pragma once

#include <QObject>

#include <functional>
#include <memory>
#include <string>

#include "explain/intervention.h"
#include "runners/decode_runner.h"  // declares the metatype of std::shared_ptr<const Model>
#include "runners/latest_runner.h"

namespace attn::ui {

struct InterventionRun {
  std::string sentence;
  Intervention intervention;
  DecodeResult before;  // greedy, untouched
  DecodeResult after;   // greedy, with the intervention
};

struct InterventionRequest {
  std::string sentence;
  Intervention intervention;
  int topK = 5;
};

// Both decodes on the calling thread; `keepGoing` is asked before every step. Throws
// attn::Error (bad sentence or intervention) and attn::Cancelled.
InterventionRun runIntervention(const Model& model, const InterventionRequest& request,
                                const std::function<bool()>& keepGoing = {});

struct InterventionJob {
  std::shared_ptr<const Model> model;
  InterventionRequest request;
};

class InterventionRunner
    : public LatestRunner<InterventionJob, std::shared_ptr<const InterventionRun>> {
  Q_OBJECT

 public:
  explicit InterventionRunner(QObject* parent = nullptr);

  void start(std::shared_ptr<const Model> model, const InterventionRequest& request);

 signals:
  void finished(std::shared_ptr<const attn::ui::InterventionRun> run);

 private:
  void deliver(std::shared_ptr<const InterventionRun> run) override;
};

}  // namespace attn::ui
