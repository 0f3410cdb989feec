// HeatmapView and the mouse: hovering reads a cell out, clicking selects its row.
#include <gtest/gtest.h>

#include <qcustomplot.h>

#include <QSignalSpy>
#include <QTest>

#include <functional>

#include "qt_printers.h"
#include "views/heatmap_view.h"

using attn::ui::HeatmapView;

namespace {

class HeatmapMouseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    view.resize(700, 500);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    ASSERT_TRUE(view.setMatrix(2, 3, {0.1f, 0.2f, 0.7f, 0.6f, 0.3f, 0.1f}, {"je", "suis"},
                               {"I", "am", "<eos>"}));
    view.replotNow();
    // Start outside the map. Under xcb QTest moves the real pointer, and a move to where the
    // pointer already is (the previous test's window stood here) produces no event at all.
    QTest::mouseMove(view.plot(), QPoint(1, 1));
  }

  // Under xcb the pointer's events come back from the X server asynchronously; offscreen they are
  // already there and this returns at once.
  static bool eventually(const std::function<bool()>& condition) {
    return QTest::qWaitFor(condition, 2000);
  }

  // The centre of a cell in the plot widget's coordinates.
  QPoint cellCentre(int row, int col) const {
    return QPoint(int(view.sourceAxis()->coordToPixel(col)),
                  int(view.outputAxis()->coordToPixel(row)));
  }

  HeatmapView view;
};

}  // namespace

TEST_F(HeatmapMouseTest, MovingOverACellEmitsCellHoveredWithItsRowColAndValue) {
  QSignalSpy spy(&view, &HeatmapView::cellHovered);
  QTest::mouseMove(view.plot(), cellCentre(1, 0));
  ASSERT_TRUE(eventually([&] { return spy.count() >= 1; }));
  ASSERT_EQ(spy.count(), 1);
  EXPECT_EQ(spy[0][0].toInt(), 1);
  EXPECT_EQ(spy[0][1].toInt(), 0);
  EXPECT_DOUBLE_EQ(spy[0][2].toDouble(), double(0.6f));

  QTest::mouseMove(view.plot(), cellCentre(0, 2));
  ASSERT_TRUE(eventually([&] { return spy.count() >= 2; }));
  ASSERT_EQ(spy.count(), 2);
  EXPECT_EQ(spy[1][0].toInt(), 0);
  EXPECT_EQ(spy[1][1].toInt(), 2);
}

TEST_F(HeatmapMouseTest, HoverLabelNamesBothTokensAndTheValue) {
  QTest::mouseMove(view.plot(), cellCentre(0, 2));
  eventually([&] { return view.hoverText().contains(QStringLiteral("→")); });
  EXPECT_EQ(view.hoverText(), QStringLiteral("je → <eos>: 0.700"));
}

TEST_F(HeatmapMouseTest, MovingWithinOneCellEmitsOnlyOnce) {
  QSignalSpy spy(&view, &HeatmapView::cellHovered);
  const QPoint centre = cellCentre(1, 1);
  QTest::mouseMove(view.plot(), centre);
  ASSERT_TRUE(eventually([&] { return spy.count() >= 1; }));
  QTest::mouseMove(view.plot(), centre + QPoint(2, 1));
  QTest::qWait(20);
  EXPECT_EQ(spy.count(), 1);
}

TEST_F(HeatmapMouseTest, LeavingTheMapRestoresTheHint) {
  QTest::mouseMove(view.plot(), cellCentre(0, 0));
  ASSERT_TRUE(eventually([&] { return view.hoverText().contains(QStringLiteral("→")); }));
  QTest::mouseMove(view.plot(), QPoint(2, 2));  // the plot's corner, outside the axis rect
  EXPECT_TRUE(eventually([&] { return !view.hoverText().contains(QStringLiteral("→")); }));
}

TEST_F(HeatmapMouseTest, ClickOnACellEmitsRowClickedWithItsRowAndSelectsIt) {
  QSignalSpy spy(&view, &HeatmapView::rowClicked);
  QTest::mouseClick(view.plot(), Qt::LeftButton, {}, cellCentre(1, 2));
  ASSERT_EQ(spy.count(), 1);
  EXPECT_EQ(spy[0][0].toInt(), 1);
  EXPECT_EQ(view.selectedRow(), 1);
}

TEST_F(HeatmapMouseTest, ClickOutsideTheMapEmitsNothing) {
  QSignalSpy spy(&view, &HeatmapView::rowClicked);
  QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(2, 2));
  EXPECT_EQ(spy.count(), 0);
  EXPECT_EQ(view.selectedRow(), -1);
}

TEST_F(HeatmapMouseTest, RightClickDoesNotSelectARow) {
  QSignalSpy spy(&view, &HeatmapView::rowClicked);
  QTest::mouseClick(view.plot(), Qt::RightButton, {}, cellCentre(0, 0));
  EXPECT_EQ(spy.count(), 0);
}
