// The intervention panel on the bundled models: zero a row, decode again on the worker thread,
// and read what changed (the output, the log-probs, the difference map = after − before,
// checked cell by cell against the engine's own traces); force a token; ablate transformer
// heads with the check boxes; undo and reset; and a classifier, which it declines.
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>

#include <cmath>

#include "decode/decoder.h"
#include "documents/bundled_models.h"
#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/trace_document.h"
#include "explain/intervention.h"
#include "find_widget.h"
#include "models/model.h"
#include "qt_printers.h"
#include "studio_test_support.h"
#include "teach/head_ablation_table.h"
#include "teach/intervention_panel.h"
#include "teach/intervention_results.h"
#include "teach/intervention_runner.h"
#include "teach/row_editor.h"
#include "trace/trace.h"
#include "views/heatmap_view.h"
#include "window/main_window.h"
#include "window/user_error.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;
using attn::test::eventually;

namespace {

QString bundledNamed(const QString& name) {
  for (const BundledModel& m : findBundledModels())
    if (QFileInfo(m.path).completeBaseName() == name) return m.path;
  ADD_FAILURE() << "no bundled model " << name.toStdString();
  return {};
}

class InterventionPanelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    panel.resize(1000, 720);  // as the tab of a window with its docks closed
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
  }
  void open(const QString& model, const QString& sentence) {
    ASSERT_TRUE(session.openModel(bundledNamed(model), false));
    DecodeRequest r;
    r.source = sentence.toStdString();
    ASSERT_TRUE(session.decodeNow(r));
  }
  void decodeAgain() {
    QSignalSpy done(&panel, &InterventionPanel::finished);
    panel.findChild<QPushButton*>(QStringLiteral("decodeAgainButton"))->click();
    ASSERT_TRUE(eventually([&] { return done.count() == 1; }, 20000));
  }
  const Model& model() const { return *session.modelDocument()->model(); }

  Session session;
  InterventionPanel panel{&session};
};

// The difference map holds after − before of the engine's traces, cell by cell, over the steps
// both outputs have.
void expectDifferenceMap(const InterventionResults& results, const Trace& before,
                         const Trace& after, int layer, int head) {
  const AttentionMap& b = before.attention.at(MapKind::Cross);
  const AttentionMap& a = after.attention.at(MapKind::Cross);
  const int rows = std::min(a.queries, b.queries);
  const HeatmapView* d = results.differenceMap();
  ASSERT_EQ(d->rows(), rows);
  ASSERT_EQ(d->cols(), a.keys);
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < a.keys; ++k) {
      double x = 0, y = 0;
      const int h0 = head < 0 ? 0 : head, h1 = head < 0 ? a.heads : head + 1;
      for (int h = h0; h < h1; ++h) {
        x += b.at(layer, h, r, k) / double(h1 - h0);
        y += a.at(layer, h, r, k) / double(h1 - h0);
      }
      EXPECT_NEAR(d->value(r, k), y - x, 1e-6) << "row " << r << " key " << k;
    }
}

TEST_F(InterventionPanelTest, ZeroingARowAndDecodingAgainShowsWhatChanged) {
  open(QStringLiteral("dates-bahdanau"), QStringLiteral("3 October 1999"));
  ASSERT_TRUE(panel.isUsable());
  EXPECT_EQ(panel.sentence(), "3 October 1999");
  const auto& shown = session.traceDocument()->trace();
  // The first step whose zeroed row changes the output: the model must read the source there.
  int changedAt = -1;
  for (int t = 0; t < int(shown->targetTokens.size()) && changedAt < 0; ++t) {
    panel.reset();
    panel.selectStep(t);
    panel.findChild<QPushButton*>(QStringLiteral("zeroRowButton"))->click();
    ASSERT_EQ(panel.intervention().rows.size(), 1u);
    decodeAgain();
    if (panel.results()->comparison().outputChanged()) changedAt = t;
  }
  ASSERT_GE(changedAt, 0) << "no zeroed row changes the output";

  // The same intervention through the engine directly: the panel shows exactly its results.
  Intervention iv;
  iv.rows.push_back(zeroRow(changedAt, int64_t(shown->sourceTokens.size())));
  const DecodeResult after = decodeWithIntervention(model(), "3 October 1999", iv);
  const DecodeResult before = decodeGreedy(model(), "3 October 1999");
  EXPECT_EQ(before.trace.targetTokens, shown->targetTokens);  // the trace on screen was greedy
  EXPECT_NE(after.output, before.output);
  const InterventionResults* results = panel.results();
  EXPECT_EQ(results->comparison().firstChange, [&] {
    for (size_t t = 0; t < after.outputIds.size(); ++t)
      if (t >= before.outputIds.size() || after.outputIds[t] != before.outputIds[t]) return int(t);
    return int(before.outputIds.size());
  }());
  EXPECT_TRUE(results->summaryText().contains(
      QStringLiteral("changed from step %1").arg(results->comparison().firstChange + 1)))
      << results->summaryText();
  EXPECT_TRUE(results->outputsHtml().contains(QStringLiteral("font-weight:bold")));
  for (int k = 0; k < after.trace.attention.at(MapKind::Cross).keys; ++k)
    EXPECT_EQ(after.trace.attention.at(MapKind::Cross).at(0, 0, changedAt, k), 0.0f);
  expectDifferenceMap(*results, before.trace, after.trace, 0, -1);
  EXPECT_EQ(results->afterMap()->value(changedAt, 0), 0.0);

  // The log-prob table: log p of each run's chosen token, step by step.
  const QTableWidget* table = results->logProbTable();
  ASSERT_EQ(table->rowCount(), int(std::max(before.outputIds.size(), after.outputIds.size())));
  for (int t = 0; t < int(before.outputIds.size()); ++t)
    EXPECT_NEAR(table->item(t, 2)->text().toDouble(),
                before.trace.logProbs[size_t(t)][size_t(before.outputIds[size_t(t)])], 1e-3);
  for (int t = 0; t < int(after.outputIds.size()); ++t)
    EXPECT_NEAR(table->item(t, 4)->text().toDouble(),
                after.trace.logProbs[size_t(t)][size_t(after.outputIds[size_t(t)])], 1e-3);
  // The trace on screen is the original: nothing replaced it.
  EXPECT_EQ(session.traceDocument()->trace(), shown);
  attn::test::maybeCapture(panel, "intervention_panel_dates");
}

TEST_F(InterventionPanelTest, EditedRowsOneHotRowsAndForcedTokensAreListedUndoneAndReset) {
  open(QStringLiteral("dates-bahdanau"), QStringLiteral("12 May 2020"));
  panel.selectStep(2);
  RowEditor* editor = panel.rowEditor();
  const int keys = int(session.traceDocument()->trace()->sourceTokens.size());
  ASSERT_EQ(editor->keys(), keys);
  // The editor starts from the model's own row for the step.
  EXPECT_NEAR(editor->weights()[0],
              session.traceDocument()->trace()->attention.at(MapKind::Cross).at(0, 0, 2, 0), 1e-3);
  for (int k = 0; k < keys; ++k) editor->setWeight(k, k == 0 || k == 1 ? 3.0 : 0.0);
  editor->setRenormalise(false);
  panel.useEditedRow();
  panel.oneHotRow(4);  // the same row again: replaces the edit
  ASSERT_EQ(panel.intervention().rows.size(), 1u);
  EXPECT_EQ(panel.intervention().rows[0].weights[4], 1.0);
  panel.undo();
  ASSERT_EQ(panel.intervention().rows.size(), 1u);
  EXPECT_EQ(panel.intervention().rows[0].weights[0], 3.0);
  EXPECT_FALSE(panel.intervention().rows[0].renormalise);

  panel.selectStep(0);
  const int64_t nine = model().tgtVocab.id("9");
  panel.forceBox()->setCurrentIndex(
      panel.forceBox()->findData(QVariant::fromValue<qlonglong>(nine)));
  panel.findChild<QPushButton*>(QStringLiteral("forceTokenButton"))->click();
  ASSERT_EQ(panel.intervention().forced.size(), 1u);
  EXPECT_EQ(panel.editList()->count(), 2);
  EXPECT_TRUE(panel.editList()->item(1)->text().contains(QStringLiteral("“9”")));
  decodeAgain();
  const InterventionComparison& c = panel.results()->comparison();
  ASSERT_FALSE(c.steps.empty());
  ASSERT_NE(c.steps[0].before, "9");
  EXPECT_EQ(c.steps[0].after, "9");
  EXPECT_EQ(c.firstChange, 0);

  panel.reset();
  EXPECT_TRUE(panel.intervention().empty());
  EXPECT_FALSE(panel.results()->hasRun());
  panel.undo();  // Reset itself can be undone
  EXPECT_EQ(panel.intervention().rows.size() + panel.intervention().forced.size(), 2u);
}

TEST_F(InterventionPanelTest, TransformerHeadsAreAblatedWithTheCheckBoxes) {
  open(QStringLiteral("toyfr-transformer"), QStringLiteral("the black cat sees the dog"));
  ASSERT_TRUE(panel.isUsable());
  HeadAblationTable* heads = panel.headTable();
  // cross, decoder self and encoder self: 2 layers each, 4 heads.
  ASSERT_EQ(heads->rowCount(), 6);
  ASSERT_EQ(heads->columnCount(), 4);
  heads->item(1, 2)->setCheckState(Qt::Checked);  // cross, layer 2, head 3
  const std::vector<HeadAblation> a = panel.intervention().ablations;
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].map, MapKind::Cross);
  EXPECT_EQ(a[0].layer, 1);
  EXPECT_EQ(a[0].head, 2);
  panel.setTarget(1, 2);  // the heatmaps show that head
  decodeAgain();
  const InterventionResults* r = panel.results();
  const HeatmapView* after = r->afterMap();
  for (int row = 0; row < after->rows(); ++row)
    for (int k = 0; k < after->cols(); ++k) EXPECT_EQ(after->value(row, k), 0.0);
  Intervention iv;
  iv.ablations = a;
  const DecodeResult engine = decodeWithIntervention(model(), "the black cat sees the dog", iv);
  const DecodeResult greedy = decodeGreedy(model(), "the black cat sees the dog");
  expectDifferenceMap(*r, greedy.trace, engine.trace, 1, 2);
  EXPECT_NEAR(r->comparison().logProbAfter, engine.logProb, 1e-9);
  attn::test::maybeCapture(panel, "intervention_panel_transformer");
}

TEST_F(InterventionPanelTest, AClassifierIsDeclinedWithANote) {
  open(QStringLiteral("sentiment-lin"), QStringLiteral("a truly wonderful film"));
  EXPECT_FALSE(panel.isUsable());
  EXPECT_TRUE(panel.findChild<QLabel*>(QStringLiteral("interventionNote"))
                  ->text()
                  .contains(QStringLiteral("encoder-decoder")));
  EXPECT_FALSE(panel.findChild<QPushButton*>(QStringLiteral("decodeAgainButton"))->isEnabled());
}

TEST(InterventionRunner, ABadInterventionComesBackAsAUserError) {
  InterventionRunner runner;
  QSignalSpy failed(&runner, &InterventionRunner::failed);
  auto model = std::make_shared<const Model>(
      loadModel(bundledNamed(QStringLiteral("dates-bahdanau")).toStdString()));
  InterventionRequest request;
  request.sentence = "1 May 2000";
  request.intervention.rows.push_back(zeroRow(0, 3));  // the source has more tokens than 3
  runner.start(model, request);
  ASSERT_TRUE(eventually([&] { return failed.count() == 1; }));
  const UserError e = failed[0][0].value<UserError>();
  EXPECT_TRUE(e.what.contains(QStringLiteral("weights, but the source has"))) << e.what;
  EXPECT_FALSE(e.whatToDo.isEmpty());
  EXPECT_FALSE(runner.isBusy());
}

}  // namespace

namespace {

// In the window: an "Intervene" tab, and Decode ▸ Decode again with the edits (Ctrl+Shift+Return)
// that shows the tab and runs the panel's decode.
TEST(InterventionInWindow, TheDecodeMenuRunsThePanel) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(window
                  .start(bundledNamed(QStringLiteral("toyfr-luong")),
                         QStringLiteral("the cat sees the dog"),
                         /*wait=*/true)
                  .isEmpty());
  auto* panel = window.findChild<InterventionPanel*>(QStringLiteral("interveneTab"));
  ASSERT_NE(panel, nullptr);
  ASSERT_TRUE(panel->isUsable());
  auto* action = window.findChild<QAction*>(QStringLiteral("actionDecodeIntervention"));
  ASSERT_NE(action, nullptr);
  EXPECT_EQ(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
  window.session()->traceDocument()->setStep(1);  // as a click in the alignment heatmap does
  EXPECT_EQ(panel->step(), 1);
  panel->oneHotRow(0);
  QSignalSpy done(panel, &InterventionPanel::finished);
  window.activateWindow();  // shortcuts with a window context need the active window
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
  ASSERT_TRUE(eventually([&] { return done.count() == 1; }, 20000));
  EXPECT_EQ(named<QTabWidget>(window, "centralTabs")->currentWidget(), panel);
  EXPECT_TRUE(panel->results()->hasRun());
  EXPECT_EQ(panel->results()->afterMap()->value(1, 0), 1.0);
  attn::test::maybeCapture(window, "intervention_window");
}

}  // namespace
