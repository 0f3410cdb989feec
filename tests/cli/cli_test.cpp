// attention-cli end to end: the real binary, its exit codes, and what it prints where.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

struct CliRun {
  int exitCode = -1;
  std::string out;
  std::string err;
};

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs attention-cli with `args` (already shell-quoted where needed), capturing both streams.
CliRun runCli(const std::string& args) {
  static int counter = 0;
  const auto base = std::filesystem::temp_directory_path() /
                    ("attn-cli-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  const auto outPath = base.string() + ".out";
  const auto errPath = base.string() + ".err";
  const std::string command = std::string("'") + ATTN_CLI_PATH + "' " + args + " >'" + outPath +
                              "' 2>'" + errPath + "' </dev/null";
  const int status = std::system(command.c_str());
  CliRun run;
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(outPath);
  run.err = slurp(errPath);
  std::filesystem::remove(outPath);
  std::filesystem::remove(errPath);
  return run;
}

long lineCount(const std::string& text) {
  return std::count(text.begin(), text.end(), '\n');
}

}  // namespace

TEST(AttentionCli, HelpExitsZeroAndPrintsUsageOnStdout) {
  const CliRun run = runCli("--help");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("Usage:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("attention-cli"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("--version"), std::string::npos) << run.out;
  EXPECT_EQ(run.err, "");
}

TEST(AttentionCli, VersionExitsZeroAndPrintsNameAndVersion) {
  const CliRun run = runCli("--version");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(run.out.rfind("attention-cli ", 0), 0u) << run.out;
  EXPECT_EQ(lineCount(run.out), 1) << run.out;
}

TEST(AttentionCli, UnknownFlagExitsTwoWithOneErrorLineOnStderr) {
  const CliRun run = runCli("--no-such-flag");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find("--no-such-flag"), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(AttentionCli, UnknownSubcommandExitsTwoWithOneErrorLineOnStderr) {
  const CliRun run = runCli("frobnicate");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find("frobnicate"), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
}

TEST(AttentionCli, NoSubcommandExitsTwoAndSaysOneIsRequired) {
  const CliRun run = runCli("");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("subcommand"), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
}
