// attention-cli train end to end: what it writes, what it records, how it fails, and that a run
// that fails or is cancelled never touches an existing --out.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "models/model.h"
#include "test_paths.h"

namespace attn::test {
namespace {

using nlohmann::json;

class TrainCommand : public CliTest {};

TEST_F(TrainCommand, TinyCopyTaskWritesAModelThatLoadsWithItsProvenance) {
  const std::string out = path("m.safetensors");
  const ProgramRun run = runCli(std::string("train ") + kTinyTask + " " + kTinyArch +
                                " --steps 100 --lr 0.01 --seed 7 --out " + quoted(out));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Model model = loadModel(out);
  EXPECT_EQ(model.arch, Arch::RnnSeq2Seq);
  EXPECT_EQ(model.config["hidden_dim"], 16);
  EXPECT_EQ(model.training["task"], "copy");
  EXPECT_EQ(model.training["steps"], 100);
  EXPECT_EQ(model.training["seed"], 7);
  EXPECT_EQ(model.training["task_config"]["test_size"], 24);
  EXPECT_TRUE(model.training["validation"].contains("exact_match")) << model.training.dump();
  EXPECT_TRUE(model.training.contains("date"));
  EXPECT_EQ(model.training["status"], "completed");
  // stdout is the final metrics, as JSON and nothing else.
  const json metrics = json::parse(run.out);
  for (const char* key : {"exact_match", "token_accuracy", "bleu", "loss"})
    EXPECT_TRUE(metrics.contains(key)) << key << " in " << run.out;
  EXPECT_EQ(metrics["split"], "validation");
}

TEST_F(TrainCommand, WithoutATerminalProgressIsPlainLinesOnStderr) {
  const ProgramRun run = runCli(std::string("train ") + kTinyTask + " " + kTinyArch +
                                " --steps 50 --out " + quoted(path("m.safetensors")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(run.err.find('\r'), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("step 10/50"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("step 50/50"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("saved"), std::string::npos) << run.err;
}

TEST_F(TrainCommand, ConfigFileWithFlagsOnTopAndTsvDataInFileOrder) {
  writeText("config.json", R"({"arch": "rnn_seq2seq", "embed_dim": 8, "hidden_dim": 8})");
  std::string tsv;
  for (int i = 0; i < 40; ++i) {
    const std::string a = std::to_string(i % 7), b = std::to_string(i);
    tsv.append("a").append(a).append(" b").append(b).append("\tx").append(a).append("\n");
  }
  writeText("corpus.tsv", tsv);
  const std::string out = path("m.safetensors");
  const ProgramRun run = runCli(
      "train --data " + quoted(path("corpus.tsv")) + " --config " + quoted(path("config.json")) +
      " --hidden-dim 12 --epochs 2 --batch-size 4 " + "--no-shuffle --out " + quoted(out));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Model model = loadModel(out);
  EXPECT_EQ(model.config["hidden_dim"], 12);  // the flag overrides the file
  EXPECT_EQ(model.config["embed_dim"], 8);
  EXPECT_EQ(model.training["data"], path("corpus.tsv"));
  EXPECT_EQ(model.training["data_config"]["shuffle"], false);
  EXPECT_EQ(model.training["shuffle"], false);
}

TEST_F(TrainCommand, InitContinuesWithTheModelsVocabulariesAndRecordsTheFirstRun) {
  const std::string first = trainTinyModel("first.safetensors");
  const std::string out = path("second.safetensors");
  const ProgramRun run = runCli(std::string("train ") + kTinyTask + " --init " + quoted(first) +
                                " --steps 10 --out " + quoted(out));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Model a = loadModel(first), b = loadModel(out);
  EXPECT_TRUE(a.srcVocab == b.srcVocab);
  EXPECT_TRUE(a.tgtVocab == b.tgtVocab);
  EXPECT_EQ(b.config, a.config);
  EXPECT_EQ(b.training["init"], first);
  EXPECT_EQ(b.training["previous"]["steps"], 60);
  EXPECT_EQ(b.training["total_steps"], 70);
}

void expectUsageError(const ProgramRun& run, const std::string& mentions) {
  EXPECT_EQ(run.exitCode, 2) << run.err;
  EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find(mentions), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
}

TEST_F(TrainCommand, ConflictingOrMissingFlagsExitTwoWithOneLine) {
  const std::string out = " --out " + quoted(path("m.safetensors"));
  const std::string base = std::string("train ") + kTinyTask + " " + kTinyArch;
  expectUsageError(runCli(base + " --steps 5 --epochs 2" + out), "--epochs");
  expectUsageError(runCli(base + out), "--steps");
  expectUsageError(runCli(std::string("train ") + kTinyArch + " --steps 5" + out), "--task");
  expectUsageError(runCli(std::string("train ") + kTinyTask + " --steps 5" + out), "--arch");
  expectUsageError(runCli(base + " --steps 5 --data x.tsv" + out), "--data");
  expectUsageError(runCli(base + " --steps 5 --lr -1" + out), "--lr");
  expectUsageError(
      runCli(std::string("train --task no-such-task ") + kTinyArch + " --steps 5" + out),
      "no-such-task");
  EXPECT_FALSE(std::filesystem::exists(path("m.safetensors")));
}

TEST_F(TrainCommand, ArchAloneTrainsABahdanauAttentionModel) {
  const std::string out = path("m.safetensors");
  const ProgramRun run = runCli(std::string("train ") + kTinyTask +
                                " --arch rnn_seq2seq --steps 3 --out " + quoted(out));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Model model = loadModel(out);
  EXPECT_EQ(model.config["attention"], "bahdanau");
  EXPECT_EQ(model.config["score"], "additive");
  EXPECT_EQ(model.config["cell"], "gru");
  EXPECT_EQ(model.config["bidirectional"], true);
  EXPECT_EQ(model.config["hidden_dim"], 64);
  EXPECT_EQ(model.config["attention_dim"], 64);  // follows hidden_dim
}

TEST_F(TrainCommand, EveryBadConfigFlagIsNamedInOneError) {
  const std::string out = " --steps 5 --out " + quoted(path("m.safetensors"));
  const ProgramRun run =
      runCli(std::string("train ") + kTinyTask +
             " --arch rnn_seq2seq --hidden-dim 0 --num-layers 99 --cell tree" + out);
  expectUsageError(run, "--hidden-dim is 0, outside 1..4096");
  EXPECT_NE(run.err.find("--num-layers is 99, outside 1..16"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--cell is \"tree\""), std::string::npos) << run.err;
  // A problem between keys names the flag to change.
  expectUsageError(runCli(std::string("train ") + kTinyTask +
                          " --arch transformer --d-model 10 --nhead 4" + out),
                   "--nhead is 4 and must divide d_model (10)");
  EXPECT_FALSE(std::filesystem::exists(path("m.safetensors")));
}

TEST_F(TrainCommand, FlagsTheModelWouldIgnoreAreRefused) {
  const std::string out = " --steps 5 --out " + quoted(path("m.safetensors"));
  const std::string base = std::string("train ") + kTinyTask;
  // Another architecture's key, and Luong's input feeding with Bahdanau attention.
  const ProgramRun run = runCli(base + " --arch rnn_seq2seq --d-model 16 --input-feeding" + out);
  expectUsageError(run, "--d-model (not a key of rnn_seq2seq)");
  EXPECT_NE(run.err.find("--input-feeding (used only with attention luong)"), std::string::npos)
      << run.err;
  // No attention: no score and no attention size.
  const ProgramRun none =
      runCli(base + " --arch rnn_seq2seq --attention none --score dot --attention-dim 8" + out);
  expectUsageError(none, "--score");
  EXPECT_NE(none.err.find("--attention-dim"), std::string::npos) << none.err;
  // The additive score's size with the general score.
  expectUsageError(runCli(base + " --arch rnn_seq2seq --score general --attention-dim 8" + out),
                   "--attention-dim (used only with attention bahdanau or luong, score additive)");
  // The same keys apply where they belong.
  EXPECT_EQ(runCli(base +
                   " --arch rnn_seq2seq --attention luong --input-feeding --embed-dim 8 "
                   "--hidden-dim 8" +
                   out)
                .exitCode,
            0);
}

// A config file may list keys its model does not use (PyTorch-side configs list every key), but
// each is named in a warning: a misspelt key is never dropped without a word.
TEST_F(TrainCommand, KeysOfAConfigFileTheModelIgnoresAreWarnedAbout) {
  writeText("config.json", R"({"arch": "rnn_seq2seq", "embed_dim": 8, "hiden_dim": 8,
                               "input_feeding": true, "hidden_dim": 8})");
  const ProgramRun run =
      runCli(std::string("train ") + kTinyTask + " --config " + quoted(path("config.json")) +
             " --steps 2 --out " + quoted(path("m.safetensors")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.err.find("attention-cli: warning: " + path("config.json") +
                         ": the rnn_seq2seq model ignores \"hiden_dim\" (not a key of "
                         "rnn_seq2seq), \"input_feeding\" (used only with attention luong)\n"),
            std::string::npos)
      << run.err;
  // With every key used, no warning.
  writeText("used.json", R"({"arch": "rnn_seq2seq", "embed_dim": 8, "hidden_dim": 8})");
  const ProgramRun quiet =
      runCli(std::string("train ") + kTinyTask + " --config " + quoted(path("used.json")) +
             " --steps 2 --out " + quoted(path("m.safetensors")));
  ASSERT_EQ(quiet.exitCode, 0) << quiet.err;
  EXPECT_EQ(quiet.err.find("warning"), std::string::npos) << quiet.err;
}

TEST_F(TrainCommand, InitRefusesArchitectureFlags) {
  const std::string model = trainTinyModel();
  const std::string base = std::string("train ") + kTinyTask + " --init " + quoted(model) +
                           " --steps 5 --out " + quoted(path("out.safetensors"));
  expectUsageError(runCli(base + " --arch rnn_seq2seq"), "--arch");
  expectUsageError(runCli(base + " --hidden-dim 32"), "--hidden-dim");
  EXPECT_FALSE(std::filesystem::exists(path("out.safetensors")));
}

TEST_F(TrainCommand, CheckpointIsALoadableModelAndMustNotBeTheOut) {
  const std::string base = std::string("train ") + kTinyTask + " " + kTinyArch +
                           " --steps 20 --eval-every 10 --out " + quoted(path("m.safetensors"));
  const ProgramRun run = runCli(base + " --checkpoint " + quoted(path("ckpt.safetensors")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(loadModel(path("ckpt.safetensors")).config, loadModel(path("m.safetensors")).config);
  expectUsageError(runCli(base + " --checkpoint " + quoted(path("m.safetensors"))), "--checkpoint");
}

TEST_F(TrainCommand, UnwritableOutFailsBeforeTrainingWithExitOne) {
  writeText("file", "not a folder");
  for (const std::string& out :
       {path("no-such-folder/m.safetensors"), path("file/m.safetensors"), dir_.string()}) {
    const ProgramRun run = runCli(std::string("train ") + kTinyTask + " " + kTinyArch +
                                  " --steps 5 --out " + quoted(out));
    EXPECT_EQ(run.exitCode, 1) << run.err;
    EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
    EXPECT_EQ(lineCount(run.err), 1) << run.err;
  }
}

TEST_F(TrainCommand, BadFilesExitOneWithOneLine) {
  writeText("bad.json", "{ not json");
  writeText("bad.tsv", "no tab on this line\n");
  const std::string out = " --steps 5 --out " + quoted(path("m.safetensors"));
  for (const std::string& args :
       {std::string("train ") + kTinyTask + " --config " + quoted(path("bad.json")) + out,
        std::string("train --data ") + quoted(path("bad.tsv")) + " " + kTinyArch + out,
        std::string("train --data ") + quoted(path("missing.tsv")) + " " + kTinyArch + out,
        std::string("train ") + kTinyTask + " --init " + quoted(path("bad.json")) + out}) {
    const ProgramRun run = runCli(args);
    EXPECT_EQ(run.exitCode, 1) << args << "\n" << run.err;
    EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
    EXPECT_EQ(lineCount(run.err), 1) << run.err;
  }
  EXPECT_FALSE(std::filesystem::exists(path("m.safetensors")));
}

TEST_F(TrainCommand, DivergedRunLeavesAnExistingOutByteIdentical) {
  const std::string out = path("m.safetensors");
  writeText("m.safetensors", "precious bytes");
  // A huge SGD step with no clipping makes every other loss non-finite, so the run gives up.
  const ProgramRun run =
      runCli(std::string("train ") + kTinyTask + " " + kTinyArch +
             " --steps 200 --optimizer sgd --lr 1e30 --clip 0 --out " + quoted(out));
  EXPECT_EQ(run.exitCode, 1) << run.err;
  EXPECT_NE(run.err.find("diverged"), std::string::npos) << run.err;
  EXPECT_EQ(slurp(out), "precious bytes");
}

TEST_F(TrainCommand, SigintCancelsCleanlyAndLeavesAnExistingOutByteIdentical) {
  const std::string out = path("m.safetensors");
  writeText("m.safetensors", "precious bytes");
  const std::string errPath = path("stderr.txt");
  // The "Training ..." line comes after the handler is installed: a SIGINT from then on cancels.
  const InterruptedRun run =
      interruptAfter(ATTN_CLI_PATH,
                     {"train", "--task", "copy", "--train-size", "300", "--val-size", "20",
                      "--test-size", "20", "--arch", "rnn_seq2seq", "--embed-dim", "8",
                      "--hidden-dim", "8", "--steps", "100000000", "--out", out},
                     errPath, "Training", std::chrono::milliseconds(100));
  ASSERT_TRUE(run.stopped) << "attention-cli train did not stop after SIGINT";
  const std::string& err = run.err;
  const int status = run.status;
  ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal; stderr: " << err;
  EXPECT_EQ(WEXITSTATUS(status), 1) << err;
  // Like every other failure: one "attention-cli: error:" line, the last thing printed.
  const std::string last = "attention-cli: error: cancelled\n";
  ASSERT_GE(err.size(), last.size()) << err;
  EXPECT_EQ(err.substr(err.size() - last.size()), last) << err;
  EXPECT_EQ(slurp(out), "precious bytes");
}

}  // namespace
}  // namespace attn::test
