// Every attention-cli subcommand answers --help with its usage on stdout and status 0, and the
// top-level help lists them all.
#include "cli_fixture.h"

namespace attn::test {
namespace {

class SubcommandHelp : public ::testing::TestWithParam<const char*> {};

TEST_P(SubcommandHelp, ExitsZeroAndPrintsItsUsageOnStdout) {
  const std::string name = GetParam();
  const ProgramRun run = runCli(name + " --help");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("Usage: attention-cli " + name), std::string::npos) << run.out;
  EXPECT_EQ(run.err, "");
}

INSTANTIATE_TEST_SUITE_P(AttentionCli, SubcommandHelp,
                         ::testing::Values("train", "eval", "decode", "inspect", "export"));

TEST(AttentionCliHelp, TopLevelHelpListsEverySubcommand) {
  const ProgramRun run = runCli("--help");
  for (const char* name : {"train", "eval", "decode", "inspect", "export"})
    EXPECT_NE(run.out.find(std::string("  ") + name + " "), std::string::npos) << name;
}

TEST(AttentionCliHelp, ParseErrorsPointAtTheSubcommandsHelp) {
  const ProgramRun run = runCli("train --no-such-flag");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("attention-cli train --help"), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
}

}  // namespace
}  // namespace attn::test
