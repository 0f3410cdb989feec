// MainWindow: it opens, has the promised menus and shortcuts, shows an honestly labelled example,
// starts on a model with its example decoded, remembers settings, and captures itself.
#include <gtest/gtest.h>

#include <QAction>
#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

#include "documents/example_alignment.h"
#include "documents/session.h"
#include "documents/settings.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "qt_printers.h"
#include "studio_test_support.h"
#include "views/heatmap_view.h"
#include "views/hops_view.h"
#include "window/main_window.h"
#include "window/window_capture.h"

using attn::test::menuTitles;
using attn::test::named;
using attn::ui::MainWindow;

namespace {

QAction* action(const MainWindow& window, const char* name) {
  return window.findChild<QAction*>(QString::fromLatin1(name));
}

}  // namespace

TEST(MainWindow, ShowsAndIsExposedWithItsTitle) {
  MainWindow window;
  window.resize(1000, 700);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  EXPECT_EQ(window.windowTitle(), QStringLiteral("Attention Studio"));
}

TEST(MainWindow, HasFileDecodeViewAndHelpMenusWithTheUsualShortcuts) {
  MainWindow window;
  EXPECT_EQ(menuTitles(window), (QStringList{"File", "Decode", "View", "Experiments", "Help"}));
  for (const char* name :
       {"actionOpenModel", "actionOpenTrace", "actionSaveModel", "actionSaveTrace",
        "actionExportFigure", "actionExportCsv", "actionQuit", "actionDecode", "actionFirstStep",
        "actionPreviousStep", "actionNextStep", "actionLastStep", "actionPlay", "actionStatusBar",
        "actionAbout", "actionQuickGuide", "actionNewTraining", "actionResetLayout"}) {
    EXPECT_NE(action(window, name), nullptr) << name;
  }
  EXPECT_EQ(action(window, "actionOpenModel")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
  EXPECT_EQ(action(window, "actionSaveModel")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_S));
  EXPECT_EQ(action(window, "actionQuit")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
  EXPECT_EQ(action(window, "actionNextStep")->shortcut(), QKeySequence(Qt::Key_Right));
  EXPECT_EQ(action(window, "actionPreviousStep")->shortcut(), QKeySequence(Qt::Key_Left));
  EXPECT_EQ(action(window, "actionFirstStep")->shortcut(), QKeySequence(Qt::Key_Home));
  EXPECT_EQ(action(window, "actionLastStep")->shortcut(), QKeySequence(Qt::Key_End));
  EXPECT_EQ(action(window, "actionPlay")->shortcut(), QKeySequence(Qt::Key_Space));
}

TEST(MainWindow, TheExampleIsLabelledAsAnExample) {
  MainWindow window;
  window.session()->showExample();
  const attn::ui::ExampleMatrix example = attn::ui::exampleAlignment();
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->rows(), example.rows);
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->cols(), example.cols);
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->value(4, 6),
            example.values[4 * example.cols + 6]);
  EXPECT_TRUE(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")
                  ->title()
                  .startsWith(QStringLiteral("Example")));
  EXPECT_TRUE(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")
                  ->title()
                  .contains(QStringLiteral("not a model")));
  EXPECT_TRUE(window.findChild<QLabel*>(QStringLiteral("sourceNote"))
                  ->toolTip()
                  .startsWith(QStringLiteral("Example")));
}

TEST(MainWindow, StartsOnAModelWithItsExampleAlreadyDecoded) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_EQ(window.start(attn::test::bahdanauModelPath(), QStringLiteral("le chien dort"), true),
            QString());
  const auto& trace = window.session()->traceDocument()->trace();
  ASSERT_NE(trace, nullptr);
  EXPECT_EQ(trace->sourceTokens, (std::vector<std::string>{"le", "chien", "dort", "<eos>"}));
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->rows(),
            int(trace->targetTokens.size()));
  EXPECT_FALSE(window.session()->traceDocument()->isExample());
}

TEST(MainWindow, StartingOnAMissingModelSaysSoAndShowsTheExample) {
  MainWindow window;
  const QString error = window.start(QStringLiteral("/no/such/model.safetensors"), {}, true);
  EXPECT_TRUE(error.contains(QStringLiteral("model.safetensors"))) << error.toStdString();
  EXPECT_TRUE(window.session()->traceDocument()->isExample());
}

TEST(MainWindow, EveryTabIsInTheViewMenuAndAltDigitJumpsToIt) {
  MainWindow window;
  window.resize(900, 700);  // narrow: the tab bar scrolls
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_EQ(window.start(attn::test::bahdanauModelPath(), QStringLiteral("le chien dort"), true),
            QString());
  QTabWidget* tabs = named<QTabWidget>(window, "centralTabs");
  ASSERT_GE(tabs->count(), 9);
  // Alt+5 shows the fifth tab; Alt+3 (Hops, disabled for an encoder-decoder) changes nothing.
  QTest::keyClick(&window, Qt::Key_5, Qt::AltModifier);
  EXPECT_EQ(tabs->currentIndex(), 4);
  ASSERT_FALSE(tabs->isTabEnabled(tabs->indexOf(named<attn::ui::HopsView>(window, "hopsTab"))));
  QTest::keyClick(&window,
                  Qt::Key(Qt::Key_1 + tabs->indexOf(named<attn::ui::HopsView>(window, "hopsTab"))),
                  Qt::AltModifier);
  EXPECT_EQ(tabs->currentIndex(), 4);
  // The menu lists every tab, the current one checked, with its key.
  auto* menu = window.findChild<QMenu*>(QStringLiteral("menuTabs"));
  ASSERT_NE(menu, nullptr);
  emit menu->aboutToShow();
  const QList<QAction*> items = menu->actions();
  ASSERT_EQ(items.size(), tabs->count());
  EXPECT_TRUE(items[4]->isChecked());
  EXPECT_TRUE(items[0]->text().startsWith(tabs->tabText(0))) << items[0]->text().toStdString();
  EXPECT_TRUE(items[0]->text().endsWith(QStringLiteral("Alt+1"))) << items[0]->text().toStdString();
  EXPECT_FALSE(items[tabs->indexOf(named<attn::ui::HopsView>(window, "hopsTab"))]->isEnabled());
  items.last()->trigger();  // the last tab, out of sight at this width
  EXPECT_EQ(tabs->currentIndex(), tabs->count() - 1);
}

TEST(MainWindow, ATabIsFoundByItsStableIdOrItsTitle) {
  MainWindow window;
  QTabWidget* tabs = named<QTabWidget>(window, "centralTabs");
  // The ids, in the order of the tab bar (and of Alt+1 … Alt+9), never translated.
  const QStringList ids = {"alignment", "heads",       "hops",     "beam",    "rollout",
                           "saliency",  "computation", "training", "compare", "intervene"};
  ASSERT_EQ(tabs->count(), ids.size());
  for (int i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(tabs->widget(i)->objectName(), ids[i] + QStringLiteral("Tab"));
    EXPECT_FALSE(tabs->tabToolTip(i).isEmpty()) << ids[i].toStdString();
  }
  EXPECT_EQ(window.showTab(QStringLiteral("computation")), QString());
  EXPECT_EQ(tabs->currentWidget()->objectName(), QStringLiteral("computationTab"));
  EXPECT_EQ(window.showTab(QStringLiteral("beam search")), QString());  // a title, any case
  EXPECT_EQ(tabs->currentWidget()->objectName(), QStringLiteral("beamTab"));
  EXPECT_EQ(window.showTab(QStringLiteral("Intervene")), QString());
  EXPECT_EQ(tabs->currentIndex(), 9);
  const QString error = window.showTab(QStringLiteral("Nowhere"));
  EXPECT_TRUE(error.startsWith(QStringLiteral("no tab 'Nowhere'; there are: alignment, heads")))
      << error.toStdString();
  EXPECT_EQ(tabs->currentIndex(), 9) << "a wrong name changes nothing";
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

TEST(MainWindowSettings, ColourMapRecentFilesAndLayoutAreRemembered) {
  QTemporaryDir dir;
  const QString ini = dir.filePath(QStringLiteral("studio.ini"));
  {
    attn::ui::Settings settings(ini, nullptr);
    MainWindow window(&settings);
    window.resize(900, 650);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    action(window, "actionColour_cividis")->trigger();
    EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->colourMap(),
              attn::ui::ColourMap::Cividis);
    ASSERT_TRUE(window.session()->openModel(attn::test::bahdanauModelPath(), false));
    window.findChild<QDockWidget*>(QStringLiteral("stepDock"))->hide();
    EXPECT_TRUE(window.close());
  }
  attn::ui::Settings settings(ini, nullptr);
  EXPECT_EQ(settings.colourMap(), attn::ui::ColourMap::Cividis);
  ASSERT_EQ(settings.recentFiles().size(), 1);
  EXPECT_TRUE(
      settings.recentFiles().first().endsWith(QStringLiteral("bahdanau_additive.safetensors")));
  MainWindow window(&settings);
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->colourMap(),
            attn::ui::ColourMap::Cividis);
  EXPECT_TRUE(action(window, "actionColour_cividis")->isChecked());
  auto* recent = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
  ASSERT_NE(recent, nullptr);
  EXPECT_EQ(recent->actions().first()->text(),
            QStringLiteral("seq2seq_gru_bidir_bahdanau_additive.safetensors"));
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  EXPECT_FALSE(window.findChild<QDockWidget*>(QStringLiteral("stepDock"))->isVisible());
}

TEST(MainWindowSettings, InMemorySettingsWriteNothing) {
  attn::ui::Settings settings;
  EXPECT_FALSE(settings.isPersistent());
  settings.addRecentFile(QStringLiteral("/tmp/x.json"));
  EXPECT_EQ(settings.recentFiles().size(), 1);
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
  window.session()->showExample();
  window.resize(900, 600);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  const QString file = dir.filePath(QStringLiteral("window.png"));
  ASSERT_EQ(attn::ui::captureWidget(window, file), QString());
  const QImage image(file);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(900, 600));
  EXPECT_GT(attn::test::distinctColours(image), 8u);
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
