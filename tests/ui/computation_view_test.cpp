// The Computation tab (ui/teach/computation_view.h) on the bundled models: the numbers in its
// table are the trace's weights and scores for the step, map, layer and head selected; it
// follows the step, the head and the map; it shows each score function's formula with the
// highlighted key's numbers; and a trace without its model gets a sentence, not numbers.
// With ATTN_UI_CAPTURE_DIR set, it saves the panel for a person to look at.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "documents/bundled_models.h"
#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/trace_document.h"
#include "explain/computation.h"
#include "find_widget.h"
#include "models/model.h"
#include "teach/computation_view.h"
#include "teach/computation_view_text.h"
#include "teach/computation_view_widgets.h"
#include "test_paths.h"
#include "trace/trace.h"
#include "trace/trace_json.h"
#include "window/main_window.h"
#include "window/window_capture.h"

using attn::MapKind;
using attn::test::named;
using attn::ui::ComputationText;
using attn::ui::ComputationView;
using attn::ui::Session;

namespace {

QString bundledContaining(const QString& name) {
  for (const auto& m : attn::ui::findBundledModels())
    if (m.path.contains(name)) return m.path;
  return {};
}

// Opens a bundled model and decodes its example sentence on this thread.
void openAndDecode(Session& session, const QString& name, const QString& sentence = {}) {
  const QString path = bundledContaining(name);
  ASSERT_FALSE(path.isEmpty()) << name.toStdString();
  ASSERT_TRUE(session.openModel(path, false));
  attn::ui::DecodeRequest request;
  request.source =
      (sentence.isEmpty() ? attn::ui::exampleInputFor(*session.modelDocument()->model()) : sentence)
          .toStdString();
  ASSERT_TRUE(session.decodeNow(request));
}

// The weights column against the trace's row of `map` at the view's layer and head.
void expectTableIsTraceRow(ComputationView& view, const attn::Trace& trace, attn::MapKind map,
                           int query) {
  const attn::explain::Computation* c = view.computation();
  ASSERT_NE(c, nullptr) << view.message().toStdString();
  const attn::AttentionMap& m = trace.attention.at(map);
  QTableWidget* table = view.keyTable();
  ASSERT_GT(table->rowCount(), 0);
  for (int j = 0; j < table->rowCount(); ++j) {
    const double w = table->item(j, 4)->data(Qt::UserRole).toDouble();
    EXPECT_NEAR(w, m.at(c->layer, view.head(), query, j), 1e-5)
        << attn::mapKindName(map) << " key " << j;
    EXPECT_EQ(table->item(j, 4)->text(), ComputationText::number(w));
  }
}

void capture(QWidget& widget, const char* name) {
  const QString dir = qEnvironmentVariable("ATTN_UI_CAPTURE_DIR");
  if (dir.isEmpty()) return;
  EXPECT_EQ(attn::ui::captureWidget(widget, QDir(dir).filePath(QString::fromLatin1(name))),
            QString());
}

}  // namespace

TEST(ComputationView, TransformerTableIsTheTracesRowAndFollowsStepAndHead) {
  Session session;
  openAndDecode(session, QStringLiteral("toyfr-transformer"));
  auto* doc = session.traceDocument();
  const attn::Trace& trace = *doc->trace();
  ComputationView view(session.modelDocument(), doc);
  view.resize(1100, 1400);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));

  ASSERT_NE(view.computation(), nullptr) << view.message().toStdString();
  EXPECT_EQ(view.computation()->map, MapKind::Cross);
  EXPECT_EQ(view.computation()->layer, doc->layer());
  expectTableIsTraceRow(view, trace, MapKind::Cross, 0);
  // Scores: the trace's, and the highlighted key's number is in the formula.
  const auto& scores = trace.steps[0].scores.at(MapKind::Cross);
  const int keys = view.keyTable()->rowCount(), heads = trace.attention.at(MapKind::Cross).heads;
  for (int j = 0; j < keys; ++j)
    EXPECT_NEAR(view.computation()->heads[0].keys[size_t(j)].score,
                scores[size_t((doc->layer() * heads + 0) * keys + j)], 1e-4);
  const auto& key = view.computation()->heads[0].keys[size_t(view.highlightedKey())];
  EXPECT_TRUE(view.scoreLabel()->text().contains(ComputationText::number(key.score)));
  EXPECT_TRUE(view.scoreLabel()->text().contains(QStringLiteral("√")));

  doc->setStep(2);
  EXPECT_EQ(view.computation()->step, 2);
  expectTableIsTraceRow(view, trace, MapKind::Cross, 2);

  view.headBox()->setCurrentIndex(3);
  EXPECT_EQ(view.head(), 3);
  EXPECT_EQ(doc->head(), 3);  // the heatmaps follow the panel's head
  expectTableIsTraceRow(view, trace, MapKind::Cross, 2);
  EXPECT_EQ(view.headTable()->rowCount(), heads);
  EXPECT_EQ(view.headTable()->item(3, 0)->font().bold(), true);

  // The next tokens are the trace's top-k for this step.
  const auto& top = trace.steps[2].topK;
  ASSERT_FALSE(top.empty());
  EXPECT_EQ(view.nextTable()->item(0, 0)->text().toStdString(), top[0].token);
  EXPECT_NEAR(view.nextTable()->item(0, 1)->data(Qt::UserRole).toDouble(), top[0].prob, 1e-5);
  capture(view, "computation_transformer.png");
}

TEST(ComputationView, DecoderAndEncoderSelfAttention) {
  Session session;
  openAndDecode(session, QStringLiteral("toyfr-transformer"));
  auto* doc = session.traceDocument();
  const attn::Trace& trace = *doc->trace();
  ComputationView view(session.modelDocument(), doc);
  view.resize(1000, 1300);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  doc->setStep(3);
  view.mapBox()->setCurrentIndex(
      view.mapBox()->findData(attn::ui::mapKindData(MapKind::DecoderSelf)));
  EXPECT_EQ(doc->mapKind(), MapKind::DecoderSelf);
  ASSERT_NE(view.computation(), nullptr) << view.message().toStdString();
  EXPECT_EQ(view.keyTable()->rowCount(), 4);  // <sos> and the three outputs before step 3
  EXPECT_EQ(view.keyTable()->item(0, 1)->text(), QStringLiteral("<sos>"));
  expectTableIsTraceRow(view, trace, MapKind::DecoderSelf, 3);
  capture(view, "computation_decoder_self.png");

  view.mapBox()->setCurrentIndex(
      view.mapBox()->findData(attn::ui::mapKindData(MapKind::EncoderSelf)));
  view.setSourcePosition(1);
  ASSERT_NE(view.computation(), nullptr) << view.message().toStdString();
  EXPECT_EQ(view.computation()->queryPosition, 1);
  EXPECT_EQ(view.keyTable()->rowCount(), int(trace.sourceTokens.size()));
  expectTableIsTraceRow(view, trace, MapKind::EncoderSelf, 1);
  EXPECT_TRUE(view.nextTable()->isHidden());
  capture(view, "computation_encoder_self.png");
}

TEST(ComputationView, RnnModelsShowTheirScoreFunctionWithTheHighlightedKeysNumbers) {
  for (const char* name : {"dates-bahdanau", "toyfr-luong"}) {
    SCOPED_TRACE(name);
    Session session;
    openAndDecode(session, QString::fromLatin1(name));
    auto* doc = session.traceDocument();
    ComputationView view(session.modelDocument(), doc);
    view.resize(1000, 1200);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    doc->setStep(1);
    expectTableIsTraceRow(view, *doc->trace(), MapKind::Cross, 1);
    const bool additive = std::string(name) == "dates-bahdanau";
    EXPECT_TRUE(view.scoreLabel()->text().contains(additive ? "Additive" : "General"));
    if (additive) {
      EXPECT_TRUE(view.scoreLabel()->text().contains("<br>v = ["));
    }
    EXPECT_TRUE(view.headBox()->isHidden());  // one head

    // A click on another key's row puts its numbers in the formulas.
    const int other = view.highlightedKey() == 0 ? 1 : 0;
    QTableWidget* table = view.keyTable();
    const QRect rect = table->visualItemRect(table->item(other, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    EXPECT_EQ(view.highlightedKey(), other);
    const auto& key = view.computation()->heads[0].keys[size_t(other)];
    EXPECT_TRUE(view.scoreLabel()->text().contains(ComputationText::number(key.score)));
    EXPECT_TRUE(view.softmaxLabel()->text().contains(ComputationText::number(key.weight)));
    // The context vector: the trace's c_i, shortened with an expander.
    const auto& context = doc->trace()->steps[1].context;
    ASSERT_EQ(view.computation()->heads[0].output.size(), context.size());
    for (size_t i = 0; i < context.size(); ++i)
      EXPECT_NEAR(view.computation()->heads[0].output[i], context[i], 1e-5);
    EXPECT_TRUE(view.outputRow()->valuesText().contains(QStringLiteral("…")));
    view.outputRow()->expandButton()->click();
    EXPECT_EQ(view.outputRow()->valuesText().count(QLatin1Char(',')), int(context.size()) - 1);
    QTest::qWait(20);  // the expanded vector's new height
    EXPECT_GE(view.outputRow()->height(), 2 * view.fontMetrics().height());  // wrapped, not cut
    if (additive) capture(view, "computation_bahdanau.png");
  }
}

TEST(ComputationView, TheClassifiersHopsAreTakenApartOneByOne) {
  Session session;
  openAndDecode(session, QStringLiteral("sentiment-lin"),
                QStringLiteral("the film was not good but the acting was wonderful"));
  auto* doc = session.traceDocument();
  ComputationView view(session.modelDocument(), doc);
  view.resize(1000, 1400);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  ASSERT_NE(view.computation(), nullptr) << view.message().toStdString();
  EXPECT_TRUE(view.computation()->classifier);
  const int hops = doc->trace()->attention.at(MapKind::Hops).heads;
  ASSERT_EQ(view.headBox()->count(), hops);  // the head box chooses a hop
  for (int hop = 0; hop < hops; ++hop) {
    SCOPED_TRACE(hop);
    view.setHead(hop);
    ASSERT_NE(view.computation(), nullptr) << view.message().toStdString();
    expectTableIsTraceRow(view, *doc->trace(), MapKind::Hops, 0);
  }
  EXPECT_TRUE(view.scoreLabel()->text().contains("Hop score"));
  EXPECT_TRUE(view.queryRow()->valuesText().startsWith(QLatin1Char('[')));  // w_r, not empty
  EXPECT_EQ(view.headTable()->rowCount(), hops);
  // The class distribution: the model's prediction, first.
  ASSERT_FALSE(view.nextTable()->isHidden());
  EXPECT_EQ(view.nextTable()->item(0, 0)->text(),
            QString::fromStdString(doc->trace()->targetTokens.front()));
  EXPECT_EQ(view.nextTable()->horizontalHeaderItem(0)->text(), QStringLiteral("Class"));
  capture(view, "computation_lin.png");
}

TEST(ComputationView, ATraceWithoutItsModelSaysTheComputationNeedsIt) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("t.json"));
  {
    Session session;
    openAndDecode(session, QStringLiteral("dates-bahdanau"));
    attn::writeTraceFile(path.toStdString(), *session.traceDocument()->trace());
  }
  Session session;
  ASSERT_TRUE(session.openTrace(path));
  ComputationView view(session.modelDocument(), session.traceDocument());
  EXPECT_EQ(view.computation(), nullptr);
  EXPECT_TRUE(view.message().contains(QStringLiteral("needs the model")));

  // Another model open: its parameters did not make this trace.
  ASSERT_TRUE(session.openModel(bundledContaining(QStringLiteral("toyfr-luong")), false));
  EXPECT_EQ(view.computation(), nullptr);
  EXPECT_TRUE(view.message().contains(QStringLiteral("another model")))
      << view.message().toStdString();

  // The model that made it: the numbers are back.
  ASSERT_TRUE(session.openModel(bundledContaining(QStringLiteral("dates-bahdanau")), false));
  ASSERT_NE(view.computation(), nullptr) << view.message().toStdString();
  EXPECT_LE(view.computation()->weightDifference, 1e-5);
}

TEST(ComputationView, AModelWithoutAttentionIsExplainedInWords) {
  Session session;
  ASSERT_TRUE(session.openModel(
      QStringLiteral(ATTN_TEST_DATA_DIR "/golden/models/model_files/"
                                        "seq2seq_gru_2layer_bidir_none.safetensors"),
      false));
  attn::ui::DecodeRequest request;
  request.source = "le chat";
  ASSERT_TRUE(session.decodeNow(request));
  ComputationView view(session.modelDocument(), session.traceDocument());
  EXPECT_EQ(view.computation(), nullptr);
  EXPECT_TRUE(view.message().contains(QStringLiteral("bottleneck")))
      << view.message().toStdString();
}

TEST(ComputationView, IsATabOfTheMainWindow) {
  attn::ui::MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_EQ(window.start(bundledContaining(QStringLiteral("toyfr-transformer")), {}, true),
            QString());
  auto* view = window.findChild<ComputationView*>();
  ASSERT_NE(view, nullptr);
  const int tab = named<QTabWidget>(window, "centralTabs")->indexOf(view);
  ASSERT_GE(tab, 0);
  EXPECT_EQ(named<QTabWidget>(window, "centralTabs")->tabText(tab), QStringLiteral("Computation"));
  named<QTabWidget>(window, "centralTabs")->setCurrentIndex(tab);
  window.session()->traceDocument()->setStep(1);
  ASSERT_NE(view->computation(), nullptr) << view->message().toStdString();
  EXPECT_EQ(view->computation()->step, 1);
  capture(window, "computation_window.png");
}
