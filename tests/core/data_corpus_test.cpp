// Parallel text files (one sentence per line) and the corpus filters: line counts that must
// match, empty sides, headers, and length bounds and duplicates counted as the report says.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "data/corpus.h"
#include "data/tokenizer.h"
#include "errors.h"
#include "util/check.h"

namespace attn::data {
namespace {

namespace fs = std::filesystem;

using test::errorOf;

TEST(DataParallel, PairsLineByLine) {
  const Corpus c = parseParallelCorpus("\xEF\xBB\xBFGo.\r\nHi.\r\nRun!\r\n", "X.en",
                                       "Va !\nSalut !\nCours !", "X.fr");
  ASSERT_EQ(c.examples.size(), 3u);
  EXPECT_EQ(c.examples[0], (Example{"Go.", "Va !"}));
  EXPECT_EQ(c.examples[2], (Example{"Run!", "Cours !"}));
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_EQ(c.name, "X");
}

TEST(DataParallel, MismatchedLineCountsNameBothFilesAndCounts) {
  const std::string e =
      errorOf([] { parseParallelCorpus("a\nb\nc\n", "train.en", "x\ny\n", "train.fr"); });
  EXPECT_NE(e.find("\"train.en\" has 3 and \"train.fr\" has 2"), std::string::npos) << e;
  // A last line without its newline is still one line, not a mismatch.
  EXPECT_EQ(parseParallelCorpus("a\nb", "s", "x\ny\n", "t").examples.size(), 2u);
}

TEST(DataParallel, EmptySidesAreLeftOutWithOneWarning) {
  const Corpus c = parseParallelCorpus("a\n\nc\nd\n", "s.en", "x\ny\n \nw\n", "s.fr");
  ASSERT_EQ(c.examples.size(), 2u);
  EXPECT_EQ(c.examples[1], (Example{"d", "w"}));
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].find("s.en:2: left out 2 line pairs with an empty side"),
            std::string::npos)
      << c.warnings[0];
}

TEST(DataParallel, BadUtf8NamesTheFileAndLine) {
  const std::string e = errorOf([] { parseParallelCorpus("a\nb\n", "s.en", "x\n\xFF\n", "s.fr"); });
  EXPECT_NE(e.find("s.fr:2: invalid UTF-8"), std::string::npos) << e;
  EXPECT_NE(e.find("UTF-8"), std::string::npos) << e;
}

TEST(DataParallel, HeaderWarningAndSkipHeader) {
  const Corpus c = parseParallelCorpus("en\nthe cat\n", "s.en", "fr\nle chat\n", "s.fr");
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].find("--skip-header"), std::string::npos);
  ParallelOptions o;
  o.skipHeader = true;
  const Corpus s = parseParallelCorpus("en\nthe cat\n", "s.en", "fr\nle chat\n", "s.fr", o);
  ASSERT_EQ(s.examples.size(), 1u);
  EXPECT_EQ(s.examples[0], (Example{"the cat", "le chat"}));
}

TEST(DataParallel, ReadsFilesFromDisk) {
  const fs::path dir = fs::temp_directory_path() / "attn_data_parallel";
  fs::create_directories(dir);
  std::ofstream(dir / "a.en") << "one\ntwo\n";
  std::ofstream(dir / "a.fr") << "un\n";
  const std::string e = errorOf([&] { readParallelCorpus(dir / "a.en", dir / "a.fr"); });
  EXPECT_NE(e.find("a.en\" has 2"), std::string::npos) << e;
  EXPECT_NE(e.find("a.fr\" has 1"), std::string::npos) << e;
  EXPECT_THROW(readParallelCorpus(dir / "a.en", dir / "absent.fr"), Error);
  fs::remove_all(dir);
}

TEST(DataCorpusFilter, LengthBoundsInTokensAndDedup) {
  std::vector<Example> ex = {{"a b c", "x"},            // kept
                             {"a b c d", "x"},          // source of 4 > 3
                             {"a", "x y z w"},          // target of 4 > 3
                             {"a b c", "x"},            // duplicate of the first
                             {"a b c d e", "x y z w"},  // both too long: counted as source
                             {"a b c", "y"}};           // same source, other target: kept
  CorpusFilter f;
  f.maxSourceTokens = 3;
  f.maxTargetTokens = 3;
  f.dedup = true;
  const FilterReport r = filterExamples(
      ex, f, [](std::string_view s) { return int64_t(tokenize(s, TokenizerKind::Word).size()); });
  EXPECT_EQ(r.kept, 2);
  EXPECT_EQ(r.sourceTooLong, 2);
  EXPECT_EQ(r.targetTooLong, 1);
  EXPECT_EQ(r.duplicates, 1);
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0], (Example{"a b c", "x"}));
  EXPECT_EQ(ex[1], (Example{"a b c", "y"}));
  EXPECT_EQ(r.summary(),
            "kept 2 of 6 examples: left out 2 with a source too long, 1 with a target too long, "
            "1 duplicates");
}

TEST(DataCorpusFilter, NoFilterKeepsEverything) {
  std::vector<Example> ex = {{"a", "x"}, {"a", "x"}};
  const FilterReport r = filterExamples(ex, CorpusFilter{});
  EXPECT_EQ(r.kept, 2);
  EXPECT_EQ(ex.size(), 2u);
  EXPECT_EQ(r.summary(), "kept 2 of 2 examples");
}

TEST(DataCorpus, DatasetFromAnEmptyCorpusIsAnError) {
  Corpus c;
  c.origin = "\"empty.tsv\"";
  const std::string e =
      errorOf([&] { datasetFromCorpus(c, TaskKind::Seq2Seq, TokenizerKind::Word); });
  EXPECT_EQ(e, "\"empty.tsv\" holds no examples");
}

}  // namespace
}  // namespace attn::data
