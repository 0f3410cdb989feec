// attention-cli end to end: the real binary, its exit codes, and what it prints where.
#include <gtest/gtest.h>

#include <string>

#include "run_program.h"
#include "test_paths.h"

using attn::test::lineCount;
using attn::test::ProgramRun;

namespace {

ProgramRun runCli(const std::string& args) {
  return attn::test::runProgram(ATTN_CLI_PATH, args);
}

}  // namespace

TEST(AttentionCli, HelpExitsZeroAndPrintsUsageOnStdout) {
  const ProgramRun run = runCli("--help");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("Usage:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("attention-cli"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("--version"), std::string::npos) << run.out;
  EXPECT_EQ(run.err, "");
}

TEST(AttentionCli, VersionExitsZeroAndPrintsNameAndVersion) {
  const ProgramRun run = runCli("--version");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(run.out.rfind("attention-cli ", 0), 0u) << run.out;
  EXPECT_EQ(lineCount(run.out), 1) << run.out;
}

TEST(AttentionCli, UnknownFlagExitsTwoWithOneErrorLineOnStderr) {
  const ProgramRun run = runCli("--no-such-flag");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find("--no-such-flag"), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(AttentionCli, UnknownSubcommandExitsTwoWithOneErrorLineOnStderr) {
  const ProgramRun run = runCli("frobnicate");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_EQ(run.err.rfind("attention-cli: error: ", 0), 0u) << run.err;
  EXPECT_NE(run.err.find("frobnicate"), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
}

TEST(AttentionCli, NoSubcommandExitsTwoAndSaysOneIsRequired) {
  const ProgramRun run = runCli("");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("subcommand"), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
}
