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

TEST_F(DataTsv, TwoTabsNamesFileAndLine) {
  const std::string e = errorOf("a\tb\nc\td\te\n");
  EXPECT_NE(e.find("corpus.tsv:2: more than one tab"), std::string::npos) << e;
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
