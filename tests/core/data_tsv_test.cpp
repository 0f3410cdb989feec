// Reading user corpora: good files, every kind of bad line reported with file and line, limits,
// and the seeded split that keeps repeated sources together.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "data/tsv.h"
#include "util/check.h"

namespace attn::data {
namespace {

namespace fs = std::filesystem;

// "s7": built with += because GCC 12 warns (-Wrestrict, a false positive) on "s" + to_string().
std::string numbered(const char* prefix, int i) {
  std::string s = prefix;
  s += std::to_string(i);
  return s;
}

class DataTsv : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("attn_data_tsv_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  std::string errorOf(const std::string& content, TaskKind kind = TaskKind::Seq2Seq,
                      TsvOptions options = {}) {
    const fs::path p = write("corpus.tsv", content);
    try {
      readTsv(p, kind, options);
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  }

  fs::path dir_;
};

TEST_F(DataTsv, ReadsPairsSkippingEmptyLinesAndTrimming) {
  const fs::path p = write("c.tsv", "\xEF\xBB\xBFthe cat\tle chat\r\n\n  \nthe dog \t le chien\n");
  const auto ex = readTsv(p, TaskKind::Seq2Seq);
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0], (Example{"the cat", "le chat"}));
  EXPECT_EQ(ex[1], (Example{"the dog", "le chien"}));
}

TEST_F(DataTsv, ReadsNonAsciiAndLastLineWithoutNewline) {
  const auto ex = readTsv(write("c.tsv", "注意力\tattention\nünïcødé\tunicode"), TaskKind::Seq2Seq);
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[1].source, "ünïcødé");
}

TEST_F(DataTsv, SkipsHeaderWhenAsked) {
  TsvOptions o;
  o.skipHeader = true;
  const auto ex =
      readTsv(write("c.tsv", "\ntext\tlabel\ngreat\tpositive\n"), TaskKind::Classification, o);
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_EQ(ex[0], (Example{"great", "positive"}));
}

TEST_F(DataTsv, NoTabNamesFileAndLine) {
  const std::string e = errorOf("a\tb\n\nno tab here\n");
  EXPECT_NE(e.find("corpus.tsv:3: no tab"), std::string::npos) << e;
  EXPECT_NE(e.find("source<TAB>target"), std::string::npos) << e;
  const std::string c = errorOf("good film\n", TaskKind::Classification);
  EXPECT_NE(c.find("corpus.tsv:1: no tab"), std::string::npos) << c;
  EXPECT_NE(c.find("text<TAB>label"), std::string::npos) << c;
}

TEST_F(DataTsv, ReadsTatoebaFileWithThreeColumns) {
  // The layout of the Tatoeba/Anki exports (fra.txt): English, French, attribution.
  const fs::path p = write("fra.txt",
                           "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM)\n"
                           "Hi.\tSalut !\tCC-BY 2.0 (France) Attribution: tatoeba.org #538123\n");
  const Corpus c = readTsvCorpus(p, TaskKind::Seq2Seq);
  ASSERT_EQ(c.examples.size(), 2u);
  EXPECT_EQ(c.examples[0], (Example{"Go.", "Va !"}));
  EXPECT_EQ(c.examples[1], (Example{"Hi.", "Salut !"}));
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_EQ(c.name, "fra");
}

TEST_F(DataTsv, ChosenColumnsInAnyOrder) {
  TsvOptions o;
  o.columns = parseColumns("3,1");
  const auto ex = readTsv(write("c.tsv", "a\tb\tc\nd\te\tf\tg\n"), TaskKind::Seq2Seq, o);
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0], (Example{"c", "a"}));
  EXPECT_EQ(ex[1], (Example{"f", "d"}));
  o.columns = parseColumns("2, 1");
  const auto cls = readTsv(write("l.tsv", "pos\tgreat film\n"), TaskKind::Classification, o);
  EXPECT_EQ(cls.at(0), (Example{"great film", "pos"}));
}

TEST_F(DataTsv, BadColumnChoicesAreClearErrors) {
  for (const char* bad : {"1", "0,1", "2,2", "a,b", "1,2,3", "", "1,"})
    EXPECT_THROW(parseColumns(bad), Error) << bad;
  EXPECT_EQ(parseColumns("1,2"), Columns{});
  TsvOptions o;
  o.columns = Columns{1, 3};
  const std::string e = errorOf("a\tb\tc\nd\te\n", TaskKind::Seq2Seq, o);
  EXPECT_NE(e.find("corpus.tsv:2: the line has 2 columns, but the target is in column 3 "
                   "(--columns 1,3)"),
            std::string::npos)
      << e;
}

TEST_F(DataTsv, HeaderLineIsWarnedAboutNamingTheOption) {
  const Corpus c =
      readTsvCorpus(write("c.tsv", "\nEnglish\tFrench\nthe cat\tle chat\n"), TaskKind::Seq2Seq);
  ASSERT_EQ(c.examples.size(), 2u);  // still read: it is a warning, not a guess acted upon
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].find("c.tsv:2: the first line looks like a header"), std::string::npos)
      << c.warnings[0];
  EXPECT_NE(c.warnings[0].find("--skip-header"), std::string::npos);
  TsvOptions o;
  o.skipHeader = true;
  const Corpus skipped =
      readTsvCorpus(write("c.tsv", "English\tFrench\nthe cat\tle chat\n"), TaskKind::Seq2Seq, o);
  EXPECT_EQ(skipped.examples.size(), 1u);
  EXPECT_TRUE(skipped.warnings.empty());
}

TEST_F(DataTsv, ClassificationHeaderFoundByItsOddLabel) {
  // "review<TAB>verdict": neither is a known column name, but "verdict" is a label no other line
  // has, among labels that repeat.
  const Corpus c = parseTsvCorpus("review\tverdict\ngood\tpos\nbad\tneg\nfine\tpos\nawful\tneg\n",
                                  "r.tsv", TaskKind::Classification);
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].find("r.tsv:1:"), std::string::npos);
  // No warning on ordinary data.
  EXPECT_TRUE(parseTsvCorpus("good\tpos\nbad\tneg\nfine\tpos\nawful\tneg\nok\tpos\n", "r.tsv",
                             TaskKind::Classification)
                  .warnings.empty());
  EXPECT_TRUE(
      parseTsvCorpus("Go.\tVa !\nHi.\tSalut !\n", "f.tsv", TaskKind::Seq2Seq).warnings.empty());
}

TEST_F(DataTsv, Latin1FileIsRecognisedAndTheFixNamed) {
  // "café<TAB>coffee" saved in Latin-1: é is the single byte 0xE9, the 4th of the line.
  const std::string e = errorOf("tea\tthé\ncaf\xE9\tcoffee\n");
  EXPECT_NE(e.find("corpus.tsv:2: invalid UTF-8 at byte 4"), std::string::npos) << e;
  EXPECT_NE(e.find("Latin-1"), std::string::npos) << e;
  EXPECT_NE(e.find("save it as UTF-8"), std::string::npos) << e;
}

TEST_F(DataTsv, CrlfAndBomAreAcceptedSilently) {
  const Corpus c =
      parseTsvCorpus("\xEF\xBB\xBFGo.\tVa !\tx\r\nHi.\tSalut !\tx\r\n", "w.tsv", TaskKind::Seq2Seq);
  ASSERT_EQ(c.examples.size(), 2u);
  EXPECT_EQ(c.examples[0], (Example{"Go.", "Va !"}));
  EXPECT_EQ(c.examples[1], (Example{"Hi.", "Salut !"}));
  EXPECT_TRUE(c.warnings.empty());
}

TEST_F(DataTsv, BadUtf8NamesFileLineAndByte) {
  const std::string e = errorOf("a\tb\nc\td\nok\tbad \xC3(\n");
  EXPECT_NE(e.find("corpus.tsv:3: invalid UTF-8 at byte 8"), std::string::npos) << e;
}

TEST_F(DataTsv, EmptyFieldsAreErrors) {
  EXPECT_NE(errorOf("\tle chat\n").find("corpus.tsv:1: the source (before the tab) is empty"),
            std::string::npos);
  EXPECT_NE(errorOf("great\t  \n", TaskKind::Classification)
                .find("corpus.tsv:1: the label (after the tab) is empty"),
            std::string::npos);
}

TEST_F(DataTsv, LineAndFileLimitsAreClearErrors) {
  TsvOptions o;
  o.maxLineBytes = 10;
  EXPECT_NE(errorOf("a\tb\nthis line is long\tx\n", TaskKind::Seq2Seq, o)
                .find("corpus.tsv:2: the line is 19 bytes long, more than the limit of 10"),
            std::string::npos);
  o = {};
  o.maxFileBytes = 5;
  EXPECT_NE(errorOf("a\tb\nc\td\n", TaskKind::Seq2Seq, o).find("more than the limit of 5 bytes"),
            std::string::npos);
}

TEST_F(DataTsv, MissingFileIsAnError) {
  EXPECT_THROW(readTsv(dir_ / "absent.tsv", TaskKind::Seq2Seq), Error);
  EXPECT_THROW(readTsv(dir_, TaskKind::Seq2Seq), Error);  // a directory
}

TEST_F(DataTsv, SplitBySeedAndFractions) {
  std::string content;
  for (int i = 0; i < 100; ++i) content += numbered("s", i) + "\tt\n";
  const fs::path p = write("corpus.tsv", content);
  SplitOptions s;
  s.seed = 4;
  s.validationFraction = 0.1;
  s.testFraction = 0.2;
  const Dataset d = loadTsvDataset(p, TaskKind::Seq2Seq, TokenizerKind::Word, s);
  EXPECT_EQ(d.name, "corpus");
  EXPECT_EQ(d.train.size(), 70u);
  EXPECT_EQ(d.validation.size(), 10u);
  EXPECT_EQ(d.test.size(), 20u);
  EXPECT_EQ(loadTsvDataset(p, TaskKind::Seq2Seq, TokenizerKind::Word, s).test, d.test);
  s.seed = 5;
  EXPECT_NE(loadTsvDataset(p, TaskKind::Seq2Seq, TokenizerKind::Word, s).test, d.test);
}

TEST_F(DataTsv, UnshuffledSplitKeepsFileOrder) {
  std::vector<Example> ex;
  for (int i = 0; i < 10; ++i) ex.push_back({numbered("s", i), "t"});
  SplitOptions s;
  s.shuffle = false;
  const SplitExamples out = splitExamples(ex, s);
  ASSERT_EQ(out.train.size(), 8u);
  EXPECT_EQ(out.train.front().source, "s0");
  EXPECT_EQ(out.validation.front().source, "s8");
  EXPECT_EQ(out.test.front().source, "s9");
}

TEST_F(DataTsv, RepeatedSourcesStayInOneSplit) {
  std::vector<Example> ex;
  for (int i = 0; i < 50; ++i)
    for (int k = 0; k < 3; ++k) ex.push_back({numbered("s", i), numbered("t", k)});
  const SplitExamples out = splitExamples(ex, {});
  std::set<std::string> train;
  for (const auto& e : out.train) train.insert(e.source);
  for (const auto& e : out.test) EXPECT_EQ(train.count(e.source), 0u) << e.source;
  for (const auto& e : out.validation) EXPECT_EQ(train.count(e.source), 0u) << e.source;
  EXPECT_EQ(out.train.size() + out.validation.size() + out.test.size(), ex.size());
}

TEST_F(DataTsv, WriteThenReadRoundTrips) {
  const std::vector<Example> ex{{"samedi 21 novembre 2026", "2026-11-21"}, {"注意力", "attention"}};
  const fs::path p = dir_ / "out.tsv";
  writeTsv(p, ex);
  EXPECT_EQ(readTsv(p, TaskKind::Seq2Seq), ex);
  EXPECT_THROW(writeTsv(p, {{"a\tb", "c"}}), Error);
  EXPECT_THROW(writeTsv(p, {{"a", ""}}), Error);
  EXPECT_EQ(readTsv(p, TaskKind::Seq2Seq), ex);  // a refused write leaves the file as it was
}

TEST_F(DataTsv, BadFractionsAreErrors) {
  const std::vector<Example> ex{{"a", "b"}, {"c", "d"}};
  EXPECT_THROW(splitExamples(ex, {1, 0.5, 0.5, true}), Error);
  EXPECT_THROW(splitExamples(ex, {1, -0.1, 0.1, true}), Error);
  EXPECT_THROW(splitExamples({{"a", "b"}}, {1, 0.5, 0.4, true}), Error);  // nothing left to train
}

}  // namespace
}  // namespace attn::data
