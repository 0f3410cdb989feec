// View ▸ Merge subwords into words and Decode ▸ Replace unknown words, as the window shows them:
// the heatmap, the step view and the CSV export read the word-level map (core's mergeSubwords:
// keys summed over a word's pieces, queries averaged), whose rows still sum to 1; an <unk> of the
// output is shown as the source token it attends to most, and the step view says so; a sentence
// with more than 20% unknown tokens is warned about in the input panel.
#include <gtest/gtest.h>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>

#include "../support/tiny_sentencepiece.h"
#include "data/text_tokenizer.h"
#include "documents/session.h"
#include "documents/settings.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "panels/input_panel.h"
#include "studio_test_support.h"
#include "trace/trace.h"
#include "views/heatmap_view.h"
#include "views/step_view.h"
#include "window/main_window.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;

namespace {

const data::Tokenizer& pieces() {
  return test::tinySentencePiece();
}

// Source "▁the ▁c at <eos>", output "▁le ▁ch at <eos>": one cross map, rows as given.
Trace piecesTrace(std::vector<std::string> target = {"▁le", "▁ch", "at", "<eos>"}) {
  Trace t;
  t.sourceTokens = {"▁the", "▁c", "at", "<eos>"};
  t.targetTokens = std::move(target);
  AttentionMap m(1, 1, int(t.targetTokens.size()), 4);
  const float rows[4][4] = {{0.7f, 0.1f, 0.1f, 0.1f},
                            {0.1f, 0.4f, 0.4f, 0.1f},
                            {0.2f, 0.2f, 0.5f, 0.1f},
                            {0.25f, 0.25f, 0.25f, 0.25f}};
  for (int q = 0; q < m.queries; ++q)
    for (int k = 0; k < 4; ++k) m.at(0, 0, q, k) = rows[q][k];
  t.attention[MapKind::Cross] = m;
  return t;
}

QAction* action(MainWindow& window, const char* name) {
  return window.menuBar()->findChild<QAction*>(QString::fromLatin1(name));
}

TEST(WordLevel, MergedMapsRowsStillSumToOneInTheHeatmapAndTheExport) {
  MainWindow window;
  TraceDocument* doc = window.session()->traceDocument();
  doc->setTrace(std::make_shared<const Trace>(piecesTrace()), QStringLiteral("pieces"), false,
                pieces());
  HeatmapView* heatmap = named<HeatmapView>(window, "alignmentHeatmap");
  ASSERT_EQ(heatmap->rows(), 4);  // pieces, with their word-start mark
  EXPECT_EQ(doc->targetTokens().first(), QStringLiteral("▁le"));

  QAction* merge = action(window, "actionMergeSubwords");
  ASSERT_NE(merge, nullptr);
  ASSERT_TRUE(merge->isCheckable());
  merge->trigger();
  EXPECT_TRUE(window.settings()->mergeSubwords());
  EXPECT_TRUE(doc->wordsMerged());
  EXPECT_EQ(doc->targetTokens(),
            (QStringList{QStringLiteral("le"), QStringLiteral("chat"), QStringLiteral("<eos>")}));
  EXPECT_EQ(doc->sourceTokens(),
            (QStringList{QStringLiteral("the"), QStringLiteral("cat"), QStringLiteral("<eos>")}));
  ASSERT_EQ(heatmap->rows(), 3);
  ASSERT_EQ(heatmap->cols(), 3);
  for (int r = 0; r < 3; ++r) {
    double sum = 0;
    for (int c = 0; c < 3; ++c) sum += heatmap->value(r, c);
    EXPECT_NEAR(sum, 1.0, 1e-6) << "row " << r;
  }
  // "chat": the mean of the rows of "▁ch" and "at", the keys "▁c" + "at" summed.
  EXPECT_NEAR(heatmap->value(1, 0), 0.15, 1e-6);
  EXPECT_NEAR(heatmap->value(1, 1), 0.75, 1e-6);
  EXPECT_NEAR(heatmap->value(1, 2), 0.10, 1e-6);
  // The step view follows: three steps, the second one's bars the merged row.
  doc->setStep(1);
  const std::vector<double> bars = named<StepView>(window, "stepView")->attentionBars();
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_NEAR(bars[1], 0.75, 1e-6);
  // The export writes the word-level matrix.
  QTemporaryDir dir;
  const QString csv = dir.filePath(QStringLiteral("words.csv"));
  ASSERT_TRUE(window.exportCsvTo(csv));
  QFile file(csv);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(file.readAll());
  EXPECT_TRUE(text.contains(QStringLiteral("chat"))) << text.toStdString();
  EXPECT_FALSE(text.contains(QStringLiteral("▁ch"))) << text.toStdString();

  merge->trigger();  // off again: the pieces are back
  EXPECT_EQ(heatmap->rows(), 4);
}

TEST(WordLevel, UnknownWordsAreReplacedByTheSourceTokenAttendedToMost) {
  MainWindow window;
  TraceDocument* doc = window.session()->traceDocument();
  // Output "▁le <unk> <eos>": the <unk>'s row attends most to "▁c" (0.6).
  Trace t = piecesTrace({"▁le", "<unk>", "<eos>"});
  AttentionMap& m = t.attention[MapKind::Cross];
  m = AttentionMap(1, 1, 3, 4);
  const float rows[3][4] = {
      {0.7f, 0.1f, 0.1f, 0.1f}, {0.1f, 0.6f, 0.2f, 0.1f}, {0.25f, 0.25f, 0.25f, 0.25f}};
  for (int q = 0; q < 3; ++q)
    for (int k = 0; k < 4; ++k) m.at(0, 0, q, k) = rows[q][k];
  doc->setTrace(std::make_shared<const Trace>(t), QStringLiteral("unk"), false, pieces());
  StepView* steps = named<StepView>(window, "stepView");
  EXPECT_TRUE(steps->replacementText().isEmpty());

  QAction* replace = action(window, "actionReplaceUnknown");
  ASSERT_NE(replace, nullptr);
  replace->trigger();
  EXPECT_EQ(doc->targetTokens().value(1), QStringLiteral("▁c"));
  ASSERT_EQ(doc->replacedUnknowns().size(), 1u);
  EXPECT_EQ(doc->replacedUnknowns()[0].target, 1);
  doc->setStep(1);
  const QString shown = steps->replacementText();
  EXPECT_TRUE(shown.contains(QStringLiteral("<unk> → ▁c"))) << shown.toStdString();
  EXPECT_TRUE(shown.contains(QStringLiteral("This step's"))) << shown.toStdString();
  EXPECT_EQ(doc->decodedTrace()->targetTokens[1], "<unk>") << "the decoded trace is kept";

  replace->trigger();
  EXPECT_EQ(doc->targetTokens().value(1), QStringLiteral("<unk>"));
  EXPECT_TRUE(steps->replacementText().isEmpty());
}

// The Bahdanau test model knows "le chat noir dort un chien".
TEST(WordLevel, MoreThanAFifthOfTheSentenceUnknownIsWarnedAbout) {
  MainWindow window;
  ASSERT_TRUE(window.session()->openModel(attn::test::bahdanauModelPath(), false));
  InputPanel* input = named<InputPanel>(window, "inputPanel");
  input->sentenceEdit()->setText(QStringLiteral("le loup dort"));  // 1 of 3: 33%
  EXPECT_FALSE(input->unknownWarning()->isHidden());
  EXPECT_TRUE(input->unknownWarning()->text().contains(QStringLiteral("1 of the 3 tokens (33%)")))
      << input->unknownWarning()->text().toStdString();
  input->sentenceEdit()->setText(QStringLiteral("le chat noir dort loup"));  // 1 of 5: 20%
  EXPECT_TRUE(input->unknownWarning()->isHidden());
  input->sentenceEdit()->setText(QStringLiteral("le chat noir dort"));
  EXPECT_TRUE(input->unknownWarning()->isHidden());
}

}  // namespace
