// libFuzzer target: the safetensors reader on arbitrary bytes. Any input must either parse or
// throw attn::Error; a crash, a sanitizer report or an unbounded allocation is a bug.
#include <cstddef>
#include <cstdint>

#include "io/safetensors.h"
#include "util/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    attn::parseSafetensors(data, size, "fuzz");
  } catch (const attn::Error&) {
  }
  return 0;
}
