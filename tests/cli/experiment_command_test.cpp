// attention-cli experiment bottleneck end to end: a tiny setting run to the end with its JSON,
// CSV and table; the bundled settings as defaults with flags on top; bad settings files and
// flags; Ctrl-C leaving existing outputs as they were.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <sstream>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "test_paths.h"

namespace attn::test {
namespace {

using nlohmann::json;

// Small enough for well under a second: reverse, 3-8 symbols, 12 steps of tiny models.
const std::string kTinySettings = R"({
  "task": "reverse", "min_length": 3, "max_length": 8, "bucket_width": 3,
  "train_size": 300, "test_per_bucket": 8, "steps": 12, "batch_size": 16,
  "model": {"cell": "gru", "embed_dim": 8, "hidden_dim": 16, "bidirectional": true,
            "attention": "bahdanau", "attention_dim": 8}
})";

class ExperimentCommand : public CliTest {
 protected:
  std::string tinySettings() const {
    writeText("tiny.json", kTinySettings);
    return path("tiny.json");
  }
};

TEST_F(ExperimentCommand, ATinyRunWritesItsJsonCsvAndTable) {
  const ProgramRun run =
      runCli("experiment bottleneck --settings " + quoted(tinySettings()) + " --out " +
             quoted(path("r.json")) + " --csv " + quoted(path("r.csv")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const json r = json::parse(slurp(path("r.json")));
  EXPECT_EQ(r["format"], "attention-studio.bottleneck-result/1");
  EXPECT_EQ(r["buckets"], json::parse("[[3, 5], [6, 8]]"));
  EXPECT_EQ(r["test_examples"], 16);
  EXPECT_EQ(r["settings"]["task"], "reverse");
  EXPECT_EQ(r["settings"]["steps"], 12);
  EXPECT_TRUE(r["tool"].get<std::string>().rfind("attention-cli ", 0) == 0);
  for (const char* name : {"no_attention", "attention"}) {
    const json& m = r["models"][name];
    ASSERT_EQ(m["buckets"].size(), 2u) << name;
    for (const json& b : m["buckets"]) {
      EXPECT_EQ(b["examples"], 8);
      EXPECT_GE(b["exact_match"].get<double>(), 0.0);
      EXPECT_LE(b["bleu"].get<double>(), 1.0);
    }
    EXPECT_GT(m["parameters"].get<int64_t>(), 0);
  }
  EXPECT_EQ(r["models"]["no_attention"]["config"]["attention"], "none");
  EXPECT_EQ(r["models"]["attention"]["config"]["attention"], "bahdanau");

  // The CSV holds the JSON's numbers, a line per bucket.
  std::istringstream csv(slurp(path("r.csv")));
  std::string header, line;
  std::getline(csv, header);
  EXPECT_EQ(header,
            "length_min,length_max,examples,no_attention_exact_match,no_attention_bleu,"
            "attention_exact_match,attention_bleu");
  std::vector<std::string> lines;
  while (std::getline(csv, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 2u);
  char expected[160];
  const json& a = r["models"]["attention"]["buckets"][1];
  const json& n = r["models"]["no_attention"]["buckets"][1];
  std::snprintf(expected, sizeof expected, "6,8,8,%.6f,%.6f,%.6f,%.6f",
                n["exact_match"].get<double>(), n["bleu"].get<double>(),
                a["exact_match"].get<double>(), a["bleu"].get<double>());
  EXPECT_EQ(lines[1], expected);

  // stdout: a row per bucket and the whole test set.
  EXPECT_NE(run.out.find("3-5 "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("6-8 "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("all "), std::string::npos) << run.out;
  // stderr: the progress, in plain lines since it is not a terminal.
  EXPECT_NE(run.err.find("Generating the data"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("attention: measured"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find('\r'), std::string::npos);
}

TEST_F(ExperimentCommand, TheBundledSettingsAreTheDefaultAndFlagsOverrideThem) {
  const ProgramRun bundled = runCli("experiment bottleneck --print-settings");
  ASSERT_EQ(bundled.exitCode, 0) << bundled.err;
  const json fromFile =
      json::parse(slurp(ATTN_TEST_DATA_DIR "/../../resources/experiments/bottleneck.json"));
  json printed = json::parse(bundled.out);
  for (const auto& [key, value] : fromFile.items())
    if (key != "description") EXPECT_EQ(printed[key], value) << key;

  const ProgramRun flags =
      runCli("experiment bottleneck --print-settings --steps 7 --task copy --sequential --lr 0.02");
  ASSERT_EQ(flags.exitCode, 0) << flags.err;
  printed = json::parse(flags.out);
  EXPECT_EQ(printed["steps"], 7);
  EXPECT_EQ(printed["task"], "copy");
  EXPECT_EQ(printed["parallel"], false);
  EXPECT_DOUBLE_EQ(printed["lr"].get<double>(), 0.02);
  EXPECT_EQ(printed["max_length"], fromFile["max_length"]);
}

TEST_F(ExperimentCommand, BadSettingsFailWithOneLineAndStatus1) {
  writeText("bad.json", R"({"task": "reverse", "stepz": 3})");
  ProgramRun run = runCli("experiment bottleneck --settings " + quoted(path("bad.json")));
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
  EXPECT_NE(run.err.find("bad.json: bottleneck settings: unknown key \"stepz\""), std::string::npos)
      << run.err;

  writeText("none.json", R"({"model": {"embed_dim": 8, "hidden_dim": 8, "attention": "none"}})");
  run = runCli("experiment bottleneck --settings " + quoted(path("none.json")));
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("\"attention\""), std::string::npos) << run.err;

  writeText("broken.json", "{ \"task\": ");
  run = runCli("experiment bottleneck --settings " + quoted(path("broken.json")));
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("not valid JSON"), std::string::npos) << run.err;

  run = runCli("experiment bottleneck --settings " + quoted(path("missing.json")));
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("missing.json"), std::string::npos) << run.err;
}

TEST_F(ExperimentCommand, CommandLineMistakesAreStatus2AndWriteNothing) {
  const std::string settings = tinySettings();
  for (const std::string& args :
       {std::string("experiment"), std::string("experiment nonsense"),
        std::string("experiment bottleneck --steps 0"),
        std::string("experiment bottleneck --task sentiment"),
        std::string("experiment bottleneck --min-length 30 --max-length 10"),
        std::string("experiment bottleneck --settings ") + quoted(settings) +
            " --min-length 1 --max-length 300 --bucket-width 1"}) {
    const ProgramRun run = runCli(args + " --out " + quoted(path("r.json")));
    EXPECT_EQ(run.exitCode, 2) << args << "\n" << run.err;
    EXPECT_EQ(lineCount(run.err), 1) << args << "\n" << run.err;
  }
  EXPECT_FALSE(std::filesystem::exists(path("r.json")));
  // An output that cannot be written fails before the run, with status 1.
  const ProgramRun run = runCli("experiment bottleneck --settings " + quoted(settings) + " --out " +
                                quoted(path("no/such/folder/r.json")));
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.err.find("does not exist"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("Generating"), std::string::npos) << run.err;
}

TEST_F(ExperimentCommand, SigintCancelsAndLeavesExistingOutputsAsTheyWere) {
  writeText("r.json", "precious json");
  writeText("r.csv", "precious csv");
  const std::string errPath = path("stderr.txt");
  tinySettings();
  const std::string settings = path("tiny.json"), out = path("r.json"), csv = path("r.csv");
  // "Generating the data" is printed once the handler is installed; then both models train.
  const InterruptedRun run = interruptAfter(ATTN_CLI_PATH,
                                            {"experiment", "bottleneck", "--settings", settings,
                                             "--steps", "10000000", "--out", out, "--csv", csv},
                                            errPath, "Generating", std::chrono::milliseconds(300));
  ASSERT_TRUE(run.stopped) << "attention-cli experiment did not stop after SIGINT";
  const std::string& err = run.err;
  const int status = run.status;
  ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal; stderr: " << err;
  EXPECT_EQ(WEXITSTATUS(status), 1) << err;
  const std::string last = "attention-cli: error: cancelled\n";
  ASSERT_GE(err.size(), last.size()) << err;
  EXPECT_EQ(err.substr(err.size() - last.size()), last) << err;
  EXPECT_EQ(slurp(path("r.json")), "precious json");
  EXPECT_EQ(slurp(path("r.csv")), "precious csv");
}

}  // namespace
}  // namespace attn::test
