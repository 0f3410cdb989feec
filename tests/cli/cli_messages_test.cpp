// attention-cli's command-line mistakes in its own words: CLI11's messages rewritten to name the
// option and what to do, and mistakes found after parsing (a task config that cannot work,
// fractions that leave nothing to train on) reported as command-line errors with status 2.
#include <nlohmann/json.hpp>

#include "cli_fixture.h"

namespace attn::test {
namespace {

class CliMessages : public CliTest {
 protected:
  // One "attention-cli: error: ..." line naming what to fix, status 2, and nothing written.
  void expectUsage(const std::string& args, const std::string& says) {
    const ProgramRun run = runCli(args);
    EXPECT_EQ(run.exitCode, 2) << args << "\n" << run.err;
    EXPECT_EQ(run.err.rfind("attention-cli: error: " + says, 0), 0u) << args << "\n" << run.err;
    EXPECT_EQ(lineCount(run.err), 1) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_FALSE(std::filesystem::exists(path("m.safetensors")));
  }
  std::string train(const std::string& extra) const {
    return std::string("train ") + kTinyTask + " " + kTinyArch + " " + extra + " --out " +
           quoted(path("m.safetensors"));
  }
};

TEST_F(CliMessages, AnOptionGivenTwiceSaysGiveItOnce) {
  expectUsage(train("--steps 5 --steps 6"), "--steps was given 2 times: give it once");
}

TEST_F(CliMessages, AMissingRequiredOptionSaysWhichCommandNeedsIt) {
  expectUsage(std::string("train ") + kTinyTask + " " + kTinyArch + " --steps 5",
              "train needs --out: add it to the command line");
  expectUsage("eval --task copy", "eval needs --model: add it to the command line");
}

TEST_F(CliMessages, ExclusiveOptionsSayKeepOne) {
  const ProgramRun run = runCli(train("--steps 5 --data x.tsv"));
  EXPECT_EQ(run.exitCode, 2) << run.err;
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
  // CLI11 may meet either first: both are named, and what to do.
  EXPECT_TRUE(run.err.rfind("attention-cli: error: --task and --data cannot be used together: "
                            "keep one of them",
                            0) == 0 ||
              run.err.rfind("attention-cli: error: --data and --task cannot be used together: "
                            "keep one of them",
                            0) == 0)
      << run.err;
}

TEST_F(CliMessages, AnOptionThatNeedsAnotherSaysWhich) {
  writeText("c.tsv", "a b\tb a\n");
  expectUsage("train --data " + quoted(path("c.tsv")) + " " + kTinyArch +
                  " --steps 5 --train-size 10 --out " + quoted(path("m.safetensors")),
              "--train-size only applies with --task: add --task, or leave --train-size out");
}

TEST_F(CliMessages, AMissingValueSaysWhereToWriteIt) {
  expectUsage(train("--steps"), "--steps needs a value");
}

TEST_F(CliMessages, AValueOutOfRangeNamesTheOptionAndTheRange) {
  expectUsage(train("--steps -3"), "--steps must be a whole number of at least 1, not '-3'");
}

TEST_F(CliMessages, AMissingSubcommandListsTheChoices) {
  expectUsage("",
              "give a subcommand: train, eval, decode, inspect, export, experiment, "
              "architectures or corpus");
  expectUsage("experiment", "experiment needs a subcommand: bottleneck");
  expectUsage("corpus", "corpus needs a subcommand: gettext");
}

TEST_F(CliMessages, LengthsTheWrongWayRoundAreACommandLineMistake) {
  expectUsage(std::string("train --task copy --min-length 6 --max-length 3 ") + kTinyArch +
                  " --steps 5 --out " + quoted(path("m.safetensors")),
              "--min-length 6 is above --max-length 3");
}

TEST_F(CliMessages, ATaskThatCannotBeThatLargeIsACommandLineMistake) {
  // Two symbols and sources of one or two: 6 distinct sources, not 300.
  expectUsage(
      "train --task copy --alphabet-size 2 --min-length 1 --max-length 2 "
      "--train-size 300 --val-size 0 --test-size 0 " +
          std::string(kTinyArch) + " --steps 5 --out " + quoted(path("m.safetensors")),
      "task copy produced only");
}

TEST_F(CliMessages, FractionsThatLeaveNothingToTrainOnAreACommandLineMistake) {
  writeText("c.tsv", "a b\tb a\nc d\td c\n");
  expectUsage("train --data " + quoted(path("c.tsv")) + " " + kTinyArch +
                  " --val-fraction 0.6 --test-fraction 0.5 --steps 5 --out " +
                  quoted(path("m.safetensors")),
              "--val-fraction and --test-fraction add up to 1.1");
}

}  // namespace
}  // namespace attn::test
