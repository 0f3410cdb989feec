// The Train form's corpus section: what its fields put into the job (the same jobs::TsvFile and
// vocabulary options the CLI's flags make), the problems it names before a run, and the corpus
// preview: its counts worked out by hand on a small Tatoeba-style file, computed on the
// preview's own thread, and a file that cannot be read named in one dialog.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>

#include "documents/corpus_preview.h"
#include "find_widget.h"
#include "jobs/training_job.h"
#include "panels/corpus_form.h"
#include "panels/corpus_preview_panel.h"
#include "panels/train_config_form.h"
#include "panels/training_panel.h"
#include "runners/corpus_preview_runner.h"
#include "studio_test_support.h"
#include "views/length_histogram.h"
#include "window/user_error.h"

using attn::test::eventually;
using attn::test::named;
using namespace attn;
using namespace attn::ui;

namespace {

// Five Tatoeba-style lines (source, target, attribution), the second a duplicate of the first.
const char kTatoeba[] =
    "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272\n"
    "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272\n"
    "Run!\tCours !\tCC-BY 2.0 (France) Attribution: tatoeba.org #906328\n"
    "Go now.\tVa maintenant.\tCC-BY 2.0 (France) Attribution: tatoeba.org #1\n"
    "Help!\tAu secours !\tCC-BY 2.0 (France) Attribution: tatoeba.org #435084\n";

QString writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& bytes) {
  const QString path = dir.filePath(QString::fromLatin1(name));
  QFile f(path);
  EXPECT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(bytes);
  return path;
}

TEST(CorpusForm, ItsFieldsAreTheJobsDataSourceAsTheCliBuildsIt) {
  QTemporaryDir dir;
  const QString path = writeFile(dir, "fra.txt", kTatoeba);
  TrainConfigForm form;
  CorpusForm* corpus = form.corpusForm();
  corpus->setTsvFile(path);
  EXPECT_TRUE(form.tsvButton()->isChecked()) << "choosing a file switches the form to it";
  named<QSpinBox>(form, "sourceColumn")->setValue(2);
  named<QSpinBox>(form, "targetColumn")->setValue(1);
  named<QCheckBox>(form, "skipHeader")->setChecked(true);
  named<QComboBox>(form, "tokenizerBox")->setCurrentText(QStringLiteral("words"));
  named<QCheckBox>(form, "lowercase")->setChecked(true);
  named<QCheckBox>(form, "nfkc")->setChecked(true);
  named<QSpinBox>(form, "maxSourceTokens")->setValue(10);
  named<QSpinBox>(form, "maxTargetTokens")->setValue(12);
  named<QCheckBox>(form, "dedup")->setChecked(true);
  named<QSpinBox>(form, "minFrequency")->setValue(2);
  named<QSpinBox>(form, "maxVocab")->setValue(500);
  ASSERT_EQ(form.problem(), QString());

  const jobs::TrainingJob job = form.job();
  const auto* file = std::get_if<jobs::TsvFile>(&job.data);
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->path, path.toStdString());
  EXPECT_TRUE(file->targetPath.empty());
  EXPECT_EQ(file->columns, (data::Columns{2, 1}));
  EXPECT_TRUE(file->skipHeader);
  EXPECT_EQ(file->tokenizer, data::TokenizerKind::Words);
  EXPECT_TRUE(file->lowercase);
  EXPECT_TRUE(file->nfkc);
  EXPECT_EQ(file->filter.maxSourceTokens, 10);
  EXPECT_EQ(file->filter.maxTargetTokens, 12);
  EXPECT_TRUE(file->filter.dedup);
  EXPECT_EQ(job.vocabulary.minFrequency, 2);
  EXPECT_EQ(job.vocabulary.maxSize, 500);

  // NFKC is the words tokenizer's alone (sentencepiece always applies it), as the CLI says.
  named<QComboBox>(form, "tokenizerBox")->setCurrentText(QStringLiteral("sentencepiece"));
  named<QComboBox>(form, "spModelType")->setCurrentText(QStringLiteral("bpe"));
  named<QSpinBox>(form, "spVocabSize")->setValue(300);
  const jobs::TsvFile pieces = std::get<jobs::TsvFile>(form.job().data);
  EXPECT_EQ(pieces.tokenizer, data::TokenizerKind::SentencePiece);
  EXPECT_FALSE(pieces.nfkc);
  EXPECT_TRUE(pieces.lowercase);
  EXPECT_EQ(pieces.subwordAlgorithm, data::SubwordAlgorithm::Bpe);
  EXPECT_EQ(pieces.subwordVocabSize, 300);
}

TEST(CorpusForm, ParallelFilesGoIntoTheSourceAndTargetPaths) {
  QTemporaryDir dir;
  const QString en = writeFile(dir, "x.en", "Go.\nRun!\n");
  const QString fr = writeFile(dir, "x.fr", "Va !\nCours !\n");
  TrainConfigForm form;
  form.tsvButton()->setChecked(true);
  named<QComboBox>(form, "corpusLayout")->setCurrentIndex(1);
  EXPECT_TRUE(form.problem().contains(QStringLiteral("source file")))
      << form.problem().toStdString();
  named<QLineEdit>(form, "sourceFilePath")->setText(en);
  named<QLineEdit>(form, "targetFilePath")->setText(fr);
  ASSERT_EQ(form.problem(), QString());
  const jobs::TsvFile file = std::get<jobs::TsvFile>(form.job().data);
  EXPECT_EQ(file.path, en.toStdString());
  EXPECT_EQ(file.targetPath, fr.toStdString());
  // Parallel files hold pairs: a classification task cannot come from them.
  named<QComboBox>(form, "corpusKind")->setCurrentIndex(1);
  EXPECT_TRUE(form.problem().contains(QStringLiteral("Parallel files")))
      << form.problem().toStdString();
}

TEST(CorpusForm, TheSameColumnTwiceIsNamedBeforeARun) {
  QTemporaryDir dir;
  TrainConfigForm form;
  form.corpusForm()->setTsvFile(writeFile(dir, "fra.txt", kTatoeba));
  named<QSpinBox>(form, "targetColumn")->setValue(1);
  EXPECT_TRUE(form.problem().contains(QStringLiteral("column 1"))) << form.problem().toStdString();
}

// Worked out by hand with the words tokenizer, after --dedup (4 pairs):
//   sources: [Go .] [Run !] [Go now .] [Help !]            Go 2, . 2, ! 2, Run now Help 1: 9
//   targets: [Va !] [Cours !] [Va maintenant .] [Au secours !]   Va 2, ! 3, five others 1: 10
// At min frequency 2 the source vocabulary is the 4 special tokens + Go . ! = 7 and the target's
// 4 + Va ! = 6; unknown: 3 source and 5 target tokens of 19.
TEST(CorpusPreview, CountsAsWorkedOutByHand) {
  QTemporaryDir dir;
  PreviewRequest request;
  request.file.path = writeFile(dir, "fra.txt", kTatoeba).toStdString();
  request.file.tokenizer = data::TokenizerKind::Words;
  request.file.filter.dedup = true;
  request.file.split.validationFraction = 0;  // every pair in train: the counts are on all four
  request.file.split.testFraction = 0;
  request.vocabulary.minFrequency = 2;
  const CorpusPreview p = computeCorpusPreview(request);
  EXPECT_EQ(p.pairs, 4);
  EXPECT_EQ(p.duplicates, 1);
  ASSERT_EQ(p.lines.size(), 4u);
  EXPECT_EQ(p.lines[0].source, "Go.");
  EXPECT_EQ(p.lines[0].target, "Va !");  // the third column, the attribution, is not read
  using Tokens = std::vector<std::string>;
  EXPECT_EQ(p.lines[0].sourceTokens, (Tokens{"Go", "."}));
  EXPECT_EQ(p.lines[1].sourceTokens, (Tokens{"Run", "!"}));
  EXPECT_EQ(p.lines[2].sourceTokens, (Tokens{"Go", "now", "."}));
  EXPECT_EQ(p.lines[3].sourceTokens, (Tokens{"Help", "!"}));
  EXPECT_EQ(p.lines[0].targetTokens, (Tokens{"Va", "!"}));
  EXPECT_EQ(p.lines[1].targetTokens, (Tokens{"Cours", "!"}));
  EXPECT_EQ(p.lines[2].targetTokens, (Tokens{"Va", "maintenant", "."}));
  EXPECT_EQ(p.lines[3].targetTokens, (Tokens{"Au", "secours", "!"}));
  EXPECT_EQ(p.sourceVocabulary, 7);
  EXPECT_EQ(p.targetVocabulary, 6);
  EXPECT_NEAR(p.unknownShare, 8.0 / 19.0, 1e-12);
  std::vector<int64_t> sources = p.sourceLengths;
  std::sort(sources.begin(), sources.end());
  EXPECT_EQ(sources, (std::vector<int64_t>{2, 2, 2, 3}));
}

TEST(CorpusPreview, TheSampleBoundsTheCountsButNotThePairs) {
  QTemporaryDir dir;
  QByteArray many;
  for (int i = 0; i < 50; ++i) many += QByteArray("w") + QByteArray::number(i) + "\tv\n";
  PreviewRequest request;
  request.file.path = writeFile(dir, "many.tsv", many).toStdString();
  request.file.split.validationFraction = 0;
  request.file.split.testFraction = 0;
  request.sampleLimit = 20;
  const CorpusPreview p = computeCorpusPreview(request);
  EXPECT_EQ(p.pairs, 50);
  EXPECT_EQ(p.sampled, 20);
  EXPECT_EQ(p.sourceVocabulary, 4 + 20);  // w0 .. w19
}

TEST(CorpusPreview, FollowsTheFormOnItsOwnThreadAndShowsTheFile) {
  QTemporaryDir dir;
  const QString path = writeFile(dir, "fra.txt", kTatoeba);
  TrainingPanel panel;
  int done = 0;
  QObject::connect(panel.previewRunner(), &CorpusPreviewRunner::finished, &panel,
                   [&done](const CorpusPreview&) { ++done; });
  panel.form()->corpusForm()->setTsvFile(path);
  ASSERT_TRUE(eventually([&] { return done >= 1; }, 20000));
  EXPECT_NE(panel.previewRunner()->workerThread(), QThread::currentThread());
  QTableWidget* table = named<QTableWidget>(panel, "previewTable");
  ASSERT_EQ(table->rowCount(), 5);  // no --dedup: the duplicate is a pair
  EXPECT_EQ(table->item(2, 0)->text(), QStringLiteral("Run!"));
  EXPECT_EQ(table->item(2, 1)->text(), QStringLiteral("Cours !"));
  // The default tokenizer, word, cuts at spaces only.
  EXPECT_EQ(table->item(3, 2)->text(), QStringLiteral("Go · now."));
  EXPECT_TRUE(named<QLabel>(panel, "previewCounts")->text().contains(QStringLiteral("5 pairs")))
      << named<QLabel>(panel, "previewCounts")->text().toStdString();
  // Another tokenizer: the preview follows.
  named<QComboBox>(panel, "tokenizerBox")->setCurrentText(QStringLiteral("words"));
  ASSERT_TRUE(eventually([&] { return done >= 2; }, 20000));
  EXPECT_EQ(table->item(3, 2)->text(), QStringLiteral("Go · now · ."));
  EXPECT_FALSE(panel.previewPanel()->histogram()->sourceCounts().empty());
  panel.resize(1024, 768);  // the Training tab with the docks closed
  panel.show();
  attn::test::maybeCapture(panel, "corpus-form");
}

TEST(CorpusPreview, AFilePickedThatCannotBeReadIsOneDialogNamingItsLine) {
  QTemporaryDir dir;
  // Latin-1 "é" on line 2: not UTF-8.
  const QString path = writeFile(dir, "latin1.tsv", QByteArray("ok\tbien\ncaf\xe9\tcoffee\n"));
  TrainingPanel panel;
  QSignalSpy failed(&panel, &TrainingPanel::failed);
  panel.form()->corpusForm()->setTsvFile(path);
  ASSERT_TRUE(eventually([&] { return failed.count() >= 1; }, 20000));
  QTest::qWait(400);  // a second dialog would have come by now
  ASSERT_EQ(failed.count(), 1);
  const UserError error = failed[0][0].value<UserError>();
  EXPECT_TRUE(error.what.contains(QStringLiteral("latin1.tsv:2"))) << error.what.toStdString();
  EXPECT_TRUE(error.what.contains(QStringLiteral("UTF-8"))) << error.what.toStdString();
}

}  // namespace
