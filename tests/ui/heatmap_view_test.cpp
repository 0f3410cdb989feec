// HeatmapView: the cells hold the given numbers, the axes carry the tokens, and the labels thin
// out.
#include <gtest/gtest.h>

#include <qcustomplot.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <set>

#include "qt_printers.h"
#include "views/heatmap_view.h"
#include "views/token_ticker.h"
#include "views/viridis.h"

using attn::ui::HeatmapView;

namespace {

QStringList tokens(const QString& prefix, int n) {
  QStringList list;
  for (int i = 0; i < n; ++i) list << prefix + QString::number(i);
  return list;
}

class HeatmapViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    view.resize(800, 600);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    ASSERT_TRUE(view.setMatrix(kRows, kCols, values, rowTokens, colTokens));
    view.replotNow();
  }

  static constexpr int kRows = 3;
  static constexpr int kCols = 4;
  const std::vector<float> values{0.10f, 0.20f, 0.30f, 0.40f,  //
                                  0.70f, 0.10f, 0.15f, 0.05f,  //
                                  0.00f, 0.25f, 0.25f, 0.50f};
  const QStringList rowTokens{"x", "y", "<eos>"};
  const QStringList colTokens{"a", "b", "ünïcødé", "<eos>"};
  HeatmapView view;
};

}  // namespace

TEST_F(HeatmapViewTest, SetMatrixStoresEveryValueInItsCell) {
  QCPColorMapData* data = view.colorMap()->data();  // cell() is not const in QCustomPlot
  ASSERT_EQ(data->keySize(), kCols);
  ASSERT_EQ(data->valueSize(), kRows);
  for (int r = 0; r < kRows; ++r) {
    for (int c = 0; c < kCols; ++c) {
      const double expected = values[r * kCols + c];
      EXPECT_EQ(view.value(r, c), expected) << "row " << r << " col " << c;
      EXPECT_EQ(data->cell(c, r), expected) << "QCPColorMapData cell (" << c << ", " << r << ")";
    }
  }
  EXPECT_TRUE(std::isnan(view.value(kRows, 0)));
  EXPECT_TRUE(std::isnan(view.value(0, -1)));
}

TEST_F(HeatmapViewTest, RowZeroIsDrawnAtTheTopAndCellsAreNotInterpolated) {
  EXPECT_TRUE(view.outputAxis()->rangeReversed());
  EXPECT_LT(view.outputAxis()->coordToPixel(0), view.outputAxis()->coordToPixel(kRows - 1));
  EXPECT_FALSE(view.colorMap()->interpolate());
}

TEST_F(HeatmapViewTest, SourceTokensLabelTheTopAxisAndOutputTokensTheLeftAxis) {
  EXPECT_EQ(view.sourceAxis()->axisType(), QCPAxis::atTop);
  EXPECT_EQ(view.outputAxis()->axisType(), QCPAxis::atLeft);
  EXPECT_EQ(view.sourceAxis()->tickVector(), (QVector<double>{0, 1, 2, 3}));
  EXPECT_EQ(view.sourceAxis()->tickVectorLabels(),
            QVector<QString>(colTokens.begin(), colTokens.end()));
  EXPECT_EQ(view.outputAxis()->tickVector(), (QVector<double>{0, 1, 2}));
  EXPECT_EQ(view.outputAxis()->tickVectorLabels(),
            QVector<QString>(rowTokens.begin(), rowTokens.end()));
}

TEST_F(HeatmapViewTest, TokenLabelsAreThinnedWhenTheyWouldOverlap) {
  const int n = 300;
  const QStringList many = tokens("token", n);
  ASSERT_TRUE(view.setMatrix(n, n, std::vector<float>(n * n, 0.5f), many, many));
  view.replotNow();
  const QFontMetricsF metrics(view.sourceAxis()->tickLabelFont());
  for (QCPAxis* axis : {view.sourceAxis(), view.outputAxis()}) {
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    ASSERT_GT(ticks.size(), 1);
    EXPECT_LT(ticks.size(), n) << "a 600-pixel axis cannot hold 300 readable labels";
    for (int i = 0; i < ticks.size(); ++i) {
      EXPECT_EQ(labels[i], many[int(ticks[i])]) << "a thinned label must still name its own cell";
    }
    // Neighbouring labels at least a line height apart (x labels turn upright when crowded).
    const double spacing = std::abs(axis->coordToPixel(ticks[1]) - axis->coordToPixel(ticks[0]));
    EXPECT_GE(spacing, metrics.height());
  }
  EXPECT_EQ(view.sourceAxis()->tickLabelRotation(), -90);
}

TEST_F(HeatmapViewTest, TopMarginShrinksBackWhenUprightLabelsLieDownAgain) {
  const int topBefore = view.plot()->axisRect()->margins().top();
  const QStringList longTokens = tokens("a_rather_long_token_", 60);
  ASSERT_TRUE(view.setMatrix(2, 60, std::vector<float>(120, 0.5f), {}, longTokens));
  view.replotNow();
  ASSERT_EQ(view.sourceAxis()->tickLabelRotation(), -90);
  ASSERT_GT(view.plot()->axisRect()->margins().top(), topBefore);

  ASSERT_TRUE(view.setMatrix(kRows, kCols, values, rowTokens, colTokens));
  view.replotNow();
  // QCustomPlot's margin groups keep the largest margin ever seen unless the scale opts out.
  EXPECT_EQ(view.plot()->axisRect()->margins().top(), topBefore);
}

TEST(HeatmapLabelStride, IsTheSmallestNiceStepThatFits) {
  EXPECT_EQ(attn::ui::labelStride(20, 10), 1);
  EXPECT_EQ(attn::ui::labelStride(10, 15), 2);
  EXPECT_EQ(attn::ui::labelStride(5, 12), 5);
  EXPECT_EQ(attn::ui::labelStride(1, 15), 20);
  EXPECT_EQ(attn::ui::labelStride(0, 10), 1) << "no layout yet: show everything, thin later";
}

TEST_F(HeatmapViewTest, ProbabilitiesUseTheFixedZeroToOneColourScale) {
  EXPECT_EQ(view.colorMap()->dataRange(), QCPRange(0, 1));
  EXPECT_EQ(view.colorScale()->dataRange(), QCPRange(0, 1));
}

TEST_F(HeatmapViewTest, RawScoresUseTheirOwnMinToMaxColourScale) {
  ASSERT_TRUE(view.setMatrix(1, 3, {-2.0f, 0.5f, 3.0f}, {}, {}));
  EXPECT_EQ(view.colorMap()->dataRange(), QCPRange(-2, 3));
}

TEST_F(HeatmapViewTest, NonFiniteValuesAreGreyAndLeaveTheColourScaleToTheRest) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  ASSERT_TRUE(view.setMatrix(1, 4, {nan, -1.0f, 2.0f, inf}, {}, {}));
  EXPECT_EQ(view.colorMap()->dataRange(), QCPRange(-1, 2));
  EXPECT_TRUE(std::isnan(view.value(0, 0)));
  view.replotNow();
  const QImage image = view.plot()->toPixmap().toImage();
  const QPoint nanCell(int(view.sourceAxis()->coordToPixel(0)),
                       int(view.outputAxis()->coordToPixel(0)));
  EXPECT_EQ(QColor(image.pixel(nanCell)), QColor(0xd0, 0xd0, 0xd0));
}

TEST_F(HeatmapViewTest, RejectsAShapeMismatchAndKeepsTheMatrixItHad) {
  EXPECT_FALSE(view.setMatrix(2, 2, {1, 2, 3}, {}, {}));
  EXPECT_FALSE(view.setMatrix(1, 2, {0.1f, 0.9f}, {"one", "two"}, {"a", "b"}));
  EXPECT_FALSE(view.setMatrix(0, 0, {}, {}, {}));
  EXPECT_EQ(view.rows(), kRows);
  EXPECT_EQ(view.value(1, 0), values[1 * kCols + 0]);
}

TEST_F(HeatmapViewTest, EmptyLabelListsNumberTheTokens) {
  ASSERT_TRUE(view.setMatrix(2, 3, std::vector<float>(6, 0.5f), {}, {}));
  view.replotNow();
  EXPECT_EQ(view.sourceAxis()->tickVectorLabels(), (QVector<QString>{"0", "1", "2"}));
  EXPECT_EQ(view.outputAxis()->tickVectorLabels(), (QVector<QString>{"0", "1"}));
}

TEST_F(HeatmapViewTest, ASingleCellIsDrawnInItsColour) {
  // QCustomPlot draws a one-cell map zero pixels wide unless its range is widened by hand.
  ASSERT_TRUE(view.setMatrix(1, 1, {1.0f}, {"only"}, {"one"}));
  view.replotNow();
  const QImage image = view.plot()->toPixmap().toImage();
  const QPoint centre = view.plot()->axisRect()->rect().center();
  EXPECT_EQ(QColor(image.pixel(centre)), QColor(0xfde725)) << "viridis at 1.0 is yellow";
}

TEST(HeatmapViridis, LightnessRisesFromDarkPurpleToYellow) {
  QCPColorGradient gradient = attn::ui::viridisGradient();  // color() updates a cache
  const QCPRange unit(0, 1);
  EXPECT_EQ(QColor(gradient.color(0.0, unit)), QColor(0x440154));
  EXPECT_EQ(QColor(gradient.color(1.0, unit)), QColor(0xfde725));
  // Monotonic luminance is what lets a colour-blind reader (or a greyscale print) order cells.
  double previous = -1;
  for (int i = 0; i <= 64; ++i) {
    const QColor c(gradient.color(i / 64.0, unit));
    const double luma = 0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue();
    EXPECT_GE(luma, previous) << "at " << i / 64.0;
    previous = luma;
  }
}
