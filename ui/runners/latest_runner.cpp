#include "runners/latest_runner.h"

#include <QMetaObject>

#include <exception>

namespace attn::ui {

void RunContext::report(std::function<void()> onGuiThread) const {
  QMetaObject::invokeMethod(
      gui_,
      [wanted = wanted_, ticket = ticket_, f = std::move(onGuiThread)] {
        if (wanted->load() == ticket) f();
      },
      Qt::QueuedConnection);
}

RunnerBase::RunnerBase(const QString& threadName, Policy policy, QString errorTitle,
                       QString whatToDo, QObject* parent)
    : QObject(parent),
      policy_(policy),
      errorTitle_(std::move(errorTitle)),
      whatToDo_(std::move(whatToDo)),
      worker_(new QObject) {
  qRegisterMetaType<UserError>();  // for QSignalSpy and queued connections of users
  thread_.setObjectName(threadName);
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  thread_.start();
}

RunnerBase::~RunnerBase() {
  stop();
}

void RunnerBase::stop() {
  wanted_->store(0);  // the run in progress stops at its next check instead of holding up exit
  thread_.quit();
  thread_.wait();
}

void RunnerBase::cancel() {
  if (isBusy()) wanted_->store(0);
}

bool RunnerBase::post(Job job) {
  if (policy_ == Policy::OneAtATime && isBusy()) return false;
  const bool wasBusy = isBusy();
  const quint64 ticket = ++latest_;
  wanted_->store(ticket);
  const RunContext context(wanted_, this, ticket);
  QMetaObject::invokeMethod(
      worker_,
      [this, context, job = std::move(job)] {
        std::function<void()> deliver;
        UserError error;
        // Superseded or cancelled while it waited in the queue: not even started.
        if (context.keepGoing()) {
          // Exceptions must not cross the event loop: each becomes failed(), or cancelled()
          // when the run was told to stop (core may throw on its way out, e.g. attn::Cancelled).
          try {
            deliver = job(context);
          } catch (const std::exception& e) {
            if (context.keepGoing()) error = errorFrom(e, errorTitle_, whatToDo_);
          }
        }
        QMetaObject::invokeMethod(
            this,
            [this, ticket = context.ticket(), deliver = std::move(deliver), error] {
              settle(ticket, deliver, error);
            },
            Qt::QueuedConnection);
      },
      Qt::QueuedConnection);
  if (!wasBusy) emit busyChanged(true);
  return true;
}

void RunnerBase::settle(quint64 ticket, std::function<void()> deliver, const UserError& error) {
  if (ticket != latest_) return;  // superseded: the newer run answers
  done_ = ticket;
  // Idle before anyone hears the answer, so that a slot may start the next run at once.
  emit busyChanged(false);
  if (!error.isEmpty()) {
    emit failed(error);
  } else if (deliver && wanted_->load() == ticket) {
    deliver();
  } else {
    emit cancelled();  // stopped early, or cancelled just as it finished
  }
}

}  // namespace attn::ui
