// attention-cli export end to end, on a hand-written trace with two maps and two heads: a folder
// of CSV matrices, one CSV file for one picked matrix, the JSON re-write, and failures that
// write nothing.
#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "trace/trace_json.h"

namespace attn::test {
namespace {

using nlohmann::json;

// Source "a,b" checks the CSV quoting; encoder_self has two heads, cross one.
constexpr const char* kTrace = R"({
  "format": "attention-studio.trace/1",
  "source_tokens": ["a,b", "c", "<eos>"],
  "target_tokens": ["x", "<eos>"],
  "attention": {
    "cross": [[[[0.5, 0.5, 0], [0, 0.25, 0.75]]]],
    "encoder_self": [[[[1, 0, 0], [0, 1, 0], [0, 0, 1]],
                      [[0.2, 0.3, 0.5], [1, 0, 0], [0, 1, 0]]]]
  },
  "log_probs": [[-0.1, -2.4], [-3.0, -0.05]]
})";

class ExportCommand : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    writeText("trace.json", kTrace);
  }
  std::string trace() const { return " --trace " + quoted(path("trace.json")); }
};

TEST_F(ExportCommand, CsvFolderHoldsOneMatrixPerMapLayerAndHead) {
  const ProgramRun run = runCli("export" + trace() + " --csv " + quoted(path("maps")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(lineCount(run.out), 3) << run.out;  // the paths written
  EXPECT_EQ(slurp(path("maps/cross_layer0_head0.csv")),
            "query,\"a,b\",c,<eos>\nx,0.5,0.5,0\n<eos>,0,0.25,0.75\n");
  EXPECT_TRUE(std::filesystem::exists(path("maps/encoder_self_layer0_head0.csv")));
  const std::string head1 = slurp(path("maps/encoder_self_layer0_head1.csv"));
  EXPECT_EQ(head1.substr(0, head1.find('\n')), "query,\"a,b\",c,<eos>");
  EXPECT_EQ(lineCount(head1), 4);
}

TEST_F(ExportCommand, CsvFolderNamedWithATrailingSlashIsCreated) {
  const ProgramRun run = runCli("export" + trace() + " --csv " + quoted(path("maps") + "/"));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(path("maps/cross_layer0_head0.csv")));
}

TEST_F(ExportCommand, CsvFileHoldsTheOnePickedMatrix) {
  const ProgramRun run =
      runCli("export" + trace() + " --map encoder_self --layer 0 --head 1 --csv " +
             quoted(path("one.csv")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(slurp(path("one.csv")),
            "query,\"a,b\",c,<eos>\n\"a,b\",0.2,0.3,0.5\nc,1,0,0\n<eos>,0,1,0\n");
}

TEST_F(ExportCommand, CsvFileRefusesASelectionOfSeveralMatrices) {
  const ProgramRun run = runCli("export" + trace() + " --csv " + quoted(path("all.csv")));
  EXPECT_EQ(run.exitCode, 2) << run.err;
  EXPECT_NE(run.err.find("--map"), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
  EXPECT_FALSE(std::filesystem::exists(path("all.csv")));
}

TEST_F(ExportCommand, JsonRewritesTheCheckedTraceOrThePickedMap) {
  ASSERT_EQ(runCli("export" + trace() + " --json " + quoted(path("all.json"))).exitCode, 0);
  const Trace all = readTraceFile(path("all.json"));
  EXPECT_EQ(all.attention.size(), 2u);
  EXPECT_EQ(all.logProbs.size(), 2u);
  const ProgramRun run = runCli("export" + trace() + " --map encoder_self --head 1 --json " +
                                quoted(path("one.json")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const Trace one = readTraceFile(path("one.json"));
  ASSERT_EQ(one.attention.size(), 1u);
  const AttentionMap& m = one.attention.at(MapKind::EncoderSelf);
  EXPECT_EQ(m.heads, 1);
  EXPECT_FLOAT_EQ(m.at(0, 0, 0, 2), 0.5f);
}

TEST_F(ExportCommand, BadTracesExitOneAndWriteNothing) {
  writeText("not-json.json", "{ this is not");
  // Row 0 of cross sums to 0.9: not a distribution, so not a trace.
  writeText("bad-rows.json", R"({"format": "attention-studio.trace/1", "source_tokens": ["a"],
                                 "target_tokens": ["b"], "attention": {"cross": [[[[0.9]]]]}})");
  for (const char* name : {"not-json.json", "bad-rows.json", "missing.json"}) {
    for (const std::string& out :
         {" --csv " + quoted(path("out")), " --json " + quoted(path("o.json"))}) {
      const ProgramRun run = runCli("export --trace " + quoted(path(name)) + out);
      EXPECT_EQ(run.exitCode, 1) << name << run.err;
      EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
      EXPECT_EQ(lineCount(run.err), 1) << run.err;
    }
  }
  EXPECT_FALSE(std::filesystem::exists(path("out")));
  EXPECT_FALSE(std::filesystem::exists(path("o.json")));
}

// The flags select what the trace does not have: a command-line mistake, status 2.
TEST_F(ExportCommand, UnknownMapOrHeadExitsTwoAndWritesNothing) {
  for (const char* pick : {" --map hops", " --map cross --head 1", " --layer 5"}) {
    const ProgramRun run = runCli("export" + trace() + pick + " --csv " + quoted(path("out")));
    EXPECT_EQ(run.exitCode, 2) << pick << run.err;
    EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
    EXPECT_EQ(lineCount(run.err), 1) << run.err;
  }
  EXPECT_FALSE(std::filesystem::exists(path("out")));
}

TEST_F(ExportCommand, NeedsExactlyOneOutputFlag) {
  EXPECT_EQ(runCli("export" + trace()).exitCode, 2);
  EXPECT_EQ(runCli("export" + trace() + " --csv a --json b.json").exitCode, 2);
  EXPECT_EQ(runCli("export --csv a").exitCode, 2);
}

}  // namespace
}  // namespace attn::test
