// Large maps work: stepping through a 60 × 60 decode and opening, zooming and panning a 500 × 500
// trace. How fast they do it is measured in bench/bench_gui.cpp (gui/decode_step_60x60,
// gui/open_trace_500x500, gui/pan_frame_500x500), not here: timed unit tests are flaky on shared
// machines.
#include <gtest/gtest.h>

#include <qcustomplot.h>

#include <QTemporaryDir>
#include <QTest>

#include "documents/session.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "studio_test_support.h"
#include "trace/trace_json.h"
#include "views/heatmap_view.h"
#include "views/step_view.h"
#include "window/main_window.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;

namespace {

Trace rnnLikeTrace(int source, int target) {
  Trace t = attn::test::transformerLikeTrace(1, 1, source, target);
  t.attention.erase(MapKind::EncoderSelf);
  t.attention.erase(MapKind::DecoderSelf);
  for (int i = 0; i < target; ++i) {
    TraceStep step;
    for (int k = 0; k < 5; ++k) step.topK.push_back({"w" + std::to_string(k), 0.2f});
    t.steps.push_back(step);
  }
  return t;
}

}  // namespace

TEST(LargeTraces, EveryStepOfASixtyBySixtyDecodeReachesTheViews) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  window.session()->traceDocument()->setTrace(std::make_shared<const Trace>(rnnLikeTrace(60, 60)),
                                              QStringLiteral("60 × 60"));
  named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->replotNow();
  constexpr int kSteps = 20;
  for (int step = 1; step <= kSteps; ++step) {
    window.session()->traceDocument()->setStep(step);
    named<attn::ui::HeatmapView>(window, "alignmentHeatmap")
        ->plot()
        ->replot(QCustomPlot::rpImmediateRefresh);
    named<attn::ui::StepView>(window, "stepView")
        ->attentionPlot()
        ->replot(QCustomPlot::rpImmediateRefresh);
    named<attn::ui::StepView>(window, "stepView")
        ->topKPlot()
        ->replot(QCustomPlot::rpImmediateRefresh);
  }
  EXPECT_EQ(window.session()->traceDocument()->step(), kSteps);
}

TEST(LargeTraces, AFiveHundredSquareTraceOpensZoomsAndPans) {
  QTemporaryDir dir;
  const QString file = dir.filePath(QStringLiteral("big.json"));
  writeTraceFile(file.toStdString(), rnnLikeTrace(500, 500));
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(window.session()->openTrace(file));
  named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->replotNow();
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->rows(), 500);

  // Zoomed in on a corner, then dragged along: each frame is a replot.
  named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->sourceAxis()->setRange(-0.5, 49.5);
  named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->outputAxis()->setRange(-0.5, 49.5);
  constexpr int kFrames = 20;
  for (int i = 0; i < kFrames; ++i) {
    named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->sourceAxis()->moveRange(5);
    named<attn::ui::HeatmapView>(window, "alignmentHeatmap")
        ->plot()
        ->replot(QCustomPlot::rpImmediateRefresh);
  }
  // Twenty moves of five columns from [-0.5, 49.5]: the view now starts at column 99.5.
  EXPECT_DOUBLE_EQ(
      named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->sourceAxis()->range().lower, 99.5);
  EXPECT_TRUE(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->isZoomed());
}
