#include "bench_gui_support.h"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "util/random.h"

extern char** environ;

namespace attn::bench {

namespace {

void fillRows(AttentionMap& map, uint64_t seed) {
  Random rng(seed);
  for (size_t row = 0; row < map.values.size() / static_cast<size_t>(map.keys); ++row) {
    float* v = map.values.data() + row * static_cast<size_t>(map.keys);
    float sum = 0;
    for (int k = 0; k < map.keys; ++k) sum += v[k] = 0.05f + static_cast<float>(rng.below(1000));
    for (int k = 0; k < map.keys; ++k) v[k] /= sum;
  }
}

std::vector<std::string> tokens(const char* prefix, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string token = prefix;  // not prefix + to_string: GCC 12 warns falsely (-Wrestrict)
    token += std::to_string(i);
    out.push_back(std::move(token));
  }
  return out;
}

}  // namespace

Trace transformerLikeTrace(int layers, int heads, int source, int target) {
  Trace t;
  t.sourceTokens = tokens("s", source);
  t.targetTokens = tokens("t", target);
  t.attention[MapKind::EncoderSelf] = AttentionMap(layers, heads, source, source);
  t.attention[MapKind::DecoderSelf] = AttentionMap(layers, heads, target, target);
  t.attention[MapKind::Cross] = AttentionMap(layers, heads, target, source);
  uint64_t seed = 1;
  for (auto& [name, map] : t.attention) fillRows(map, seed++);
  return t;
}

Trace rnnLikeTrace(int source, int target) {
  Trace t;
  t.sourceTokens = tokens("s", source);
  t.targetTokens = tokens("t", target);
  t.attention[MapKind::Cross] = AttentionMap(1, 1, target, source);
  fillRows(t.attention[MapKind::Cross], 7);
  for (int i = 0; i < target; ++i) {
    TraceStep step;
    for (const std::string& word : tokens("w", 5)) step.topK.push_back({word, 0.2f});
    t.steps.push_back(step);
  }
  return t;
}

namespace {

int spawnAndWait(char** argv, rusage* usage) {
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv, environ) != 0) return -1;
  int status = 0;
  if (wait4(pid, &status, 0, usage) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

ChildRun runChild(const std::vector<std::string>& argv) {
  const std::string result =
      (std::filesystem::temp_directory_path() / ("bench_gui_child_" + std::to_string(getpid())))
          .string();
  std::vector<std::string> full{selfPath(), "--peak-rss-of", result};
  full.insert(full.end(), argv.begin(), argv.end());
  std::vector<char*> args;
  for (const std::string& a : full) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  rusage usage{};
  ChildRun run;
  run.exitCode = spawnAndWait(args.data(), &usage);
  std::ifstream in(result);
  in >> run.seconds >> run.peakRssMb;
  std::filesystem::remove(result);
  return run;
}

int peakRssHelper(int argc, char** argv) {
  if (argc < 4) return 2;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {  // a copy of this small process, so the peak is the child's own
    execv(argv[3], argv + 3);
    _exit(127);
  }
  if (pid < 0) return 2;
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) return 2;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::ofstream(argv[2]) << seconds << ' ' << static_cast<double>(usage.ru_maxrss) / 1024.0 << '\n';
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

std::string selfPath() {
  return std::filesystem::read_symlink("/proc/self/exe").string();
}

}  // namespace attn::bench
