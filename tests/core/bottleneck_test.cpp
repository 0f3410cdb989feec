// The bottleneck experiment: length buckets and per-bucket scores against hand values, the two
// configs, the data (an even test set that never overlaps train), and tiny runs that complete,
// agree between one and two threads, report progress and cancel.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <set>

#include "bottleneck_tiny.h"
#include "data/tokenizer.h"
#include "experiment/bottleneck.h"
#include "experiment/bottleneck_data.h"
#include "sanitizers.h"
#include "util/check.h"

namespace attn::experiment {
namespace {

TEST(BottleneckBuckets, CutTheRangeIntoEqualWidthsWithANarrowerLastOne) {
  const std::vector<LengthBucket> b = lengthBuckets(5, 40, 5);
  ASSERT_EQ(b.size(), 8u);
  EXPECT_EQ(b.front(), (LengthBucket{5, 9}));
  EXPECT_EQ(b[6], (LengthBucket{35, 39}));
  EXPECT_EQ(b.back(), (LengthBucket{40, 40}));
  EXPECT_EQ(lengthBuckets(3, 8, 3), (std::vector<LengthBucket>{{3, 5}, {6, 8}}));
  EXPECT_EQ(lengthBuckets(7, 7, 10), (std::vector<LengthBucket>{{7, 7}}));
  EXPECT_EQ(bucketOf(b, 5), 0);
  EXPECT_EQ(bucketOf(b, 9), 0);
  EXPECT_EQ(bucketOf(b, 10), 1);
  EXPECT_EQ(bucketOf(b, 40), 7);
  EXPECT_EQ(bucketOf(b, 4), -1);
  EXPECT_EQ(bucketOf(b, 41), -1);
  EXPECT_THROW(lengthBuckets(0, 10, 2), Error);
  EXPECT_THROW(lengthBuckets(10, 9, 2), Error);
  EXPECT_THROW(lengthBuckets(1, 9, 0), Error);
}

TEST(BottleneckScores, ExactMatchAndCorpusBleuOfEachBucketByHand) {
  const std::vector<LengthBucket> buckets{{1, 2}, {3, 4}, {5, 6}};
  // Bucket 1-2: a perfect output and 5 6 7 8 for 5 6 7 9. Bucket 3-4: one output, the reference
  // reversed. Bucket 5-6: nothing.
  const std::vector<int64_t> lengths{2, 1, 4};
  const std::vector<TokenIds> hyps{{1, 2, 3, 4}, {5, 6, 7, 8}, {4, 3, 2, 1}};
  const std::vector<TokenIds> refs{{1, 2, 3, 4}, {5, 6, 7, 9}, {1, 2, 3, 4}};
  const std::vector<BucketScore> s = scoreByBucket(buckets, lengths, hyps, refs);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].examples, 2);
  EXPECT_DOUBLE_EQ(s[0].exactMatch, 0.5);
  // Clipped matches over both sentences: 1-grams 7/8, 2-grams 5/6, 3-grams 3/4, 4-grams 1/2;
  // as long as the references, so no brevity penalty.
  EXPECT_NEAR(s[0].bleu, std::pow(7.0 / 8 * 5.0 / 6 * 3.0 / 4 * 1.0 / 2, 0.25), 1e-12);
  EXPECT_EQ(s[1].examples, 1);
  EXPECT_DOUBLE_EQ(s[1].exactMatch, 0.0);
  EXPECT_DOUBLE_EQ(s[1].bleu, 0.0);  // every unigram matches, no bigram does
  EXPECT_EQ(s[2].examples, 0);
  EXPECT_EQ(s[2].bucket, (LengthBucket{5, 6}));
  EXPECT_THROW(scoreByBucket(buckets, {7}, {{1}}, {{1}}), InternalError);
}

TEST(BottleneckConfigs, DifferOnlyInAttention) {
  BottleneckSettings s;
  const auto configs = bottleneckConfigs(s);
  const nlohmann::json& with = configs[kWithAttention];
  const nlohmann::json& without = configs[kWithoutAttention];
  EXPECT_EQ(with["arch"], "rnn_seq2seq");
  EXPECT_EQ(with["attention"], "bahdanau");
  EXPECT_EQ(without["attention"], "none");
  for (const auto& [key, value] : with.items()) {
    if (key == "attention" || key == "score" || key == "attention_dim") continue;
    EXPECT_EQ(without.at(key), value) << key;
  }
  EXPECT_FALSE(without.contains("score"));
  EXPECT_FALSE(without.contains("attention_dim"));
}

BottleneckSettings tinySettings() {
  return attn::test::tinyBottleneckSettings(12);
}

TEST(BottleneckData, SameNumberOfTestSentencesInEveryBucketNoneOfThemInTrain) {
  BottleneckSettings s = tinySettings();
  s.maxLength = 12;
  s.testPerBucket = 25;
  const auto buckets = lengthBuckets(s.minLength, s.maxLength, s.bucketWidth);
  const BottleneckData d = makeBottleneckData(s, buckets);
  ASSERT_EQ(d.dataset.test.size(), 25 * buckets.size());
  ASSERT_EQ(d.testSourceLengths.size(), d.dataset.test.size());
  std::vector<int> perBucket(buckets.size(), 0);
  std::set<std::string> test;
  for (size_t i = 0; i < d.dataset.test.size(); ++i) {
    const auto tokens = data::tokenize(d.dataset.test[i].source, data::TokenizerKind::Word);
    EXPECT_EQ(static_cast<int64_t>(tokens.size()), d.testSourceLengths[i]);
    const int64_t b = bucketOf(buckets, d.testSourceLengths[i]);
    ASSERT_GE(b, 0);
    ++perBucket[static_cast<size_t>(b)];
    test.insert(d.dataset.test[i].source);
  }
  for (int n : perBucket) EXPECT_EQ(n, 25);
  EXPECT_GT(d.dataset.train.size(), 250u);  // a few short ones may be test sentences
  for (const data::Example& e : d.dataset.train) {
    EXPECT_FALSE(test.count(e.source)) << e.source;
    const auto n = static_cast<int64_t>(data::tokenize(e.source, data::TokenizerKind::Word).size());
    EXPECT_GE(n, s.minLength);
    EXPECT_LE(n, s.maxLength);
  }
  // The test sentences depend on the data seed and the buckets, not on the train size.
  BottleneckSettings more = s;
  more.trainSize = 600;
  EXPECT_EQ(makeBottleneckData(more, buckets).dataset.test, d.dataset.test);
  BottleneckSettings other = s;
  other.dataSeed = 2;
  EXPECT_NE(makeBottleneckData(other, buckets).dataset.test, d.dataset.test);
}

TEST(BottleneckData, AClassificationTaskOrAnImpossibleBucketIsRefused) {
  BottleneckSettings s = tinySettings();
  s.task = "sentiment";
  EXPECT_THROW(makeBottleneckData(s, lengthBuckets(3, 8, 3)), Error);
  s = tinySettings();
  s.alphabetSize = 2;
  s.testPerBucket = 50;  // only 2³ = 8 distinct sources of length 3
  EXPECT_THROW(makeBottleneckData(s, {{3, 3}}), Error);
}

void expectConsistent(const BottleneckResult& r) {
  ASSERT_EQ(r.buckets.size(), 2u);
  EXPECT_EQ(r.testExamples, 16);
  for (const BottleneckModelResult& m : r.models) {
    ASSERT_EQ(m.buckets.size(), 2u);
    double em = 0, n = 0;
    for (const BucketScore& b : m.buckets) {
      EXPECT_EQ(b.examples, 8);
      EXPECT_GE(b.exactMatch, 0);
      EXPECT_LE(b.exactMatch, 1);
      EXPECT_GE(b.bleu, 0);
      EXPECT_LE(b.bleu, 1);
      em += b.exactMatch * static_cast<double>(b.examples);
      n += static_cast<double>(b.examples);
    }
    EXPECT_NEAR(m.exactMatch, em / n, 1e-12);  // the whole test set is the sum of its buckets
    EXPECT_GT(m.finalLoss, 0);
    EXPECT_GT(m.trainSeconds, 0);
  }
  EXPECT_EQ(r.models[kWithoutAttention].label, "no attention");
  EXPECT_EQ(r.models[kWithAttention].label, "attention (bahdanau)");
  EXPECT_GT(r.models[kWithAttention].parameters, r.models[kWithoutAttention].parameters);
}

TEST(BottleneckRun, ATinyRunCompletesWithTheSameNumbersOnOneThreadOrTwo) {
  BottleneckSettings s = tinySettings();
  std::vector<double> fractions;
  std::array<int64_t, 2> lastStep{0, 0};
  const BottleneckResult parallel = runBottleneck(s, [&](const BottleneckProgress& p) {
    fractions.push_back(p.fraction);
    lastStep = p.step;
    return true;
  });
  EXPECT_FALSE(parallel.cancelled);
  expectConsistent(parallel);
  EXPECT_EQ(lastStep, (std::array<int64_t, 2>{12, 12}));
  ASSERT_FALSE(fractions.empty());
  for (size_t i = 1; i < fractions.size(); ++i) EXPECT_GE(fractions[i], fractions[i - 1]);
  EXPECT_DOUBLE_EQ(fractions.back(), 1.0);

  s.parallel = false;
  const BottleneckResult sequential = runBottleneck(s);
  for (int m = 0; m < 2; ++m) {
    const auto& a = parallel.models[static_cast<size_t>(m)];
    const auto& b = sequential.models[static_cast<size_t>(m)];
    EXPECT_EQ(a.finalLoss, b.finalLoss);
    for (size_t k = 0; k < a.buckets.size(); ++k) {
      EXPECT_EQ(a.buckets[k].exactMatch, b.buckets[k].exactMatch);
      EXPECT_EQ(a.buckets[k].bleu, b.buckets[k].bleu);
    }
  }
}

// The experiment's point, on a setting small enough for a test (about a second of CPU): with a
// state of 32 numbers, the model without attention reverses short sequences and fails on long
// ones; the same model with attention reverses them all.
TEST(BottleneckRun, WithoutAttentionTheScoresFallAsSourcesGrow) {
  ATTN_SKIP_CONVERGENCE_UNDER_SANITIZERS();
  BottleneckSettings s;
  s.task = "reverse";
  s.minLength = 3;
  s.maxLength = 14;
  s.bucketWidth = 4;
  s.trainSize = 3000;
  s.testPerBucket = 30;
  s.steps = 600;
  s.lr = 0.01;
  s.model = {{"cell", "gru"},         {"embed_dim", 16},         {"hidden_dim", 32},
             {"bidirectional", true}, {"attention", "bahdanau"}, {"attention_dim", 16}};
  const BottleneckResult r = runBottleneck(s);
  const auto& without = r.models[kWithoutAttention].buckets;
  const auto& with = r.models[kWithAttention].buckets;
  ASSERT_EQ(without.size(), 3u);
  EXPECT_GT(without[0].exactMatch, 0.5);  // 3-6 symbols fit in the vector...
  EXPECT_LT(without[2].exactMatch, 0.1);  // ...11-14 do not
  EXPECT_GT(without[0].bleu, 2 * without[2].bleu);
  for (const BucketScore& b : with) {
    EXPECT_GT(b.exactMatch, 0.9) << b.bucket.lo << "-" << b.bucket.hi;
    EXPECT_GT(b.bleu, 0.95);
  }
}

TEST(BottleneckRun, CancelStopsBothModelsAndReturnsNoScores) {
  for (bool parallel : {true, false}) {
    BottleneckSettings s = tinySettings();
    s.parallel = parallel;
    s.steps = 100000;  // would take minutes
    std::atomic<int64_t> maxStep{0};
    const BottleneckResult r = runBottleneck(s, [&](const BottleneckProgress& p) {
      maxStep = std::max({maxStep.load(), p.step[0], p.step[1]});
      return maxStep < 5;
    });
    EXPECT_TRUE(r.cancelled);
    EXPECT_LT(maxStep.load(), 10);
    for (const BottleneckModelResult& m : r.models) EXPECT_TRUE(m.buckets.empty());
  }
  // Cancelled while the data is generated: nothing trains.
  bool trained = false;
  const BottleneckResult r = runBottleneck(tinySettings(), [&](const BottleneckProgress& p) {
    trained = trained || p.step[0] > 0 || p.step[1] > 0;
    return false;
  });
  EXPECT_TRUE(r.cancelled);
  EXPECT_FALSE(trained);
}

TEST(BottleneckRun, BadSettingsFailBeforeAnyWork) {
  BottleneckSettings s = tinySettings();
  s.model["attention"] = "none";
  bool called = false;
  EXPECT_THROW(runBottleneck(s, [&](const BottleneckProgress&) { return called = true; }), Error);
  EXPECT_FALSE(called);
  s = tinySettings();
  s.model["hidden_dim"] = -3;
  EXPECT_THROW(runBottleneck(s), Error);
}

}  // namespace
}  // namespace attn::experiment
