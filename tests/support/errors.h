// What a user would read: the message of the attn::Error a call throws. Tests of bad input check
// the words of the message, so every suite gets it the same way.
#pragma once

#include <string>
#include <utility>

#include "util/check.h"

namespace attn::test {

// The message of the attn::Error that `f()` throws; "" when it throws none. Any other exception
// propagates, and so fails the test: bad input must be an attn::Error.
template <class Fn>
std::string errorOf(Fn&& f) {
  try {
    std::forward<Fn>(f)();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace attn::test
