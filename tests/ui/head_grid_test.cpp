// The heads grid on a transformer-shaped trace: one small map per layer and head plus each
// layer's mean, painted from the trace's numbers; a click enlarges that head in the big heatmap.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTest>

#include "documents/session.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "qt_printers.h"
#include "studio_test_support.h"
#include "trace/trace.h"
#include "views/alignment_view.h"
#include "views/colour_maps.h"
#include "views/head_grid.h"
#include "views/heatmap_view.h"
#include "window/main_window.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;

namespace {

class HeadGridTest : public ::testing::Test {
 protected:
  void SetUp() override {
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    trace = std::make_shared<const Trace>(attn::test::transformerLikeTrace(3, 4, 7, 5));
    window.session()->traceDocument()->setTrace(trace, QStringLiteral("synthetic transformer"));
    named<QTabWidget>(window, "centralTabs")
        ->setCurrentWidget(named<attn::ui::HeadsPanel>(window, "headsTab"));
  }

  MainWindow window;
  std::shared_ptr<const Trace> trace;
};

}  // namespace

TEST_F(HeadGridTest, HasOneSmallMapPerLayerAndHeadAndMeansForEachKind) {
  HeadGrid* grid = named<attn::ui::HeadsPanel>(window, "headsTab")->grid();
  QComboBox* kinds = named<attn::ui::HeadsPanel>(window, "headsTab")->kindBox();
  EXPECT_EQ(kinds->count(), 3);  // cross, encoder self, decoder self
  EXPECT_EQ(grid->kind(), MapKind::Cross);
  EXPECT_EQ(grid->layers(), 3);
  EXPECT_EQ(grid->heads(), 4);
  for (int l = 0; l < 3; ++l)
    for (int h = -1; h < 4; ++h) EXPECT_FALSE(grid->cellRect(l, h).isEmpty()) << l << "," << h;
  EXPECT_TRUE(grid->cellRect(3, 0).isEmpty());
  attn::test::maybeCapture(window, "heads_grid");
  grid->setKind(MapKind::EncoderSelf);
  EXPECT_EQ(grid->image(0, 0).size(), QSize(7, 7));
}

TEST_F(HeadGridTest, EachPixelIsTheColourOfItsWeight) {
  HeadGrid* grid = named<attn::ui::HeadsPanel>(window, "headsTab")->grid();
  const AttentionMap& cross = trace->attention.at(MapKind::Cross);
  const QVector<QRgb> table = colourTable(ColourMap::Viridis);
  const QImage image = grid->image(2, 1);
  ASSERT_EQ(image.size(), QSize(cross.keys, cross.queries));
  for (int q = 0; q < cross.queries; ++q)
    for (int k = 0; k < cross.keys; ++k)
      ASSERT_EQ(image.pixel(k, q) & 0xffffff, colourOf(table, cross.at(2, 1, q, k)) & 0xffffff);
  const std::vector<float> mean = cross.meanOverHeads(0);
  EXPECT_EQ(grid->image(0, -1).pixel(3, 2) & 0xffffff,
            colourOf(table, mean[size_t(2 * cross.keys + 3)]) & 0xffffff);
}

TEST_F(HeadGridTest, ClickingAHeadEnlargesItInTheAlignmentView) {
  HeadGrid* grid = named<attn::ui::HeadsPanel>(window, "headsTab")->grid();
  QTest::mouseClick(grid, Qt::LeftButton, {}, grid->cellRect(1, 2).center());
  EXPECT_EQ(named<QTabWidget>(window, "centralTabs")->currentWidget(),
            static_cast<QWidget*>(named<attn::ui::AlignmentView>(window, "alignmentTab")));
  TraceDocument* doc = window.session()->traceDocument();
  EXPECT_EQ(doc->mapKind(), MapKind::Cross);
  EXPECT_EQ(doc->layer(), 1);
  EXPECT_EQ(doc->head(), 2);
  const AttentionMap& cross = trace->attention.at(MapKind::Cross);
  ASSERT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->rows(), cross.queries);
  for (int q = 0; q < cross.queries; ++q)
    for (int k = 0; k < cross.keys; ++k)
      ASSERT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->value(q, k),
                double(cross.at(1, 2, q, k)));
  EXPECT_TRUE(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")
                  ->title()
                  .contains(QStringLiteral("head 3 of 4")));
  attn::test::maybeCapture(window, "heads_enlarged");
}

TEST_F(HeadGridTest, TheMeanColumnEnlargesTheMeanOverHeads) {
  HeadGrid* grid = named<attn::ui::HeadsPanel>(window, "headsTab")->grid();
  QTest::mouseClick(grid, Qt::LeftButton, {}, grid->cellRect(0, -1).center());
  EXPECT_EQ(window.session()->traceDocument()->head(), TraceDocument::kMeanOverHeads);
  const std::vector<float> mean = trace->attention.at(MapKind::Cross).meanOverHeads(0);
  EXPECT_FLOAT_EQ(float(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->value(1, 1)),
                  mean[size_t(1 * 7 + 1)]);
}

TEST(HeadGridSpeed, ASixByEightGridOfHundredByHundredMapsRebuildsAndPaintsQuickly) {
  TraceDocument doc;
  HeadGrid grid(&doc);
  grid.resize(1000, 700);
  grid.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&grid));
  doc.setTrace(std::make_shared<const Trace>(attn::test::transformerLikeTrace(6, 8, 100, 100)),
               QStringLiteral("big"));
  grid.setKind(MapKind::Cross);
  QElapsedTimer timer;
  timer.start();
  grid.setColourMap(ColourMap::Cividis);  // rebuilds all 54 images
  grid.repaint();
  // The target is 100 ms on a desktop; the bound here is loose so a busy CI machine passes.
  EXPECT_LT(timer.elapsed(), 1000);
  EXPECT_EQ(grid.layers(), 6);
  EXPECT_EQ(grid.heads(), 8);
}
