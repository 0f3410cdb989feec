#include "tensor/side_thread.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "tensor/var.h"

namespace attn::inline ATTN_PRECISION {

namespace {

std::atomic<int> gPauses{0};

inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

class SideThread {
 public:
  static SideThread& instance() {
    // Never destroyed: its thread runs until the process ends, and a static destructor joining
    // it could run while another static's destructor still decodes.
    static SideThread* side = new SideThread;
    return *side;
  }

  void run(const std::function<void()>& first, const std::function<void()>& second) {
    bool expected = false;
    if (gPauses.load(std::memory_order_relaxed) > 0 ||
        !owner_.compare_exchange_strong(expected, true, std::memory_order_acquire)) {
      first();  // paused, or another thread has the helper: in turn, here
      second();
      return;
    }
    struct Release {
      std::atomic<bool>& owner;
      ~Release() { owner.store(false, std::memory_order_release); }
    } release{owner_};

    job_ = &second;
    jobGrad_ = gradEnabled();
    error_ = nullptr;
    state_.store(kPosted, std::memory_order_release);
    {
      std::lock_guard<std::mutex> lock(mutex_);  // pairs with the helper's check before sleeping
    }
    wake_.notify_one();

    std::exception_ptr firstError;
    try {
      first();
    } catch (...) {
      firstError = std::current_exception();
    }

    int posted = kPosted;
    if (state_.compare_exchange_strong(posted, kIdle, std::memory_order_acq_rel)) {
      // Not picked up yet (the helper was asleep or elsewhere): run it here.
      try {
        second();
      } catch (...) {
        if (!firstError) firstError = std::current_exception();
      }
    } else {
      // The helper has it; `second` may refer to the caller's stack, so wait for it in any case.
      // Spin for about the longest piece (~100 µs); past that the helper has lost its core to
      // another thread, and yielding lets it back on.
      for (int spins = 0; state_.load(std::memory_order_acquire) != kDone; ++spins)
        if (spins < 1 << 12)
          cpuRelax();
        else
          std::this_thread::yield();
      state_.store(kIdle, std::memory_order_relaxed);
      if (!firstError) firstError = error_;
    }
    if (firstError) std::rethrow_exception(firstError);
  }

  long runs() const { return runs_.load(std::memory_order_relaxed); }

 private:
  enum : int { kIdle, kPosted, kClaimed, kDone };
  // How long the helper spins for the next piece before it sleeps. A greedy decode's pairs are
  // 5-20 µs apart; an idle app pays this once per burst of work.
  static constexpr auto kSpin = std::chrono::microseconds(300);

  SideThread() : thread_([this] { loop(); }) { thread_.detach(); }

  bool claim() {
    int posted = kPosted;
    return state_.compare_exchange_strong(posted, kClaimed, std::memory_order_acq_rel);
  }

  void loop() {
    for (;;) {
      bool claimed = false;
      const auto until = std::chrono::steady_clock::now() + kSpin;
      while (!claimed) {
        for (int i = 0; i < 64 && !claimed; ++i) {
          if (state_.load(std::memory_order_acquire) == kPosted) claimed = claim();
          if (!claimed) cpuRelax();
        }
        if (!claimed && std::chrono::steady_clock::now() > until) break;
      }
      if (!claimed) {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [this] { return state_.load(std::memory_order_acquire) == kPosted; });
        lock.unlock();
        if (!claim()) continue;  // the caller took it back meanwhile
      }
      std::exception_ptr error;
      try {
        if (jobGrad_) {
          (*job_)();
        } else {
          NoGradGuard noGrad;
          (*job_)();
        }
      } catch (...) {
        error = std::current_exception();
      }
      error_ = error;
      runs_.fetch_add(1, std::memory_order_relaxed);
      state_.store(kDone, std::memory_order_release);
    }
  }

  std::atomic<bool> owner_{false};  // a caller is between post and done
  std::atomic<int> state_{kIdle};
  const std::function<void()>* job_ = nullptr;  // written before kPosted, read after claiming
  bool jobGrad_ = true;
  std::exception_ptr error_;  // written before kDone
  std::atomic<long> runs_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace

void runPair(const std::function<void()>& first, const std::function<void()>& second) {
  SideThread::instance().run(first, second);
}

SideThreadPause::SideThreadPause() {
  gPauses.fetch_add(1, std::memory_order_relaxed);
}
SideThreadPause::~SideThreadPause() {
  gPauses.fetch_sub(1, std::memory_order_relaxed);
}

long sideThreadRuns() {
  return SideThread::instance().runs();
}

}  // namespace attn::inline ATTN_PRECISION
