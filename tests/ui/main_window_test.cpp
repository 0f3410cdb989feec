// MainWindow: it opens, has the promised menus, shows an honestly labelled example, and captures.
#include <gtest/gtest.h>

#include <QAction>
#include <QImage>
#include <QMenuBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

#include "example_alignment.h"
#include "heatmap_view.h"
#include "main_window.h"
#include "qt_printers.h"
#include "window_capture.h"

using attn::ui::MainWindow;

namespace {

QAction* action(const MainWindow& window, const char* name) {
  return window.findChild<QAction*>(QString::fromLatin1(name));
}

QStringList menuTitles(const MainWindow& window) {
  QStringList titles;
  for (QAction* menu : window.menuBar()->actions()) titles << menu->text().remove('&');
  return titles;
}

}  // namespace

TEST(MainWindow, ShowsAndIsExposedWithItsTitle) {
  MainWindow window;
  window.resize(1000, 700);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  EXPECT_EQ(window.windowTitle(), QStringLiteral("Attention Studio"));
  EXPECT_TRUE(window.heatmap()->isVisible());
}

TEST(MainWindow, HasFileViewAndHelpMenusWithTheUsualShortcuts) {
  MainWindow window;
  EXPECT_EQ(menuTitles(window), (QStringList{"File", "View", "Help"}));
  for (const char* name : {"actionOpenModel", "actionOpenTrace", "actionExportFigure", "actionQuit",
                           "actionStatusBar", "actionAbout"}) {
    EXPECT_NE(action(window, name), nullptr) << name;
  }
  EXPECT_EQ(action(window, "actionOpenModel")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
  EXPECT_EQ(action(window, "actionQuit")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
}

TEST(MainWindow, StartsWithTheExampleAlignmentLabelledAsAnExample) {
  MainWindow window;
  const attn::ui::ExampleMatrix example = attn::ui::exampleAlignment();
  EXPECT_EQ(window.heatmap()->rows(), example.rows);
  EXPECT_EQ(window.heatmap()->cols(), example.cols);
  EXPECT_EQ(window.heatmap()->value(4, 6), example.values[4 * example.cols + 6]);
  EXPECT_TRUE(window.heatmap()->title().startsWith(QStringLiteral("Example")));
  EXPECT_TRUE(window.heatmap()->title().contains(QStringLiteral("not a model")));
}

TEST(MainWindow, OpenModelAndOpenTraceSayTheyAreNotAvailableYet) {
  MainWindow window;
  for (const char* name : {"actionOpenModel", "actionOpenTrace"}) {
    window.statusBar()->clearMessage();
    action(window, name)->trigger();
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("not available yet")))
        << name << ": " << window.statusBar()->currentMessage().toStdString();
  }
}

TEST(MainWindow, StatusBarToggleHidesAndShowsIt) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  action(window, "actionStatusBar")->trigger();
  EXPECT_FALSE(window.statusBar()->isVisible());
  action(window, "actionStatusBar")->trigger();
  EXPECT_TRUE(window.statusBar()->isVisible());
}

TEST(MainWindowExample, EveryRowSumsToOneLikeASoftmaxOutput) {
  const attn::ui::ExampleMatrix example = attn::ui::exampleAlignment();
  ASSERT_EQ(example.values.size(), std::size_t(example.rows * example.cols));
  ASSERT_EQ(example.rowLabels.size(), example.rows);
  ASSERT_EQ(example.colLabels.size(), example.cols);
  for (int r = 0; r < example.rows; ++r) {
    double sum = 0;
    for (int c = 0; c < example.cols; ++c) {
      const float v = example.values[r * example.cols + c];
      EXPECT_GE(v, 0.0f);
      sum += v;
    }
    EXPECT_NEAR(sum, 1.0, 1e-5) << "row " << r;
  }
}

TEST(MainWindowCapture, WritesAPngOfTheWholeWindowAtItsSize) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  MainWindow window;
  window.resize(900, 600);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  const QString file = dir.filePath(QStringLiteral("window.png"));
  ASSERT_EQ(attn::ui::captureWidget(window, file), QString());
  const QImage image(file);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(900, 600));
  std::set<QRgb> colours;
  for (int y = 0; y < image.height(); y += 3) {
    for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
  }
  EXPECT_GT(colours.size(), 8u);
}

TEST(MainWindowCapture, AnUnwritablePathGivesOneSentenceNamingTheFolder) {
  MainWindow window;
  window.resize(400, 300);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  const QString error = attn::ui::captureWidget(window, QStringLiteral("/no/such/dir/shot.png"));
  EXPECT_TRUE(error.contains(QStringLiteral("/no/such/dir"))) << error.toStdString();
  EXPECT_TRUE(error.contains(QStringLiteral("does not exist"))) << error.toStdString();
  EXPECT_FALSE(error.contains('\n'));
}
