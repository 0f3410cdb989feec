// attention-cli inspect --reference-alignment: the bundled toy-fr Luong model scored against
// people's alignment of "the big black dog" / "le grand chien noir" (the crossing of chien noir),
// the numbers in the JSON and the note on stderr, and bad references refused with one line.
#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "test_paths.h"

namespace attn::test {
namespace {

using nlohmann::json;

const std::string kLuong = ATTN_TEST_DATA_DIR "/../../resources/models/toyfr-luong.safetensors";

class InspectAlignment : public CliTest {
 protected:
  ProgramRun inspect(const std::string& extra) const {
    return runCli("inspect --model " + quoted(kLuong) + " --source 'the big black dog' " + extra);
  }
};

TEST_F(InspectAlignment, ScoresTheLineAsked) {
  // Line 1 monotone with 2?3 possible: the model links 0-0 1-1 3-2 2-3, so |A∩S| = 2,
  // |A∩P| = 3 and AER = 1 − (2 + 3) / (4 + 4) = 0.375. Line 2 is the crossing: AER 0.
  writeText("gold.align", "0-0 1-1 2-2 3-3 2?3\n0-0 1-1 3-2 2-3\n");
  const ProgramRun first = inspect("--reference-alignment " + quoted(path("gold.align")));
  ASSERT_EQ(first.exitCode, 0) << first.err;
  const json a = json::parse(first.out)["alignment_error"];
  EXPECT_DOUBLE_EQ(a["aer"].get<double>(), 0.375);
  EXPECT_DOUBLE_EQ(a["precision"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(a["recall"].get<double>(), 0.5);
  EXPECT_EQ(a["hypothesis"], "0-0 1-1 2-3 3-2");
  EXPECT_EQ(a["line"], 1);
  EXPECT_EQ(a["sure_links"], 4);
  EXPECT_EQ(a["possible_links"], 5);
  EXPECT_NE(first.err.find("note: AER 37.5%, precision 75.0%, recall 50.0%"), std::string::npos)
      << first.err;
  const ProgramRun second =
      inspect("--reference-alignment " + quoted(path("gold.align")) + " --reference-line 2");
  ASSERT_EQ(second.exitCode, 0) << second.err;
  EXPECT_DOUBLE_EQ(json::parse(second.out)["alignment_error"]["aer"].get<double>(), 0.0);
}

TEST_F(InspectAlignment, BadReferencesAreRefusedWithOneLine) {
  writeText("bad.align", "0-0\n0-0 1x1\n");
  const ProgramRun parse =
      inspect("--reference-alignment " + quoted(path("bad.align")) + " --reference-line 1");
  EXPECT_EQ(parse.exitCode, 1);
  EXPECT_NE(parse.err.find("line 2, link 2 '1x1': expected i-j"), std::string::npos) << parse.err;
  EXPECT_TRUE(parse.out.empty());
  writeText("long.align", "0-0 9-1\n");
  const ProgramRun fit = inspect("--reference-alignment " + quoted(path("long.align")));
  EXPECT_EQ(fit.exitCode, 1);
  EXPECT_NE(fit.err.find("the reference link 9-1 names source token 9"), std::string::npos)
      << fit.err;
  const ProgramRun line =
      inspect("--reference-alignment " + quoted(path("long.align")) + " --reference-line 3");
  EXPECT_EQ(line.exitCode, 2);  // the file is fine; --reference-line asks past its end
  EXPECT_NE(line.err.find("there is no line 3"), std::string::npos) << line.err;
  const ProgramRun zero =
      inspect("--reference-alignment " + quoted(path("long.align")) + " --reference-line 0");
  EXPECT_EQ(zero.exitCode, 2) << zero.err;
  const ProgramRun missing = inspect("--reference-alignment " + quoted(path("none.align")));
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_NE(missing.err.find("none.align"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace attn::test
