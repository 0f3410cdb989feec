// The rollout view on the bundled transformer: raw attention (head mean or one head) beside the
// rollout of core/explain/rollout.h, for each map and layer; it follows the step both ways,
// works for a trace read from a file without a model, and explains itself for an RNN trace.
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "documents/decoding.h"
#include "documents/session.h"
#include "documents/trace_document.h"
#include "explain/rollout.h"
#include "find_widget.h"
#include "studio_test_support.h"
#include "teach/rollout_view.h"
#include "test_paths.h"
#include "trace/trace.h"
#include "trace/trace_json.h"
#include "views/heatmap_view.h"
#include "window/main_window.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;

namespace {

const QString kTransformer =
    QStringLiteral(ATTN_TEST_DATA_DIR "/../../resources/models/toyfr-transformer.safetensors");
const QString kDates =
    QStringLiteral(ATTN_TEST_DATA_DIR "/../../resources/models/dates-bahdanau.safetensors");

void expectShows(const HeatmapView* h, const RolloutMatrix& m) {
  ASSERT_EQ(h->rows(), m.rows);
  ASSERT_EQ(h->cols(), m.cols);
  for (int i = 0; i < m.rows; ++i)
    for (int j = 0; j < m.cols; ++j)
      EXPECT_FLOAT_EQ(float(h->value(i, j)), m.at(i, j)) << "at (" << i << ", " << j << ")";
}

void select(QComboBox* box, attn::MapKind kind) {
  const int i = box->findData(attn::ui::mapKindData(kind));
  ASSERT_GE(i, 0) << attn::mapKindName(kind);
  box->setCurrentIndex(i);
}

}  // namespace

TEST(RolloutView, ShowsRawAttentionBesideTheRolloutOfTheTransformer) {
  Session session;
  RolloutView view(session.traceDocument());
  view.resize(1200, 560);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  attn::test::openAndDecode(session, kTransformer, "the big black dog sees the cat");
  const Trace& trace = *session.traceDocument()->trace();
  ASSERT_TRUE(view.isShowingRollout());

  // Cross-attention first, last layer, mean over heads.
  EXPECT_EQ(attn::ui::mapKindOf(view.mapBox()->currentData()), MapKind::Cross);
  EXPECT_EQ(view.layerBox()->count(), 2);
  EXPECT_EQ(view.layerBox()->currentIndex(), 1);
  EXPECT_EQ(view.headBox()->count(), 5);  // the mean and four heads
  const AttentionMap& cross = trace.attention.at(MapKind::Cross);
  const std::vector<float> mean = cross.meanOverHeads(1);
  expectShows(view.rawHeatmap(), RolloutMatrix{cross.queries, cross.keys, mean});
  expectShows(view.rolloutHeatmap(), traceRollout(trace).cross);
  EXPECT_TRUE(view.noteLabel()->text().contains(QStringLiteral("Abnar")));
  attn::test::maybeCapture(view, "rollout_cross");

  // One head on the raw side; the rollout keeps the head mean.
  view.headBox()->setCurrentIndex(3);  // head 3
  expectShows(view.rawHeatmap(), RolloutMatrix{cross.queries, cross.keys, cross.matrix(1, 2)});
  expectShows(view.rolloutHeatmap(), traceRollout(trace).cross);
  EXPECT_TRUE(view.rawHeatmap()->title().contains(QStringLiteral("head 3")));

  // The encoder after its first layer: the rollout is Ã₁ alone.
  select(view.mapBox(), MapKind::EncoderSelf);
  view.layerBox()->setCurrentIndex(0);
  const AttentionMap& enc = trace.attention.at(MapKind::EncoderSelf);
  expectShows(view.rolloutHeatmap(), residualAttention(enc, 0));
  view.layerBox()->setCurrentIndex(1);
  expectShows(view.rolloutHeatmap(), selfAttentionRollout(enc));
  attn::test::maybeCapture(view, "rollout_encoder");

  select(view.mapBox(), MapKind::DecoderSelf);
  expectShows(view.rolloutHeatmap(), traceRollout(trace, view.layerBox()->currentIndex()).decoder);
}

TEST(RolloutView, FollowsTheStepBothWays) {
  Session session;
  RolloutView view(session.traceDocument());
  view.resize(1000, 500);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  attn::test::openAndDecode(session, kTransformer, "the small cat sleeps");
  session.traceDocument()->setStep(2);
  EXPECT_EQ(view.rawHeatmap()->selectedRow(), 2);
  EXPECT_EQ(view.rolloutHeatmap()->selectedRow(), 2);
  emit view.rolloutHeatmap()->rowClicked(1);
  EXPECT_EQ(session.traceDocument()->step(), 1);
  EXPECT_EQ(view.rawHeatmap()->selectedRow(), 1);
  // Encoder rows are source tokens, not steps: no row is marked.
  select(view.mapBox(), MapKind::EncoderSelf);
  EXPECT_EQ(view.rolloutHeatmap()->selectedRow(), -1);
  emit view.rolloutHeatmap()->rowClicked(0);
  EXPECT_EQ(session.traceDocument()->step(), 1);
}

TEST(RolloutView, WorksFromATraceFileWithoutAModel) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("t.json"));
  Trace made;
  {
    Session maker;
    attn::test::openAndDecode(maker, kTransformer, "the cat sees the dog");
    made = *maker.traceDocument()->trace();
    writeTraceFile(path.toStdString(), made);
  }
  Session session;
  RolloutView view(session.traceDocument());
  view.show();
  ASSERT_TRUE(session.openTrace(path));
  ASSERT_TRUE(view.isShowingRollout());
  // The file keeps floats as written: the same rollout as from the decoded trace, to rounding.
  const RolloutMatrix want = traceRollout(made).cross;
  const HeatmapView* h = view.rolloutHeatmap();
  ASSERT_EQ(h->rows(), want.rows);
  for (int i = 0; i < want.rows; ++i)
    for (int j = 0; j < want.cols; ++j) EXPECT_NEAR(h->value(i, j), want.at(i, j), 1e-6);
}

TEST(RolloutView, ExplainsWhyAnRnnTraceHasNone) {
  Session session;
  RolloutView view(session.traceDocument());
  view.show();
  attn::test::openAndDecode(session, kDates, "5 October 2017");
  EXPECT_FALSE(view.isShowingRollout());
  // And comes back for a transformer.
  attn::test::openAndDecode(session, kTransformer, "the cat sleeps");
  EXPECT_TRUE(view.isShowingRollout());
  session.showExample();  // the hand-made example: one cross map, no encoder
  EXPECT_FALSE(view.isShowingRollout());
}

TEST(RolloutView, ATraceWhoseMapsDisagreeIsAMessageNotACrash) {
  Session session;
  RolloutView view(session.traceDocument());
  view.show();
  Trace t = attn::test::transformerLikeTrace(2, 2, 4, 3);
  t.attention[MapKind::DecoderSelf] = AttentionMap(1, 2, 3, 3);  // one layer against cross's two
  attn::test::fillDistributions(t.attention[MapKind::DecoderSelf], 3);
  session.traceDocument()->setTrace(std::make_shared<const Trace>(t), QStringLiteral("odd"));
  EXPECT_FALSE(view.isShowingRollout());
  EXPECT_TRUE(view.findChild<QLabel*>(QStringLiteral("rolloutEmpty"))
                  ->text()
                  .contains(QStringLiteral("decoder self-attention")));
}

TEST(RolloutView, IsATabOfTheWindowAndTakesItsColourMap) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_EQ(window.start(kTransformer, QStringLiteral("the big black dog sees the cat"), true),
            QString());
  auto* view = window.findChild<RolloutView*>();
  ASSERT_NE(view, nullptr);
  const int tab = named<QTabWidget>(window, "centralTabs")->indexOf(view);
  ASSERT_GE(tab, 0);
  EXPECT_EQ(named<QTabWidget>(window, "centralTabs")->tabText(tab), QStringLiteral("Rollout"));
  named<QTabWidget>(window, "centralTabs")->setCurrentIndex(tab);
  EXPECT_TRUE(view->isShowingRollout());
  auto* magma = window.findChild<QAction*>(QStringLiteral("actionColour_magma"));
  ASSERT_NE(magma, nullptr);
  magma->trigger();
  EXPECT_EQ(view->rawHeatmap()->colourMap(), ColourMap::Magma);
  EXPECT_EQ(view->rolloutHeatmap()->colourMap(), ColourMap::Magma);
  window.findChild<QAction*>(QStringLiteral("actionColour_viridis"))->trigger();
  attn::test::maybeCapture(window, "rollout_window");
}
