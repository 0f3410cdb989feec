// What the GUI benchmarks share: traces shaped like a model's (random rows that sum to 1), and
// running a program to completion with its peak resident memory.
#pragma once

#include <string>
#include <vector>

#include "trace/trace.h"

namespace attn::bench {

// An RNN decode: one cross-attention map of target × source and a top-5 list per step.
Trace rnnLikeTrace(int source, int target);
// A transformer's three kinds of attention, layers × heads maps each.
Trace transformerLikeTrace(int layers, int heads, int source, int target);

struct ChildRun {
  int exitCode = -1;
  double seconds = 0;    // from fork to exit
  double peakRssMb = 0;  // the child's own peak resident set (ru_maxrss)
};
// Runs argv[0] with these arguments, without a shell, and waits for it. Through a helper: this
// program re-run with --peak-rss-of, which forks and execs the child. A child spawned straight
// from a large process would report that process's resident set as its peak (exec records the
// peak of the memory it replaces, and posix_spawn's child shares the parent's until then).
ChildRun runChild(const std::vector<std::string>& argv);
// The helper's side: argv = {self, "--peak-rss-of", result file, program, args...}.
int peakRssHelper(int argc, char** argv);
// This program's own path (/proc/self/exe).
std::string selfPath();

}  // namespace attn::bench
