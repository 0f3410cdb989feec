// Errors the engine reports. Nothing in core exits or aborts on bad input: a user's mistake
// (a bad file, a wrong shape in a config) throws attn::Error with a message meant for people;
// a broken invariant of the engine itself throws attn::InternalError naming file and line.
#pragma once

#include <stdexcept>
#include <string>

namespace attn {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

[[noreturn]] void throwInternal(const char* file, int line, const std::string& what);

}  // namespace attn

// An invariant of the engine: if it fails, the engine has a bug (or a caller broke a contract).
#define ATTN_CHECK(cond, msg)                                      \
  do {                                                             \
    if (!(cond)) ::attn::throwInternal(__FILE__, __LINE__, (msg)); \
  } while (0)
