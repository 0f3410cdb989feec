// Not a check but a look: with ATTN_UI_VISUAL_MODEL (a model file) and ATTN_UI_CAPTURE_DIR set,
// opens the model as a user would, decodes ATTN_UI_VISUAL_INPUT (or its example) greedily and
// with a beam, and saves every tab at 1280 × 800 for a person to look at. Disabled, so that it
// never counts as a test that passes or skips: run it with
//   test_ui --gtest_also_run_disabled_tests --gtest_filter='VisualCapture.*'
// (it fails when the two variables are not set).
#include <gtest/gtest.h>

#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include "documents/session.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "panels/input_panel.h"
#include "studio_test_support.h"
#include "window/main_window.h"

using attn::test::named;
using namespace attn::ui;

TEST(VisualCapture, DISABLED_EveryTabOfAModel) {
  const QString model = qEnvironmentVariable("ATTN_UI_VISUAL_MODEL");
  ASSERT_FALSE(model.isEmpty() || qEnvironmentVariableIsEmpty("ATTN_UI_CAPTURE_DIR"))
      << "set ATTN_UI_VISUAL_MODEL and ATTN_UI_CAPTURE_DIR to capture";
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_EQ(window.start(model, qEnvironmentVariable("ATTN_UI_VISUAL_INPUT"), true), QString());
  window.session()->traceDocument()->setStep(2);
  const char* names[] = {"visual_alignment", "visual_heads", "visual_hops", "visual_beam",
                         "visual_training"};
  for (int i = 0; i < named<QTabWidget>(window, "centralTabs")->count(); ++i) {
    if (!named<QTabWidget>(window, "centralTabs")->isTabEnabled(i)) continue;
    named<QTabWidget>(window, "centralTabs")->setCurrentIndex(i);
    attn::test::maybeCapture(window, names[i]);
  }
  QSignalSpy decoded(window.session(), &Session::decoded);
  named<attn::ui::InputPanel>(window, "inputPanel")->beamButton()->setChecked(true);
  named<attn::ui::InputPanel>(window, "inputPanel")->requestDecode();
  ASSERT_TRUE(attn::test::eventually([&] { return decoded.count() == 1; }, 30000));
  named<QTabWidget>(window, "centralTabs")->setCurrentIndex(3);
  window.session()->traceDocument()->setStep(3);
  attn::test::maybeCapture(window, names[3]);
}
