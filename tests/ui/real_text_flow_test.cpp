// A user's own corpus from the Train tab to the word-level heatmap: a TSV file chosen in the
// form is previewed, a model with the sentencepiece tokenizer is trained on it, its decoded
// example is shown in pieces with their word-start mark, and View ▸ Merge subwords into words
// shows one row per output word. With ATTN_UI_CAPTURE_DIR set, the preview and the merged map
// are saved as images at 1024 × 768.
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "models/model.h"
#include "panels/corpus_form.h"
#include "panels/train_config_form.h"
#include "panels/training_panel.h"
#include "runners/corpus_preview_runner.h"
#include "studio_test_support.h"
#include "trace/trace.h"
#include "views/heatmap_view.h"
#include "window/main_window.h"
#include "window/user_error.h"

using attn::test::eventually;
using attn::test::named;
using namespace attn;
using namespace attn::ui;

namespace {

// 64 English -> French pairs of four words, every word seen many times.
QByteArray smallCorpus() {
  const char* colours[][2] = {
      {"red", "rouge"}, {"black", "noir"}, {"green", "vert"}, {"grey", "gris"}};
  const char* animals[][2] = {
      {"cat", "chat"}, {"dog", "chien"}, {"horse", "cheval"}, {"bird", "oiseau"}};
  const char* verbs[][2] = {
      {"sleeps", "dort"}, {"runs", "court"}, {"eats", "mange"}, {"sings", "chante"}};
  QByteArray out;
  for (const auto& c : colours)
    for (const auto& a : animals)
      for (const auto& v : verbs)
        out += QByteArray("the ") + a[0] + " " + c[0] + " " + v[0] + "\tle " + a[1] + " " + c[1] +
               " " + v[1] + "\n";
  return out;
}

TEST(RealTextFlow, TrainsOnAFileWithSubwordsAndShowsWordLevelMaps) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("pairs.tsv"));
  {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(smallCorpus());
  }
  MainWindow window;
  window.resize(1024, 768);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  TrainingPanel* panel = named<TrainingPanel>(window, "trainingTab");
  ASSERT_TRUE(window.showTab(QStringLiteral("training")).isEmpty());
  panel->form()->setQuickDefaults(QStringLiteral("reverse"), 400);  // a small, quick model
  panel->form()->corpusForm()->setTsvFile(path);
  named<QComboBox>(*panel, "tokenizerBox")->setCurrentText(QStringLiteral("sentencepiece"));
  named<QSpinBox>(*panel, "spVocabSize")->setValue(60);
  panel->refreshPreview();
  ASSERT_TRUE(eventually([&] { return !panel->previewRunner()->isBusy(); }, 30000));
  attn::test::maybeCapture(window, "corpus-preview");

  QSignalSpy decoded(window.session(), &Session::decoded);
  QSignalSpy failed(panel, &TrainingPanel::failed);
  ASSERT_TRUE(panel->start());
  ASSERT_TRUE(eventually([&] { return decoded.count() + failed.count() >= 1; }, 180000));
  ASSERT_EQ(failed.count(), 0) << failed[0][0].value<UserError>().what.toStdString();
  const auto& model = window.session()->modelDocument()->model();
  ASSERT_TRUE(model);
  EXPECT_EQ(model->tokenizer.kind(), data::TokenizerKind::SentencePiece);

  TraceDocument* doc = window.session()->traceDocument();
  const Trace& pieces = *doc->decodedTrace();
  // Pieces carry SentencePiece's word-start mark "▁" where a word begins.
  ASSERT_FALSE(pieces.sourceTokens.empty());
  EXPECT_EQ(pieces.sourceTokens.front().rfind("▁", 0), 0u) << pieces.sourceTokens.front();
  int sourceWords = 0;
  for (const std::string& t : pieces.sourceTokens)
    sourceWords += t.rfind("▁", 0) == 0 || t == "<eos>";

  ASSERT_TRUE(window.showTab(QStringLiteral("alignment")).isEmpty());
  window.menuBar()->findChild<QAction*>(QStringLiteral("actionMergeSubwords"))->trigger();
  HeatmapView* heatmap = named<HeatmapView>(window, "alignmentHeatmap");
  EXPECT_EQ(heatmap->cols(), sourceWords);
  for (int r = 0; r < heatmap->rows(); ++r) {
    double sum = 0;
    for (int c = 0; c < heatmap->cols(); ++c) sum += heatmap->value(r, c);
    EXPECT_NEAR(sum, 1.0, 1e-5) << "row " << r;
  }
  attn::test::maybeCapture(window, "merged-subwords");
}

}  // namespace

namespace {

// What `train` says on stderr once the data is read is said in the panel: a header line read as
// an example, and more than 20% of the validation tokens unknown (min frequency 100: every token
// of this small file is rarer than that, so all of them are <unk>).
TEST(RealTextFlow, TheDataNotesOfTheRunAreShownInThePanel) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("pairs.tsv"));
  {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("English\tFrench\n" + smallCorpus());
  }
  TrainingPanel panel;
  panel.form()->setQuickDefaults(QStringLiteral("reverse"), 2);
  panel.form()->corpusForm()->setTsvFile(path);
  named<QSpinBox>(panel, "minFrequency")->setValue(100);
  QLabel* notes = named<QLabel>(panel, "trainingDataNotes");
  QSignalSpy trained(&panel, &TrainingPanel::trained);
  QSignalSpy failed(&panel, &TrainingPanel::failed);
  ASSERT_TRUE(panel.start());
  ASSERT_TRUE(eventually([&] { return trained.count() + failed.count() >= 1; }, 120000));
  ASSERT_EQ(failed.count(), 0) << failed[0][0].value<UserError>().what.toStdString();
  EXPECT_FALSE(notes->isHidden());
  EXPECT_TRUE(notes->text().contains(QStringLiteral("looks like a header")))
      << notes->text().toStdString();
  EXPECT_TRUE(notes->text().contains(QStringLiteral("100.0% of the validation tokens are unknown")))
      << notes->text().toStdString();
}

}  // namespace
