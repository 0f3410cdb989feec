// What `attention-cli train` keeps and records: the best validated weights, the step they come
// from (in its summary line, its --help and the model's best_step), and a provenance record that
// is the one the job API (core/jobs) writes, key for key.
#include <regex>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "jobs/training_job.h"
#include "models/model.h"

namespace attn::test {
namespace {

using nlohmann::json;

class TrainProvenance : public CliTest {};

TEST_F(TrainProvenance, HelpSaysTheBestValidatedWeightsAreKept) {
  const ProgramRun run = runCli("train --help");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("best validated weights"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("best_step"), std::string::npos) << run.out;
}

TEST_F(TrainProvenance, SummaryAndMetadataNameTheStepWhoseWeightsWereKept) {
  const std::string out = path("m.safetensors");
  const ProgramRun run = runCli(std::string("train ") + kTinyTask + " " + kTinyArch +
                                " --steps 60 --lr 0.01 --eval-every 20 --out " + quoted(out));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      run.err, m, std::regex("kept the best validated weights, those of step (\\d+)")))
      << run.err;
  const int kept = std::stoi(m[1]);
  EXPECT_TRUE(kept == 20 || kept == 40 || kept == 60) << kept;  // a step that was validated
  const Model model = loadModel(out);
  EXPECT_EQ(model.training["best_step"], kept);
  EXPECT_EQ(model.training["status"], "completed");
}

TEST_F(TrainProvenance, TheCliAndTheJobApiWriteTheSameRecord) {
  const std::string out = path("cli.safetensors");
  const ProgramRun run = runCli(std::string("train ") + kTinyTask + " " + kTinyArch +
                                " --steps 30 --lr 0.01 --seed 3 --out " + quoted(out));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Model cli = loadModel(out);

  // The same run through the job API: kTinyTask's flags on the task's defaults, the model the
  // CLI built, the trainer's defaults, which are the CLI's.
  data::TaskConfig task = data::makeTask("copy")->defaultConfig();
  task.trainSize = 300;
  task.validationSize = 20;
  task.testSize = 24;
  task.minLength = 2;
  task.maxLength = 5;
  jobs::TrainingJob job;
  job.data = jobs::BuiltInTask{"copy", task};
  job.modelConfig = cli.config;
  job.modelSeed = 3;
  job.train.steps = 30;
  job.train.schedule.lr = 0.01;
  job.train.seed = 3;
  job.tool = cli.training["tool"].get<std::string>();
  const jobs::TrainingOutcome api = jobs::runTrainingJob(job);
  ASSERT_EQ(api.status, RunStatus::Completed) << api.message;

  json a = cli.training, b = api.model->training;
  for (json* t : {&a, &b}) t->erase("date");  // the only field that differs between two runs
  EXPECT_EQ(a, b) << "CLI:\n" << a.dump(2) << "\njob API:\n" << b.dump(2);
  for (const char* key : {"task", "task_config", "steps", "total_steps", "seed", "model_seed",
                          "optimizer", "lr", "batch_size", "clip", "threads", "shuffle", "status",
                          "stopped", "best_step", "validation", "example", "tool"})
    EXPECT_TRUE(cli.training.contains(key)) << key << " in " << cli.training.dump();
}

}  // namespace
}  // namespace attn::test
