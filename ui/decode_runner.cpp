#include "decode_runner.h"

#include <QCoreApplication>

#include "models/model.h"
#include "trace/trace.h"

namespace attn::ui {
void DecodeWorker::decode(quint64 ticket, std::shared_ptr<const Model> model,
                          DecodeRequest request) {
  // Exceptions must not cross the event loop: every one becomes a failed() the window shows.
  try {
    emit decoded(ticket, DecodeRunner::decodeNow(*model, request));
  } catch (const std::exception& e) {
    emit failed(ticket, errorFrom(e, tr("Decode"),
                                  tr("Check the sentence and the options, then decode again.")));
  }
}

DecodeRunner::DecodeRunner(QObject* parent) : QObject(parent), mWorker(new DecodeWorker) {
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
  mThread.start();
}

DecodeRunner::~DecodeRunner() {
  mThread.quit();
  mThread.wait();
}

void DecodeRunner::start(std::shared_ptr<const Model> model, const DecodeRequest& request) {
  const bool wasBusy = isBusy();
  mLatestRequest = request;
  emit requested(++mLatest, std::move(model), request);
  if (!wasBusy) emit busyChanged(true);
}

std::shared_ptr<const Trace> DecodeRunner::decodeNow(const Model& model,
                                                     const DecodeRequest& request) {
  return std::make_shared<const Trace>(decodeToTrace(model, request));
}

void DecodeRunner::onDecoded(quint64 ticket, std::shared_ptr<const Trace> trace) {
  mDone = ticket;
  if (ticket != mLatest) return;  // superseded by a newer request
  emit finished(std::move(trace), mLatestRequest);
  emit busyChanged(false);
}

void DecodeRunner::onFailed(quint64 ticket, const UserError& error) {
  mDone = ticket;
  if (ticket != mLatest) return;
  emit failed(error);
  emit busyChanged(false);
}

}  // namespace attn::ui
