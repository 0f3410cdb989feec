// What the decoding controls say is what runs: a model opened after a beam search decodes its
// example with the same beam (the radio, the width and the Beam search tab agree with the
// trace), and a forced output, which belonged to the old model's sentence, gives way to greedy
// decoding with the radio saying so.
#include <gtest/gtest.h>

#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

#include "documents/session.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "panels/input_panel.h"
#include "studio_test_support.h"
#include "trace/trace.h"
#include "views/beam_tree_view.h"
#include "window/main_window.h"

using attn::test::eventually;
using attn::test::named;
using namespace attn::ui;

namespace {

class DecodingModeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    panel = named<InputPanel>(window, "inputPanel");
    ASSERT_NE(panel, nullptr);
  }

  // Opens a model as the Model panel's list does, and waits for its example's trace.
  void switchTo(const char* model) {
    QSignalSpy decoded(window.session(), &Session::decoded);
    ASSERT_TRUE(window.session()->openModel(attn::test::bundledModelPath(model)));
    ASSERT_TRUE(eventually([&] { return decoded.count() >= 1; })) << "no trace for " << model;
  }

  void decodeWithTheButton() {
    QSignalSpy decoded(window.session(), &Session::decoded);
    panel->requestDecode();
    ASSERT_TRUE(eventually([&] { return decoded.count() >= 1; }));
  }

  bool beamTabEnabled() {
    auto* tabs = named<QTabWidget>(window, "centralTabs");
    return tabs->isTabEnabled(tabs->indexOf(window.findChild<BeamTreeView*>()));
  }

  const attn::Trace& trace() { return *window.session()->traceDocument()->trace(); }

  MainWindow window;
  InputPanel* panel = nullptr;
};

}  // namespace

TEST_F(DecodingModeTest, ASwitchedModelDecodesWithTheBeamTheRadioShows) {
  switchTo("toyfr-luong");
  panel->beamWidthBox()->setValue(3);  // as a user does: choosing a width chooses beam search
  ASSERT_TRUE(panel->beamButton()->isChecked());
  decodeWithTheButton();
  ASSERT_EQ(trace().beamWidth, 3);

  switchTo("toyfr-transformer");
  EXPECT_FALSE(trace().beam.empty()) << "the example was decoded greedily under a beam radio";
  EXPECT_EQ(trace().beamWidth, 3);
  EXPECT_TRUE(panel->beamButton()->isChecked());
  EXPECT_EQ(panel->beamWidthBox()->value(), 3);
  EXPECT_TRUE(beamTabEnabled());
  EXPECT_EQ(panel->request().mode, DecodeMode::Beam);
}

TEST_F(DecodingModeTest, AForcedOutputGivesWayToGreedyAndTheRadioSaysSo) {
  switchTo("toyfr-luong");
  panel->sentenceEdit()->setText(QStringLiteral("the cat sleeps"));
  panel->targetEdit()->setText(QStringLiteral("le chat dort"));
  panel->forcedButton()->setChecked(true);
  decodeWithTheButton();
  ASSERT_TRUE(trace().beam.empty());

  switchTo("dates-bahdanau");
  EXPECT_TRUE(panel->greedyButton()->isChecked());
  EXPECT_FALSE(panel->forcedButton()->isChecked());
  EXPECT_TRUE(trace().beam.empty());
  EXPECT_FALSE(beamTabEnabled());
}

TEST_F(DecodingModeTest, TheStoredWidthDoesNotChooseBeamSearch) {
  // The window sets the width from the settings at start; that is not a choice of beam search.
  panel->setBeamWidth(7);
  EXPECT_EQ(panel->beamWidthBox()->value(), 7);
  EXPECT_TRUE(panel->greedyButton()->isChecked());
  switchTo("dates-bahdanau");
  EXPECT_TRUE(panel->greedyButton()->isChecked());
  EXPECT_TRUE(trace().beam.empty());
}
