// Classroom mode: larger text everywhere (plots included), a high-contrast palette, the
// projector colour map and a thicker row mark, the side panels put away; and leaving it gives
// back exactly what was there. Remembered across runs, over the usual layout.
#include <gtest/gtest.h>

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QScrollArea>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

#include <cmath>

#include "documents/settings.h"
#include "find_widget.h"
#include "studio_test_support.h"
#include "teach/classroom_mode.h"
#include "test_paths.h"
#include "translations/language.h"
#include "views/heatmap_view.h"
#include "views/step_view.h"
#include "window/main_window.h"

using attn::test::named;
using attn::ui::ClassroomMode;
using attn::ui::MainWindow;

namespace {

QAction* action(const MainWindow& window, const char* name) {
  return window.findChild<QAction*>(QString::fromLatin1(name));
}

QDockWidget* dock(const MainWindow& window, const char* name) {
  return window.findChild<QDockWidget*>(QString::fromLatin1(name));
}

// A window on a real (tiny) model, laid out at a projector's 1280 × 720.
struct Shown {
  MainWindow window;
  Shown() {
    window.resize(1280, 720);
    window.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(window.start(attn::test::bahdanauModelPath(), QStringLiteral("le chien dort"), true),
              QString());
    QApplication::processEvents();
  }
};

// The panel's scroll area never scrolls sideways: its content must fit the dock's width.
bool fitsItsPanel(QDockWidget* dock) {
  auto* scroll = qobject_cast<QScrollArea*>(dock->widget());
  if (!scroll || !scroll->widget()) return false;
  return scroll->viewport()->width() >= scroll->widget()->minimumSizeHint().width();
}

double tickSize(const MainWindow& window) {
  return named<attn::ui::HeatmapView>(window, "alignmentHeatmap")
      ->sourceAxis()
      ->tickLabelFont()
      .pointSizeF();
}

}  // namespace

TEST(ClassroomMode, ScalesTheApplicationFontAndThePlotsAndRestoresThemExactly) {
  Shown s;
  const QFont appFont = QApplication::font();
  const double ticks = tickSize(s.window);
  const double colourScaleLabel = named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")
                                      ->colorScale()
                                      ->axis()
                                      ->labelFont()
                                      .pointSizeF();
  const double stepBars = named<attn::ui::StepView>(s.window, "stepView")
                              ->attentionPlot()
                              ->xAxis->tickLabelFont()
                              .pointSizeF();
  ASSERT_GT(appFont.pointSizeF(), 0);

  action(s.window, "actionClassroomMode")->trigger();
  ASSERT_TRUE(s.window.classroomMode()->isActive());
  const double k = ClassroomMode::kDefaultScale;
  EXPECT_NEAR(QApplication::font().pointSizeF(), appFont.pointSizeF() * k, 0.01);
  EXPECT_NEAR(s.window.font().pointSizeF(), appFont.pointSizeF() * k, 0.01);  // reaches widgets
  EXPECT_NEAR(tickSize(s.window), ticks * k, 0.01);
  EXPECT_NEAR(named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")
                  ->colorScale()
                  ->axis()
                  ->labelFont()
                  .pointSizeF(),
              colourScaleLabel * k, 0.01);
  EXPECT_NEAR(named<attn::ui::StepView>(s.window, "stepView")
                  ->attentionPlot()
                  ->xAxis->tickLabelFont()
                  .pointSizeF(),
              stepBars * k, 0.01);

  action(s.window, "actionClassroomMode")->trigger();
  EXPECT_FALSE(s.window.classroomMode()->isActive());
  EXPECT_EQ(QApplication::font(), appFont);
  EXPECT_EQ(tickSize(s.window), ticks);
  EXPECT_EQ(named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")
                ->colorScale()
                ->axis()
                ->labelFont()
                .pointSizeF(),
            colourScaleLabel);
  EXPECT_EQ(named<attn::ui::StepView>(s.window, "stepView")
                ->attentionPlot()
                ->xAxis->tickLabelFont()
                .pointSizeF(),
            stepBars);
}

TEST(ClassroomMode, TheTextSizeIsAdjustableWhileOn) {
  Shown s;
  const double base = QApplication::font().pointSizeF();
  const double ticks = tickSize(s.window);
  s.window.classroomMode()->setActive(true);
  action(s.window, "actionClassroomScale200")->trigger();
  EXPECT_DOUBLE_EQ(s.window.classroomMode()->scale(), 2.0);
  EXPECT_DOUBLE_EQ(s.window.settings()->classroomScale(), 2.0);
  EXPECT_TRUE(action(s.window, "actionClassroomScale200")->isChecked());
  EXPECT_NEAR(QApplication::font().pointSizeF(), base * 2.0, 0.01);
  EXPECT_NEAR(tickSize(s.window), ticks * 2.0, 0.01);  // from 1.6 to 2.0, not 1.6 × 2.0
  s.window.classroomMode()->setActive(false);
  EXPECT_NEAR(QApplication::font().pointSizeF(), base, 1e-9);
  EXPECT_NEAR(tickSize(s.window), ticks, 1e-9);
}

TEST(ClassroomMode, APlotMadeWhileOnShrinksBackWhenLeaving) {
  Shown s;
  const double base = QApplication::font().pointSizeF();
  s.window.classroomMode()->setActive(true);
  // Views that rebuild their plots (the heads grid, new panels) make them with the large font.
  auto* plot = new QCustomPlot(s.window.centralWidget());
  EXPECT_NEAR(plot->xAxis->tickLabelFont().pointSizeF(), base * ClassroomMode::kDefaultScale, 0.01);
  s.window.classroomMode()->setActive(false);
  EXPECT_NEAR(plot->xAxis->tickLabelFont().pointSizeF(), base, 0.01);
}

TEST(ClassroomMode, HighContrastPaletteWhileOnAndTheOldOneAfter) {
  Shown s;
  const QPalette before = QApplication::palette();
  s.window.classroomMode()->setActive(true);
  const QPalette p = QApplication::palette();
  EXPECT_EQ(p.color(QPalette::Window), QColor(Qt::white));
  EXPECT_EQ(p.color(QPalette::WindowText), QColor(Qt::black));
  EXPECT_EQ(p.color(QPalette::Text), QColor(Qt::black));
  // Disabled text stays readable: at least 4.5:1 against white (WCAG AA).
  const QColor disabled = p.color(QPalette::Disabled, QPalette::WindowText);
  const double l = std::pow(disabled.redF(), 2.2);  // grey: one channel tells the luminance
  EXPECT_GE((1.0 + 0.05) / (l + 0.05), 4.5);
  s.window.classroomMode()->setActive(false);
  EXPECT_EQ(QApplication::palette(), before);
}

TEST(ClassroomMode, PutsTheSidePanelsAwayAndGivesTheMapsTheRoom) {
  Shown s;
  QDockWidget* model = dock(s.window, "modelDock");
  QDockWidget* input = dock(s.window, "inputDock");
  QDockWidget* step = dock(s.window, "stepDock");
  ASSERT_TRUE(model && input && step);
  ASSERT_TRUE(model->isVisible() && input->isVisible() && step->isVisible());
  const int heatmapWidth = named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")->width();
  const int stepWidth = step->width();

  s.window.classroomMode()->setActive(true);
  QApplication::processEvents();
  EXPECT_FALSE(model->isVisible());
  EXPECT_FALSE(input->isVisible());
  EXPECT_TRUE(step->isVisible());
  EXPECT_GT(named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")->width(),
            heatmapWidth + 100);
  EXPECT_GT(step->width(), stepWidth);  // room for the step view's larger text
  EXPECT_TRUE(fitsItsPanel(step));
  // The step panel's title is drawn large too: QDockWidget keeps the font it was made with
  // unless the dock's own font differs from the application's.
  EXPECT_NEAR(step->font().pointSizeF(), QApplication::font().pointSizeF(), 0.01);
  EXPECT_NE(step->font(), QApplication::font("QDockWidget"));

  s.window.classroomMode()->setActive(false);
  QApplication::processEvents();
  EXPECT_TRUE(model->isVisible());
  EXPECT_TRUE(input->isVisible());
  EXPECT_TRUE(step->isVisible());
  EXPECT_NEAR(named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")->width(), heatmapWidth, 4);
  EXPECT_NEAR(step->width(), stepWidth, 4);
  EXPECT_EQ(step->font(), QApplication::font());
}

TEST(ClassroomMode, ProjectorColourMapAndThickRowMarkThenTheUsersChoice) {
  Shown s;
  action(s.window, "actionColour_cividis")->trigger();
  s.window.classroomMode()->setActive(true);
  EXPECT_EQ(named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")->colourMap(),
            ClassroomMode::kColourMap);
  EXPECT_TRUE(action(s.window, "actionColour_greys")->isChecked());
  EXPECT_DOUBLE_EQ(named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")->rowMarkerWidth(),
                   ClassroomMode::kRowMarkerWidth);
  EXPECT_EQ(s.window.settings()->colourMap(), attn::ui::ColourMap::Cividis);  // not overwritten
  s.window.classroomMode()->setActive(false);
  EXPECT_EQ(named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")->colourMap(),
            attn::ui::ColourMap::Cividis);
  EXPECT_DOUBLE_EQ(named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")->rowMarkerWidth(), 2);

  // A map picked during the lesson is the user's new choice and stays afterwards.
  s.window.classroomMode()->setActive(true);
  action(s.window, "actionColour_magma")->trigger();
  s.window.classroomMode()->setActive(false);
  EXPECT_EQ(named<attn::ui::HeatmapView>(s.window, "alignmentHeatmap")->colourMap(),
            attn::ui::ColourMap::Magma);
}

TEST(ClassroomMode, ButtonIconsGrowAndComeBack) {
  Shown s;
  QToolButton* play = nullptr;
  for (QToolButton* b :
       named<attn::ui::StepView>(s.window, "stepView")->findChildren<QToolButton*>())
    if (b->defaultAction() && b->defaultAction()->objectName() == QLatin1String("actionPlay"))
      play = b;
  ASSERT_NE(play, nullptr);
  const QSize normal = play->iconSize();
  s.window.classroomMode()->setActive(true);
  EXPECT_EQ(play->iconSize(), (QSizeF(normal) * ClassroomMode::kDefaultScale).toSize());
  s.window.classroomMode()->setActive(false);
  EXPECT_EQ(play->iconSize(), normal);
}

TEST(ClassroomMode, HasAShortcutAndIsRememberedOverTheUsualLayout) {
  attn::ui::Settings settings;  // in memory, shared by the two runs
  const double base = QApplication::font().pointSizeF();
  {
    MainWindow window(&settings);
    window.resize(1280, 720);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QAction* toggle = action(window, "actionClassroomMode");
    EXPECT_TRUE(toggle->shortcuts().contains(QKeySequence(Qt::Key_F11)));
    EXPECT_TRUE(toggle->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)));
    QTest::keyClick(&window, Qt::Key_F11);
    ASSERT_TRUE(window.classroomMode()->isActive());
    EXPECT_TRUE(toggle->isChecked());
    EXPECT_TRUE(settings.classroomMode());
    ASSERT_TRUE(window.close());
  }
  // Closing the window (active or not) gives the application its font back.
  EXPECT_NEAR(QApplication::font().pointSizeF(), base, 1e-9);
  MainWindow again(&settings);
  again.resize(1280, 720);
  again.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&again));
  EXPECT_TRUE(again.classroomMode()->isActive());
  EXPECT_TRUE(action(again, "actionClassroomMode")->isChecked());
  EXPECT_FALSE(dock(again, "modelDock")->isVisible());
  // The layout remembered was the usual one: leaving classroom mode brings every panel back.
  again.classroomMode()->setActive(false);
  QApplication::processEvents();
  EXPECT_TRUE(dock(again, "modelDock")->isVisible());
  EXPECT_TRUE(dock(again, "inputDock")->isVisible());
  EXPECT_FALSE(settings.classroomMode());
}

TEST(ClassroomMode, ScaleOutsideTheRangeInTheSettingsIsClamped) {
  attn::ui::Settings settings;
  EXPECT_DOUBLE_EQ(settings.classroomScale(), ClassroomMode::kDefaultScale);
  settings.setClassroomScale(40);
  EXPECT_DOUBLE_EQ(settings.classroomScale(), 2.5);
  settings.setClassroomScale(0.1);
  EXPECT_DOUBLE_EQ(settings.classroomScale(), 1.2);
}

TEST(ClassroomMode, ScalePlotFontsScalesAxesColourScaleTitlesAndLegend) {
  QCustomPlot plot;
  plot.legend->setVisible(true);
  plot.addGraph()->setName(QStringLiteral("loss"));
  auto* scale = new QCPColorScale(&plot);
  plot.plotLayout()->addElement(0, 1, scale);
  plot.plotLayout()->insertRow(0);
  auto* title =
      new QCPTextElement(&plot, QStringLiteral("title"), QFont(QStringLiteral("Sans"), 10));
  plot.plotLayout()->addElement(0, 0, title);
  auto* text = new QCPItemText(&plot);
  text->setFont(QFont(QStringLiteral("Sans"), 8));
  plot.xAxis->setTickLabelFont(QFont(QStringLiteral("Sans"), 9));
  scale->axis()->setLabelFont(QFont(QStringLiteral("Sans"), 7));
  scale->setBarWidth(10);
  const double legendItem = plot.legend->item(0)->font().pointSizeF();

  attn::ui::scalePlotFonts(&plot, 1.5);
  EXPECT_DOUBLE_EQ(plot.xAxis->tickLabelFont().pointSizeF(), 13.5);
  EXPECT_DOUBLE_EQ(scale->axis()->labelFont().pointSizeF(), 10.5);
  EXPECT_EQ(scale->barWidth(), 15);
  EXPECT_DOUBLE_EQ(title->font().pointSizeF(), 15);
  EXPECT_DOUBLE_EQ(text->font().pointSizeF(), 12);
  EXPECT_NEAR(plot.legend->item(0)->font().pointSizeF(), legendItem * 1.5, 0.01);
}

TEST(ClassroomMode, TheLongerFrenchTextStillFitsTheStepPanel) {
  ASSERT_TRUE(attn::ui::applyLanguage(attn::ui::Language::French));
  {
    // On from the start, as after a restart in classroom mode: the decoded sentence brings the
    // step view's longer titles only afterwards.
    attn::ui::Settings settings;
    settings.setClassroomMode(true);
    MainWindow window(&settings);
    window.resize(1280, 720);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(window.classroomMode()->isActive());
    ASSERT_EQ(window.start(attn::test::bahdanauModelPath(), QStringLiteral("le chien dort"), true),
              QString());
    QApplication::processEvents();
    EXPECT_TRUE(fitsItsPanel(dock(window, "stepDock")));
    window.classroomMode()->setActive(false);
  }
  attn::ui::applyLanguage(attn::ui::Language::English);
}

TEST(ClassroomMode, EveryTabsTextIsEnlarged) {
  // Every page of the window, on a transformer (so that every tab has something to show): no
  // label keeps a font of its own that classroom mode would leave small.
  MainWindow window;
  window.resize(1280, 720);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_EQ(
      window.start(QStringLiteral(ATTN_TEST_DATA_DIR
                                  "/golden/models/model_files/transformer_prenorm.safetensors"),
                   {}, true),
      QString());
  const double base = QApplication::font().pointSizeF();
  window.classroomMode()->setActive(true);
  for (int i = 0; i < named<QTabWidget>(window, "centralTabs")->count(); ++i) {
    if (!named<QTabWidget>(window, "centralTabs")->isTabEnabled(i)) continue;
    named<QTabWidget>(window, "centralTabs")->setCurrentIndex(i);
    QApplication::processEvents();
    const QString name = QStringLiteral("classroom_tab%1").arg(i);
    attn::test::maybeCapture(window, name.toLatin1().constData());
    for (QLabel* label :
         named<QTabWidget>(window, "centralTabs")->currentWidget()->findChildren<QLabel*>()) {
      if (!label->isVisible() || label->text().isEmpty()) continue;
      EXPECT_GE(label->font().pointSizeF(), base * 1.3)
          << named<QTabWidget>(window, "centralTabs")->tabText(i).toStdString() << ": "
          << label->text().left(60).toStdString();
    }
  }
  window.classroomMode()->setActive(false);
}
