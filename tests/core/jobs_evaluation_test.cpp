// The evaluation job (core/jobs): it reproduces what `attention-cli eval` printed for the bundled
// models before the job existed (resources/models/METRICS.json, written by that command), rebuilds
// the recorded test split of a model whose metadata predates the provenance record, scores beam
// search like a per-sentence decode does, and stops when its progress callback says so.
#include <gtest/gtest.h>

#include <fstream>

#include "decode/decoder.h"
#include "jobs/evaluation_job.h"
#include "jobs/training_job.h"
#include "test_paths.h"

namespace attn::jobs {
namespace {

using nlohmann::json;

const std::string kModels = std::string(ATTN_TEST_DATA_DIR) + "/../../resources/models/";

json recordedTestMetrics(const std::string& name) {
  std::ifstream in(kModels + "METRICS.json");
  const json all = json::parse(in);
  for (const json& m : all["models"])
    if (m["name"] == name) return m["test"];
  ADD_FAILURE() << name << " is not in METRICS.json";
  return json::object();
}

std::shared_ptr<const Model> bundled(const std::string& file) {
  return std::make_shared<const Model>(loadModel(kModels + file));
}

TEST(EvaluationJob, ReproducesWhatEvalPrintedForTheBundledToyFrModel) {
  const json before = recordedTestMetrics("toyfr-luong");
  EvaluationJob job;
  job.model = bundled("toyfr-luong.safetensors");
  // No data given: the model's own record, which predates "status" and "best_step".
  EXPECT_FALSE(job.model->training.contains("status"));
  const EvaluationOutcome o = runEvaluationJob(job);
  ASSERT_EQ(o.status, RunStatus::Completed);
  EXPECT_EQ(o.split, EvalSplit::Test);
  EXPECT_FALSE(o.beamSearch);
  EXPECT_EQ(sourceName(o.data), before["task"].get<std::string>());
  EXPECT_EQ(o.metrics.examples, before["examples"].get<int64_t>());
  ASSERT_TRUE(o.metrics.exactMatch && o.metrics.tokenAccuracy && o.metrics.bleu && o.metrics.loss);
  EXPECT_DOUBLE_EQ(*o.metrics.exactMatch, before["exact_match"].get<double>());
  EXPECT_NEAR(*o.metrics.tokenAccuracy, before["token_accuracy"].get<double>(), 1e-12);
  EXPECT_NEAR(*o.metrics.bleu, before["bleu"].get<double>(), 1e-12);
  // A float32 mean over ~9000 tokens: summation order may differ with the machine's vector width.
  EXPECT_NEAR(*o.metrics.loss, before["loss"].get<double>(), 1e-5);
}

TEST(EvaluationJob, ReproducesWhatEvalPrintedForTheBundledClassifier) {
  const json before = recordedTestMetrics("sentiment-lin");
  EvaluationJob job;
  job.model = bundled("sentiment-lin.safetensors");
  job.beamWidth = 4;  // nothing to decode: ignored
  const EvaluationOutcome o = runEvaluationJob(job);
  ASSERT_EQ(o.status, RunStatus::Completed);
  EXPECT_FALSE(o.beamSearch);
  EXPECT_EQ(o.metrics.examples, before["examples"].get<int64_t>());
  ASSERT_TRUE(o.metrics.accuracy && o.metrics.loss);
  EXPECT_DOUBLE_EQ(*o.metrics.accuracy, before["accuracy"].get<double>());
  EXPECT_NEAR(*o.metrics.loss, before["loss"].get<double>(), 1e-5);
}

TEST(EvaluationJob, AnOldRecordGivesTheSameTestSplitAsTheExplicitTask) {
  // The bundled model's record, as `train` wrote it before the one provenance record.
  const auto model = bundled("toyfr-luong.safetensors");
  const std::optional<DataSourceSpec> recorded = recordedDataSource(model->training);
  ASSERT_TRUE(recorded.has_value());
  data::TaskConfig expected = data::makeTask("toy-fr")->defaultConfig();
  expected.seed = 1;
  expected.trainSize = 20000;
  expected.validationSize = 1000;
  expected.testSize = 1000;
  const BuiltInTask& task = std::get<BuiltInTask>(*recorded);
  EXPECT_EQ(task.name, "toy-fr");
  EXPECT_EQ(taskConfigToJson(task.config), taskConfigToJson(expected));
  SplitsNeeded testOnly;
  testOnly.train = testOnly.validation = false;
  EXPECT_EQ(loadDataset(*recorded, testOnly).test,
            data::makeTask("toy-fr")->generate(expected).test);
}

TEST(EvaluationJob, TheGuisOlderRecordKeepsItsTaskSeed) {
  // What the Training tab wrote before: the task and its seed, the rest the task's defaults.
  const json old = {{"task", "copy"}, {"task_seed", 9}, {"steps", 20}, {"seconds", 0.4}};
  const std::optional<DataSourceSpec> recorded = recordedDataSource(old);
  ASSERT_TRUE(recorded.has_value());
  data::TaskConfig expected = data::makeTask("copy")->defaultConfig();
  expected.seed = 9;
  EXPECT_EQ(taskConfigToJson(std::get<BuiltInTask>(*recorded).config), taskConfigToJson(expected));
  const json file = {{"file", "/tmp/corpus.tsv"}, {"steps", 20}};
  const std::optional<DataSourceSpec> tsv = recordedDataSource(file);
  ASSERT_TRUE(tsv.has_value());
  EXPECT_EQ(std::get<TsvFile>(*tsv).path, "/tmp/corpus.tsv");
  EXPECT_FALSE(recordedDataSource(json::object()).has_value());
  EXPECT_FALSE(recordedDataSource(json()).has_value());
}

TEST(EvaluationJob, BeamSearchScoresWhatPerSentenceBeamDecodingOutputs) {
  EvaluationJob job;
  job.model = bundled("toyfr-luong.safetensors");
  job.beamWidth = 3;
  job.maxExamples = 40;
  int64_t lastDone = -1, total = 0;
  const EvaluationOutcome o = runEvaluationJob(job, [&](const JobProgress& p) {
    EXPECT_EQ(p.stage, JobStage::Evaluating);
    EXPECT_GE(p.done, lastDone);
    lastDone = p.done;
    total = p.total;
    return true;
  });
  ASSERT_EQ(o.status, RunStatus::Completed);
  EXPECT_TRUE(o.beamSearch);
  EXPECT_EQ(total, 40);
  EXPECT_EQ(lastDone, 40);
  // The same 40 sentences decoded one by one through core/decode's public entry point.
  data::TaskConfig c = std::get<BuiltInTask>(o.data).config;
  c.trainSize = c.validationSize = 0;
  const data::Dataset d = data::makeTask("toy-fr")->generate(c);
  const data::Vocabularies v = vocabulariesOf(*job.model);
  std::vector<TokenIds> hypotheses, references;
  DecodeOptions options;
  options.beamWidth = 3;
  options.topK = 0;
  for (size_t i = 0; i < 40; ++i) {
    TokenIds ids = decodeBeam(*job.model, d.test[i].source, options).outputIds;
    if (!ids.empty() && ids.back() == data::Vocabulary::kEos) ids.pop_back();
    hypotheses.push_back(ids);
    references.push_back(data::encodeExamples({d.test[i]}, v).examples.front().target);
  }
  ASSERT_TRUE(o.metrics.exactMatch && o.metrics.bleu);
  EXPECT_DOUBLE_EQ(*o.metrics.exactMatch, exactMatch(hypotheses, references));
  EXPECT_DOUBLE_EQ(*o.metrics.bleu, corpusBleu(hypotheses, references));
  EXPECT_EQ(o.metrics.examples, 40);
}

TEST(EvaluationJob, ACancelDuringBeamSearchReturnsCancelledWithoutNumbers) {
  EvaluationJob job;
  job.model = bundled("toyfr-luong.safetensors");
  job.beamWidth = 2;
  job.maxExamples = 30;
  const EvaluationOutcome o =
      runEvaluationJob(job, [](const JobProgress& p) { return p.done < 5; });
  EXPECT_EQ(o.status, RunStatus::Cancelled);
  EXPECT_FALSE(o.metrics.exactMatch.has_value());
  EXPECT_FALSE(o.metrics.loss.has_value());
}

TEST(EvaluationJob, AnotherFileIsMeasuredWhole) {
  const std::string path = ::testing::TempDir() + "jobs_other.tsv";
  std::ofstream(path) << "le chat\tthe cat\nle chien\tthe dog\nun chat\ta cat\n";
  EvaluationJob job;
  job.model = bundled("toyfr-luong.safetensors");
  TsvFile other;
  other.path = path;
  job.data = other;
  const EvaluationOutcome o = runEvaluationJob(job);
  EXPECT_EQ(o.split, EvalSplit::All);
  EXPECT_EQ(o.metrics.examples, 3);
  job.split = EvalSplit::Test;
  EXPECT_THROW(runEvaluationJob(job), EmptySplit);  // 3 sources: 10% of them rounds to none
}

TEST(EvaluationJob, ATaskOfTheWrongKindIsADataMismatch) {
  EvaluationJob job;
  job.model = bundled("toyfr-luong.safetensors");
  job.data = BuiltInTask{"sentiment", data::makeTask("sentiment")->defaultConfig()};
  EXPECT_THROW(runEvaluationJob(job), DataMismatch);
}

}  // namespace
}  // namespace attn::jobs
