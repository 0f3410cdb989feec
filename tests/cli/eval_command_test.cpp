// attention-cli eval end to end: the metrics JSON, the recorded task config reused to rebuild
// the held-out test split, beam search, and its failures.
#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "data/tasks/task.h"
#include "models/model.h"

namespace attn::test {
namespace {

using nlohmann::json;

class EvalCommand : public CliTest {};

TEST_F(EvalCommand, PrintsSeq2SeqMetricsOfTheRecordedTasksTestSplit) {
  const std::string model = trainTinyModel();
  const ProgramRun run = runCli("eval --model " + quoted(model) + " --task copy");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json metrics = json::parse(run.out);
  for (const char* key : {"exact_match", "token_accuracy", "bleu", "loss"}) {
    ASSERT_TRUE(metrics.contains(key)) << key << " in " << run.out;
    EXPECT_GE(metrics[key].get<double>(), 0.0);
  }
  EXPECT_LE(metrics["exact_match"].get<double>(), 1.0);
  EXPECT_EQ(metrics["split"], "test");
  EXPECT_EQ(metrics["decoding"], "greedy");
  // --test-size 24 at train time: the same held-out split, not the task's default 1000.
  EXPECT_EQ(metrics["examples"], 24);
}

TEST_F(EvalCommand, WithoutTaskOrDataUsesWhatTheModelWasTrainedOn) {
  const std::string model = trainTinyModel();
  const ProgramRun explicitTask = runCli("eval --model " + quoted(model) + " --task copy");
  const ProgramRun recorded = runCli("eval --model " + quoted(model));
  ASSERT_EQ(recorded.exitCode, 0) << recorded.err;
  EXPECT_EQ(json::parse(recorded.out), json::parse(explicitTask.out));
}

TEST_F(EvalCommand, FlagsOverrideTheRecordedTaskConfig) {
  const std::string model = trainTinyModel();
  const ProgramRun run = runCli("eval --model " + quoted(model) + " --test-size 10 --split test");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(json::parse(run.out)["examples"], 10);
}

TEST_F(EvalCommand, BeamSearchIsUsedForExactMatchAndBleu) {
  const std::string model = trainTinyModel();
  const ProgramRun run = runCli("eval --model " + quoted(model) + " --beam 3");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json metrics = json::parse(run.out);
  EXPECT_EQ(metrics["decoding"], "beam 3");
  EXPECT_TRUE(metrics.contains("exact_match"));
  EXPECT_TRUE(metrics.contains("bleu"));
}

TEST_F(EvalCommand, MeasuresEveryLineOfAnotherTsvFile) {
  const std::string model = trainTinyModel();
  writeText("test.tsv", "1 2 3\t1 2 3\n4 5\t4 5\n6 6 7 8\t6 6 7 8\n");
  const ProgramRun run =
      runCli("eval --model " + quoted(model) + " --data " + quoted(path("test.tsv")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json metrics = json::parse(run.out);
  EXPECT_EQ(metrics["split"], "all");
  EXPECT_EQ(metrics["examples"], 3);
}

TEST_F(EvalCommand, TheTrainingTsvFileIsMeasuredOnItsHeldOutTestSplit) {
  std::string tsv;
  for (int i = 0; i < 50; ++i) {
    const std::string n = std::to_string(i);
    tsv.append(n).append(" x\t").append(n).append("\n");
  }
  writeText("corpus.tsv", tsv);
  const std::string model = path("m.safetensors");
  const ProgramRun train =
      runCli("train --data " + quoted(path("corpus.tsv")) + " " + kTinyArch +
             " --val-fraction 0.2 --test-fraction 0.2 --steps 5 --out " + quoted(model));
  ASSERT_EQ(train.exitCode, 0) << train.err;
  const ProgramRun run =
      runCli("eval --model " + quoted(model) + " --data " + quoted(path("corpus.tsv")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json metrics = json::parse(run.out);
  EXPECT_EQ(metrics["split"], "test");
  EXPECT_EQ(metrics["examples"], 10);  // 20% of 50 distinct sources
}

TEST_F(EvalCommand, PrintsWhatItPrintedForTheBundledClassifierBefore) {
  // resources/models/METRICS.json holds what `eval` printed for the bundled models when they
  // were trained, before the evaluation job existed.
  const std::string models = std::string(ATTN_TEST_DATA_DIR) + "/../../resources/models/";
  // Parsed into a named value: a range-for over a member of a temporary would dangle.
  const json metrics = json::parse(slurp(models + "METRICS.json"));
  json before;
  for (const json& m : metrics["models"])
    if (m["name"] == "sentiment-lin") before = m["test"];
  ASSERT_TRUE(before.is_object());
  const ProgramRun run = runCli("eval --model " + quoted(models + "sentiment-lin.safetensors"));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json now = json::parse(run.out);
  for (const char* key : {"split", "task", "examples", "accuracy"})
    EXPECT_EQ(now[key], before[key]) << key;
  EXPECT_NEAR(now["loss"].get<double>(), before["loss"].get<double>(), 1e-5);
}

TEST_F(EvalCommand, AModelWithTheGuisOlderRecordStillRebuildsItsTestSplit) {
  // Before the one provenance record, the Training tab wrote only the task and its seed.
  const std::string file = trainTinyModel();
  Model model = loadModel(file);
  model.training = {{"task", "copy"}, {"task_seed", 1}, {"steps", 60}, {"seconds", 0.2}};
  saveModel(file, model);
  const ProgramRun run = runCli("eval --model " + quoted(file));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json metrics = json::parse(run.out);
  EXPECT_EQ(metrics["split"], "test");
  EXPECT_EQ(metrics["task"], "copy");
  // The task's default config with that seed: its default test split.
  EXPECT_EQ(metrics["examples"], data::makeTask("copy")->defaultConfig().testSize);
}

TEST_F(EvalCommand, MissingModelFileExitsOneWithOneLine) {
  const ProgramRun run =
      runCli("eval --model " + quoted(path("missing.safetensors")) + " --task copy");
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find("missing.safetensors"), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST_F(EvalCommand, TextFileIsNotAModelExitsOneWithOneLine) {
  writeText("notes.txt", "these are notes, not a model\n");
  const ProgramRun run = runCli("eval --model " + quoted(path("notes.txt")) + " --task copy");
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
}

// The model file is fine and nothing was measured: the command line named the wrong data.
TEST_F(EvalCommand, TaskOfTheWrongKindForTheModelIsAUsageError) {
  const std::string model = trainTinyModel();
  const ProgramRun run = runCli("eval --model " + quoted(model) + " --task sentiment");
  EXPECT_EQ(run.exitCode, 2) << run.err;
  EXPECT_EQ(run.err.rfind("attention-cli: error: task sentiment is a classification task", 0), 0u)
      << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
}

TEST_F(EvalCommand, ASplitTheTaskDoesNotHaveIsAUsageError) {
  const std::string model = trainTinyModel();
  const ProgramRun run =
      runCli("eval --model " + quoted(model) + " --val-size 0 --split validation");
  EXPECT_EQ(run.exitCode, 2) << run.err;
  EXPECT_NE(run.err.find("the validation split of copy has no example"), std::string::npos)
      << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
}

TEST_F(EvalCommand, UnknownTaskOrMissingModelFlagExitsTwo) {
  const ProgramRun unknown = runCli("eval --model x.safetensors --task no-such-task");
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_NE(unknown.err.find("no-such-task"), std::string::npos) << unknown.err;
  EXPECT_EQ(lineCount(unknown.err), 1) << unknown.err;
  const ProgramRun noModel = runCli("eval --task copy");
  EXPECT_EQ(noModel.exitCode, 2);
  EXPECT_NE(noModel.err.find("--model"), std::string::npos) << noModel.err;
}

}  // namespace
}  // namespace attn::test
