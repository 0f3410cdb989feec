// The saliency view on the bundled models (dates Bahdanau, the toy-fr transformer, the Lin
// classifier): the numbers it shows, coloured tokens and bars, are traceSaliency()'s for the
// selected step, measure and objective, computed on the worker and following the step; a
// trace without its model, or from another model, gets a message instead.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include "documents/decoding.h"
#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/trace_document.h"
#include "explain/saliency.h"
#include "find_widget.h"
#include "models/model.h"
#include "studio_test_support.h"
#include "teach/saliency_view.h"
#include "test_paths.h"
#include "trace/trace.h"
#include "trace/trace_json.h"
#include "window/main_window.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;

namespace {

// Waits for the worker, then compares what is on screen with core's numbers for this step.
void expectShowsStep(const SaliencyView& view, Session& session, int step, SaliencyOf of,
                     SaliencyMeasure measure) {
  ASSERT_TRUE(attn::test::eventually([&] { return view.hasResult() && !view.isComputing(); }));
  ASSERT_EQ(session.traceDocument()->step(), step);
  const TokenSaliency want =
      traceSaliency(*session.modelDocument()->model(), *session.traceDocument()->trace(), step, of);
  const std::vector<double>& values = want.saliency.values(measure);
  const std::vector<double> shown = view.shownValues(), bars = view.barValues();
  ASSERT_EQ(shown.size(), values.size());
  ASSERT_EQ(bars.size(), values.size());
  for (size_t j = 0; j < values.size(); ++j) {
    EXPECT_DOUBLE_EQ(shown[j], values[j]) << "token " << j;
    EXPECT_DOUBLE_EQ(bars[j], values[j]) << "bar " << j;
  }
  EXPECT_TRUE(
      view.headerLabel()->text().contains(QString::fromStdString(want.target).toHtmlEscaped()));
  EXPECT_TRUE(view.headerLabel()->text().contains(QString::number(want.logProb, 'g', 3)));
}

// Chooses what is differentiated as a user does, by the combo's entry for it.
void choose(const SaliencyView& view, SaliencyOf of) {
  const int index = view.ofBox()->findData(int(of));
  ASSERT_GE(index, 0);
  view.ofBox()->setCurrentIndex(index);
}

struct Shown {
  Session session;
  SaliencyView view{session.traceDocument(), session.modelDocument()};
  Shown() {
    view.resize(1000, 520);
    view.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&view));
  }
};

}  // namespace

TEST(SaliencyView, DatesModelFollowsTheStepMeasureAndObjective) {
  Shown s;
  // It opens on the logit: log p of a sure token is flat, its gradients near 1e-4 mislead.
  EXPECT_EQ(s.view.of(), SaliencyOf::Logit);
  EXPECT_EQ(s.view.ofBox()->currentIndex(), 0);
  attn::test::openAndDecode(s.session, attn::test::bundledModelPath("dates-bahdanau"),
                            "5 October 2017");
  expectShowsStep(s.view, s.session, 0, SaliencyOf::Logit, SaliencyMeasure::GradientTimesInput);
  // Every source character is on the line, the space made visible.
  const QString tokens = s.view.tokensLabel()->text();
  EXPECT_TRUE(tokens.contains(QStringLiteral("O")));
  EXPECT_TRUE(tokens.contains(QStringLiteral("␣")));

  s.session.traceDocument()->setStep(3);  // "7", the year's last digit
  expectShowsStep(s.view, s.session, 3, SaliencyOf::Logit, SaliencyMeasure::GradientTimesInput);
  s.view.measureBox()->setCurrentIndex(1);
  expectShowsStep(s.view, s.session, 3, SaliencyOf::Logit, SaliencyMeasure::GradientNorm);
  for (double v : s.view.barValues()) EXPECT_GE(v, 0.0);
  EXPECT_TRUE(s.view.plot()->yAxis->label().contains(QStringLiteral("logit")));
  attn::test::maybeCapture(s.view, "saliency_dates");
  choose(s.view, SaliencyOf::LogProb);  // log p: recomputed on the worker
  expectShowsStep(s.view, s.session, 3, SaliencyOf::LogProb, SaliencyMeasure::GradientNorm);
  // A sure model: the note says why log p's gradients are small.
  EXPECT_TRUE(s.view.noteLabel()->text().contains(QStringLiteral("p ≈ 1")));
}

TEST(SaliencyView, TransformerWithEveryStep) {
  Shown s;
  attn::test::openAndDecode(s.session, attn::test::bundledModelPath("toyfr-transformer"),
                            "the big black dog sees the cat");
  const int steps = s.session.traceDocument()->stepCount();
  ASSERT_GT(steps, 4);
  s.view.measureBox()->setCurrentIndex(0);
  for (int t = 0; t < steps; ++t) {
    s.session.traceDocument()->setStep(t);
    expectShowsStep(s.view, s.session, t, SaliencyOf::Logit, SaliencyMeasure::GradientTimesInput);
  }
  EXPECT_TRUE(s.view.noteLabel()->text().contains(QStringLiteral("√d")));
  s.session.traceDocument()->setStep(3);
  choose(s.view, SaliencyOf::LogProb);
  expectShowsStep(s.view, s.session, 3, SaliencyOf::LogProb, SaliencyMeasure::GradientTimesInput);
  attn::test::maybeCapture(s.view, "saliency_transformer");
}

TEST(SaliencyView, ClassifierWordsForThePredictedClass) {
  Shown s;
  attn::test::openAndDecode(s.session, attn::test::bundledModelPath("sentiment-lin"),
                            "the film was not good");
  expectShowsStep(s.view, s.session, 0, SaliencyOf::Logit, SaliencyMeasure::GradientTimesInput);
  EXPECT_TRUE(s.view.headerLabel()->text().contains(QStringLiteral("class")));
  choose(s.view, SaliencyOf::LogProb);
  expectShowsStep(s.view, s.session, 0, SaliencyOf::LogProb, SaliencyMeasure::GradientTimesInput);
  attn::test::maybeCapture(s.view, "saliency_classifier");
}

TEST(SaliencyView, ATraceFileNeedsItsModel) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("t.json"));
  {
    Session maker;
    attn::test::openAndDecode(maker, attn::test::bundledModelPath("toyfr-transformer"),
                              "the cat sees the dog");
    writeTraceFile(path.toStdString(), *maker.traceDocument()->trace());
  }
  {
    Shown s;  // no model at all
    ASSERT_TRUE(s.session.openTrace(path));
    EXPECT_FALSE(s.view.hasResult());
    EXPECT_TRUE(s.view.messageLabel()->text().contains(QStringLiteral("no model is open")));
    EXPECT_TRUE(s.view.messageLabel()->isVisible());
  }
  {
    Shown s;  // another model is open
    attn::test::openAndDecode(s.session, attn::test::bundledModelPath("dates-bahdanau"),
                              "1 May 1990");
    ASSERT_TRUE(s.session.openTrace(path));
    ASSERT_TRUE(attn::test::eventually([&] { return !s.view.isComputing(); }));
    EXPECT_FALSE(s.view.hasResult());
    EXPECT_TRUE(s.view.messageLabel()->text().contains(QStringLiteral("another model")));
  }
  {
    Shown s;  // the model that made it: explained, its log-probs checked
    ASSERT_TRUE(s.session.openModel(attn::test::bundledModelPath("toyfr-transformer"), false));
    ASSERT_TRUE(s.session.openTrace(path));
    expectShowsStep(s.view, s.session, 0, SaliencyOf::Logit, SaliencyMeasure::GradientTimesInput);
  }
}

TEST(SaliencyView, TheHandMadeExampleSaysItHasNoModel) {
  Shown s;
  s.session.showExample();
  EXPECT_TRUE(s.view.messageLabel()->text().contains(QStringLiteral("no model behind it")));
}

TEST(SaliencyView, HiddenItWaitsAndComputeNowIsSynchronous) {
  Session session;
  SaliencyView view(session.traceDocument(), session.modelDocument());
  attn::test::openAndDecode(session, attn::test::bundledModelPath("toyfr-transformer"),
                            "the cat sleeps");
  QTest::qWait(50);
  EXPECT_FALSE(view.hasResult());  // never shown: nothing computed
  view.computeNow();
  EXPECT_TRUE(view.hasResult());
  EXPECT_EQ(view.shownValues().size(), session.traceDocument()->trace()->sourceTokens.size());
  view.show();  // shown: computes on the worker as usual
  ASSERT_TRUE(attn::test::eventually([&] { return view.hasResult() && !view.isComputing(); }));
}

TEST(SaliencyView, IsATabOfTheWindowThatComputesWhenShown) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_EQ(window.start(attn::test::bundledModelPath("toyfr-transformer"),
                         QStringLiteral("the big black dog sees the cat"), true),
            QString());
  auto* view = window.findChild<SaliencyView*>();
  ASSERT_NE(view, nullptr);
  const int tab = named<QTabWidget>(window, "centralTabs")->indexOf(view);
  ASSERT_GE(tab, 0);
  EXPECT_EQ(named<QTabWidget>(window, "centralTabs")->tabText(tab), QStringLiteral("Saliency"));
  EXPECT_FALSE(view->hasResult());  // behind another tab: nothing computed yet
  named<QTabWidget>(window, "centralTabs")->setCurrentIndex(tab);
  ASSERT_TRUE(attn::test::eventually([&] { return view->hasResult() && !view->isComputing(); }));
  window.session()->traceDocument()->setStep(3);
  choose(*view, SaliencyOf::LogProb);
  ASSERT_TRUE(attn::test::eventually([&] { return view->hasResult() && !view->isComputing(); }));
  expectShowsStep(*view, *window.session(), 3, SaliencyOf::LogProb,
                  SaliencyMeasure::GradientTimesInput);
  attn::test::maybeCapture(window, "saliency_window");
}
