// attention-studio's command line end to end: --screenshot, --size, --help and their exit codes.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "run_program.h"
#include "test_paths.h"

#ifdef ATTN_STUDIO_PATH  // GUI-less builds have no attention-studio, and none of these tests

using attn::test::lineCount;
using attn::test::ProgramRun;
using attn::test::studioPath;

namespace {

// Without QT_QPA_PLATFORM, as on a fresh machine: the app must pick offscreen by itself.
ProgramRun runStudio(const std::string& args) {
  return attn::test::runProgram(studioPath().string(), args, "env -u QT_QPA_PLATFORM");
}

// Width and height from a PNG's IHDR chunk; {0, 0} if the bytes are not a PNG.
std::pair<std::uint32_t, std::uint32_t> pngSize(const std::string& bytes) {
  if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {0, 0};
  auto bigEndian = [&bytes](std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | std::uint8_t(bytes[at + i]);
    return value;
  };
  return {bigEndian(16), bigEndian(20)};
}

class AttentionStudioCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(studioPath())) << studioPath() << " is not built";
    dir =
        std::filesystem::temp_directory_path() / ("attn-studio-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
  }
  void TearDown() override {
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }

  std::filesystem::path dir;
};

}  // namespace

TEST_F(AttentionStudioCli, ScreenshotWritesAPngAtTheDefaultSizeAndExitsZero) {
  const auto shot = dir / "shot.png";
  const ProgramRun run = runStudio("--screenshot '" + shot.string() + "'");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(pngSize(attn::test::slurp(shot)), std::make_pair(1280u, 800u));
}

TEST_F(AttentionStudioCli, ScreenshotHonoursTheSizeOption) {
  const auto shot = dir / "small.png";
  const ProgramRun run = runStudio("--screenshot '" + shot.string() + "' --size 640x400");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(pngSize(attn::test::slurp(shot)), std::make_pair(640u, 400u));
}

TEST_F(AttentionStudioCli, ScreenshotThatCannotBeWrittenExitsOneWithOneLine) {
  const ProgramRun run = runStudio("--screenshot /no/such/folder/shot.png");
  EXPECT_EQ(run.exitCode, 1);
  const std::size_t at = run.err.find("attention-studio: error: cannot write");
  ASSERT_NE(at, std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err.substr(at)), 1) << run.err;
}

TEST_F(AttentionStudioCli, MalformedSizeExitsTwoWithoutWritingAnything) {
  const auto shot = dir / "never.png";
  const ProgramRun run = runStudio("--screenshot '" + shot.string() + "' --size large");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("attention-studio: error: --size"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(shot));
}

TEST_F(AttentionStudioCli, HelpAndVersionExitZeroWithoutADisplay) {
  const ProgramRun help = runStudio("--help");
  EXPECT_EQ(help.exitCode, 0) << help.err;
  EXPECT_NE(help.out.find("--screenshot"), std::string::npos) << help.out;
  const ProgramRun version = runStudio("--version");
  EXPECT_EQ(version.exitCode, 0) << version.err;
  EXPECT_EQ(version.out.rfind("attention-studio ", 0), 0u) << version.out;
}

TEST_F(AttentionStudioCli, UnknownOptionExitsTwoWithOneErrorLine) {
  const ProgramRun run = runStudio("--no-such-option");
  EXPECT_EQ(run.exitCode, 2);
  const std::size_t at = run.err.find("attention-studio: error: ");
  ASSERT_NE(at, std::string::npos) << run.err;
  EXPECT_NE(run.err.find("no-such-option"), std::string::npos) << run.err;
  EXPECT_EQ(lineCount(run.err.substr(at)), 1) << run.err;
}

TEST_F(AttentionStudioCli, TabOptionShowsThatTabOrNamesTheTabsThereAre) {
  const auto shot = dir / "tab.png";
  const ProgramRun run = runStudio("--tab computation --screenshot '" + shot.string() + "'");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(pngSize(attn::test::slurp(shot)), std::make_pair(1280u, 800u));

  const auto never = dir / "never.png";
  const ProgramRun bad = runStudio("--tab Nowhere --screenshot '" + never.string() + "'");
  EXPECT_EQ(bad.exitCode, 2);
  const std::size_t at = bad.err.find("attention-studio: error: --tab: no tab 'Nowhere'");
  ASSERT_NE(at, std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("alignment, heads"), std::string::npos) << bad.err;
  EXPECT_EQ(lineCount(bad.err.substr(at)), 1) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(never));

  // The English title in the French window (a script written once works in every language).
  const auto french = dir / "french.png";
  const ProgramRun fr =
      runStudio("--lang fr --tab 'Beam search' --screenshot '" + french.string() + "'");
  EXPECT_EQ(fr.exitCode, 0) << fr.err;
  EXPECT_TRUE(std::filesystem::exists(french));
}

// A trace exported from PyTorch by docs/pytorch-traces.md's recipe opens with --trace; a file
// that is not a trace fails with one line naming it, and writes no screenshot.
TEST_F(AttentionStudioCli, TraceOptionShowsATraceFileOrSaysWhatIsWrongWithIt) {
  const auto shot = dir / "trace.png";
  const std::string trace = std::string(ATTN_TEST_DATA_DIR) + "/traces/pytorch_transformer.json";
  const ProgramRun run =
      runStudio("--trace '" + trace + "' --tab Heads --screenshot '" + shot.string() + "'");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(pngSize(attn::test::slurp(shot)), std::make_pair(1280u, 800u));

  const auto notTrace = dir / "not-a-trace.json";
  std::ofstream(notTrace) << "{\"format\": \"something else\"}";
  const auto never = dir / "never.png";
  const ProgramRun bad =
      runStudio("--trace '" + notTrace.string() + "' --screenshot '" + never.string() + "'");
  EXPECT_EQ(bad.exitCode, 1);
  const std::size_t at = bad.err.find("attention-studio: error: ");
  ASSERT_NE(at, std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("not-a-trace.json"), std::string::npos) << bad.err;
  EXPECT_EQ(lineCount(bad.err.substr(at)), 1) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(never));

  EXPECT_EQ(runStudio("--trace '" + trace + "' --model m.safetensors").exitCode, 2);
}

// A file given alone, as a file manager's double-click passes it: a trace opens as --trace would
// (a bad one fails naming it, as above); a model file the same way as --model. Two files, or a
// file with --model or --trace, are a mistake on the command line.
TEST_F(AttentionStudioCli, OneFileArgumentOpensATraceOrAModel) {
  const std::string trace = std::string(ATTN_TEST_DATA_DIR) + "/traces/pytorch_transformer.json";
  const auto shot = dir / "file.png";
  const ProgramRun run = runStudio("'" + trace + "' --screenshot '" + shot.string() + "'");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(pngSize(attn::test::slurp(shot)), std::make_pair(1280u, 800u));

  const auto notModel = dir / "not-a-model.safetensors";
  std::ofstream(notModel) << "not a safetensors file";
  const auto never = dir / "never.png";
  const ProgramRun bad =
      runStudio("'" + notModel.string() + "' --screenshot '" + never.string() + "'");
  EXPECT_EQ(bad.exitCode, 1) << bad.err;
  EXPECT_NE(bad.err.find("not-a-model.safetensors"), std::string::npos) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(never));

  const ProgramRun two = runStudio("'" + trace + "' '" + trace + "' --screenshot x.png");
  EXPECT_EQ(two.exitCode, 2);
  EXPECT_NE(two.err.find("one file at a time"), std::string::npos) << two.err;
  EXPECT_EQ(runStudio("'" + trace + "' --model m.safetensors --screenshot x.png").exitCode, 2);
  EXPECT_EQ(runStudio("'" + trace + "' --trace t.json --screenshot x.png").exitCode, 2);
}

#endif  // ATTN_STUDIO_PATH
