// `attention-cli architectures`: the config table as text, and --markdown exactly the tables that
// docs/file-formats.md holds (config_keys_test checks the file against the same function).
#include "cli_fixture.h"
#include "models/config_keys.h"

namespace attn::test {
namespace {

class ArchitecturesList : public CliTest {};

TEST_F(ArchitecturesList, MarkdownIsTheConfigTable) {
  const ProgramRun run = runCli("architectures --markdown");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(run.out, configKeysMarkdown());
}

TEST_F(ArchitecturesList, PlainListNamesEveryKeyWithItsFlag) {
  const ProgramRun run = runCli("architectures");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("rnn_seq2seq\n  cell = gru  (rnn, gru, lstm)  --cell"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("input_feeding = false  (true or false; only with attention luong)  "
                         "--input-feeding"),
            std::string::npos)
      << run.out;
  // num_classes comes from the data: no flag.
  EXPECT_NE(run.out.find("num_classes = the number of class names  (1..10000)\n"),
            std::string::npos)
      << run.out;
}

}  // namespace
}  // namespace attn::test
