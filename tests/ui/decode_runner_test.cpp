// Decoding on the worker thread: results come back as snapshots on the GUI thread, a newer
// request supersedes an older one, and a cancelled run says so without an error.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QThread>

#include "models/model.h"
#include "qt_printers.h"
#include "runners/decode_runner.h"
#include "studio_test_support.h"
#include "trace/trace.h"

using namespace attn;
using namespace attn::ui;
using attn::test::eventually;

namespace {

std::shared_ptr<const Model> bahdanau() {
  static const auto model =
      std::make_shared<const Model>(loadModel(attn::test::bahdanauModelPath().toStdString()));
  return model;
}

DecodeRequest sentence(const std::string& text) {
  DecodeRequest r;
  r.source = text;
  return r;
}

}  // namespace

TEST(DecodeRunner, DeliversTheTraceOnTheGuiThread) {
  DecodeRunner runner;
  QSignalSpy finished(&runner, &DecodeRunner::finished);
  QSignalSpy busy(&runner, &DecodeRunner::busyChanged);
  runner.start(bahdanau(), sentence("le chat"));
  EXPECT_TRUE(runner.isBusy());
  ASSERT_TRUE(eventually([&] { return finished.count() == 1; }));
  EXPECT_FALSE(runner.isBusy());
  const auto trace = finished[0][0].value<std::shared_ptr<const Trace>>();
  ASSERT_NE(trace, nullptr);
  EXPECT_EQ(trace->sourceTokens, (std::vector<std::string>{"le", "chat", "<eos>"}));
  ASSERT_EQ(busy.count(), 2);
  EXPECT_TRUE(busy[0][0].toBool());
  EXPECT_FALSE(busy[1][0].toBool());
}

TEST(DecodeRunner, ANewerRequestSupersedesAnOlderOne) {
  DecodeRunner runner;
  QSignalSpy finished(&runner, &DecodeRunner::finished);
  runner.start(bahdanau(), sentence("le chat"));
  runner.start(bahdanau(), sentence("un chien noir"));
  ASSERT_TRUE(eventually([&] { return !runner.isBusy(); }));
  QTest::qWait(50);  // nothing else arrives late
  ASSERT_EQ(finished.count(), 1);
  EXPECT_EQ(finished[0][1].value<DecodeRequest>().source, "un chien noir");
  EXPECT_EQ(finished[0][0].value<std::shared_ptr<const Trace>>()->sourceTokens.size(), 4u);
}

TEST(DecodeRunner, ErrorsComeBackAsAUserErrorNotAnException) {
  DecodeRunner runner;
  QSignalSpy failed(&runner, &DecodeRunner::failed);
  DecodeRequest r = sentence("le chat");
  r.mode = DecodeMode::Beam;
  r.beamWidth = 1000;
  runner.start(bahdanau(), r);
  ASSERT_TRUE(eventually([&] { return failed.count() == 1; }));
  const UserError error = failed[0][0].value<UserError>();
  EXPECT_TRUE(error.what.contains(QStringLiteral("beam width"))) << error.what;
  EXPECT_FALSE(error.whatToDo.isEmpty());
}

TEST(DecodeRunner, CancelEndsTheRunWithCancelledAndNoTrace) {
  DecodeRunner runner;
  QSignalSpy finished(&runner, &DecodeRunner::finished);
  QSignalSpy cancelled(&runner, &DecodeRunner::cancelled);
  QSignalSpy failed(&runner, &DecodeRunner::failed);
  DecodeRequest r = sentence("le chat noir dort un chien le chat noir dort un chien");
  r.mode = DecodeMode::Beam;
  r.beamWidth = 64;
  r.maxLength = 5000;
  runner.start(bahdanau(), r);
  runner.cancel();
  ASSERT_TRUE(eventually([&] { return !runner.isBusy(); }, 30000));
  EXPECT_EQ(cancelled.count(), 1);
  EXPECT_EQ(finished.count(), 0);
  EXPECT_EQ(failed.count(), 0);
}
