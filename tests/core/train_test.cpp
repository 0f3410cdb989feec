// Training: metrics worked by hand, the schedule, small models that converge in seconds,
// cancelling, and a run that blows up without leaving broken weights.
#include <gtest/gtest.h>

#include <cmath>

#include "data/encoding.h"
#include "data/tasks/task.h"
#include "sanitizers.h"
#include "train/evaluate.h"
#include "train/trainer.h"
#include "util/check.h"

namespace attn {
namespace {

TEST(TrainMetrics, ExactMatchCountsWholeSequences) {
  EXPECT_DOUBLE_EQ(exactMatch({{1, 2}, {3}, {4, 5}}, {{1, 2}, {3, 4}, {4, 5}}), 2.0 / 3.0);
}

TEST(TrainMetrics, BleuOfIdenticalCorpusIsOne) {
  EXPECT_DOUBLE_EQ(corpusBleu({{1, 2, 3, 4, 5}}, {{1, 2, 3, 4, 5}}), 1.0);
}

TEST(TrainMetrics, BleuByHand) {
  // hyp 1 2 3 4 6 vs ref 1 2 3 4 5: p1 = 4/5, p2 = 3/4, p3 = 2/3, p4 = 1/2, same length.
  const double expected = std::pow(0.8 * 0.75 * (2.0 / 3.0) * 0.5, 0.25);
  EXPECT_NEAR(corpusBleu({{1, 2, 3, 4, 6}}, {{1, 2, 3, 4, 5}}), expected, 1e-12);
}

TEST(TrainMetrics, BleuClipsRepeatedWordsAndPenalisesShortOutput) {
  // "7 7 7 7" against "7 8 9 10 11": unigram 7 counts once (clipped); no bigram matches.
  EXPECT_EQ(corpusBleu({{7, 7, 7, 7}}, {{7, 8, 9, 10, 11}}), 0.0);
  // Short but perfect 4 tokens against 5: brevity penalty exp(1 − 5/4) on precisions of 1.
  EXPECT_NEAR(corpusBleu({{1, 2, 3, 4}}, {{1, 2, 3, 4, 5}}), std::exp(1 - 5.0 / 4.0), 1e-12);
}

TEST(TrainSchedule, WarmupThenLinearDecay) {
  LrSchedule s{1.0, 4, LrDecay::Linear, 0.0};
  EXPECT_DOUBLE_EQ(s.at(0, 14), 0.25);
  EXPECT_DOUBLE_EQ(s.at(3, 14), 1.0);
  EXPECT_DOUBLE_EQ(s.at(4, 14), 1.0);
  EXPECT_DOUBLE_EQ(s.at(9, 14), 0.5);
  EXPECT_DOUBLE_EQ(s.at(14, 14), 0.0);
}

TEST(TrainSchedule, ConstantWithoutDecayAndCosineEndsAtFloor) {
  EXPECT_DOUBLE_EQ((LrSchedule{0.1}).at(50, 100), 0.1);
  LrSchedule c{1.0, 0, LrDecay::Cosine, 0.1};
  EXPECT_DOUBLE_EQ(c.at(0, 10), 1.0);
  EXPECT_NEAR(c.at(10, 10), 0.1, 1e-12);
  EXPECT_NEAR(c.at(5, 10), 0.55, 1e-12);
}

struct SmallTask {
  data::Dataset dataset;
  data::Vocabularies vocabs;
  data::EncodedSplit train, validation;
};

SmallTask smallTask(const std::string& name, int64_t trainSize) {
  auto task = data::makeTask(name);
  data::TaskConfig tc = task->defaultConfig();
  tc.seed = 3;
  tc.trainSize = trainSize;
  tc.validationSize = 200;
  tc.testSize = 200;
  tc.minLength = 2;
  tc.maxLength = 5;
  tc.alphabetSize = 6;
  SmallTask s;
  s.dataset = task->generate(tc);
  s.vocabs = data::buildVocabularies(s.dataset);
  s.train = data::encodeExamples(s.dataset.train, s.vocabs);
  s.validation = data::encodeExamples(s.dataset.validation, s.vocabs);
  return s;
}

Model smallRnnModel(const SmallTask& t, const std::string& attention) {
  nlohmann::json config = {{"arch", "rnn_seq2seq"}, {"cell", "gru"},
                           {"embed_dim", 16},       {"hidden_dim", 32},
                           {"bidirectional", true}, {"attention", attention}};
  return createModel(config, t.vocabs.tokenizer, t.vocabs.source, t.vocabs.target, {}, 7);
}

TEST(Train, BahdanauGruLearnsToReverseInSeconds) {
  ATTN_SKIP_CONVERGENCE_UNDER_SANITIZERS();
  SmallTask t = smallTask("reverse", 3000);
  Model m = smallRnnModel(t, "bahdanau");
  TrainConfig c;
  c.steps = 600;
  c.schedule.lr = 0.01;
  c.evalEvery = 200;
  TrainResult r = train(m, t.train, t.validation, c);
  EXPECT_EQ(r.status, RunStatus::Completed);
  EXPECT_EQ(r.steps, 600);
  ASSERT_FALSE(r.validations.empty());
  EXPECT_GE(*r.best.exactMatch, 0.9) << "validation exact match " << *r.best.exactMatch;
  EXPECT_LT(r.losses.back().loss, r.losses.front().loss / 5);
}

TEST(Train, CopyWithoutAttentionConvergesToo) {
  ATTN_SKIP_CONVERGENCE_UNDER_SANITIZERS();
  SmallTask t = smallTask("copy", 3000);
  Model m = smallRnnModel(t, "none");
  TrainConfig c;
  c.steps = 600;
  c.schedule.lr = 0.01;
  c.evalEvery = 300;
  TrainResult r = train(m, t.train, t.validation, c);
  EXPECT_GE(*r.best.exactMatch, 0.8) << "validation exact match " << *r.best.exactMatch;
}

TEST(Train, ProgressCallbackCancels) {
  SmallTask t = smallTask("copy", 500);
  Model m = smallRnnModel(t, "luong");
  TrainConfig c;
  c.steps = 1000;
  int calls = 0;
  TrainResult r = train(m, t.train, {}, c, [&](const TrainProgress& p) {
    ++calls;
    EXPECT_EQ(p.step, calls);
    EXPECT_EQ(p.totalSteps, 1000);
    return p.step < 5;
  });
  EXPECT_EQ(r.status, RunStatus::Cancelled);
  EXPECT_EQ(r.steps, 5);
  EXPECT_EQ(r.message, "Cancelled");
}

TEST(Train, KeepsTheBestValidatedWeightsAndSaysFromWhichStep) {
  SmallTask t = smallTask("copy", 300);
  TrainConfig c;
  c.steps = 40;
  c.evalEvery = 10;
  c.evalExamples = 50;
  c.schedule.lr = 0.02;
  Model kept = smallRnnModel(t, "luong");
  const TrainResult r = train(kept, t.train, t.validation, c);
  ASSERT_EQ(r.validations.size(), 4u);
  EXPECT_EQ(r.keptStep, r.bestStep);
  // The weights the model ends with score exactly what the best validation scored.
  EvalOptions eo;
  eo.maxExamples = c.evalExamples;
  EXPECT_EQ(evaluate(kept, t.validation, eo).headline(), r.best.headline());

  c.restoreBest = false;
  Model last = smallRnnModel(t, "luong");
  EXPECT_EQ(train(last, t.train, t.validation, c).keptStep, 40);
}

TEST(Train, ExplodingRunStopsWithFiniteWeights) {
  SmallTask t = smallTask("copy", 500);
  Model m = smallRnnModel(t, "bahdanau");
  TrainConfig c;
  c.steps = 200;
  c.optimizer = "sgd";
  c.schedule.lr = 1e30;  // the first update sends the weights to infinity
  c.clip = 0;
  TrainResult r = train(m, t.train, {}, c);
  EXPECT_EQ(r.status, RunStatus::Diverged);
  EXPECT_NE(r.message.find("not a number"), std::string::npos) << r.message;
  // Every update blows the weights up, so each finite step is undone by the non-finite one after
  // it: the weights kept are the initial ones.
  EXPECT_EQ(r.keptStep, 0);
  for (const Var& p : m.network().parameters()) EXPECT_TRUE(p.value().arr().isFinite().all());
}

TEST(Train, BadConfigGivesClearErrors) {
  SmallTask t = smallTask("copy", 100);
  Model m = smallRnnModel(t, "none");
  TrainConfig c;
  EXPECT_THROW(train(m, t.train, {}, c), Error);  // neither steps nor epochs
  c.steps = 1;
  c.optimizer = "rmsprop";
  EXPECT_THROW(train(m, t.train, {}, c), Error);
  c.optimizer = "adam";
  c.schedule.lr = -1;
  EXPECT_THROW(train(m, t.train, {}, c), Error);
}

}  // namespace
}  // namespace attn
