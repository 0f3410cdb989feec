// attention-cli decode and inspect end to end: the output line, the trace file, the trace JSON
// on stdout (greedy and teacher-forced), and their failures.
#include <cmath>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "trace/trace_json.h"

namespace attn::test {
namespace {

using nlohmann::json;

class DecodeCommand : public CliTest {};

TEST_F(DecodeCommand, PrintsTheOutputSentenceOnOneLine) {
  const std::string model = trainTinyModel();
  for (const char* beam : {"", " --beam 3"}) {
    const ProgramRun run = runCli("decode --model " + quoted(model) + beam + " '1 2 3'");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(lineCount(run.out), 1) << run.out;
    EXPECT_EQ(run.out.find("<eos>"), std::string::npos) << run.out;
  }
}

TEST_F(DecodeCommand, TraceFileHoldsTheSameOutput) {
  const std::string model = trainTinyModel();
  const std::string tracePath = path("trace.json");
  const ProgramRun run =
      runCli("decode --model " + quoted(model) + " --trace " + quoted(tracePath) + " '3 1 4'");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Trace trace = readTraceFile(tracePath);  // throws if the file breaks §5
  EXPECT_EQ(trace.sourceTokens, (std::vector<std::string>{"3", "1", "4", "<eos>"}));
  std::string output;
  for (const std::string& t : trace.targetTokens)
    if (t != "<eos>") output += (output.empty() ? "" : " ") + t;
  EXPECT_EQ(output + "\n", run.out);
  EXPECT_EQ(trace.attention.count(MapKind::Cross), 1u);
}

TEST_F(DecodeCommand, FailuresExitOneAndWriteNoTrace) {
  const std::string model = trainTinyModel();
  writeText("notes.txt", "not a model");
  const std::string tracePath = path("trace.json");
  for (const std::string& args :
       {"decode --model " + quoted(path("missing.safetensors")) + " --trace " + quoted(tracePath) +
            " 'a'",
        "decode --model " + quoted(path("notes.txt")) + " --trace " + quoted(tracePath) + " 'a'",
        "decode --model " + quoted(model) + " --trace " + quoted(tracePath) + " ''",
        "decode --model " + quoted(model) + " --trace " + quoted(path("nowhere/t.json")) +
            " '1'"}) {
    const ProgramRun run = runCli(args);
    EXPECT_EQ(run.exitCode, 1) << args << "\n" << run.err;
    EXPECT_EQ(lineCount(run.err), 1) << run.err;
    EXPECT_EQ(run.out, "");
  }
  EXPECT_FALSE(std::filesystem::exists(tracePath));
}

TEST_F(DecodeCommand, MissingSentenceOrBadBeamExitsTwo) {
  const std::string model = trainTinyModel();
  EXPECT_EQ(runCli("decode --model " + quoted(model)).exitCode, 2);
  EXPECT_EQ(runCli("decode --model " + quoted(model) + " --beam 0 '1 2'").exitCode, 2);
}

void expectRowsAreDistributions(const json& map) {
  for (const json& layer : map)
    for (const json& head : layer)
      for (const json& row : head) {
        double sum = 0;
        for (const json& v : row) sum += v.get<double>();
        EXPECT_NEAR(sum, 1.0, 1e-4);
      }
}

TEST_F(DecodeCommand, InspectPrintsAGreedyTraceWithLogProbs) {
  const std::string model = trainTinyModel();
  const ProgramRun run = runCli("inspect --model " + quoted(model) + " --source '2 7 1'");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json trace = json::parse(run.out);
  EXPECT_EQ(trace["format"], "attention-studio.trace/1");
  EXPECT_EQ(trace["source_tokens"], json({"2", "7", "1", "<eos>"}));
  const size_t steps = trace["target_tokens"].size();
  ASSERT_GE(steps, 1u);
  const json& cross = trace["attention"]["cross"];
  ASSERT_EQ(cross.size(), 1u);     // one layer
  ASSERT_EQ(cross[0].size(), 1u);  // one head
  EXPECT_EQ(cross[0][0].size(), steps);
  EXPECT_EQ(cross[0][0][0].size(), 4u);
  expectRowsAreDistributions(cross);
  ASSERT_EQ(trace["log_probs"].size(), steps);
  double probability = 0;
  for (const json& lp : trace["log_probs"][0]) probability += std::exp(lp.get<double>());
  EXPECT_NEAR(probability, 1.0, 1e-4);
  EXPECT_TRUE(trace.contains("model"));
}

TEST_F(DecodeCommand, InspectWithTargetIsTeacherForced) {
  const std::string model = trainTinyModel();
  const ProgramRun run =
      runCli("inspect --model " + quoted(model) + " --source '2 7 1' --target '9 9'");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json trace = json::parse(run.out);
  EXPECT_EQ(trace["target_tokens"], json({"9", "9", "<eos>"}));
  EXPECT_EQ(trace["attention"]["cross"][0][0].size(), 3u);
  EXPECT_EQ(trace["log_probs"].size(), 3u);
}

TEST_F(DecodeCommand, InspectFailuresExitWithOneLine) {
  const ProgramRun missing =
      runCli("inspect --model " + quoted(path("m.safetensors")) + " --source 'a'");
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_EQ(lineCount(missing.err), 1) << missing.err;
  EXPECT_EQ(missing.out, "");
  const ProgramRun noSource = runCli("inspect --model x");
  EXPECT_EQ(noSource.exitCode, 2);
  EXPECT_NE(noSource.err.find("--source"), std::string::npos) << noSource.err;
}

}  // namespace
}  // namespace attn::test
