// A clear message instead of "Illegal instruction" when a program built for one x86-64 level
// (-march=native, or a portable build's -march=x86-64-v3: cmake/portable.cmake) starts on a CPU
// without the instructions the compiler was allowed to use. Linked into both programs; runs before
// main() and before their own static initialisers, since the engine's code may use AVX2 from its
// first instruction. The check is compiled for the plain x86-64 baseline (the target attribute),
// so that none of the build's instructions can sneak into it; for the same reason it calls no
// inline library code (_FORTIFY_SOURCE's strcat and printf are inline functions compiled for the
// build's level, which cannot be inlined here): it copies characters itself and calls write().
#include <unistd.h>

#include <cerrno>  // program_invocation_short_name
#include <cstdlib>

namespace {

char message[512];
unsigned length = 0;
bool anyMissing = false;

__attribute__((target("arch=x86-64"))) void append(const char* text) {
  while (*text != '\0' && length + 1 < sizeof message) message[length++] = *text++;
}

__attribute__((target("arch=x86-64"))) void note(int present, const char* name) {
  if (present) return;
  append(anyMissing ? ", " : "");
  append(name);
  anyMissing = true;
}

// The preprocessor says which instruction sets this build's flags enabled.
__attribute__((constructor(101), target("arch=x86-64"))) void refuseUnsupportedCpu() {
  __builtin_cpu_init();
#ifdef __SSE4_2__
  note(__builtin_cpu_supports("sse4.2"), "SSE4.2");
#endif
#ifdef __POPCNT__
  note(__builtin_cpu_supports("popcnt"), "POPCNT");
#endif
#ifdef __AVX__
  note(__builtin_cpu_supports("avx"), "AVX");
#endif
#ifdef __AVX2__
  note(__builtin_cpu_supports("avx2"), "AVX2");
#endif
#ifdef __FMA__
  note(__builtin_cpu_supports("fma"), "FMA");
#endif
#ifdef __BMI2__
  note(__builtin_cpu_supports("bmi2"), "BMI2");
#endif
#ifdef __AVX512F__
  note(__builtin_cpu_supports("avx512f"), "AVX-512F");
#endif
#ifdef __AVX512BW__
  note(__builtin_cpu_supports("avx512bw"), "AVX-512BW");
#endif
#ifdef __AVX512VL__
  note(__builtin_cpu_supports("avx512vl"), "AVX-512VL");
#endif
  if (!anyMissing) return;
  const unsigned features = length;
  char list[sizeof message];
  for (unsigned i = 0; i < features; ++i) list[i] = message[i];
  list[features] = '\0';
  length = 0;
  append(program_invocation_short_name);
  append(": error: this build of Attention Studio needs a processor with ");
  append(list);
  append(
      ", which this one lacks. Install a build made for this processor: from source, "
      "`cmake --preset release` builds for the machine it runs on.\n");
  if (write(STDERR_FILENO, message, length) < 0) {
    // Nothing more can be said: stderr is gone.
  }
  std::_Exit(1);
}

}  // namespace
