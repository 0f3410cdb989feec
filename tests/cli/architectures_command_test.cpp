// attention-cli with the two other architectures (docs/file-formats.md, Architectures): a
// transformer's trace keeps every head of its three maps, and the structured self-attention
// classifier decodes to a class, is measured by accuracy and traces its hops.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "models/model.h"

namespace attn::test {
namespace {

using nlohmann::json;

class ArchitecturesCommand : public CliTest {};

// [layers][heads][queries][keys] of one map of a trace.
std::vector<size_t> mapShape(const json& map) {
  return {map.size(), map[0].size(), map[0][0].size(), map[0][0][0].size()};
}

TEST_F(ArchitecturesCommand, TransformerTraceKeepsEveryHeadOfEveryMap) {
  const std::string model = path("transformer.safetensors");
  const ProgramRun train = runCli(
      std::string("train ") + kTinyTask +
      " --arch transformer --d-model 16 --nhead 2 --num-encoder-layers 1 --num-decoder-layers 2 "
      "--dim-feedforward 32 --steps 30 --lr 0.005 --out " +
      quoted(model));
  ASSERT_EQ(train.exitCode, 0) << train.err;
  EXPECT_EQ(loadModel(model).config["nhead"], 2);
  const ProgramRun run =
      runCli("inspect --model " + quoted(model) + " --source '1 2 3' --target '1 2 3'");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json trace = json::parse(run.out);
  const size_t s = 4, t = 4;  // three tokens and <eos> on each side
  EXPECT_EQ(mapShape(trace["attention"]["encoder_self"]), (std::vector<size_t>{1, 2, s, s}));
  EXPECT_EQ(mapShape(trace["attention"]["decoder_self"]), (std::vector<size_t>{2, 2, t, t}));
  EXPECT_EQ(mapShape(trace["attention"]["cross"]), (std::vector<size_t>{2, 2, t, s}));
  writeText("trace.json", run.out);
  const ProgramRun csv =
      runCli("export --trace " + quoted(path("trace.json")) + " --csv " + quoted(path("maps")));
  ASSERT_EQ(csv.exitCode, 0) << csv.err;
  EXPECT_EQ(lineCount(csv.out), 2 + 4 + 4);  // one file per layer and head of each map
}

TEST_F(ArchitecturesCommand, ClassifierDecodesToAClassAndIsMeasuredByAccuracy) {
  const std::string model = path("classifier.safetensors");
  const ProgramRun train = runCli(
      "train --task sentiment --train-size 200 --val-size 20 --test-size 20 "
      "--arch structured_self_attention --embed-dim 16 --hidden-dim 8 --attention-dim 8 --hops 3 "
      "--mlp-dim 16 --steps 20 --out " +
      quoted(model));
  ASSERT_EQ(train.exitCode, 0) << train.err;
  const std::vector<std::string> classes = loadModel(model).classes.toList();

  const ProgramRun decode = runCli("decode --model " + quoted(model) + " 'a truly great film'");
  ASSERT_EQ(decode.exitCode, 0) << decode.err;
  const std::string label = decode.out.substr(0, decode.out.find('\n'));
  EXPECT_NE(std::find(classes.begin(), classes.end(), label), classes.end()) << decode.out;

  const ProgramRun eval = runCli("eval --model " + quoted(model));
  ASSERT_EQ(eval.exitCode, 0) << eval.err;
  const json metrics = json::parse(eval.out);
  EXPECT_TRUE(metrics.contains("accuracy")) << eval.out;
  EXPECT_FALSE(metrics.contains("exact_match")) << eval.out;
  EXPECT_EQ(metrics["examples"], 20);

  const ProgramRun inspect =
      runCli("inspect --model " + quoted(model) + " --source 'a great film'");
  ASSERT_EQ(inspect.exitCode, 0) << inspect.err;
  const json trace = json::parse(inspect.out);
  EXPECT_EQ(mapShape(trace["attention"]["hops"]), (std::vector<size_t>{1, 3, 1, 3}));
  EXPECT_EQ(trace["target_tokens"], json({label}));
  EXPECT_EQ(trace["log_probs"][0].size(), classes.size());
}

TEST_F(ArchitecturesCommand, ArchitectureThatCannotLearnTheTaskIsAUsageError) {
  const ProgramRun seq2seqOnClasses =
      runCli(std::string("train --task sentiment --train-size 50 --val-size 5 --test-size 5 ") +
             kTinyArch + " --steps 1 --out " + quoted(path("m.safetensors")));
  EXPECT_EQ(seq2seqOnClasses.exitCode, 2) << seq2seqOnClasses.err;
  EXPECT_EQ(lineCount(seq2seqOnClasses.err), 1) << seq2seqOnClasses.err;
  const ProgramRun classifierOnSequences = runCli(
      std::string("train ") + kTinyTask +
      " --arch structured_self_attention --embed-dim 8 --hidden-dim 8 --attention-dim 8 --hops 1 "
      "--mlp-dim 8 --steps 1 --out " +
      quoted(path("m.safetensors")));
  EXPECT_EQ(classifierOnSequences.exitCode, 2) << classifierOnSequences.err;
  EXPECT_FALSE(std::filesystem::exists(path("m.safetensors")));
}

TEST_F(ArchitecturesCommand, ClassifierRefusesAForcedTarget) {
  const std::string model = path("classifier.safetensors");
  ASSERT_EQ(runCli("train --task sentiment --train-size 50 --val-size 5 --test-size 5 "
                   "--arch structured_self_attention --embed-dim 8 --hidden-dim 8 "
                   "--attention-dim 8 --hops 1 --mlp-dim 8 --steps 2 --out " +
                   quoted(model))
                .exitCode,
            0);
  const ProgramRun run =
      runCli("inspect --model " + quoted(model) + " --source 'good' --target 'positive'");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
}

}  // namespace
}  // namespace attn::test
