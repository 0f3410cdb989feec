// Data-parallel training steps: the gradient of a batch cut in parts on several threads equals
// the whole batch's gradient on one thread (for every architecture, with padding and unequal
// parts), is the same from run to run, and a trainer using it still learns.
#include <gtest/gtest.h>

#include <cmath>

#include "data/encoding.h"
#include "data/tasks/task.h"
#include "optim/optimizer.h"
#include "train/parallel_step.h"
#include "train/trainer.h"
#include "util/check.h"

namespace attn {
namespace {

struct Task {
  data::Dataset dataset;
  data::Vocabularies vocabs;
  data::EncodedSplit train, validation;
};

Task makeTask(const std::string& name) {
  auto task = data::makeTask(name);
  data::TaskConfig tc = task->defaultConfig();
  tc.seed = 5;
  tc.trainSize = 400;
  tc.validationSize = 100;
  tc.testSize = 10;
  if (name != "sentiment") {
    tc.minLength = 2;
    tc.maxLength = 7;  // rows of unequal length: every part is padded differently
    tc.alphabetSize = 6;
  }
  Task t;
  t.dataset = task->generate(tc);
  t.vocabs = data::buildVocabularies(t.dataset);
  t.train = data::encodeExamples(t.dataset.train, t.vocabs);
  t.validation = data::encodeExamples(t.dataset.validation, t.vocabs);
  return t;
}

Model makeModel(const Task& t, nlohmann::json config) {
  if (config["arch"] == "structured_self_attention") config["num_classes"] = t.vocabs.labels.size();
  return createModel(config, t.vocabs.tokenizer, t.vocabs.source, t.vocabs.target, t.vocabs.labels,
                     11);
}

struct Case {
  const char* task;
  nlohmann::json config;
};

std::vector<Case> cases() {
  return {
      {"reverse",
       {{"arch", "rnn_seq2seq"},
        {"cell", "gru"},
        {"embed_dim", 8},
        {"hidden_dim", 12},
        {"bidirectional", true},
        {"attention", "bahdanau"}}},
      {"copy",
       {{"arch", "rnn_seq2seq"},
        {"cell", "lstm"},
        {"embed_dim", 8},
        {"hidden_dim", 12},
        {"attention", "luong"},
        {"score", "general"},
        {"input_feeding", true}}},
      {"sort",
       {{"arch", "transformer"},
        {"d_model", 16},
        {"nhead", 2},
        {"num_encoder_layers", 1},
        {"num_decoder_layers", 1},
        {"dim_feedforward", 32}}},
      {"sentiment",
       {{"arch", "structured_self_attention"},
        {"cell", "lstm"},
        {"embed_dim", 8},
        {"hidden_dim", 8},
        {"attention_dim", 6},
        {"hops", 3},
        {"mlp_dim", 10},
        {"penalty", 0.5}}},
  };
}

LossBatch firstBatch(const Task& t, int64_t size) {
  data::BatchOptions bo;
  bo.batchSize = size;
  return lossBatch(data::makeBatches(t.train, bo, 0).front());
}

std::vector<Tensor> gradients(Model& m, const LossBatch& b, int parts, double* loss) {
  for (Var p : m.network().parameters()) p.zeroGrad();
  ParallelGradient g(m, parts);
  *loss = g(b);
  std::vector<Tensor> out;
  for (const Var& p : m.network().parameters()) out.push_back(p.grad());
  return out;
}

TEST(ParallelStep, PartsGiveTheWholeBatchGradient) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.config["arch"].get<std::string>());
    const Task t = makeTask(c.task);
    Model m = makeModel(t, c.config);
    const LossBatch b = firstBatch(t, 13);  // 13 rows: parts of 6 and 7, or 4, 4 and 5
    double whole = 0;
    const std::vector<Tensor> reference = gradients(m, b, 1, &whole);
    for (int parts : {2, 3}) {
      double loss = 0;
      const std::vector<Tensor> g = gradients(m, b, parts, &loss);
      EXPECT_NEAR(loss, whole, 1e-5 * std::abs(whole)) << parts << " parts";
      double diff = 0, norm = 0;
      for (size_t i = 0; i < g.size(); ++i) {
        ASSERT_EQ(g[i].defined(), reference[i].defined()) << "parameter " << i;
        if (!g[i].defined()) continue;
        diff += (g[i].arr() - reference[i].arr()).square().sum();
        norm += reference[i].arr().square().sum();
      }
      ASSERT_GT(norm, 0);
      EXPECT_LT(std::sqrt(diff / norm), 1e-5) << parts << " parts";
    }
  }
}

TEST(ParallelStep, SameResultEveryRun) {
  const Case c = cases()[0];
  const Task t = makeTask(c.task);
  Model m = makeModel(t, c.config);
  const LossBatch b = firstBatch(t, 32);
  double l1 = 0, l2 = 0;
  const std::vector<Tensor> g1 = gradients(m, b, 2, &l1), g2 = gradients(m, b, 2, &l2);
  EXPECT_EQ(l1, l2);
  for (size_t i = 0; i < g1.size(); ++i) EXPECT_TRUE((g1[i].arr() == g2[i].arr()).all()) << i;
}

TEST(ParallelStep, ReplicasFollowTheUpdatedWeights) {
  // After an optimizer step the next gradient must be the one at the new weights, on every part.
  const Case c = cases()[2];
  const Task t = makeTask(c.task);
  Model a = makeModel(t, c.config), ref = makeModel(t, c.config);
  const LossBatch b = firstBatch(t, 16);
  ParallelGradient two(a, 2), one(ref, 1);
  Adam adamA(a.network().parameters(), 0.05), adamRef(ref.network().parameters(), 0.05);
  for (int step = 0; step < 3; ++step) {
    adamA.zeroGrad();
    adamRef.zeroGrad();
    const double la = two(b), lr = one(b);
    EXPECT_NEAR(la, lr, 1e-4 * std::abs(lr)) << "step " << step;
    adamA.step();
    adamRef.step();
  }
}

TEST(ParallelStep, SmallBatchesAndErrors) {
  const Case c = cases()[1];
  const Task t = makeTask(c.task);
  Model m = makeModel(t, c.config);
  double whole = 0, loss = 0;
  const LossBatch one = firstBatch(t, 1);
  gradients(m, one, 1, &whole);
  gradients(m, one, 4, &loss);  // one row cannot be cut: runs whole
  EXPECT_EQ(loss, whole);
  EXPECT_THROW(ParallelGradient(m, 0), Error);

  // A bad id in the part a worker runs comes back as the error, not as a crash or a hang.
  LossBatch bad = firstBatch(t, 8);
  bad.src.ids[bad.src.ids.size() - 2] = 100000;
  ParallelGradient g(m, 2);
  try {
    g(bad);
    ADD_FAILURE() << "no error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("outside a vocabulary"), std::string::npos) << e.what();
  }
  EXPECT_GT(g(firstBatch(t, 8)), 0);  // and the workers still run afterwards
}

TEST(ParallelStep, TrainerLearnsWithTwoThreads) {
  const Case c = cases()[0];
  const Task t = makeTask(c.task);
  Model m = makeModel(t, c.config);
  TrainConfig tc;
  tc.steps = 150;
  tc.schedule.lr = 0.02;
  tc.threads = 2;
  const TrainResult r = train(m, t.train, {}, tc);
  EXPECT_EQ(r.steps, 150);
  EXPECT_LT(r.losses.back().loss, r.losses.front().loss / 2);
  tc.threads = 0;
  EXPECT_THROW(train(m, t.train, {}, tc), Error);
}

}  // namespace
}  // namespace attn
