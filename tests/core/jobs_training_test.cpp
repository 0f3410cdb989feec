// The training job (core/jobs): a run on a tiny built-in task comes back Completed with its
// provenance record filled and written into the model; a cancel, during training or during the
// final measurement, comes back Cancelled with no model; continuing a model adds its steps.
#include <gtest/gtest.h>

#include <regex>

#include "data/encoding.h"
#include "jobs/training_job.h"
#include "models/config_reader.h"
#include "train/evaluate.h"

namespace attn::jobs {
namespace {

using nlohmann::json;

data::TaskConfig tinyCopy() {
  data::TaskConfig c;
  c.seed = 4;
  c.trainSize = 200;
  c.validationSize = 20;
  c.testSize = 12;
  c.minLength = 2;
  c.maxLength = 5;
  c.alphabetSize = 6;
  return c;
}

// The sentiment task at its smallest: classification data, with two labels.
BuiltInTask tinySentiment() {
  data::TaskConfig c;
  c.trainSize = 20;
  c.validationSize = 4;
  c.testSize = 4;
  return BuiltInTask{"sentiment", c};
}

TrainingJob tinyJob() {
  TrainingJob job;
  job.data = BuiltInTask{"copy", tinyCopy()};
  job.modelConfig = {
      {"arch", "rnn_seq2seq"}, {"embed_dim", 8}, {"hidden_dim", 16}, {"attention", "luong"}};
  job.modelSeed = 11;
  job.train.steps = 30;
  job.train.batchSize = 16;
  job.train.evalEvery = 10;
  job.train.evalExamples = 0;
  job.train.schedule.lr = 0.01;
  job.train.seed = 5;
  job.tool = "jobs test";
  return job;
}

TEST(TrainingJob, TinyTaskCompletesWithItsProvenanceRecorded) {
  int started = 0;
  const TrainingOutcome o = runTrainingJob(tinyJob(), {}, [&](const TrainingStart& s) {
    ++started;
    EXPECT_EQ(s.dataName, "copy");
    EXPECT_EQ(s.trainExamples, 200);
    EXPECT_EQ(s.validationExamples, 20);
    EXPECT_EQ(s.leftOut, 0);
  });
  EXPECT_EQ(started, 1);
  ASSERT_EQ(o.status, RunStatus::Completed) << o.message;
  ASSERT_NE(o.model, nullptr);
  EXPECT_EQ(o.message, "finished 30 steps");
  EXPECT_EQ(o.result.steps, 30);
  ASSERT_EQ(o.result.validations.size(), 3u);
  EXPECT_EQ(o.result.keptStep, o.result.bestStep);

  const json& t = o.model->training;
  EXPECT_EQ(t, provenanceToJson(o.provenance));
  EXPECT_EQ(t["task"], "copy");
  EXPECT_EQ(t["task_config"]["seed"], 4);
  EXPECT_EQ(t["task_config"]["test_size"], 12);
  EXPECT_EQ(t["task_config"]["alphabet_size"], 6);
  EXPECT_EQ(t["steps"], 30);
  EXPECT_EQ(t["total_steps"], 30);
  EXPECT_EQ(t["seed"], 5);
  EXPECT_EQ(t["model_seed"], 11);
  EXPECT_EQ(t["optimizer"], "adam");
  EXPECT_EQ(t["lr"], 0.01);
  EXPECT_EQ(t["batch_size"], 16);
  EXPECT_EQ(t["clip"], 1.0);
  EXPECT_EQ(t["threads"], 2);
  EXPECT_EQ(t["shuffle"], true);
  EXPECT_EQ(t["status"], "completed");
  EXPECT_EQ(t["stopped"], "finished 30 steps");
  EXPECT_EQ(t["best_step"], o.result.bestStep);
  EXPECT_EQ(t["tool"], "jobs test");
  EXPECT_TRUE(std::regex_match(t["date"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << t["date"];
  EXPECT_FALSE(t.contains("init"));
  // The example offered to decode first is the test split's first, held out from training.
  const data::Dataset d = data::makeTask("copy")->generate(tinyCopy());
  EXPECT_EQ(t["example"], d.test.front().source);
  EXPECT_EQ(o.example, d.test.front());

  // The recorded metrics are the kept weights measured on the whole validation split, measured
  // here again from the data alone.
  const data::Vocabularies v = vocabulariesOf(*o.model);
  const Metrics again = evaluate(*o.model, data::encodeExamples(d.validation, v), EvalOptions{});
  EXPECT_EQ(t["validation"], again.toJson());
  EXPECT_EQ(t["validation"]["examples"], 20);
}

TEST(TrainingJob, CancelDuringTrainingReturnsCancelledAndNoModel) {
  int64_t lastStep = 0;
  const TrainingOutcome o = runTrainingJob(tinyJob(), [&](const JobProgress& p) {
    EXPECT_EQ(p.stage, JobStage::Training);
    EXPECT_NE(p.training, nullptr);
    EXPECT_EQ(p.total, 30);
    lastStep = p.done;
    return p.done < 7;
  });
  EXPECT_EQ(o.status, RunStatus::Cancelled);
  EXPECT_EQ(o.model, nullptr) << "a half-trained model handed back as a result";
  EXPECT_EQ(o.result.steps, 7);
  EXPECT_EQ(lastStep, 7);
  EXPECT_EQ(o.message, "Cancelled");
}

TEST(TrainingJob, CancelDuringTheFinalMeasurementReturnsCancelledAndNoModel) {
  std::vector<JobStage> stages;
  const TrainingOutcome o = runTrainingJob(tinyJob(), [&](const JobProgress& p) {
    stages.push_back(p.stage);
    return p.stage == JobStage::Training;
  });
  EXPECT_EQ(o.status, RunStatus::Cancelled);
  EXPECT_EQ(o.model, nullptr);
  EXPECT_EQ(o.result.steps, 30);  // every step ran; the cancel came after the last
  ASSERT_EQ(stages.size(), 31u);
  EXPECT_EQ(stages.back(), JobStage::Evaluating);
}

TEST(TrainingJob, EarlyStoppingAndItsKeptStepAreRecorded) {
  TrainingJob job = tinyJob();
  job.train.steps = 200;
  job.train.evalEvery = 1;
  job.train.evalExamples = 4;
  job.train.patience = 1;
  job.train.schedule.lr = 1e-6;  // nothing changes: the second validation is no improvement
  const TrainingOutcome o = runTrainingJob(job);
  ASSERT_EQ(o.status, RunStatus::StoppedEarly) << o.message;
  ASSERT_NE(o.model, nullptr);
  EXPECT_EQ(o.result.steps, 2);
  EXPECT_EQ(o.result.bestStep, 1);
  EXPECT_EQ(o.model->training["status"], "stopped_early");
  EXPECT_EQ(o.model->training["best_step"], 1);
}

TEST(TrainingJob, ClassificationDataForASeq2SeqModelIsADataMismatch) {
  TrainingJob job = tinyJob();
  job.data = tinySentiment();
  EXPECT_THROW(runTrainingJob(job), DataMismatch);
}

// The GUI and the CLI may send only "arch": the table's defaults make a working attention model.
TEST(TrainingJob, ArchAloneMakesABahdanauAttentionModel) {
  TrainingJob job = tinyJob();
  job.modelConfig = {{"arch", "rnn_seq2seq"}};
  job.train.steps = 2;
  job.train.evalEvery = 0;
  const TrainingOutcome o = runTrainingJob(job);
  ASSERT_NE(o.model, nullptr) << o.message;
  const json& c = o.model->config;
  EXPECT_EQ(c["attention"], "bahdanau");
  EXPECT_EQ(c["score"], "additive");
  EXPECT_EQ(c["cell"], "gru");
  EXPECT_EQ(c["bidirectional"], true);
  EXPECT_EQ(c["embed_dim"], 32);
  EXPECT_EQ(c["hidden_dim"], 64);
  EXPECT_EQ(c["attention_dim"], 64);
}

// The job reads the config with readConfig(): every bad key in one ConfigError, before training.
TEST(TrainingJob, EveryProblemOfTheModelConfigIsInOneError) {
  TrainingJob job = tinyJob();
  job.modelConfig = {
      {"arch", "rnn_seq2seq"}, {"hidden_dim", 0}, {"num_layers", 99}, {"cell", "tree"}};
  bool progressed = false;
  try {
    runTrainingJob(job, [&](const JobProgress&) { return progressed = true; });
    FAIL() << "accepted";
  } catch (const ConfigError& e) {
    std::vector<std::string> keys;
    for (const ConfigProblem& p : e.problems()) keys.push_back(p.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"cell", "hidden_dim", "num_layers"}));
    EXPECT_NE(std::string(e.what()).find("\"num_layers\" is 99, outside 1..16"), std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(progressed);
}

// The classifier's num_classes comes from the labels of the data (sentiment: two).
TEST(TrainingJob, TheClassifiersClassCountComesFromTheLabels) {
  TrainingJob job = tinyJob();
  job.data = tinySentiment();
  job.modelConfig = {{"arch", "structured_self_attention"}, {"hops", 2}};
  job.train.steps = 1;
  job.train.evalEvery = 0;
  const TrainingOutcome o = runTrainingJob(job);
  ASSERT_NE(o.model, nullptr) << o.message;
  EXPECT_EQ(o.model->config["num_classes"], 2);
  EXPECT_EQ(o.model->config["hops"], 2);
  EXPECT_EQ(o.model->config["mlp_dim"], 64);  // the table's default
}

TEST(TrainingJob, ContinuingAModelKeepsItsVocabulariesAndCountsAllSteps) {
  const TrainingOutcome first = runTrainingJob(tinyJob());
  ASSERT_NE(first.model, nullptr);
  const std::string path = ::testing::TempDir() + "jobs_first.safetensors";
  saveModel(path, *first.model);
  TrainingJob more = tinyJob();
  more.initModel = path;
  more.train.steps = 10;
  const TrainingOutcome second = runTrainingJob(more);
  ASSERT_EQ(second.status, RunStatus::Completed) << second.message;
  EXPECT_TRUE(second.model->srcVocab == first.model->srcVocab);
  EXPECT_EQ(second.model->config, first.model->config);
  const json& t = second.model->training;
  EXPECT_EQ(t["steps"], 10);
  EXPECT_EQ(t["total_steps"], 40);
  EXPECT_EQ(t["init"], path);
  EXPECT_EQ(t["previous"], first.model->training);
  EXPECT_FALSE(t.contains("model_seed"));  // the weights came from the file, not from a seed
}

}  // namespace
}  // namespace attn::jobs
