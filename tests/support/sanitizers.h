// Whether the tests run under AddressSanitizer (the `sanitize` preset, which `./studio.sh test`
// and CI build and run): the few tests that check what ASan reports exist only there.
#pragma once

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
