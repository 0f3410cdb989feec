// Whether the tests run under AddressSanitizer (the `sanitize` preset, the second pass of
// `./studio.sh test`), and a skip for the few tests that train a model until it converges.
//
// Why skip those there: under ASan and UBSan at -O1 a training step is 10-20× slower, so the
// handful of convergence runs took half of the sanitized pass (about 160 of 305 CPU-seconds)
// while adding no code the sanitizers do not already see: the same training, decoding and
// snapshot code runs under them in the shorter tests of every file, and the release pass runs
// the convergence tests themselves.
#pragma once

#include <gtest/gtest.h>

namespace attn::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kUnderSanitizers = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kUnderSanitizers = true;
#else
inline constexpr bool kUnderSanitizers = false;
#endif
#else
inline constexpr bool kUnderSanitizers = false;
#endif

}  // namespace attn::test

// At the top of a test that trains a model to convergence.
#define ATTN_SKIP_CONVERGENCE_UNDER_SANITIZERS()                                           \
  do {                                                                                     \
    if (attn::test::kUnderSanitizers)                                                      \
      GTEST_SKIP() << "a convergence run: the release pass runs it; under the sanitizers " \
                      "the shorter tests cover its code (tests/support/sanitizers.h)";     \
  } while (false)
