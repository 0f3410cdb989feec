// Runs one of our executables the way a user's shell would, capturing exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace attn::test {

struct ProgramRun {
  int exitCode = -1;  // -1 when the program did not exit normally (a crash, a signal)
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `args` go through /bin/sh as written, so quote what needs quoting; stdin is /dev/null, and
// `environment` ("NAME=value ...", or "env -u NAME") is put in front of the command.
inline ProgramRun runProgram(const std::string& program, const std::string& args,
                             const std::string& environment = "") {
  static int counter = 0;
  const std::string base =
      (std::filesystem::temp_directory_path() /
       ("attn-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++)))
          .string();
  const std::string outPath = base + ".out";
  const std::string errPath = base + ".err";
  const std::string command = environment + " '" + program + "' " + args + " >'" + outPath +
                              "' 2>'" + errPath + "' </dev/null";
  const int status = std::system(command.c_str());
  ProgramRun run;
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(outPath);
  run.err = slurp(errPath);
  std::filesystem::remove(outPath);
  std::filesystem::remove(errPath);
  return run;
}

inline long lineCount(const std::string& text) {
  return std::count(text.begin(), text.end(), '\n');
}

}  // namespace attn::test
