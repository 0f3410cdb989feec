// The Compare tab: two bundled models on one sentence, side by side; the difference map is B − A
// cell by cell, the per-row numbers are those of the maps on screen, layer and head choices follow
// through, B's own output can replace A's, and a reference alignment is drawn and scored (AER).
// Then the main window's File ▸ Compare with model… and the reference alignment tool.
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "explain/compare.h"
#include "find_widget.h"
#include "models/model.h"
#include "studio_test_support.h"
#include "teach/compare_runner.h"
#include "teach/compare_tools.h"
#include "teach/compare_view.h"
#include "teach/layer_head_picker.h"
#include "teach/reference_alignment.h"
#include "teach/reference_alignment_tool.h"
#include "teach/reference_overlay.h"
#include "test_paths.h"
#include "views/heatmap_view.h"
#include "window/main_window.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;
using attn::test::eventually;

namespace {

std::shared_ptr<const Model> load(const char* name) {
  return std::make_shared<const Model>(loadModel(attn::test::bundledModelPath(name).toStdString()));
}

const char* const kSentence = "the big black dog";

// Every cell of the difference view is B − A of the two views beside it.
void expectDifferenceOnScreen(const CompareView& view) {
  const HeatmapView& a = *view.heatmapA();
  const HeatmapView& b = *view.heatmapB();
  const HeatmapView& d = *view.differenceView();
  ASSERT_EQ(d.rows(), a.rows());
  ASSERT_EQ(d.cols(), a.cols());
  for (int r = 0; r < a.rows(); ++r)
    for (int c = 0; c < a.cols(); ++c)
      ASSERT_NEAR(d.value(r, c), b.value(r, c) - a.value(r, c), 1e-6) << r << "," << c;
}

void closeMessageBoxes() {
  for (QWidget* w : QApplication::topLevelWidgets())
    if (auto* box = qobject_cast<QMessageBox*>(w)) box->close();
}

QString lastMessage() {
  QString text;
  for (QWidget* w : QApplication::topLevelWidgets())
    if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) text = box->text();
  return text;
}

}  // namespace

TEST(CompareView, TwoModelsSideBySideAndTheirDifference) {
  ReferenceDocument reference;
  CompareView view(&reference);
  view.resize(1300, 700);
  view.show();
  const CompareSubject s =
      CompareRunner::compareNow(load("toyfr-luong"), load("toyfr-transformer"),
                                QStringLiteral("luong"), QStringLiteral("transformer"), kSentence);
  view.setSubject(s);
  EXPECT_EQ(s.outputA, QStringLiteral("le grand chien noir"));
  // A: the Luong model's one map; B: the transformer's last layer, mean over its 4 heads.
  const LabelledMatrix a = selectMatrix(*s.a, {});
  const LabelledMatrix b = selectMatrix(*s.bForced, {MapKind::Cross, 1, -1});
  ASSERT_EQ(a.rows, 5);
  ASSERT_EQ(b.rows, 5);
  for (int r = 0; r < a.rows; ++r)
    for (int c = 0; c < a.cols; ++c) {
      ASSERT_FLOAT_EQ(float(view.heatmapA()->value(r, c)), a.values[size_t(r * a.cols + c)]);
      ASSERT_FLOAT_EQ(float(view.heatmapB()->value(r, c)), b.values[size_t(r * b.cols + c)]);
    }
  expectDifferenceOnScreen(view);
  // The table's total variation is ½ Σ |B − A| of each row on screen.
  ASSERT_EQ(view.rowTable()->rowCount(), 5);
  for (int r = 0; r < 5; ++r) {
    double tv = 0;
    for (int c = 0; c < a.cols; ++c) tv += std::abs(view.differenceView()->value(r, c));
    EXPECT_NEAR(view.rowTable()->item(r, 1)->text().toDouble(), tv / 2, 0.0006) << r;
  }
  EXPECT_EQ(view.rowTable()->item(2, 0)->text(), QStringLiteral("chien"));
  EXPECT_TRUE(view.summaryLabel()->text().contains(QStringLiteral("Mean total variation")));
  attn::test::maybeCapture(view, "compare_luong_transformer");

  // Head 4 of layer 2 on B's side: B's map and the difference follow.
  view.pickerB()->select(1, 3);
  const LabelledMatrix head = selectMatrix(*s.bForced, {MapKind::Cross, 1, 3});
  for (int c = 0; c < head.cols; ++c)
    EXPECT_FLOAT_EQ(float(view.heatmapB()->value(2, c)), head.values[size_t(2 * head.cols + c)]);
  expectDifferenceOnScreen(view);
  EXPECT_TRUE(view.pickerB()->headBox()->isVisible());
  EXPECT_FALSE(view.pickerA()->headBox()->isVisible());  // one head: nothing to choose

  // Encoder self-attention is not in the Luong model: only the maps both have are offered.
  EXPECT_EQ(view.kindBox()->count(), 1);
}

TEST(CompareView, BsOwnOutputAndAReferenceAlignment) {
  ReferenceDocument reference;
  CompareView view(&reference);
  view.resize(1200, 700);
  const CompareSubject s =
      CompareRunner::compareNow(load("toyfr-luong"), load("toyfr-transformer"),
                                QStringLiteral("luong"), QStringLiteral("transformer"), kSentence);
  view.setSubject(s);
  // People align "the big black dog" / "le grand chien noir" 0-0 1-1 3-2 2-3: the Luong model
  // agrees exactly (AER 0); the marks sit on both maps.
  reference.set(parseAlignmentLine("0-0 1-1 3-2 2-3"), QStringLiteral("typed"));
  ASSERT_TRUE(view.reportA().scored);
  EXPECT_DOUBLE_EQ(view.reportA().score.aer, 0.0);
  EXPECT_EQ(view.overlayA()->sureMarks(), 4);
  EXPECT_TRUE(view.summaryLabel()->text().contains(QStringLiteral("A AER 0.0%")))
      << view.summaryLabel()->text().toStdString();
  // B's AER is computed on its map as shown (last layer, mean of heads), checked in core terms.
  const LabelledMatrix forced = selectMatrix(*s.bForced, {MapKind::Cross, 1, -1});
  const double aerB =
      alignmentErrorRate(hypothesisFromAttention(forced.values, forced.rows, forced.cols, 4, 4),
                         reference.reference())
          .aer;
  EXPECT_DOUBLE_EQ(view.reportB().score.aer, aerB);

  // Left to itself, the transformer (trained on whole sentences) goes on after the noun phrase:
  // its rows are not A's, so there is no difference map, and the view says why.
  EXPECT_EQ(s.outputB, QStringLiteral("le grand chien noir a il"));
  view.setBReadsOwnOutput(true);
  EXPECT_FALSE(view.difference().has_value());
  EXPECT_EQ(view.heatmapB()->rows(), 7);
  const LabelledMatrix own = selectMatrix(*s.bGreedy, {MapKind::Cross, 1, -1});
  EXPECT_FLOAT_EQ(float(view.heatmapB()->value(5, 2)), own.values[size_t(5 * own.cols + 2)]);
  EXPECT_EQ(view.rowTable()->rowCount(), 0);
  view.setBReadsOwnOutput(false);
  EXPECT_TRUE(view.difference().has_value());

  // A reference for another sentence is refused by name, and nothing is drawn.
  reference.set(parseAlignmentLine("0-0 7-1"), QStringLiteral("typed"));
  EXPECT_FALSE(view.reportA().scored);
  EXPECT_TRUE(view.reportA().problem.contains(QStringLiteral("7-1")));
  EXPECT_EQ(view.overlayA()->sureMarks(), 0);
}

TEST(CompareView, FromTheFileMenuWithTheModelOnScreen) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_EQ(window.start(attn::test::bundledModelPath("toyfr-luong"),
                         QString::fromLatin1(kSentence), true),
            QString());
  CompareTools* tools = named<attn::ui::CompareTools>(window, "compareTools");
  QSignalSpy compared(tools->view(), &CompareView::compared);
  EXPECT_EQ(tools->compareWithFile(attn::test::bundledModelPath("toyfr-transformer")), QString());
  ASSERT_TRUE(eventually([&] { return compared.count() == 1; }, 20000));
  EXPECT_EQ(named<QTabWidget>(window, "centralTabs")->currentWidget(), tools->view());
  EXPECT_TRUE(tools->view()->headerLabel()->text().contains(QStringLiteral("toyfr-transformer")));
  expectDifferenceOnScreen(*tools->view());
  attn::test::maybeCapture(window, "compare_tab");

  // Another sentence typed in the tab runs both models again.
  tools->view()->sentenceEdit()->setText(QStringLiteral("the small cat"));
  QTest::keyClick(tools->view()->sentenceEdit(), Qt::Key_Return);
  ASSERT_TRUE(eventually([&] { return compared.count() == 2; }, 20000));
  EXPECT_EQ(tools->view()->subject().a->sourceTokens.size(), 4u);

  // A character model reads the sentence as other tokens: one clear message.
  QSignalSpy failed(tools->view(), &CompareView::failed);
  EXPECT_EQ(tools->compareWithFile(attn::test::bundledModelPath("dates-bahdanau")), QString());
  ASSERT_TRUE(eventually([&] { return failed.count() == 1; }, 20000));
  EXPECT_TRUE(lastMessage().contains(QStringLiteral("read the sentence differently")))
      << lastMessage().toStdString();
  closeMessageBoxes();
  // Not a model file.
  EXPECT_NE(tools->compareWithFile(QStringLiteral("/nonexistent/model.safetensors")), QString());
  closeMessageBoxes();
}

TEST(CompareView, ReferenceAlignmentOnTheMainHeatmap) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_EQ(window.start(attn::test::bundledModelPath("toyfr-luong"),
                         QString::fromLatin1(kSentence), true),
            QString());
  ReferenceAlignmentTool* tool =
      named<attn::ui::CompareTools>(window, "compareTools")->referenceTool();
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("gold.align"));
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("0-0 1-1\n0-0 1-1 2-2 3-3 2?3\n0-0 1-1 3-2 2-3\n");
  f.close();
  // Line 2: monotone plus 2?3. The model links 0-0 1-1 3-2 2-3: |A∩S| = 2, |A∩P| = 3,
  // AER = 1 − (2 + 3) / (4 + 4) = 0.375.
  EXPECT_EQ(tool->loadFile(path, 2), QString());
  ASSERT_TRUE(tool->report().scored);
  EXPECT_DOUBLE_EQ(tool->report().score.aer, 0.375);
  EXPECT_EQ(tool->overlay()->sureMarks(), 4);
  EXPECT_EQ(tool->overlay()->possibleMarks(), 1);
  EXPECT_TRUE(tool->statusLabel()->isVisibleTo(&window));
  EXPECT_EQ(tool->loadFile(path, 3), QString());
  EXPECT_DOUBLE_EQ(tool->report().score.aer, 0.0);
  EXPECT_EQ(tool->statusLabel()->text(),
            QStringLiteral("AER 0.0% · precision 100.0% · recall 100.0%"));
  attn::test::maybeCapture(window, "reference_alignment");
  // Typed, with a mistake: the parser's message, and the reference stays as it was.
  EXPECT_EQ(tool->setText(QStringLiteral("0-0 1:1")),
            QStringLiteral("line 1, link 2 '1:1': expected i-j (a sure link) or i?j (a possible "
                           "one)"));
  closeMessageBoxes();
  EXPECT_DOUBLE_EQ(tool->report().score.aer, 0.0);
  EXPECT_NE(tool->loadFile(path, 9), QString());
  closeMessageBoxes();
  // A link past the sentence: loaded, but not scored nor drawn, and the user is told.
  const QString problem = tool->setText(QStringLiteral("0-0 5-1"));
  EXPECT_TRUE(problem.contains(QStringLiteral("5-1"))) << problem.toStdString();
  EXPECT_EQ(tool->overlay()->sureMarks(), 0);
  closeMessageBoxes();
  tool->clearAction()->trigger();
  EXPECT_EQ(tool->overlay()->sureMarks(), 0);
  EXPECT_FALSE(tool->statusLabel()->isVisibleTo(&window));
}
