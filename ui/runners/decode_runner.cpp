#include "runners/decode_runner.h"

#include "decode/decode_options.h"
#include "models/model.h"
#include "trace/trace.h"

namespace attn::ui {

DecodeRunner::DecodeRunner(QObject* parent)
    : LatestRunner(
          QStringLiteral("decode"), Policy::NewestWins, tr("Decode"),
          tr("Check the sentence and the options, then decode again."),
          [](const DecodeJob& job,
             const RunContext& context) -> std::optional<std::shared_ptr<const Trace>> {
            // A stopped run throws attn::Cancelled, which the runner reports as cancelled().
            return std::make_shared<const Trace>(
                decodeToTrace(*job.model, job.request, context.keepGoingFunction()));
          },
          parent) {
  qRegisterMetaType<DecodeRequest>();
  qRegisterMetaType<std::shared_ptr<const Model>>();
  qRegisterMetaType<std::shared_ptr<const Trace>>();
}

void DecodeRunner::start(std::shared_ptr<const Model> model, const DecodeRequest& request) {
  LatestRunner::start(DecodeJob{std::move(model), request});
}

std::shared_ptr<const Trace> DecodeRunner::decodeNow(const Model& model,
                                                     const DecodeRequest& request) {
  // On the calling thread, so nothing can supersede it.
  return std::make_shared<const Trace>(decodeToTrace(model, request));
}

void DecodeRunner::deliver(std::shared_ptr<const Trace> trace) {
  emit finished(std::move(trace), latestRequest()->request);
}

}  // namespace attn::ui
