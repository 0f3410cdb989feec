#!/usr/bin/env bash
# Builds the libFuzzer targets (clang++, AddressSanitizer + UBSan) and runs each for a bounded
# time on a copy of its seed corpus (fuzz/corpus/<target>), with memory limits so that an
# unbounded allocation counts as a failure. Exits non-zero on the first crash or leak.
#   tools/fuzz.sh [SECONDS_PER_TARGET=45]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-45}"
build="${ATTN_FUZZ_BUILD:-build-fuzz}"
command -v clang++ >/dev/null || { echo "fuzz: clang++ is needed (apt-get install clang)" >&2; exit 1; }
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DATTN_FUZZ=ON -DATTN_BUILD_GUI=OFF -DATTN_BUILD_TESTS=OFF
cmake --build "$build" -j "$(nproc)" --target fuzz_safetensors fuzz_model fuzz_trace fuzz_tsv
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for target in safetensors model trace tsv; do
  mkdir -p "$work/$target"
  cp fuzz/corpus/"$target"/* "$work/$target/"
  echo "fuzz: $target for ${seconds}s"
  "$build/fuzz/fuzz_$target" "$work/$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -malloc_limit_mb=1024 -timeout=10 -print_final_stats=1 -artifact_prefix="$work/" 2>&1 | tail -4
  status=${PIPESTATUS[0]}
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $target FAILED; the input that broke it is in fuzz/crashes/" >&2
    mkdir -p fuzz/crashes && cp "$work"/crash-* "$work"/leak-* "$work"/oom-* "$work"/timeout-* fuzz/crashes/ 2>/dev/null || true
    exit 1
  fi
done
echo "fuzz: all targets ran clean"
