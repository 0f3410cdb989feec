// What the attention-cli tests share: a scratch folder per test, the real binary run through a
// shell, and a tiny model trained in well under a second (copy task, a few hundred examples).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "run_program.h"
#include "test_paths.h"

namespace attn::test {

// Single quotes for /bin/sh, for paths and sentences that go into a command line.
inline std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline ProgramRun runCli(const std::string& args) {
  return runProgram(ATTN_CLI_PATH, args);
}

// The tiny task every test trains on: small enough for ~0.1 s, large enough to learn a little.
inline const char* kTinyTask =
    "--task copy --train-size 300 --val-size 20 --test-size 24 --min-length 2 --max-length 5";
inline const char* kTinyArch =
    "--arch rnn_seq2seq --embed-dim 16 --hidden-dim 16 --attention bahdanau";

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("attn-cli-" + std::to_string(getpid()) + "-" + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  void writeText(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary) << text;
  }

  // Trains the tiny model into `name` (fails the test if that does not work) and returns its path.
  std::string trainTinyModel(const std::string& name = "tiny.safetensors",
                             const std::string& extra = "--steps 60 --lr 0.01") const {
    const std::string out = path(name);
    const ProgramRun run = runCli(std::string("train ") + kTinyTask + " " + kTinyArch + " " +
                                  extra + " --out " + quoted(out));
    EXPECT_EQ(run.exitCode, 0) << run.err;
    return out;
  }

  std::filesystem::path dir_;
};

}  // namespace attn::test
