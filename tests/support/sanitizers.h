// Whether the tests run under AddressSanitizer (the `sanitize` preset, the second pass of
// `./studio.sh test`), and a skip for the few tests that train a model until it converges.
//
// Why skip those there: under ASan and UBSan a training step is 20-40× slower (Eigen's matrix
// product kernels, every load checked, take most of it), so the convergence runs would take
// longer than the rest of the sanitized pass together while adding no code the sanitizers do not
// already see: the same training, decoding and snapshot code runs under them in the shorter
// tests of every file, and the release pass runs the convergence tests themselves.
#pragma once

#include <gtest/gtest.h>

#if defined(__SANITIZE_ADDRESS__)
#define ATTN_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATTN_TEST_UNDER_ASAN 1
#endif
#endif
#ifndef ATTN_TEST_UNDER_ASAN
#define ATTN_TEST_UNDER_ASAN 0
#endif

namespace attn::test {
inline constexpr bool kUnderSanitizers = ATTN_TEST_UNDER_ASAN != 0;
}  // namespace attn::test

// At the top of a test that trains a model to convergence.
#define ATTN_SKIP_CONVERGENCE_UNDER_SANITIZERS()                                           \
  do {                                                                                     \
    if (attn::test::kUnderSanitizers)                                                      \
      GTEST_SKIP() << "a convergence run: the release pass runs it; under the sanitizers " \
                      "the shorter tests cover its code (tests/support/sanitizers.h)";     \
  } while (false)
