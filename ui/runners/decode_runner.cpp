#include "runners/decode_runner.h"

#include <QCoreApplication>

#include "decode/decode_options.h"
#include "models/model.h"
#include "trace/trace.h"

namespace attn::ui {
void DecodeWorker::decode(quint64 ticket, std::shared_ptr<const Model> model,
                          DecodeRequest request) {
  // Exceptions must not cross the event loop: every one becomes a failed() the window shows.
  if (mWanted->load() != ticket) {  // superseded while it waited in the queue
    emit cancelled(ticket);
    return;
  }
  try {
    auto keepGoing = [this, ticket] { return mWanted->load() == ticket; };
    emit decoded(ticket, std::make_shared<const Trace>(decodeToTrace(*model, request, keepGoing)));
  } catch (const Cancelled&) {
    emit cancelled(ticket);
  } catch (const std::exception& e) {
    emit failed(ticket, errorFrom(e, tr("Decode"),
                                  tr("Check the sentence and the options, then decode again.")));
  }
}

DecodeRunner::DecodeRunner(QObject* parent) : QObject(parent), mWorker(new DecodeWorker(mWanted)) {
  qRegisterMetaType<DecodeRequest>();
  qRegisterMetaType<std::shared_ptr<const Model>>();
  qRegisterMetaType<std::shared_ptr<const Trace>>();
  qRegisterMetaType<UserError>();
  mThread.setObjectName(QStringLiteral("decode"));
  mWorker->moveToThread(&mThread);
  connect(&mThread, &QThread::finished, mWorker, &QObject::deleteLater);
  connect(this, &DecodeRunner::requested, mWorker, &DecodeWorker::decode);
  connect(mWorker, &DecodeWorker::decoded, this, &DecodeRunner::onDecoded);
  connect(mWorker, &DecodeWorker::failed, this, &DecodeRunner::onFailed);
  connect(mWorker, &DecodeWorker::cancelled, this, &DecodeRunner::onCancelled);
  mThread.start();
}

DecodeRunner::~DecodeRunner() {
  mWanted->store(0);  // a long beam search stops at its next step instead of holding up exit
  mThread.quit();
  mThread.wait();
}

void DecodeRunner::start(std::shared_ptr<const Model> model, const DecodeRequest& request) {
  const bool wasBusy = isBusy();
  mLatestRequest = request;
  mWanted->store(++mLatest);
  emit requested(mLatest, std::move(model), request);
  if (!wasBusy) emit busyChanged(true);
}

std::shared_ptr<const Trace> DecodeRunner::decodeNow(const Model& model,
                                                     const DecodeRequest& request) {
  // On the calling thread, so nothing can supersede it.
  return std::make_shared<const Trace>(decodeToTrace(model, request));
}

void DecodeRunner::cancel() {
  if (isBusy()) mWanted->store(0);
}

void DecodeRunner::finish(quint64 ticket) {
  mDone = ticket;
  emit busyChanged(false);
}

void DecodeRunner::onDecoded(quint64 ticket, std::shared_ptr<const Trace> trace) {
  if (ticket != mLatest) return;    // superseded by a newer request
  if (mWanted->load() != ticket) {  // cancelled just as it finished
    onCancelled(ticket);
    return;
  }
  emit finished(std::move(trace), mLatestRequest);
  finish(ticket);
}

void DecodeRunner::onFailed(quint64 ticket, const UserError& error) {
  if (ticket != mLatest) return;
  emit failed(error);
  finish(ticket);
}

void DecodeRunner::onCancelled(quint64 ticket) {
  if (ticket != mLatest) return;
  emit cancelled();
  finish(ticket);
}

}  // namespace attn::ui
