// The GUI figures of the performance table, on the offscreen platform (QT_QPA_PLATFORM is set to
// offscreen unless given): a decode step on a 60 × 60 map (the step's update and the replot of
// every view that follows it), the heads grid of 6 layers × 8 heads of 100 × 100 maps, opening
// and panning a 500 × 500 trace, the time from starting attention-studio to its first heatmap,
// and the app's resident memory.
//
//   build-bench/bench/bench_gui --benchmark_repetitions=3
//
// Offscreen, painting goes to a memory image as on screen minus the compositor's copy to the
// display, so these are the app's own costs.
#include <benchmark/benchmark.h>

#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

#include "bench_gui_support.h"
#include "documents/session.h"
#include "documents/trace_document.h"
#include "trace/trace_json.h"
#include "views/head_grid.h"
#include "views/heatmap_view.h"
#include "views/step_view.h"
#include "window/main_window.h"

namespace attn::bench {
namespace {

using ui::MainWindow;

// The window's views, found as a user's script would: by object name.
ui::HeatmapView* heatmapOf(const MainWindow& window) {
  return window.findChild<ui::HeatmapView*>(QStringLiteral("alignmentHeatmap"));
}
ui::StepView* stepViewOf(const MainWindow& window) {
  return window.findChild<ui::StepView*>(QStringLiteral("stepView"));
}

std::unique_ptr<MainWindow> shownWindow(benchmark::State& state) {
  auto window = std::make_unique<MainWindow>();
  window->resize(1280, 800);
  window->show();
  if (!QTest::qWaitForWindowExposed(window.get())) state.SkipWithError("no window shown");
  return window;
}

// One step of stepping through a decode: the step moves (every view listening to the document
// updates) and the heatmap and the step view's two plots are drawn.
void decodeStep60(benchmark::State& state) {
  auto window = shownWindow(state);
  ui::TraceDocument* doc = window->session()->traceDocument();
  doc->setTrace(std::make_shared<const Trace>(rnnLikeTrace(60, 60)), QStringLiteral("60 × 60"));
  heatmapOf(*window)->replotNow();
  int step = 0;
  for (auto _ : state) {
    step = step % 60 + 1;
    doc->setStep(step);
    heatmapOf(*window)->plot()->replot(QCustomPlot::rpImmediateRefresh);
    stepViewOf(*window)->attentionPlot()->replot(QCustomPlot::rpImmediateRefresh);
    stepViewOf(*window)->topKPlot()->replot(QCustomPlot::rpImmediateRefresh);
  }
}
BENCHMARK(decodeStep60)->Name("gui/decode_step_60x60")->Unit(benchmark::kMillisecond);

// The 6 × 8 grid (plus each layer's mean) redrawn from the trace's numbers: every small image is
// rebuilt (a change of colour map does that, as a new trace does) and the widget painted.
void headsGrid(benchmark::State& state) {
  ui::TraceDocument doc;
  doc.setTrace(std::make_shared<const Trace>(transformerLikeTrace(6, 8, 100, 100)),
               QStringLiteral("6 × 8 heads"));
  ui::HeadGrid grid(&doc);
  grid.resize(1280, 760);
  grid.show();
  if (!QTest::qWaitForWindowExposed(&grid)) state.SkipWithError("no grid shown");
  grid.setKind(attn::MapKind::Cross);
  bool cividis = false;
  for (auto _ : state) {
    cividis = !cividis;
    grid.setColourMap(cividis ? ui::ColourMap::Cividis : ui::ColourMap::Viridis);
    grid.repaint();
  }
  if (grid.layers() != 6 || grid.heads() != 8) state.SkipWithError("the grid is not 6 × 8");
}
BENCHMARK(headsGrid)->Name("gui/heads_grid_6x8_100x100")->Unit(benchmark::kMillisecond);

// Opening a 500 × 500 trace file: reading and checking the JSON, then the first full draw.
void openTrace500(benchmark::State& state) {
  QTemporaryDir dir;
  const QString file = dir.filePath(QStringLiteral("big.json"));
  writeTraceFile(file.toStdString(), rnnLikeTrace(500, 500));
  auto window = shownWindow(state);
  for (auto _ : state) {
    if (!window->session()->openTrace(file)) state.SkipWithError("the trace did not open");
    heatmapOf(*window)->replotNow();
  }
  if (heatmapOf(*window)->rows() != 500) state.SkipWithError("the heatmap is not 500 rows");
}
BENCHMARK(openTrace500)->Name("gui/open_trace_500x500")->Unit(benchmark::kMillisecond);

// Panning the 500 × 500 map zoomed in to 50 × 50: each frame moves the range and replots.
void pan500(benchmark::State& state) {
  auto window = shownWindow(state);
  window->session()->traceDocument()->setTrace(
      std::make_shared<const Trace>(rnnLikeTrace(500, 500)), QStringLiteral("500 × 500"));
  ui::HeatmapView* map = heatmapOf(*window);
  map->replotNow();
  map->outputAxis()->setRange(-0.5, 49.5);
  double at = 0;
  for (auto _ : state) {
    at = at >= 440 ? 0 : at + 5;
    map->sourceAxis()->setRange(at - 0.5, at + 49.5);
    map->plot()->replot(QCustomPlot::rpImmediateRefresh);
  }
}
BENCHMARK(pan500)->Name("gui/pan_frame_500x500")->Unit(benchmark::kMillisecond);

// attention-studio started on the bundled dates model: window shown, model read, the example
// decoded and drawn, then saved as a PNG and the process gone. An upper bound on the time to the
// first heatmap (it also encodes a 1280 × 800 PNG and exits); its peak resident memory too.
void startToFirstHeatmap(benchmark::State& state) {
  QTemporaryDir dir;
  const std::string png = dir.filePath(QStringLiteral("start.png")).toStdString();
  ChildRun last;
  for (auto _ : state) {
    last = runChild({ATTN_STUDIO_PATH, "--screenshot", png, "--model",
                     std::string(ATTN_MODELS_DIR) + "/dates-bahdanau.safetensors"});
    if (last.exitCode != 0) state.SkipWithError("attention-studio failed");
    state.SetIterationTime(last.seconds);  // the child's life, not the helper's start-up
  }
  state.counters["peak_rss_MB"] = last.peakRssMb;
}
BENCHMARK(startToFirstHeatmap)
    ->Name("gui/start_to_first_heatmap")
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(5);

// The app's peak resident memory in its largest usual state: this program re-run as a probe
// (see memoryProbe) that opens the bundled model, decodes, then shows a 500 × 500 trace and a
// 6 × 8 grid of 100 × 100 maps.
void residentMemory(benchmark::State& state) {
  ChildRun last;
  for (auto _ : state) {
    last = runChild({selfPath(), "--memory-probe"});
    if (last.exitCode != 0) state.SkipWithError("the memory probe failed");
    state.SetIterationTime(last.seconds);
  }
  state.counters["peak_rss_MB"] = last.peakRssMb;
}
BENCHMARK(residentMemory)
    ->Name("gui/resident_memory_probe")
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(1);

int memoryProbe(int argc, char** argv) {
  QApplication app(argc, argv);
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  if (!QTest::qWaitForWindowExposed(&window)) return 1;
  const QString error = window.start(QStringLiteral(ATTN_MODELS_DIR "/dates-bahdanau.safetensors"),
                                     {}, /*wait=*/true);
  if (!error.isEmpty()) return 1;
  window.heatmap()->replotNow();
  ui::TraceDocument* doc = window.session()->traceDocument();
  doc->setTrace(std::make_shared<const Trace>(rnnLikeTrace(500, 500)), QStringLiteral("500"));
  window.heatmap()->replotNow();
  doc->setTrace(std::make_shared<const Trace>(transformerLikeTrace(6, 8, 100, 100)),
                QStringLiteral("grid"));
  window.tabs()->setCurrentWidget(window.headsPanel());
  window.repaint();
  QApplication::processEvents();
  return 0;
}

}  // namespace
}  // namespace attn::bench

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  if (argc > 1 && std::strcmp(argv[1], "--peak-rss-of") == 0)
    return attn::bench::peakRssHelper(argc, argv);
  if (argc > 1 && std::strcmp(argv[1], "--memory-probe") == 0)
    return attn::bench::memoryProbe(argc, argv);
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
