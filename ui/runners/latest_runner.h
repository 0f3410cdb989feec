// One way to do work off the GUI thread, shared by every runner in ui/ (decoding, training,
// intervention, saliency, the bottleneck experiment, comparing two models).
//
// What every runner needs, done once here:
//  - a worker thread of its own, so a long run never freezes the window;
//  - a ticket per request: when a newer request is made, the older run is told to stop at its
//    next check, and whatever it still sends back is dropped, so the window only ever shows the
//    answer to the last thing asked (NewestWins). A long single run such as training uses the
//    same ticket with the OneAtATime policy: start() refuses while a run is going;
//  - cancellation through a std::atomic (the ticket the GUI still wants): the work asks
//    RunContext::keepGoing() between steps, which is what core's progress callbacks want;
//  - one error type: any exception the work throws comes back as failed(UserError), a message
//    the user can read, never as an exception crossing the event loop; a run that stops because it
//    was cancelled says cancelled() instead, whatever it threw on the way out;
//  - a destructor that cancels the run, quits the thread and waits for it, so closing a window in
//    the middle of a run neither crashes nor leaks.
//
// Design. Qt signals cannot be declared in a template (moc reads no templates), so the signals
// that do not depend on the types (busyChanged, failed, cancelled) and all the bookkeeping live in
// RunnerBase, a QObject compiled once. LatestRunner<Request, Result> adds the types: it takes the
// work as a function Request -> optional<Result> and hands the result to deliver(), which the
// concrete runner overrides to emit its own typed signal (finished(trace), finished(subject)...).
// The concrete runners keep their own names and signals, so their users did not change.
//
// Threads. The work function runs on the worker thread and must only touch what it captured by
// value; it is a member of the template, not a virtual function, because a virtual called from the
// worker while the runner's destructor runs would reach a half-destroyed object. Everything else
// (deliver(), RunContext::report() callbacks, the signals) runs on the GUI thread, queued to the
// runner object, so Qt discards whatever is still queued when the runner is deleted. No metatype
// registration is needed to cross threads: values travel inside the queued functions. Nor are the
// runners' own types declared with Q_DECLARE_METATYPE: Qt 6 makes each type's metatype from the
// type itself, and a declaration seen after a first use (moc's outputs are compiled in one unit)
// is an error; decoding's, which many headers carry, are in documents/decoding_metatypes.h.
#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "window/user_error.h"

namespace attn::ui {

// What a run sees of its runner, from the worker thread. Cheap to copy.
class RunContext {
 public:
  // False once a newer request superseded this run, it was cancelled, or the runner is going away.
  bool keepGoing() const { return wanted_->load() == ticket_; }
  std::function<bool()> keepGoingFunction() const {
    return [wanted = wanted_, ticket = ticket_] { return wanted->load() == ticket; };
  }
  // Runs `onGuiThread` on the GUI thread, unless the run is no longer wanted by then: progress
  // reports, which must never outlive the run they describe.
  void report(std::function<void()> onGuiThread) const;
  quint64 ticket() const { return ticket_; }

 private:
  friend class RunnerBase;
  RunContext(std::shared_ptr<std::atomic<quint64>> wanted, QObject* gui, quint64 ticket)
      : wanted_(std::move(wanted)), gui_(gui), ticket_(ticket) {}

  std::shared_ptr<std::atomic<quint64>> wanted_;
  QObject* gui_;  // the runner, on the GUI thread
  quint64 ticket_;
};

class RunnerBase : public QObject {
  Q_OBJECT

 public:
  enum class Policy {
    NewestWins,  // a new request supersedes the run in progress (decode what was last typed)
    OneAtATime,  // start() refuses while a run is going (training, an experiment)
  };

  bool isBusy() const { return latest_ != done_; }
  // The run in progress stops at its next check and ends with cancelled(); nothing if idle.
  void cancel();
  // The worker thread (for tests: work must never run on the GUI thread).
  const QThread* workerThread() const { return &thread_; }

 signals:
  void busyChanged(bool busy);
  void failed(const attn::ui::UserError& error);
  void cancelled();

 protected:
  // `errorTitle` and `whatToDo` head the UserError of a run that throws ("Decode", "Check the
  // sentence..."); `threadName` names the thread in debuggers.
  RunnerBase(const QString& threadName, Policy policy, QString errorTitle, QString whatToDo,
             QObject* parent);
  ~RunnerBase() override;

  // Queues `job` on the worker thread under a new ticket; false (nothing queued) when the policy
  // refuses. The job returns what to do on the GUI thread with its result, or an empty function
  // when it stopped early (then cancelled() follows).
  using Job = std::function<std::function<void()>(const RunContext&)>;
  bool post(Job job);
  // Cancels, quits the thread and waits for it. The template's destructor calls it first, while
  // the work function it owns is still alive; calling it twice is harmless.
  void stop();

 private:
  void settle(quint64 ticket, std::function<void()> deliver, const UserError& error);

  const Policy policy_;
  const QString errorTitle_, whatToDo_;
  std::shared_ptr<std::atomic<quint64>> wanted_ = std::make_shared<std::atomic<quint64>>(0);
  quint64 latest_ = 0;  // ticket of the last request
  quint64 done_ = 0;    // ticket of the last request answered
  QThread thread_;
  QObject* worker_;  // lives on thread_ (the jobs are queued to it), deleted when it finishes
};

template <class Request, class Result>
class LatestRunner : public RunnerBase {
 public:
  // Runs on the worker thread; returns nullopt when it stopped early (keepGoing() went false).
  using Work = std::function<std::optional<Result>(const Request&, const RunContext&)>;

  LatestRunner(const QString& threadName, Policy policy, QString errorTitle, QString whatToDo,
               Work work, QObject* parent = nullptr)
      : RunnerBase(threadName, policy, std::move(errorTitle), std::move(whatToDo), parent),
        work_(std::move(work)) {}
  ~LatestRunner() override { stop(); }

  // False when the policy refuses (OneAtATime and busy). The answer comes as deliver(),
  // failed() or cancelled(), or not at all when a newer request superseded this one.
  bool start(Request request) {
    auto shared = std::make_shared<const Request>(std::move(request));
    const bool posted =
        post([this, work = &work_, shared](const RunContext& context) -> std::function<void()> {
          std::optional<Result> result = (*work)(*shared, context);
          if (!result) return {};
          // std::function copies what it holds: a move-only or large result travels shared.
          return [this, result = std::make_shared<Result>(std::move(*result))]() mutable {
            deliver(std::move(*result));
          };
        });
    if (posted) latestRequest_ = std::move(shared);
    return posted;
  }
  // The request of the newest run (inside deliver(): the one answered). Null before any.
  const Request* latestRequest() const { return latestRequest_.get(); }

 protected:
  // On the GUI thread, for the newest run that finished while still wanted.
  virtual void deliver(Result result) = 0;

 private:
  const Work work_;
  std::shared_ptr<const Request> latestRequest_;
};

}  // namespace attn::ui
