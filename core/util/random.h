// A seeded random generator whose streams are the same on every platform and compiler.
// (std::mt19937 is portable but std's distributions are not, so uniform and normal draws are
// made here from the raw bits: a run with the same seed gives the same weights and batches.)
// Tensors of random values are made from it by tensor/random_tensor.h.
#pragma once

#include <cstdint>
#include <vector>

namespace attn {

class Random {
 public:
  explicit Random(uint64_t seed = 0);

  uint64_t nextU64();                    // xoshiro256**
  double uniform();                      // [0, 1), 53 bits
  double uniform(double lo, double hi);  // [lo, hi)
  double normal();                       // mean 0, sd 1 (Box–Muller)
  int64_t below(int64_t n);              // [0, n), unbiased
  template <class T>
  void shuffle(std::vector<T>& v) {  // Fisher–Yates
    for (int64_t i = static_cast<int64_t>(v.size()) - 1; i > 0; --i)
      std::swap(v[static_cast<size_t>(i)], v[static_cast<size_t>(below(i + 1))]);
  }

 private:
  uint64_t s_[4];
  bool haveSpare_ = false;
  double spare_ = 0;
};

}  // namespace attn
