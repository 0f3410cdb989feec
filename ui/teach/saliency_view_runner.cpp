#include "teach/saliency_view_runner.h"

#include <chrono>

#include "models/model.h"
#include "runners/decode_runner.h"  // the metatypes of shared models and traces
#include "trace/trace.h"

Q_DECLARE_METATYPE(std::shared_ptr<const attn::ui::SaliencyResult>)

namespace attn::ui {

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

void SaliencyWorker::compute(quint64 ticket, std::shared_ptr<const Model> model,
                             std::shared_ptr<const Trace> trace, int of) {
  if (mWanted->load() != ticket) return;  // superseded while it waited in the queue
  // Exceptions must not cross the event loop: each becomes a failed() the view shows.
  try {
    if (model != mModel) {
      mCopy = std::make_unique<Model>(gradientCopy(*model));
      mModel = std::move(model);
    }
    auto keepGoing = [this, ticket] { return mWanted->load() == ticket; };
    auto result = SaliencyRunner::computeNow(*mCopy, std::move(trace), static_cast<SaliencyOf>(of),
                                             keepGoing);
    if (result) emit computed(ticket, std::move(result));
  } catch (const std::exception& e) {
    emit failed(ticket, QString::fromUtf8(e.what()));
  }
}

SaliencyRunner::SaliencyRunner(QObject* parent)
    : QObject(parent), mWorker(new SaliencyWorker(mWanted)) {
  qRegisterMetaType<std::shared_ptr<const Model>>();
  qRegisterMetaType<std::shared_ptr<const Trace>>();
  qRegisterMetaType<std::shared_ptr<const SaliencyResult>>();
  mThread.setObjectName(QStringLiteral("saliency"));
  mWorker->moveToThread(&mThread);
  connect(&mThread, &QThread::finished, mWorker, &QObject::deleteLater);
  connect(this, &SaliencyRunner::requested, mWorker, &SaliencyWorker::compute);
  connect(mWorker, &SaliencyWorker::computed, this,
          [this](quint64 ticket, std::shared_ptr<const SaliencyResult> result) {
            if (ticket != mLatest || mWanted->load() != ticket) return;  // superseded
            mDone = ticket;
            emit finished(std::move(result));
          });
  connect(mWorker, &SaliencyWorker::failed, this, [this](quint64 ticket, const QString& message) {
    if (ticket != mLatest || mWanted->load() != ticket) return;
    mDone = ticket;
    emit failed(message);
  });
  mThread.start();
}

SaliencyRunner::~SaliencyRunner() {
  mWanted->store(0);  // a long run stops at its next step instead of holding up exit
  mThread.quit();
  mThread.wait();
}

void SaliencyRunner::start(std::shared_ptr<const Model> model, std::shared_ptr<const Trace> trace,
                           SaliencyOf of) {
  mWanted->store(++mLatest);
  emit requested(mLatest, std::move(model), std::move(trace), static_cast<int>(of));
}

void SaliencyRunner::cancel() {
  mWanted->store(0);
  mDone = mLatest;
}

}  // namespace attn::ui
