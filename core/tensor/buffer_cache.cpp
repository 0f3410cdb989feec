// A per-thread cache of freed 64-byte-aligned buffers, behind tensor storage (tensor.h's
// DefaultInitAllocator calls allocateTensorBuffer and releaseTensorBuffer).
//
// Why: glibc serves aligned allocations through its slow path (memalign splits a larger chunk
// and frees the remainder, with no per-thread cache in glibc 2.36), and decoding one sentence
// allocates and frees a few thousand small tensors. perf showed malloc, free and
// malloc_consolidate at a third of a transformer decode and an eighth of an RNN one; with this
// cache greedy decoding is 8–28% faster (docs/performance.md). Each thread keeps, per size class
// (four per power of two), a list of its freed blocks, up to kMaxCachedBytes in all; a buffer
// freed on another thread joins that thread's cache. Blocks carry a 64-byte header before the
// aligned address they return (their class and size), so any delete finds its way back.
//
// It serves tensor storage only: the process's operator new and delete are not replaced, so
// Qt's, Eigen's and the standard library's allocations never pass through it.
//
// Under AddressSanitizer the cache starts switched off (setTensorBufferCacheEnabled), so that
// ASan's allocator sees every buffer come and go, holds freed ones in its quarantine and finds
// use-after-free bugs in tensor code. Switched on there (its own tests do), every block it holds
// is poisoned until it is handed out again, so ASan still reports a read of a freed tensor.
#include "tensor/buffer_cache.h"

#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#define ATTN_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATTN_UNDER_ASAN 1
#endif
#endif
#ifdef ATTN_UNDER_ASAN
#include <sanitizer/asan_interface.h>
#define ATTN_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define ATTN_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define ATTN_UNDER_ASAN 0
#define ATTN_POISON(p, n) ((void)(p), (void)(n))
#define ATTN_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace attn::inline ATTN_PRECISION {

namespace {

constexpr std::size_t kHeader = 64;  // keeps what follows it 64-byte aligned
constexpr int kClasses = 4 * 26;     // 64 B to 4 GiB in steps of a quarter power of two
// Per thread. A training step's freed activations are mostly reused by the next step from
// here; what does not fit goes back to malloc, which keeps it too (tensor.cpp's mallopt).
constexpr std::size_t kMaxCachedBytes = std::size_t(32) << 20;
constexpr uint32_t kMagic = 0x7E5C0A11u;

std::atomic<bool> gEnabled{!ATTN_UNDER_ASAN};

struct Header {
  uint32_t magic;
  int32_t sizeClass;  // -1: not cached (too large, or an alignment above 64)
  std::size_t bytes;  // usable bytes of the class
  void* raw;          // what malloc returned
  Header* next;       // in a free list
};
static_assert(sizeof(Header) <= kHeader);

// Rounds n up to its class: 64, then 4 steps per power of two (at most 25% unused).
int sizeClass(std::size_t n, std::size_t* rounded) {
  if (n <= 64) {
    *rounded = 64;
    return 0;
  }
  const int p = std::bit_width(n - 1) - 1;  // 2^p < n <= 2^(p + 1), p >= 6
  const std::size_t base = std::size_t(1) << p, step = base / 4;
  const std::size_t k = (n - base + step - 1) / step;  // 1..4
  *rounded = base + k * step;
  const int c = (p - 6) * 4 + static_cast<int>(k);
  return c < kClasses ? c : -1;
}

// Plain data, so it stays usable while the thread's other thread_local objects are destroyed
// (their destructors may still free tensors); Drainer empties it at thread exit.
struct Cache {
  Header* head[kClasses];
  std::size_t cachedBytes;
  bool closed;  // the thread is exiting: free directly
};
thread_local Cache tCache{};

struct Drainer {
  bool armed = false;
  ~Drainer() {
    tCache.closed = true;
    for (Header*& h : tCache.head)
      while (h != nullptr) {
        Header* next = h->next;
        ATTN_UNPOISON(reinterpret_cast<char*>(h) + kHeader, h->bytes);
        std::free(h->raw);
        h = next;
      }
    tCache.cachedBytes = 0;
  }
};
thread_local Drainer tDrainer;

void* allocate(std::size_t n) {
  std::size_t rounded = n;
  const int c = sizeClass(n, &rounded);
  if (c >= 0 && tCache.head[c] != nullptr && gEnabled.load(std::memory_order_relaxed)) {
    Header* h = tCache.head[c];
    tCache.head[c] = h->next;
    tCache.cachedBytes -= h->bytes;
    char* user = reinterpret_cast<char*>(h) + kHeader;
    ATTN_UNPOISON(user, h->bytes);
    return user;
  }
  if (c >= 0 && !tDrainer.armed) tDrainer.armed = true;  // registers its destructor
  // The header sits just before the returned address, which is 64-byte aligned.
  const std::size_t a = kTensorBufferAlignment;
  static_assert(kTensorBufferAlignment == kHeader);
  // aligned_alloc wants a size that is a multiple of the alignment (C11; glibc does not check,
  // AddressSanitizer does), and the classes are not: 80 bytes is one.
  const std::size_t total = a + (rounded + a - 1) / a * a;
  void* raw = std::aligned_alloc(a, total);
  if (raw == nullptr) throw std::bad_alloc();
  char* user = static_cast<char*>(raw) + a;
  auto* h = reinterpret_cast<Header*>(user - kHeader);
  h->magic = kMagic;
  h->sizeClass = c;
  h->bytes = rounded;
  h->raw = raw;
  h->next = nullptr;
  return user;
}

void release(void* p) noexcept {
  if (p == nullptr) return;
  auto* h = reinterpret_cast<Header*>(static_cast<char*>(p) - kHeader);
  if (h->magic != kMagic) std::abort();  // not ours: a buffer from elsewhere
  if (h->sizeClass >= 0 && !tCache.closed && tCache.cachedBytes + h->bytes <= kMaxCachedBytes &&
      gEnabled.load(std::memory_order_relaxed)) {
    // A thread that only frees (a consumer of another thread's tensors) must drain its cache
    // when it ends too: the leak checker found the blocks of such a thread lost.
    if (!tDrainer.armed) tDrainer.armed = true;
    h->next = tCache.head[h->sizeClass];
    tCache.head[h->sizeClass] = h;
    tCache.cachedBytes += h->bytes;
    ATTN_POISON(p, h->bytes);  // the header stays readable: the free list runs through it
    return;
  }
  h->magic = 0;
  std::free(h->raw);
}

}  // namespace

void* allocateTensorBuffer(std::size_t bytes) {
  return allocate(bytes);
}
void releaseTensorBuffer(void* p) noexcept {
  release(p);
}

void setTensorBufferCacheEnabled(bool enabled) {
  gEnabled.store(enabled, std::memory_order_relaxed);
}
bool tensorBufferCacheEnabled() {
  return gEnabled.load(std::memory_order_relaxed);
}
std::size_t tensorBufferCacheBytes() {
  return tCache.cachedBytes;
}

}  // namespace attn::inline ATTN_PRECISION
