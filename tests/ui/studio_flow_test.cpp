// The app as a new user drives it: load a model, type a sentence, decode, step through with the
// keyboard, and check that every view holds the trace's own numbers.
#include <gtest/gtest.h>

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "models/model.h"
#include "panels/input_panel.h"
#include "qt_printers.h"
#include "studio_test_support.h"
#include "trace/trace.h"
#include "views/beam_tree_view.h"
#include "views/heatmap_view.h"
#include "views/step_controls.h"
#include "views/step_view.h"
#include "window/main_window.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;
using attn::test::eventually;

namespace {

class StudioFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();  // shortcuts with a window context need the active window
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  }

  // Types `sentence` into the input box as a user would and presses Enter; waits for the trace.
  void typeAndDecode(const QString& sentence) {
    QSignalSpy decoded(window.session(), &Session::decoded);
    QLineEdit* edit = named<attn::ui::InputPanel>(window, "inputPanel")->sentenceEdit();
    edit->clear();
    QTest::keyClicks(edit, sentence);
    QTest::keyClick(edit, Qt::Key_Return);
    ASSERT_TRUE(eventually([&] { return decoded.count() >= 1; })) << "no trace arrived";
  }

  const Trace& trace() const { return *window.session()->traceDocument()->trace(); }
  TraceDocument* document() const { return window.session()->traceDocument(); }

  // Every cell of the heatmap against the trace's cross-attention.
  void expectHeatmapHoldsCross() {
    const AttentionMap& cross = trace().attention.at(MapKind::Cross);
    HeatmapView* h = named<attn::ui::HeatmapView>(window, "alignmentHeatmap");
    ASSERT_EQ(h->rows(), cross.queries);
    ASSERT_EQ(h->cols(), cross.keys);
    for (int q = 0; q < cross.queries; ++q)
      for (int k = 0; k < cross.keys; ++k)
        ASSERT_EQ(h->value(q, k), double(cross.at(0, 0, q, k))) << q << "," << k;
  }

  MainWindow window;
};

}  // namespace

TEST_F(StudioFlowTest, OpensAModelAndDecodesItsExampleAtOnce) {
  QSignalSpy decoded(window.session(), &Session::decoded);
  ASSERT_TRUE(window.session()->openModel(attn::test::bahdanauModelPath()));
  ASSERT_TRUE(eventually([&] { return decoded.count() >= 1; }));
  EXPECT_FALSE(named<attn::ui::InputPanel>(window, "inputPanel")->sentenceEdit()->text().isEmpty());
  EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("bahdanau")));
  expectHeatmapHoldsCross();
}

TEST_F(StudioFlowTest, TypedSentenceIsShownAsTokensWithUnknownsMarked) {
  ASSERT_TRUE(window.session()->openModel(attn::test::bahdanauModelPath(), false));
  named<attn::ui::InputPanel>(window, "inputPanel")->sentenceEdit()->clear();
  QTest::keyClicks(named<attn::ui::InputPanel>(window, "inputPanel")->sentenceEdit(),
                   QStringLiteral("le loup dort"));
  const QString tokens = named<attn::ui::InputPanel>(window, "inputPanel")->tokensLabel()->text();
  EXPECT_TRUE(tokens.contains(QStringLiteral("loup")));
  EXPECT_TRUE(tokens.contains(QStringLiteral("1 unknown token"))) << tokens;
  EXPECT_TRUE(tokens.contains(QStringLiteral("&lt;eos&gt;"))) << tokens;
}

TEST_F(StudioFlowTest, DecodeStepThroughAndEveryViewHoldsTheTracesNumbers) {
  ASSERT_TRUE(window.session()->openModel(attn::test::bahdanauModelPath(), false));
  typeAndDecode(QStringLiteral("le chat noir dort"));
  EXPECT_EQ(trace().sourceTokens,
            (std::vector<std::string>{"le", "chat", "noir", "dort", "<eos>"}));
  expectHeatmapHoldsCross();
  const int steps = int(trace().targetTokens.size());
  ASSERT_GE(steps, 2);

  // The keyboard, with the focus outside the text box (as after clicking the heatmap).
  named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->setFocus();
  EXPECT_EQ(document()->step(), 0);
  QTest::keyClick(&window, Qt::Key_Right);
  EXPECT_EQ(document()->step(), 1);
  QTest::keyClick(&window, Qt::Key_End);
  EXPECT_EQ(document()->step(), steps - 1);
  QTest::keyClick(&window, Qt::Key_Left);
  EXPECT_EQ(document()->step(), steps - 2);
  QTest::keyClick(&window, Qt::Key_Home);
  EXPECT_EQ(document()->step(), 0);

  for (int step : {0, 1, steps - 1}) {
    document()->setStep(step);
    // The heatmap marks the row, the step view shows that row's weights and top-k.
    EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->selectedRow(), step);
    const std::vector<double> bars = named<attn::ui::StepView>(window, "stepView")->attentionBars();
    const AttentionMap& cross = trace().attention.at(MapKind::Cross);
    ASSERT_EQ(int(bars.size()), cross.keys);
    for (int k = 0; k < cross.keys; ++k)
      EXPECT_FLOAT_EQ(float(bars[size_t(k)]), cross.at(0, 0, step, k));
    const auto& top = trace().steps[size_t(step)].topK;
    ASSERT_EQ(named<attn::ui::StepView>(window, "stepView")->topTokens().size(),
              qsizetype(top.size()));
    for (size_t i = 0; i < top.size(); ++i) {
      EXPECT_EQ(
          named<attn::ui::StepView>(window, "stepView")->topTokens()[qsizetype(i)].toStdString(),
          top[i].token);
      EXPECT_FLOAT_EQ(float(named<attn::ui::StepView>(window, "stepView")->topProbabilities()[i]),
                      top[i].prob);
    }
    EXPECT_TRUE(
        named<attn::ui::StepView>(window, "stepView")
            ->outputText()
            .contains(QString::fromStdString(trace().targetTokens[size_t(step)]).toHtmlEscaped()));
  }
}

TEST_F(StudioFlowTest, ClickingAHeatmapRowJumpsToThatStep) {
  ASSERT_TRUE(window.session()->openModel(attn::test::bahdanauModelPath(), false));
  typeAndDecode(QStringLiteral("le chat dort"));
  ASSERT_GE(document()->stepCount(), 3);
  HeatmapView* h = named<attn::ui::HeatmapView>(window, "alignmentHeatmap");
  h->replotNow();
  const QPoint centre(int(h->sourceAxis()->coordToPixel(1)), int(h->outputAxis()->coordToPixel(2)));
  QTest::mouseClick(h->plot(), Qt::LeftButton, {}, centre);
  EXPECT_EQ(document()->step(), 2);
  EXPECT_TRUE(named<attn::ui::StepView>(window, "stepView")
                  ->controls()
                  ->positionText()
                  .startsWith(QStringLiteral("step 3 of")));
}

TEST_F(StudioFlowTest, PlayAdvancesOneStepPerTickAndStopsAtTheEnd) {
  ASSERT_TRUE(window.session()->openModel(attn::test::bahdanauModelPath(), false));
  typeAndDecode(QStringLiteral("le chat"));
  StepControls* controls = named<attn::ui::StepView>(window, "stepView")->controls();
  controls->playAction()->trigger();
  EXPECT_TRUE(controls->isPlaying());
  ASSERT_TRUE(eventually([&] { return document()->step() >= 1; }, 3000));
  controls->playAction()->trigger();
  EXPECT_FALSE(controls->isPlaying());
}

TEST_F(StudioFlowTest, ForcedTargetIsDecodedAlongTheGivenOutput) {
  ASSERT_TRUE(window.session()->openModel(attn::test::bahdanauModelPath(), false));
  named<attn::ui::InputPanel>(window, "inputPanel")->forcedButton()->setChecked(true);
  named<attn::ui::InputPanel>(window, "inputPanel")
      ->targetEdit()
      ->setText(QStringLiteral("the black cat sleeps"));
  typeAndDecode(QStringLiteral("le chat noir dort"));
  EXPECT_EQ(trace().targetTokens,
            (std::vector<std::string>{"the", "black", "cat", "sleeps", "<eos>"}));
  expectHeatmapHoldsCross();
}

TEST_F(StudioFlowTest, BeamSearchFillsTheTreeAndItsPathSelectsSteps) {
  ASSERT_TRUE(window.session()->openModel(attn::test::bahdanauModelPath(), false));
  named<attn::ui::InputPanel>(window, "inputPanel")->beamButton()->setChecked(true);
  named<attn::ui::InputPanel>(window, "inputPanel")->beamWidthBox()->setValue(3);
  typeAndDecode(QStringLiteral("le chat noir"));
  ASSERT_FALSE(trace().beam.empty());
  EXPECT_EQ(trace().beamWidth, 3);
  const int beamTab = named<QTabWidget>(window, "centralTabs")
                          ->indexOf(named<attn::ui::BeamTreeView>(window, "beamTab"));
  EXPECT_TRUE(named<QTabWidget>(window, "centralTabs")->isTabEnabled(beamTab));
  named<QTabWidget>(window, "centralTabs")->setCurrentIndex(beamTab);
  BeamTreeCanvas* canvas = named<attn::ui::BeamTreeView>(window, "beamTab")->canvas();
  EXPECT_EQ(canvas->nodeCount(), int(trace().beam.size()));
  // Click the output's first token in the tree, from the last step: the step follows everywhere.
  const BeamNode* first = nullptr;
  for (const BeamNode& n : trace().beam)
    if (n.chosen && n.step == 0) first = &n;
  ASSERT_NE(first, nullptr);
  document()->setStep(document()->stepCount() - 1);
  QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->nodeRect(first->id).center().toPoint());
  EXPECT_EQ(document()->step(), 0);
  EXPECT_EQ(named<attn::ui::HeatmapView>(window, "alignmentHeatmap")->selectedRow(), 0);
  EXPECT_TRUE(named<attn::ui::BeamTreeView>(window, "beamTab")
                  ->hypothesisText()
                  .contains(QStringLiteral("on the returned output")));
  // A finished hypothesis shows the normalised score it competed with.
  const BeamNode* last = nullptr;
  for (const BeamNode& n : trace().beam)
    if (n.chosen && n.finished) last = &n;
  if (last) {
    QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->nodeRect(last->id).center().toPoint());
    EXPECT_TRUE(named<attn::ui::BeamTreeView>(window, "beamTab")
                    ->hypothesisText()
                    .contains(QStringLiteral("ranked by")))
        << named<attn::ui::BeamTreeView>(window, "beamTab")->hypothesisText().toStdString();
  }
  attn::test::maybeCapture(window, "beam_tree");
}

TEST_F(StudioFlowTest, AModelFileThatCannotBeReadShowsWhatWasWrongAndWhatToDo) {
  QTemporaryDir dir;
  const QString bad = dir.filePath(QStringLiteral("broken.safetensors"));
  QFile file(bad);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("not a model at all");
  file.close();
  EXPECT_FALSE(window.session()->openModel(bad));
  QMessageBox* box = nullptr;
  ASSERT_TRUE(eventually([&] {
    return (box = window.findChild<QMessageBox*>(QStringLiteral("errorBox"))) != nullptr;
  }));
  EXPECT_TRUE(box->text().contains(QStringLiteral("broken.safetensors"))) << box->text();
  EXPECT_TRUE(box->informativeText().contains(QStringLiteral(".safetensors")))
      << box->informativeText();
  box->close();
  EXPECT_FALSE(window.session()->modelDocument()->hasModel());
}

TEST_F(StudioFlowTest, DroppingAModelFileOpensIt) {
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(attn::test::bahdanauModelPath())});
  const QPoint centre = window.rect().center();
  QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &drop);
  EXPECT_TRUE(window.session()->modelDocument()->hasModel());
  EXPECT_TRUE(window.session()->modelDocument()->path().endsWith(
      QStringLiteral("bahdanau_additive.safetensors")));
}

TEST_F(StudioFlowTest, DroppingSomethingElseIsRefused) {
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/picture.jpg"))});
  QDragEnterEvent enter(window.rect().center(), Qt::CopyAction, &mime, Qt::LeftButton,
                        Qt::NoModifier);
  QApplication::sendEvent(&window, &enter);
  EXPECT_FALSE(enter.isAccepted());
}

TEST_F(StudioFlowTest, AnUnsavedTrainedModelIsNotReplacedWithoutAsking) {
  // As if just trained: a model that exists only in memory.
  window.session()->adoptTrainedModel(
      std::make_shared<const Model>(loadModel(attn::test::noAttentionModelPath().toStdString())),
      QString());
  ASSERT_TRUE(window.session()->modelDocument()->isUnsaved());
  int asked = 0;
  window.setUnsavedModelQuestion([&asked] {
    ++asked;
    return int(QMessageBox::Cancel);
  });
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(attn::test::bahdanauModelPath())});
  const QPoint centre = window.rect().center();
  QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &enter);
  QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(&window, &drop);
  EXPECT_EQ(asked, 1);
  EXPECT_TRUE(window.session()->modelDocument()->isUnsaved()) << "Cancel keeps the trained model";

  window.setUnsavedModelQuestion([] { return int(QMessageBox::Discard); });
  QApplication::sendEvent(&window, &enter);
  QApplication::sendEvent(&window, &drop);
  EXPECT_FALSE(window.session()->modelDocument()->isUnsaved());
  EXPECT_TRUE(window.session()->modelDocument()->path().endsWith(
      QStringLiteral("bahdanau_additive.safetensors")));
}
