// The provenance record (core/jobs/provenance.h) and the data source it names: JSON written and
// read back to the same struct, the keys files hold, and older files read as well as they can be.
#include <gtest/gtest.h>

#include "jobs/provenance.h"

namespace attn::jobs {
namespace {

using nlohmann::json;

TrainingProvenance aRecord() {
  TrainingProvenance p;
  TsvFile file;
  file.path = "/data/corpus.tsv";
  file.kind = data::TaskKind::Classification;
  file.tokenizer = data::TokenizerKind::Char;
  file.split.seed = 3;
  file.split.validationFraction = 0.2;
  file.split.testFraction = 0.15;
  file.split.shuffle = false;
  file.skipHeader = true;
  p.data = file;
  p.steps = 120;
  p.totalSteps = 170;
  p.seed = 8;
  p.modelSeed = 2;
  p.optimizer = "sgd";
  p.lr = 0.05;
  p.batchSize = 4;
  p.clip = 0.5;
  p.threads = 1;
  p.shuffle = false;
  p.status = RunStatus::StoppedEarly;
  p.stopped = "stopped early: no improvement in 3 validations";
  p.bestStep = 90;
  p.metrics.loss = 0.25;
  p.metrics.accuracy = 0.75;
  p.metrics.examples = 40;
  p.example = "hello";
  p.date = "2026-12-07T20:00:00Z";
  p.tool = "attention-cli 0.1.0";
  p.init = "/models/first.safetensors";
  p.previous = {{"steps", 50}};
  return p;
}

TEST(Provenance, JsonHoldsTheDocumentedKeys) {
  const json t = provenanceToJson(aRecord());
  const json expected = json::parse(R"({
    "data": "/data/corpus.tsv",
    "data_config": {"kind": "classification", "tokenizer": "char", "seed": 3,
                    "validation_fraction": 0.2, "test_fraction": 0.15, "shuffle": false,
                    "skip_header": true},
    "steps": 120, "total_steps": 170, "seed": 8, "model_seed": 2, "optimizer": "sgd",
    "lr": 0.05, "batch_size": 4, "clip": 0.5, "threads": 1, "shuffle": false,
    "status": "stopped_early", "stopped": "stopped early: no improvement in 3 validations",
    "best_step": 90, "validation": {"loss": 0.25, "accuracy": 0.75, "examples": 40},
    "example": "hello", "date": "2026-12-07T20:00:00Z", "tool": "attention-cli 0.1.0",
    "init": "/models/first.safetensors", "previous": {"steps": 50}
  })");
  EXPECT_EQ(t, expected) << t.dump(2);
}

TEST(Provenance, ReadsBackWhatItWrote) {
  const json t = provenanceToJson(aRecord());
  EXPECT_EQ(provenanceToJson(provenanceFromJson(t)), t);
}

TEST(Provenance, AnOldRecordTakesItsStatusFromTheMessage) {
  // As `train` wrote it before "status" and "best_step" (the bundled models' records).
  const json old = json::parse(R"({"task": "copy", "steps": 40, "total_steps": 40,
      "stopped": "stopped early: no improvement in 2 validations",
      "validation": {"exact_match": 0.5, "examples": 10}})");
  const TrainingProvenance p = provenanceFromJson(old);
  EXPECT_EQ(p.status, RunStatus::StoppedEarly);
  EXPECT_EQ(p.bestStep, -1);
  EXPECT_EQ(p.steps, 40);
  ASSERT_TRUE(p.metrics.exactMatch.has_value());
  EXPECT_EQ(*p.metrics.exactMatch, 0.5);
  EXPECT_EQ(provenanceFromJson(json::parse(R"({"stopped": "finished 9 steps"})")).status,
            RunStatus::Completed);
  EXPECT_EQ(provenanceFromJson(json::parse(R"({"stopped": "training diverged: 20 steps"})")).status,
            RunStatus::Diverged);
}

TEST(Provenance, FieldsOfTheWrongTypeKeepTheDefaults) {
  const json odd = json::parse(R"({"task": "copy", "task_config": {"seed": "seven",
      "test_size": 30}, "steps": "many", "lr": "fast", "shuffle": 1})");
  const TrainingProvenance p = provenanceFromJson(odd);
  EXPECT_EQ(p.steps, 0);
  EXPECT_EQ(p.lr, 0);
  EXPECT_TRUE(p.shuffle);
  ASSERT_TRUE(p.data.has_value());
  const data::TaskConfig c = std::get<BuiltInTask>(*p.data).config;
  EXPECT_EQ(c.seed, data::makeTask("copy")->defaultConfig().seed);
  EXPECT_EQ(c.testSize, 30);
}

TEST(RunStatusNames, RoundTripAndRefuseOthers) {
  for (RunStatus s :
       {RunStatus::Completed, RunStatus::Cancelled, RunStatus::StoppedEarly, RunStatus::Diverged})
    EXPECT_EQ(parseRunStatus(runStatusName(s)), s);
  EXPECT_THROW(parseRunStatus("finished"), Error);
}

TsvFile fileAt(const std::string& path) {
  TsvFile f;
  f.path = path;
  return f;
}

TEST(DataSourceNames, SameSourceComparesTasksByNameAndFilesByPath) {
  const json task = {{"task", "copy"}};
  EXPECT_TRUE(sameSourceAsRecorded(BuiltInTask{"copy", {}}, task));
  EXPECT_FALSE(sameSourceAsRecorded(BuiltInTask{"reverse", {}}, task));
  EXPECT_FALSE(sameSourceAsRecorded(fileAt("copy"), task));
  const json file = {{"data", "/data/corpus.tsv"}};
  EXPECT_TRUE(sameSourceAsRecorded(fileAt("/data/corpus.tsv"), file));
  EXPECT_FALSE(sameSourceAsRecorded(fileAt("/data/other.tsv"), file));
}

}  // namespace
}  // namespace attn::jobs
