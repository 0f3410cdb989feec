// The cache of aligned buffers behind tensor storage (core/tensor/buffer_cache.cpp): every
// size comes back aligned and writable, a freed block is reused for the next
// request of its size class on the same thread, blocks may be freed on another thread, and
// threads that end give their blocks back.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <new>
#include <thread>
#include <vector>

#include "sanitizers.h"
#include "tensor/buffer_cache.h"
#include "tensor/tensor.h"

namespace attn {
namespace {

// The cache on for one test, whatever the build: under AddressSanitizer it starts off
// (buffer_cache.h), and these tests check the cache itself, with its blocks poisoned there.
class CacheOn {
 public:
  CacheOn() : was_(tensorBufferCacheEnabled()) { setTensorBufferCacheEnabled(true); }
  ~CacheOn() { setTensorBufferCacheEnabled(was_); }

 private:
  bool was_;
};

bool aligned(const void* p, std::size_t a) {
  return reinterpret_cast<std::uintptr_t>(p) % a == 0;
}

TEST(BufferCache, EverySizeIsAlignedAndWritable) {
  for (std::size_t n : {1, 63, 64, 65, 100, 1000, 4096, 100000, 3 << 20}) {
    void* p = allocateTensorBuffer(n);
    ASSERT_TRUE(aligned(p, kTensorBufferAlignment)) << n << " bytes";
    std::memset(p, 0xab, n);  // the whole block is ours (ASan would catch an overflow)
    releaseTensorBuffer(p);
  }
  releaseTensorBuffer(nullptr);
}

TEST(BufferCache, AFreedBlockServesTheNextRequestOfItsClass) {
  CacheOn on;
  void* a = allocateTensorBuffer(1000);
  releaseTensorBuffer(a);
  void* b = allocateTensorBuffer(990);  // the same class (961..1024 bytes)
  EXPECT_EQ(a, b);
  releaseTensorBuffer(b);
}

// The cache serves tensors only: an aligned operator new elsewhere in the process (Eigen's,
// Qt's, the standard library's) gets the C++ runtime's own, so a block freed to the cache is
// never handed to it.
TEST(BufferCache, OtherAlignedAllocationsDoNotUseTheCache) {
  CacheOn on;
  void* cached = allocateTensorBuffer(1000);
  releaseTensorBuffer(cached);
  void* other = ::operator new(1000, std::align_val_t(64));
  EXPECT_NE(other, cached);
  ::operator delete(other, std::align_val_t(64));
  void* again = allocateTensorBuffer(1000);
  EXPECT_EQ(again, cached);  // still in the cache, untouched
  releaseTensorBuffer(again);
}

TEST(BufferCache, TensorsKeepTheirValuesAcrossReuse) {
  CacheOn on;
  std::vector<Tensor> kept;
  for (int round = 0; round < 50; ++round) {
    Tensor t = Tensor::full(Shape{7 + round, 13}, static_cast<Scalar>(round));
    if (round % 3 == 0) kept.push_back(t);
  }
  for (size_t i = 0; i < kept.size(); ++i) {
    ASSERT_TRUE(aligned(kept[i].data(), kTensorAlignment));
    EXPECT_TRUE((kept[i].arr() == static_cast<Scalar>(3 * i)).all()) << i;
  }
}

TEST(BufferCache, BlocksFreedOnAnotherThreadAndThreadsThatEnd) {
  CacheOn on;
  std::vector<Tensor> made(64);
  std::thread producer([&] {
    for (size_t i = 0; i < made.size(); ++i)
      made[i] = Tensor::full(Shape{static_cast<int64_t>(i + 1), 32}, 1);
  });
  producer.join();  // its cache is drained as it ends; its tensors live on
  for (const Tensor& t : made) EXPECT_EQ(t.arr().sum(), static_cast<Scalar>(t.numel()));
  std::thread consumer([&] { made.clear(); });  // freed here, cached by this thread, drained
  consumer.join();
  EXPECT_TRUE(made.empty());
}

// Switched off, a freed block goes back to the system; switched on again, blocks are kept.
TEST(BufferCache, SwitchedOffItKeepsNothing) {
  CacheOn on;
  setTensorBufferCacheEnabled(false);
  const std::size_t before = tensorBufferCacheBytes();
  releaseTensorBuffer(allocateTensorBuffer(3000));
  EXPECT_EQ(tensorBufferCacheBytes(), before);
  setTensorBufferCacheEnabled(true);
  void* c = allocateTensorBuffer(3000);
  releaseTensorBuffer(c);
  EXPECT_EQ(tensorBufferCacheBytes(), before + 3072);  // its class: 2048 + 2 * 512
  void* d = allocateTensorBuffer(3000);
  EXPECT_EQ(c, d);
  EXPECT_EQ(tensorBufferCacheBytes(), before);
  releaseTensorBuffer(d);
}

#if ATTN_TEST_UNDER_ASAN
// Under AddressSanitizer a block held by the cache is poisoned: reading a freed tensor's memory
// is reported even though the block was not given back to ASan's allocator.
TEST(BufferCacheDeathTest, ReadingACachedBlockIsReportedUnderAddressSanitizer) {
  CacheOn on;
  EXPECT_DEATH(
      {
        auto* p = static_cast<volatile float*>(allocateTensorBuffer(256));
        p[0] = 1.0f;
        releaseTensorBuffer(const_cast<float*>(p));
        std::fprintf(stderr, "%f\n", static_cast<double>(p[3]));
      },
      "use-after-poison");
}
#endif

}  // namespace
}  // namespace attn
