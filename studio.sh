#!/usr/bin/env bash
# The newcomer's entry point on Debian 12: installs whatever is missing, builds, then
#   ./studio.sh run [app arguments]   starts Attention Studio on a bundled model
#   ./studio.sh test                  runs every test (offscreen; no display needed), then
#                                     every test again built with AddressSanitizer and UBSan
# Both are idempotent: with everything installed and built they take a few seconds.
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages the build and the tests need (docs/toolchain.md, Packages, explains each).
PACKAGES=(g++ make cmake ninja-build pkg-config qt6-base-dev libqcustomplot-dev libeigen3-dev
          libgtest-dev libbenchmark-dev nlohmann-json3-dev libcli11-dev
          xvfb xauth fonts-dejavu-core qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
          clang-format libicu-dev libsentencepiece-dev)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "studio: installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "studio: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Every C++ file as .clang-format has it (clang-format 14, Debian 12's); tools/format.sh fixes them.
check_format() {
  # Compares clang-format's output with each file rather than using --dry-run, which reports a
  # no-op replacement on the closing comment of `namespace attn::inline ATTN_PRECISION`.
  local bad=() f
  while IFS= read -r f; do
    clang-format "$f" | cmp -s - "$f" || bad+=("$f")
  done < <(git ls-files '*.cpp' '*.h')
  if [ ${#bad[@]} -gt 0 ]; then
    echo "studio: these files differ from .clang-format (run tools/format.sh):" >&2
    printf '%s\n' "${bad[@]}" >&2
    exit 1
  fi
  # One naming style for data members, `count_` (docs/toolchain.md, Formatting): the `mCount`
  # style that ui/ once used is refused wherever it comes back.
  if git grep -nE '\bm[A-Z][A-Za-z0-9]*\b' -- '*.cpp' '*.h' >&2; then
    echo "studio: name data members like count_, not mCount (docs/toolchain.md, Formatting)" >&2
    exit 1
  fi
}

# `run` builds the app alone; `test` builds everything (the suites, the double-precision
# layers only the gradient checks use).
build() {
  [ -f build/CMakeCache.txt ] || cmake --preset release
  cmake --build --preset release -j "$(nproc)" "$@"
}

cmd="${1:-run}"
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    install_missing
    build --target attention-studio
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "studio: no display found; starting under xvfb-run (add --screenshot FILE.png to see it)" >&2
      exec xvfb-run -a build/app/attention-studio "$@"
    fi
    exec build/app/attention-studio "$@"
    ;;
  test)
    install_missing
    check_format
    build
    QT_QPA_PLATFORM=offscreen ctest --preset release -j "$(nproc)" "$@"
    # The same suite under AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer on):
    # any report fails the test that caused it. Each suite runs as 4 processes there
    # (docs/toolchain.md, Two test passes).
    [ -f build-sanitize/CMakeCache.txt ] || cmake --preset sanitize
    cmake --build --preset sanitize -j "$(nproc)"
    QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --preset sanitize -j "$(nproc)" "$@"
    ;;
  *)
    echo "usage: ./studio.sh run [app arguments] | ./studio.sh test [ctest arguments]" >&2
    exit 2
    ;;
esac
