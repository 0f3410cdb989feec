// Decoding off the GUI thread: a worker object on its own QThread runs decodeToTrace() and sends
// back the finished trace (an immutable snapshot). A newer request supersedes an older one: the
// older run stops at its next step (a long beam search need not finish for nothing), so the
// window always shows the last sentence asked for.
#pragma once

#include <QMetaType>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

#include "documents/decoding_metatypes.h"
#include "window/user_error.h"

namespace attn::ui {

class DecodeWorker : public QObject {
  Q_OBJECT

 public:
  // `wanted` holds the ticket of the run the GUI still wants; a run whose ticket it no longer is
  // stops at its next step.
  explicit DecodeWorker(std::shared_ptr<std::atomic<quint64>> wanted)
      : mWanted(std::move(wanted)) {}
  void decode(quint64 ticket, std::shared_ptr<const attn::Model> model,
              attn::ui::DecodeRequest request);

 signals:
  void decoded(quint64 ticket, std::shared_ptr<const attn::Trace> trace);
  void failed(quint64 ticket, attn::ui::UserError error);
  void cancelled(quint64 ticket);

 private:
  std::shared_ptr<std::atomic<quint64>> mWanted;
};

class DecodeRunner : public QObject {
  Q_OBJECT

 public:
  explicit DecodeRunner(QObject* parent = nullptr);
  ~DecodeRunner() override;  // stops the thread after the decode in progress

  void start(std::shared_ptr<const Model> model, const DecodeRequest& request);
  void cancel();  // stops the run in progress at its next step; cancelled() follows
  bool isBusy() const { return mLatest != mDone; }
  // Runs on the calling thread instead: for the command line's --screenshot, which must capture
  // a finished decode, and for callers that already are on a worker.
  static std::shared_ptr<const Trace> decodeNow(const Model& model, const DecodeRequest& request);

 signals:
  void finished(std::shared_ptr<const attn::Trace> trace, attn::ui::DecodeRequest request);
  void failed(attn::ui::UserError error);
  void cancelled();
  void busyChanged(bool busy);
  void requested(quint64 ticket, std::shared_ptr<const attn::Model> model,
                 attn::ui::DecodeRequest request);  // to the worker

 private:
  void onDecoded(quint64 ticket, std::shared_ptr<const Trace> trace);
  void onFailed(quint64 ticket, const UserError& error);
  void onCancelled(quint64 ticket);
  void finish(quint64 ticket);

  std::shared_ptr<std::atomic<quint64>> mWanted = std::make_shared<std::atomic<quint64>>(0);
  QThread mThread;
  DecodeWorker* mWorker;  // lives on mThread, deleted when it finishes
  quint64 mLatest = 0;    // ticket of the last request
  quint64 mDone = 0;      // ticket of the last answer received
  DecodeRequest mLatestRequest;
};

}  // namespace attn::ui
