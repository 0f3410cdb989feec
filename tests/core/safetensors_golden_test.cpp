// The golden files every other engine test depends on agree with the READMEs that describe
// them, and the comparison helper those tests use explains its failures.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "golden.h"

#include "safetensors_test_util.h"

namespace attn {
namespace {

using namespace safetensors_test;
using test::testDataPath;

// ---------------------------------------------------------------- the golden files

// A golden folder's README.md lists each file ("## `name.safetensors`") and its tensors
// ("| `tensor` | [shape] | what |"). Other engineers' tests rely on it: every listed tensor must
// exist with that shape, every tensor must be listed, and every file must be described.
void checkAgainstReadme(const fs::path& dir) {
  SCOPED_TRACE(dir.string());
  std::ifstream readme(dir / "README.md");
  ASSERT_TRUE(readme) << "missing README.md";
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> listed;
  const std::regex section(R"(^## `([^`]+\.safetensors)`\s*$)");
  const std::regex row(R"(^\| `([^`]+)` \| (\[[0-9, ]*\]) \|)");
  std::string line, current;
  for (std::smatch m; std::getline(readme, line);) {
    if (std::regex_match(line, m, section)) {
      current = m[1];
      listed[current];
    } else if (!current.empty() && std::regex_search(line, m, row)) {
      listed[current].emplace_back(m[1], m[2]);
    }
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    if (entry.path().extension() == ".safetensors") {
      EXPECT_TRUE(listed.count(file)) << file << " is not in the README";
    }
  }
  for (const auto& [file, tensors] : listed) {
    SCOPED_TRACE(file);
    SafetensorsFile f;
    try {
      f = readSafetensors((dir / file).string());
    } catch (const Error& e) {
      ADD_FAILURE() << e.what();
      continue;
    }
    const auto version = f.metadata.find("torch_version");
    EXPECT_TRUE(version != f.metadata.end() && !version->second.empty())
        << "no torch_version in __metadata__";
    EXPECT_EQ(tensors.size(), f.tensors.size()) << "README and file list different tensors";
    for (const auto& [name, shape] : tensors) {
      const Tensor* t = f.find(name);
      ASSERT_NE(t, nullptr) << "README lists " << name;
      EXPECT_EQ(t->shape().toString(), shape) << name;
      for (int64_t i = 0; i < t->numel(); ++i)
        ASSERT_FALSE(std::isnan((*t)[i])) << name << " holds NaN";
    }
  }
}

// The goldens of tools/make_goldens.py (tests/data/golden/*.safetensors) agree with their README.
TEST(SafetensorsTest, GoldenFilesMatchTheirReadme) {
  const fs::path root = testDataPath("golden");
  checkAgainstReadme(root);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(root))
    files += entry.path().extension() == ".safetensors";
  EXPECT_GE(files, 20);
}

// Golden files from other generators (subfolders such as models/) must be readable by the engine
// too, and agree with their folder's README where there is one.
TEST(SafetensorsTest, GoldenSubfoldersReadAndMatchTheirReadmes) {
  const fs::path root = testDataPath("golden");
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    if (fs::exists(entry.path() / "README.md")) {
      checkAgainstReadme(entry.path());  // which also reads every file
      continue;
    }
    for (const auto& file : fs::directory_iterator(entry.path())) {
      if (file.path().extension() != ".safetensors") continue;
      try {
        readSafetensors(file.path().string());
      } catch (const Error& e) {
        ADD_FAILURE() << e.what();
      }
    }
  }
}

// The helper other tests compare with: it must pass equal tensors and explain a failure.
TEST(SafetensorsTest, AllCloseReportsTheWorstElement) {
  const Tensor a = Tensor::fromVector({2, 2}, {1, 2, 3, 4});
  Tensor b = a;
  EXPECT_TRUE(test::allClose(a, b));
  b[3] = Scalar(4.5);
  const ::testing::AssertionResult r = test::allClose(a, b, 1e-5, 1e-5);
  EXPECT_FALSE(r);
  EXPECT_NE(std::string(r.message()).find("[1, 1]"), std::string::npos) << r.message();
  EXPECT_FALSE(test::allClose(a, Tensor::zeros({4})));
}

}  // namespace
}  // namespace attn
