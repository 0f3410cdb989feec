// The classifier's hops: heatmap, highlighted sentences and the penalty, from a trace shaped as
// the structured self-attention model will write it.
#include <gtest/gtest.h>

#include <QLabel>
#include <QTabWidget>
#include <QTest>

#include "documents/session.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "qt_printers.h"
#include "studio_test_support.h"
#include "trace/trace.h"
#include "views/alignment_view.h"
#include "views/heatmap_view.h"
#include "views/hops_view.h"
#include "window/main_window.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;

TEST(HopsView, ShowsEachHopAsARowTheSentenceHighlightedAndThePenalty) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  const auto trace = std::make_shared<const Trace>(attn::test::classifierLikeTrace());
  window.session()->traceDocument()->setTrace(trace, QStringLiteral("synthetic classifier"));

  // The Hops tab comes forward for a classifier.
  EXPECT_EQ(named<QTabWidget>(window, "centralTabs")->currentWidget(),
            static_cast<QWidget*>(named<attn::ui::HopsView>(window, "hopsTab")));
  HopsView* hops = named<attn::ui::HopsView>(window, "hopsTab");
  HeatmapView* h = hops->heatmap();
  ASSERT_EQ(h->rows(), 2);
  ASSERT_EQ(h->cols(), 4);
  EXPECT_FLOAT_EQ(float(h->value(0, 2)), 0.7f);
  EXPECT_FLOAT_EQ(float(h->value(1, 1)), 0.5f);
  // The rows are hops, not tokens: "hop 1" keeps its space (tokens show theirs as ␣).
  EXPECT_EQ(h->rowLabels(), (QStringList{QStringLiteral("hop 1"), QStringLiteral("hop 2")}));
  // ‖AAᵀ − I‖²: AAᵀ = [[.52 .4], [.4 .5]] -> (.48)² + 2(.4)² + (.5)² = .8004
  EXPECT_NEAR(hops->penalty(), 0.8004, 1e-5);
  EXPECT_TRUE(hops->penaltyLabel()->text().contains(QStringLiteral("0.800")));
  const QString text = hops->textLabel()->text();
  EXPECT_TRUE(text.contains(QStringLiteral("wonderful")));
  EXPECT_TRUE(text.contains(QStringLiteral("hop 2")));
}

TEST(HopsView, OnlyTokenLabelsShowTheirSpaces) {
  MatrixSnapshot m;
  m.rowLabels = {QStringLiteral("hop 1")};
  m.colLabels = {QStringLiteral("a b")};
  EXPECT_EQ(shownColLabels(m).value(0), QStringLiteral("a\u2423b"));
  EXPECT_EQ(shownRowLabels(m).value(0), QStringLiteral("hop\u2423"
                                                       "1"));  // rows are tokens by default
  m.rowsAreTokens = false;
  EXPECT_EQ(shownRowLabels(m).value(0), QStringLiteral("hop 1"));
}

TEST(HopsView, IsDisabledForASeq2SeqTrace) {
  MainWindow window;
  window.session()->showExample();
  EXPECT_FALSE(named<QTabWidget>(window, "centralTabs")
                   ->isTabEnabled(named<QTabWidget>(window, "centralTabs")
                                      ->indexOf(named<attn::ui::HopsView>(window, "hopsTab"))));
}
