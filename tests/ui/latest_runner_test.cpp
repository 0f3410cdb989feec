// The one runner every piece of background work in the studio goes through: the work runs on its
// own thread, only the newest request's answer is delivered, errors come back as a UserError,
// cancellation ends a run with cancelled(), and deleting the runner mid-run neither crashes nor
// keeps what the run held.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "qt_printers.h"
#include "runners/latest_runner.h"
#include "studio_test_support.h"
#include "util/check.h"

using namespace attn::ui;
using attn::test::eventually;

namespace {

// What the test work is told to do; `token` stands for what a real request holds (a model).
struct Order {
  int value = 0;
  enum class Then { Answer, Throw, ThrowInternal, WaitForStop, IgnoreStop } then = Then::Answer;
  std::shared_ptr<int> token = std::make_shared<int>(0);
};

// Everything the work does is recorded here, shared with the test; the work runs on the
// runner's thread, so every field is atomic.
struct Log {
  std::atomic<bool> release{false};  // lets an IgnoreStop / WaitForStop run end
  std::atomic<int> started{0};
  std::atomic<bool> sawStop{false};
  std::atomic<Qt::HANDLE> workThread{nullptr};
  int reports = 0;      // reports that reached the GUI thread (read and written there only)
  int lateReports = 0;  // reports sent after the run was told to stop: must never arrive
};

class SquareRunner : public LatestRunner<Order, int> {
 public:
  SquareRunner(Policy policy, std::shared_ptr<Log> log)
      : LatestRunner(QStringLiteral("square"), policy, QStringLiteral("Square"),
                     QStringLiteral("Try a smaller number."),
                     [log](const Order& order, const RunContext& context) -> std::optional<int> {
                       log->workThread = QThread::currentThreadId();
                       ++log->started;
                       context.report([log] { ++log->reports; });
                       switch (order.then) {
                         case Order::Then::Answer:
                           return order.value * order.value;
                         case Order::Then::Throw:
                           throw attn::Error("too big to square");
                         case Order::Then::ThrowInternal:
                           throw std::logic_error("broken invariant");
                         case Order::Then::WaitForStop:
                           while (context.keepGoing() && !log->release)
                             std::this_thread::sleep_for(std::chrono::milliseconds(1));
                           log->sawStop = !context.keepGoing();
                           if (!context.keepGoing()) {
                             context.report([log] { ++log->lateReports; });
                             return std::nullopt;
                           }
                           return order.value * order.value;
                         case Order::Then::IgnoreStop:  // a run that answers however late
                           while (!log->release)
                             std::this_thread::sleep_for(std::chrono::milliseconds(1));
                           return order.value * order.value;
                       }
                       return std::nullopt;
                     }) {}
  std::vector<int> delivered;
  std::vector<Qt::HANDLE> deliveredOn;

 private:
  void deliver(int result) override {
    delivered.push_back(result);
    deliveredOn.push_back(QThread::currentThreadId());
  }
};

Order order(int value, Order::Then then = Order::Then::Answer) {
  Order o;
  o.value = value;
  o.then = then;
  return o;
}

}  // namespace

TEST(LatestRunner, WorksOnItsOwnThreadAndAnswersOnTheGuiThread) {
  auto log = std::make_shared<Log>();
  SquareRunner runner(RunnerBase::Policy::NewestWins, log);
  QSignalSpy busy(&runner, &RunnerBase::busyChanged);
  ASSERT_TRUE(runner.start(order(7)));
  EXPECT_TRUE(runner.isBusy());
  ASSERT_TRUE(eventually([&] { return !runner.isBusy(); }));
  ASSERT_EQ(runner.delivered, std::vector<int>{49});
  EXPECT_EQ(runner.deliveredOn[0], QThread::currentThreadId());
  EXPECT_NE(log->workThread.load(), nullptr);
  EXPECT_NE(log->workThread.load(), QThread::currentThreadId());
  EXPECT_NE(runner.workerThread(), QThread::currentThread());
  EXPECT_EQ(log->reports, 1) << "a report of the run being answered arrives";
  ASSERT_EQ(busy.count(), 2);
  EXPECT_TRUE(busy[0][0].toBool());
  EXPECT_FALSE(busy[1][0].toBool());
}

TEST(LatestRunner, AStaleAnswerIsDroppedEvenWhenItsRunIgnoresTheStop) {
  auto log = std::make_shared<Log>();
  SquareRunner runner(RunnerBase::Policy::NewestWins, log);
  QSignalSpy cancelled(&runner, &RunnerBase::cancelled);
  QSignalSpy failed(&runner, &RunnerBase::failed);
  runner.start(order(2, Order::Then::IgnoreStop));
  ASSERT_TRUE(eventually([&] { return log->started == 1; }));
  runner.start(order(3));  // queued behind the first, which keeps running
  runner.start(order(4));  // supersedes the second before it even starts
  log->release = true;
  ASSERT_TRUE(eventually([&] { return !runner.isBusy(); }));
  QTest::qWait(50);  // nothing arrives late
  EXPECT_EQ(runner.delivered, std::vector<int>{16}) << "only the newest request is answered";
  EXPECT_EQ(log->started, 2) << "the superseded request in the queue never ran";
  EXPECT_EQ(cancelled.count(), 0);
  EXPECT_EQ(failed.count(), 0);
  EXPECT_EQ(runner.latestRequest()->value, 4);
}

TEST(LatestRunner, ANewerRequestStopsTheRunInProgress) {
  auto log = std::make_shared<Log>();
  SquareRunner runner(RunnerBase::Policy::NewestWins, log);
  runner.start(order(5, Order::Then::WaitForStop));
  ASSERT_TRUE(eventually([&] { return log->started == 1; }));
  runner.start(order(6));
  ASSERT_TRUE(eventually([&] { return !runner.isBusy(); }));
  EXPECT_TRUE(log->sawStop) << "the older run was told to stop";
  EXPECT_EQ(runner.delivered, std::vector<int>{36});
}

TEST(LatestRunner, ErrorsComeBackAsOneUserError) {
  auto log = std::make_shared<Log>();
  SquareRunner runner(RunnerBase::Policy::NewestWins, log);
  QSignalSpy failed(&runner, &RunnerBase::failed);
  runner.start(order(1, Order::Then::Throw));
  ASSERT_TRUE(eventually([&] { return failed.count() == 1; }));
  const UserError error = failed[0][0].value<UserError>();
  EXPECT_EQ(error.title, QStringLiteral("Square"));
  EXPECT_EQ(error.what, QStringLiteral("Too big to square"));  // a sentence: capitalised
  EXPECT_EQ(error.whatToDo, QStringLiteral("Try a smaller number."));
  EXPECT_FALSE(runner.isBusy());
  EXPECT_TRUE(runner.delivered.empty());

  // Not a user's mistake: said so, with the message to report.
  runner.start(order(1, Order::Then::ThrowInternal));
  ASSERT_TRUE(eventually([&] { return failed.count() == 2; }));
  const UserError internal = failed[1][0].value<UserError>();
  EXPECT_TRUE(internal.what.contains(QStringLiteral("internal error"))) << internal.what;
  EXPECT_TRUE(internal.what.contains(QStringLiteral("Broken invariant"))) << internal.what;

  // The runner goes on working after a failure.
  runner.start(order(3));
  ASSERT_TRUE(eventually([&] { return !runner.isBusy(); }));
  EXPECT_EQ(runner.delivered, std::vector<int>{9});
}

TEST(LatestRunner, CancelEndsTheRunWithCancelledAndNothingElse) {
  auto log = std::make_shared<Log>();
  SquareRunner runner(RunnerBase::Policy::NewestWins, log);
  QSignalSpy cancelled(&runner, &RunnerBase::cancelled);
  QSignalSpy failed(&runner, &RunnerBase::failed);
  runner.start(order(5, Order::Then::WaitForStop));
  ASSERT_TRUE(eventually([&] { return log->started == 1; }));
  runner.cancel();
  ASSERT_TRUE(eventually([&] { return cancelled.count() == 1; }));
  EXPECT_TRUE(log->sawStop);
  EXPECT_FALSE(runner.isBusy());
  EXPECT_TRUE(runner.delivered.empty());
  EXPECT_EQ(failed.count(), 0);
  EXPECT_EQ(log->lateReports, 0) << "a report sent after the cancel arrived";
  runner.cancel();  // idle: nothing happens
  QTest::qWait(20);
  EXPECT_EQ(cancelled.count(), 1);
}

TEST(LatestRunner, AnAnswerThatArrivesAfterCancelIsNotDelivered) {
  auto log = std::make_shared<Log>();
  SquareRunner runner(RunnerBase::Policy::NewestWins, log);
  QSignalSpy cancelled(&runner, &RunnerBase::cancelled);
  runner.start(order(8, Order::Then::IgnoreStop));
  ASSERT_TRUE(eventually([&] { return log->started == 1; }));
  runner.cancel();
  log->release = true;  // the run answers anyway
  ASSERT_TRUE(eventually([&] { return cancelled.count() == 1; }));
  EXPECT_TRUE(runner.delivered.empty());
}

TEST(LatestRunner, OneAtATimeRefusesASecondRunWhileTheFirstGoes) {
  auto log = std::make_shared<Log>();
  SquareRunner runner(RunnerBase::Policy::OneAtATime, log);
  Order first = order(2, Order::Then::WaitForStop);
  ASSERT_TRUE(runner.start(first));
  EXPECT_FALSE(runner.start(order(3))) << "a second run while one is going";
  EXPECT_EQ(runner.latestRequest()->value, 2);
  log->release = true;
  ASSERT_TRUE(eventually([&] { return !runner.isBusy(); }));
  EXPECT_EQ(runner.delivered, std::vector<int>{4});
  EXPECT_TRUE(runner.start(order(3)));
  ASSERT_TRUE(eventually([&] { return !runner.isBusy(); }));
  EXPECT_EQ(runner.delivered, (std::vector<int>{4, 9}));
}

TEST(LatestRunner, DeletingItMidRunStopsTheRunAndKeepsNothing) {
  auto log = std::make_shared<Log>();
  std::weak_ptr<int> request;
  {
    auto runner = std::make_unique<SquareRunner>(RunnerBase::Policy::OneAtATime, log);
    Order run = order(1, Order::Then::WaitForStop);
    request = run.token;
    runner->start(std::move(run));
    ASSERT_TRUE(eventually([&] { return log->started == 1; }));
    runner.reset();  // must return: the run stops at its next check
  }
  EXPECT_TRUE(log->sawStop) << "the run was not told to stop";
  EXPECT_TRUE(request.expired()) << "the request was kept after the runner died";
  QTest::qWait(20);  // the report the run sent on its way out went with the runner
  EXPECT_EQ(log->lateReports, 0);
}

TEST(LatestRunner, DeletingItWithRequestsQueuedKeepsNoneOfThem) {
  auto log = std::make_shared<Log>();
  std::vector<std::weak_ptr<int>> requests;
  {
    SquareRunner runner(RunnerBase::Policy::NewestWins, log);
    for (int i = 0; i < 5; ++i) {
      Order o = order(i, Order::Then::WaitForStop);
      requests.push_back(o.token);
      runner.start(std::move(o));
    }
  }
  for (const auto& r : requests) EXPECT_TRUE(r.expired());
  EXPECT_LE(log->started, 5);
}
