// Decoding off the GUI thread (a LatestRunner): decodeToTrace() on the runner's thread sends back
// the finished trace (an immutable snapshot). A newer request supersedes an older one: the older
// run stops at its next step (a long beam search need not finish for nothing), so the window
// always shows the last sentence asked for.
#pragma once

#include <memory>

#include "documents/decoding_metatypes.h"
#include "runners/latest_runner.h"

namespace attn::ui {

struct DecodeJob {
  std::shared_ptr<const Model> model;
  DecodeRequest request;
};

class DecodeRunner : public LatestRunner<DecodeJob, std::shared_ptr<const Trace>> {
  Q_OBJECT

 public:
  explicit DecodeRunner(QObject* parent = nullptr);

  void start(std::shared_ptr<const Model> model, const DecodeRequest& request);
  // Runs on the calling thread instead: for the command line's --screenshot, which must capture
  // a finished decode, and for callers that already are on a worker.
  static std::shared_ptr<const Trace> decodeNow(const Model& model, const DecodeRequest& request);

 signals:
  void finished(std::shared_ptr<const attn::Trace> trace, attn::ui::DecodeRequest request);

 private:
  void deliver(std::shared_ptr<const Trace> trace) override;
};

}  // namespace attn::ui
