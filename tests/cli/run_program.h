// Runs one of our executables the way a user's shell would, capturing exit code, stdout and stderr.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_paths.h"

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

struct InterruptedRun {
  bool stopped = false;  // it ended by itself after the SIGINT, within the time limit
  int status = 0;        // waitpid's status
  std::string err;
};

// Ctrl-C in the middle of a run: starts `program args` (stdout discarded, stderr in `errPath`),
// waits until stderr shows `marker` (printed once its SIGINT handler is installed), lets it run
// `settle` longer, sends SIGINT and waits for it to end. After `limit` in all it is killed and
// `stopped` is false.
inline InterruptedRun interruptAfter(const std::string& program,
                                     const std::vector<std::string>& args,
                                     const std::string& errPath, const std::string& marker,
                                     std::chrono::milliseconds settle,
                                     std::chrono::seconds limit = std::chrono::seconds(20)) {
  InterruptedRun run;
  const pid_t pid = fork();
  if (pid == 0) {
    const int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int null = open("/dev/null", O_WRONLY);
    dup2(err, 2);
    dup2(null, 1);
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  if (pid < 0) return run;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (slurp(errPath).find(marker) == std::string::npos &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::this_thread::sleep_for(settle);
  kill(pid, SIGINT);
  run.stopped = true;
  while (waitpid(pid, &run.status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &run.status, 0);
      run.stopped = false;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  run.err = slurp(errPath);
  return run;
}

inline long lineCount(const std::string& text) {
  return std::count(text.begin(), text.end(), '\n');
}

#ifdef ATTN_STUDIO_PATH
// attention-studio, which builds with the GUI (ATTN_BUILD_GUI) and which test_cli then depends on:
// its tests exist only in such builds, and fail (never skip) if it is missing.
inline std::filesystem::path studioPath() {
  return std::filesystem::path(ATTN_STUDIO_PATH);
}
#endif

}  // namespace attn::test
