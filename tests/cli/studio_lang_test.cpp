// attention-studio's --lang and --classroom: accepted, checked, and usable for screenshots.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "run_program.h"
#include "test_paths.h"

#ifdef ATTN_STUDIO_PATH  // GUI-less builds have no attention-studio, and none of these tests

using attn::test::ProgramRun;
using attn::test::studioPath;

namespace {

ProgramRun studio(const std::string& args) {
  return attn::test::runProgram(studioPath().string(), args, "env -u QT_QPA_PLATFORM");
}

class StudioLanguageCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(studioPath())) << studioPath() << " is not built";
    dir =
        std::filesystem::temp_directory_path() / ("attn-studio-lang-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
  }
  void TearDown() override {
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
  std::filesystem::path dir;
};

}  // namespace

TEST_F(StudioLanguageCli, AnUnknownLanguageIsAUsageErrorOnOneLine) {
  const ProgramRun run = studio("--lang de --screenshot '" + (dir / "x.png").string() + "'");
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("--lang wants en, fr or system, not 'de'"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.png"));
}

TEST_F(StudioLanguageCli, AFrenchClassroomScreenshotIsWritten) {
  const auto shot = dir / "fr.png";
  const ProgramRun run =
      studio("--lang fr --classroom --size 1280x720 --screenshot '" + shot.string() + "'");
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_GT(std::filesystem::file_size(shot), 10000u);
  EXPECT_EQ(run.err.find("no French translation"), std::string::npos) << run.err;
}

TEST_F(StudioLanguageCli, HelpListsLanguageAndClassroom) {
  const ProgramRun help = studio("--help");
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("--lang"), std::string::npos);
  EXPECT_NE(help.out.find("--classroom"), std::string::npos);
}

#endif  // ATTN_STUDIO_PATH
