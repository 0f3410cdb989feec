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

void InterventionWorker::run(quint64 ticket, std::shared_ptr<const Model> model,
                             InterventionRequest request) {
  // Exceptions must not cross the event loop: each becomes failed() or cancelled().
  if (mWanted->load() != ticket) {
    emit cancelled(ticket);
    return;
  }
  try {
    auto keepGoing = [this, ticket] { return mWanted->load() == ticket; };
    emit done(ticket,
              std::make_shared<const InterventionRun>(runIntervention(*model, request, keepGoing)));
  } catch (const Cancelled&) {
    emit cancelled(ticket);
  } catch (const std::exception& e) {
    emit failed(ticket, errorFrom(e, tr("Decode again"),
                                  tr("Change or remove the edit, then decode again.")));
  }
}

InterventionRunner::InterventionRunner(QObject* parent) : QObject(parent) {
  qRegisterMetaType<InterventionRequest>();
  qRegisterMetaType<std::shared_ptr<const InterventionRun>>();
  qRegisterMetaType<std::shared_ptr<const Model>>();
  qRegisterMetaType<UserError>();
  auto* worker = new InterventionWorker(mWanted);
  mThread.setObjectName(QStringLiteral("intervention"));
  worker->moveToThread(&mThread);
  connect(&mThread, &QThread::finished, worker, &QObject::deleteLater);
  connect(this, &InterventionRunner::requested, worker, &InterventionWorker::run);
  connect(worker, &InterventionWorker::done, this,
          [this](quint64 ticket, std::shared_ptr<const InterventionRun> run) {
            if (ticket != mLatest) return;  // superseded
            emit finished(std::move(run));
            settle(ticket);
          });
  connect(worker, &InterventionWorker::failed, this,
          [this](quint64 ticket, const UserError& error) {
            if (ticket != mLatest) return;
            emit failed(error);
            settle(ticket);
          });
  connect(worker, &InterventionWorker::cancelled, this, [this](quint64 ticket) {
    if (ticket == mLatest) settle(ticket);
  });
  mThread.start();
}

InterventionRunner::~InterventionRunner() {
  mWanted->store(0);  // the run in progress stops at its next step
  mThread.quit();
  mThread.wait();
}

void InterventionRunner::start(std::shared_ptr<const Model> model,
                               const InterventionRequest& request) {
  const bool wasBusy = isBusy();
  mWanted->store(++mLatest);
  emit requested(mLatest, std::move(model), request);
  if (!wasBusy) emit busyChanged(true);
}

void InterventionRunner::settle(quint64 ticket) {
  mDone = ticket;
  emit busyChanged(false);
}

}  // namespace attn::ui
