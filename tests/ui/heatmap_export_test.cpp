// Figures from a HeatmapView: PNG and PDF files that hold a picture, and clear errors otherwise.
#include <gtest/gtest.h>

#include <qcustomplot.h>

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <set>

#include "qt_printers.h"
#include "views/heatmap_view.h"
#include "window/figure_export.h"

using attn::ui::HeatmapView;

namespace {

class HeatmapExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir.isValid());
    view.resize(640, 480);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    ASSERT_TRUE(view.setMatrix(3, 3, {0.8f, 0.1f, 0.1f, 0.2f, 0.6f, 0.2f, 0.05f, 0.15f, 0.8f},
                               {"le", "chat", "dort"}, {"the", "cat", "sleeps"}));
    view.setTitle(QStringLiteral("export test"));
  }

  QString path(const QString& name) const { return dir.filePath(name); }

  QTemporaryDir dir;
  HeatmapView view;
};

std::size_t distinctColours(const QImage& image) {
  std::set<QRgb> colours;
  for (int y = 0; y < image.height(); y += 2) {
    for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
  }
  return colours.size();
}

}  // namespace

TEST_F(HeatmapExportTest, SavePngWritesAnImageOfTheRequestedSizeThatIsNotOneColour) {
  ASSERT_TRUE(view.savePng(path("map.png"), 500, 400));
  const QImage image(path("map.png"));
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(500, 400));
  EXPECT_GT(distinctColours(image), 8u) << "a heatmap with labels and a colour scale";
}

TEST_F(HeatmapExportTest, SavePngWithoutASizeUsesTheSizeOnScreen) {
  ASSERT_TRUE(view.savePng(path("screen.png")));
  EXPECT_EQ(QImage(path("screen.png")).size(), view.plot()->size());
}

TEST_F(HeatmapExportTest, ExportingAtAnotherSizeLeavesTheOnScreenLayoutAlone) {
  view.replotNow();
  const QRect before = view.plot()->axisRect()->rect();
  ASSERT_TRUE(view.savePng(path("big.png"), 1600, 1200));
  EXPECT_EQ(view.plot()->axisRect()->rect(), before) << "mouse mapping relies on this layout";
}

TEST_F(HeatmapExportTest, SavePdfWritesAPdfDocument) {
  ASSERT_TRUE(view.savePdf(path("map.pdf"), 500, 400));
  QFile file(path("map.pdf"));
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  EXPECT_TRUE(file.read(5).startsWith("%PDF-"));
  EXPECT_GT(file.size(), 1000);
}

TEST_F(HeatmapExportTest, ExportFigureChoosesTheFormatFromTheSuffix) {
  EXPECT_EQ(attn::ui::exportFigure(view, path("a.PNG"), {300, 200}), QString());
  EXPECT_EQ(QImage(path("a.PNG")).size(), QSize(300, 200));
  EXPECT_EQ(attn::ui::exportFigure(view, path("a.pdf"), {300, 200}), QString());
  EXPECT_TRUE(QFile::exists(path("a.pdf")));
}

TEST_F(HeatmapExportTest, ExportIntoAMissingFolderFailsAndSaysWhy) {
  const QString error = attn::ui::exportFigure(view, path("no/such/folder/map.png"));
  EXPECT_TRUE(error.contains(QStringLiteral("does not exist"))) << error.toStdString();
}

TEST_F(HeatmapExportTest, AnUnknownSuffixIsRefusedWithoutWritingAFile) {
  const QString error = attn::ui::exportFigure(view, path("map.bmpx"));
  EXPECT_TRUE(error.contains(QStringLiteral(".png or .pdf"))) << error.toStdString();
  EXPECT_FALSE(QFile::exists(path("map.bmpx")));
}
