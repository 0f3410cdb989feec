// The sentiment rules on hand-picked sentences (negation flips, intensifiers do not, the clause
// after "but" decides), and the generator: balanced, and labelled as the rules say.
#include <gtest/gtest.h>

#include "data/tasks/sentiment_lexicon.h"
#include "data/tasks/sentiment_rules.h"
#include "data/tasks/task.h"
#include "util/check.h"

namespace attn::data::sentiment {
namespace {

TEST(DataSentiment, PolarWordsDecide) {
  EXPECT_EQ(label("the movie was good"), "positive");
  EXPECT_EQ(label("the movie was boring"), "negative");
  EXPECT_EQ(label("i loved the music"), "positive");
  EXPECT_EQ(label("my sister hated it"), "negative");
}

TEST(DataSentiment, NegationFlips) {
  EXPECT_EQ(label("the movie was not good"), "negative");
  EXPECT_EQ(label("the movie was never boring"), "positive");
  EXPECT_EQ(label("the plot wasn't bad"), "positive");
  EXPECT_EQ(label("i did not enjoy the film"), "negative");
  EXPECT_EQ(label("we don't hate it"), "positive");
}

TEST(DataSentiment, IntensifiersDoNotFlip) {
  EXPECT_EQ(label("the movie was very good"), "positive");
  EXPECT_EQ(label("the movie was extremely dull"), "negative");
  EXPECT_EQ(label("the movie was not very good"), "negative");
}

TEST(DataSentiment, ClauseAfterButDecides) {
  EXPECT_EQ(label("the acting was great but the plot was boring"), "negative");
  EXPECT_EQ(label("the acting was terrible but the plot was not boring"), "positive");
  EXPECT_EQ(label("honestly , i hated the ending but i loved it"), "positive");
}

TEST(DataSentiment, MainClauseAfterAlthoughDecides) {
  EXPECT_EQ(label("although the food was bland , the service was excellent"), "positive");
  EXPECT_EQ(label("although i loved the music , the story was weak and predictable"), "negative");
}

TEST(DataSentiment, NeutralWordsChangeNothing) {
  EXPECT_EQ(label("we saw it last weekend and the film was wonderful"), "positive");
  EXPECT_EQ(label("to be honest , it was an awful evening last night"), "negative");
}

TEST(DataSentiment, NoPolarityOrConflictIsAnError) {
  EXPECT_THROW(label("we saw it last weekend"), Error);
  EXPECT_THROW(label("the food was good and the service was rude"), Error);
  EXPECT_EQ(polarity({"the", "food", "was", "good"}), 1);
}

TEST(DataSentiment, LexiconListsAreDisjoint) {
  for (const auto& w : positiveAdjectives()) EXPECT_EQ(polarityOf(w), 1) << w;
  for (const auto& w : negativeAdjectives()) EXPECT_EQ(polarityOf(w), -1) << w;
  for (const auto& w : intensifiers()) EXPECT_EQ(polarityOf(w), 0) << w;
  for (const auto& c : neutralClauses())
    for (const auto& w : tokenize(c, TokenizerKind::Word)) {
      EXPECT_EQ(polarityOf(w), 0) << c;
      EXPECT_FALSE(isNegator(w)) << c;
    }
}

TEST(DataSentimentTask, LabelsFollowTheRulesAndAreBalanced) {
  const auto task = makeTask("sentiment");
  TaskConfig c = task->defaultConfig();
  c.trainSize = 4000;
  const Dataset d = task->generate(c);
  int positive = 0, withBut = 0, withNegation = 0;
  for (const Example& e : d.train) {
    ASSERT_EQ(label(e.source), e.target) << e.source;
    positive += e.target == "positive";
    const auto words = tokenize(e.source, TokenizerKind::Word);
    withBut += std::find(words.begin(), words.end(), "but") != words.end();
    withNegation +=
        std::any_of(words.begin(), words.end(), [](const std::string& w) { return isNegator(w); });
  }
  EXPECT_NEAR(positive / 4000.0, 0.5, 0.05);
  // Enough of the hard cases that a bag of polar words cannot reach 95%.
  EXPECT_GT(withBut, 800);
  EXPECT_GT(withNegation, 1200);
}

}  // namespace
}  // namespace attn::data::sentiment
