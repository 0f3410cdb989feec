#include "teach/intervention_runner.h"

#include "models/model.h"

namespace attn::ui {

InterventionRun runIntervention(const Model& model, const InterventionRequest& request,
                                const std::function<bool()>& keepGoing) {
  DecodeOptions options;
  options.topK = request.topK;
  if (keepGoing) options.progress = [keepGoing](int64_t, int64_t) { return keepGoing(); };
  InterventionRun run;
  run.sentence = request.sentence;
  run.intervention = request.intervention;
  // The intervention is checked (and refused) before anything is decoded.
  run.after = decodeWithIntervention(model, request.sentence, request.intervention, options);
  run.before = decodeWithIntervention(model, request.sentence, Intervention{}, options);
  return run;
}

InterventionRunner::InterventionRunner(QObject* parent)
    : LatestRunner(
          QStringLiteral("intervention"), Policy::NewestWins, tr("Decode again"),
          tr("Change or remove the edit, then decode again."),
          [](const InterventionJob& job,
             const RunContext& context) -> std::optional<std::shared_ptr<const InterventionRun>> {
            // A stopped run throws attn::Cancelled, which the runner reports as cancelled().
            return std::make_shared<const InterventionRun>(
                runIntervention(*job.model, job.request, context.keepGoingFunction()));
          },
          parent) {
  qRegisterMetaType<InterventionRequest>();
  qRegisterMetaType<std::shared_ptr<const InterventionRun>>();
  qRegisterMetaType<std::shared_ptr<const Model>>();
}

void InterventionRunner::start(std::shared_ptr<const Model> model,
                               const InterventionRequest& request) {
  LatestRunner::start(InterventionJob{std::move(model), request});
}

void InterventionRunner::deliver(std::shared_ptr<const InterventionRun> run) {
  emit finished(std::move(run));
}

}  // namespace attn::ui
