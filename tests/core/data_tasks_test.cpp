// Every built-in task: found by name, deterministic for a seed, different for another, splits
// of the asked sizes with no source shared between them; and the copy/reverse/sort rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "data/tasks/symbol_tasks.h"
#include "data/tasks/task.h"
#include "util/check.h"

namespace attn::data {
namespace {

TaskConfig smallConfig(const Task& task, uint64_t seed) {
  TaskConfig c = task.defaultConfig();
  c.seed = seed;
  c.trainSize = 300;
  c.validationSize = 50;
  c.testSize = 50;
  return c;
}

TEST(DataTaskRegistry, ListsTheSixBuiltInTasks) {
  EXPECT_EQ(taskNames(),
            (std::vector<std::string>{"copy", "reverse", "sort", "dates", "toy-fr", "sentiment"}));
  for (const TaskInfo& info : listTasks()) {
    EXPECT_EQ(makeTask(info.name)->name(), info.name);
    EXPECT_FALSE(info.description.empty());
  }
}

TEST(DataTaskRegistry, KindsAndTokenizers) {
  EXPECT_EQ(makeTask("dates")->tokenizer(), TokenizerKind::Char);
  EXPECT_EQ(makeTask("toy-fr")->tokenizer(), TokenizerKind::Word);
  EXPECT_EQ(makeTask("sentiment")->kind(), TaskKind::Classification);
  EXPECT_EQ(makeTask("reverse")->kind(), TaskKind::Seq2Seq);
}

TEST(DataTaskRegistry, UnknownNameListsValidNames) {
  try {
    makeTask("translate");
    FAIL() << "expected attn::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("copy, reverse, sort, dates, toy-fr, sentiment"),
              std::string::npos)
        << e.what();
  }
}

class DataEveryTask : public ::testing::TestWithParam<std::string> {};

TEST_P(DataEveryTask, SameSeedGivesSameData) {
  const auto task = makeTask(GetParam());
  const Dataset a = task->generate(smallConfig(*task, 7));
  const Dataset b = task->generate(smallConfig(*task, 7));
  EXPECT_EQ(a.train, b.train);
  EXPECT_EQ(a.validation, b.validation);
  EXPECT_EQ(a.test, b.test);
}

TEST_P(DataEveryTask, OtherSeedGivesOtherData) {
  const auto task = makeTask(GetParam());
  const Dataset a = task->generate(smallConfig(*task, 7));
  const Dataset b = task->generate(smallConfig(*task, 8));
  EXPECT_NE(a.train, b.train);
  EXPECT_NE(a.test, b.test);
}

TEST_P(DataEveryTask, SplitsHaveAskedSizesAndShareNoSource) {
  const auto task = makeTask(GetParam());
  const Dataset d = task->generate(smallConfig(*task, 3));
  EXPECT_EQ(d.train.size(), 300u);
  EXPECT_EQ(d.validation.size(), 50u);
  EXPECT_EQ(d.test.size(), 50u);
  EXPECT_EQ(d.name, task->name());
  EXPECT_EQ(d.kind, task->kind());
  std::set<std::string> sources;
  for (Split s : {Split::Train, Split::Validation, Split::Test})
    for (const Example& e : d.split(s)) {
      EXPECT_TRUE(sources.insert(e.source).second) << "repeated source: " << e.source;
      EXPECT_FALSE(e.target.empty());
    }
}

TEST_P(DataEveryTask, TestSplitDoesNotDependOnTrainSize) {
  const auto task = makeTask(GetParam());
  TaskConfig c = smallConfig(*task, 5);
  const Dataset small = task->generate(c);
  c.trainSize = 600;
  const Dataset large = task->generate(c);
  EXPECT_EQ(small.test, large.test);
  EXPECT_EQ(small.validation, large.validation);
}

TEST_P(DataEveryTask, LengthBoundsAreRespected) {
  const auto task = makeTask(GetParam());
  TaskConfig c = smallConfig(*task, 2);
  c.minLength = GetParam() == "dates" ? 12 : 5;
  c.maxLength = GetParam() == "dates" ? 18 : 8;
  for (const Example& e : task->generate(c).train) {
    const auto n = static_cast<int64_t>(tokenize(e.source, task->tokenizer()).size());
    EXPECT_GE(n, c.minLength) << e.source;
    EXPECT_LE(n, c.maxLength) << e.source;
  }
}

INSTANTIATE_TEST_SUITE_P(Data, DataEveryTask,
                         ::testing::Values("copy", "reverse", "sort", "dates", "toy-fr",
                                           "sentiment"),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(DataSymbolTasks, TargetsFollowTheRule) {
  for (const char* name : {"copy", "reverse", "sort"}) {
    const auto task = makeTask(name);
    for (const Example& e : task->generate(smallConfig(*task, 1)).train) {
      std::vector<std::string> src = tokenize(e.source, TokenizerKind::Word);
      if (std::string(name) == "reverse") std::reverse(src.begin(), src.end());
      if (std::string(name) == "sort") std::sort(src.begin(), src.end());
      ASSERT_EQ(tokenize(e.target, TokenizerKind::Word), src) << name << ": " << e.source;
    }
  }
}

TEST(DataSymbolTasks, AlphabetAndLengthsAreConfigurable) {
  const auto task = makeTask("copy");
  TaskConfig c = smallConfig(*task, 1);
  c.alphabetSize = 3;
  c.minLength = 6;
  c.maxLength = 6;
  for (const Example& e : task->generate(c).train) {
    const auto tokens = tokenize(e.source, TokenizerKind::Word);
    EXPECT_EQ(tokens.size(), 6u);
    for (const auto& t : tokens) EXPECT_TRUE(t == "0" || t == "1" || t == "2") << t;
  }
  EXPECT_EQ(symbolAlphabet(12), "0123456789ab");
  EXPECT_THROW(symbolAlphabet(1), Error);
  EXPECT_THROW(symbolAlphabet(37), Error);
}

TEST(DataSymbolTasks, TooSmallASpaceIsAClearError) {
  // 2 symbols, length 3: only 8 distinct sequences, 400 asked.
  const auto task = makeTask("reverse");
  TaskConfig c = smallConfig(*task, 1);
  c.alphabetSize = 2;
  c.minLength = 3;
  c.maxLength = 3;
  try {
    task->generate(c);
    FAIL() << "expected attn::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("only 8 distinct"), std::string::npos) << e.what();
  }
}

TEST(DataSymbolTasks, BadConfigsAreErrors) {
  const auto task = makeTask("sort");
  TaskConfig c = task->defaultConfig();
  c.minLength = 9;
  c.maxLength = 4;
  EXPECT_THROW(task->generate(c), Error);
  c = task->defaultConfig();
  c.trainSize = -1;
  EXPECT_THROW(task->generate(c), Error);
}

}  // namespace
}  // namespace attn::data
