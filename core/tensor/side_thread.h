// Two independent pieces of batch-1 inference at once, on the two cores a desktop has.
//
// Why: decoding one sentence is a chain of matrix-vector products whose weights stream from L2
// (docs/performance.md); one core cannot go faster, and a thread pool woken per call cannot
// help, since waking a sleeping thread costs 5-50 µs (44 µs measured on the 2-core VM) against
// pieces of 2-60 µs. So one process-wide helper thread takes the second piece of a pair, and
// after each piece it spins briefly (as OpenMP runtimes do) before it sleeps: a decode's
// pairs come microseconds apart and find it awake.
//
// Never slower than running the pieces in turn: if the helper is busy with another caller or
// has not picked the second piece up by the time the first is done, the caller runs it itself.
// Only for work that records no graph; training is data-parallel instead (train/parallel_step).
#pragma once

#include <functional>

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// Runs `first` on the calling thread and `second` on the helper thread at the same time, and
// returns when both are done. Both must be safe to run concurrently (no shared writes). An
// exception from either is rethrown here once both have finished (the first one's, if both
// throw). The helper runs `second` with the caller's grad mode.
void runPair(const std::function<void()>& first, const std::function<void()>& second);

// While one is alive, on any thread, runPair runs both pieces on its caller: the cores are
// already busy (data-parallel training holds one during each step), and a helper that has to
// wait for a core would stall its caller for a scheduler time slice.
class SideThreadPause {
 public:
  SideThreadPause();
  ~SideThreadPause();
  SideThreadPause(const SideThreadPause&) = delete;
  SideThreadPause& operator=(const SideThreadPause&) = delete;
};

// How many pairs' second pieces the helper has run since the program started (tests: proves
// the pieces did run on two threads; calls made while it was busy or asleep run inline).
long sideThreadRuns();

}  // namespace attn::inline ATTN_PRECISION
