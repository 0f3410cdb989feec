#!/usr/bin/env bash
# Every figure of the performance table, side by side in one run: the engine (bench_models) and
# PyTorch (torch_bench.py) alternate for --rounds rounds, so a change in the machine's load hits
# both; then the GUI, Eigen's GEMM and time to quality; then bench/summarize.py prints the
# tables of docs/performance.md (medians, ratios against the targets).
#
#   bench/run_all.sh [--build-dir DIR] [--rounds N] [--out DIR] [--skip-gui] [--skip-quality]
#
#   --build-dir DIR  the bench preset's tree (default build-bench: `cmake --preset bench`,
#                    with ATTN_BUILD_GUI on for bench_gui); its programs must be built
#                    (bench_models, attention-cli; bench_gui, bench_gemm and
#                    bench_models_openmp are run when they are there)
#   --rounds N       interleaved engine/PyTorch rounds (default 3)
#   --out DIR        where the JSON results and table.md go (default DIR/bench-results)
#   --wait-quiet     before each part, wait until the machine has been at least 90% idle for
#                    5 seconds (a shared machine: other builds make 2-thread figures meaningless)
#
# Run it on a quiet machine: `uptime` before and after is recorded in machine.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build-bench"
ROUNDS=3
OUT=""
GUI=1
QUALITY=1
WAIT_QUIET=0
PYTHON=/usr/bin/python3
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) BUILD="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --skip-gui) GUI=0; shift ;;
    --skip-quality) QUALITY=0; shift ;;
    --wait-quiet) WAIT_QUIET=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run_all: unknown argument: $1" >&2; exit 2 ;;
  esac
done
OUT="${OUT:-$BUILD/bench-results}"

# Percent of CPU time idle over the next 5 seconds, from /proc/stat.
idle_percent() {
  local a b
  read -r -a a < <(head -n1 /proc/stat)
  sleep 5
  read -r -a b < <(head -n1 /proc/stat)
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  echo $(((b[4] - a[4] + b[5] - a[5]) * 100 / (total > 0 ? total : 1)))
}
quiet() {
  [ "$WAIT_QUIET" -eq 1 ] || return 0
  local idle
  while idle="$(idle_percent)"; [ "$idle" -lt 90 ]; do
    echo "   waiting for a quiet machine (idle ${idle}%)" >&2
  done
}
mkdir -p "$OUT"
rm -f "$OUT"/engine_*.json "$OUT"/torch1_*.json "$OUT"/torch2_*.json
for program in bench/bench_models app/attention-cli; do
  [ -x "$BUILD/$program" ] || { echo "run_all: build $BUILD/$program first" >&2; exit 2; }
done

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
  echo "cores: $(nproc)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "compiler: $(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$BUILD/CMakeCache.txt") $(c++ -dumpfullversion 2>/dev/null)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"

for round in $(seq 1 "$ROUNDS"); do
  quiet
  echo "== round $round/$ROUNDS (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  "$BUILD/bench/bench_models" --benchmark_format=json --benchmark_out_format=json \
    --benchmark_out="$OUT/engine_$round.json" >/dev/null
  quiet
  OMP_NUM_THREADS=1 "$PYTHON" "$ROOT/bench/torch_bench.py" --threads 1 --repeats 1 \
    --out "$OUT/torch1_$round.json" >/dev/null
  quiet
  OMP_NUM_THREADS=2 "$PYTHON" "$ROOT/bench/torch_bench.py" --threads 2 --repeats 1 \
    --out "$OUT/torch2_$round.json" >/dev/null
done
"$PYTHON" -c "import json; print('torch blas:', json.load(open('$OUT/torch1_1.json'))['blas'])" \
  >>"$OUT/machine.txt"

if [ "$GUI" -eq 1 ] && [ -x "$BUILD/bench/bench_gui" ]; then
  quiet
  echo "== GUI" >&2
  QT_QPA_PLATFORM=offscreen "$BUILD/bench/bench_gui" --benchmark_repetitions=3 \
    --benchmark_out_format=json --benchmark_out="$OUT/gui.json" >/dev/null
fi
if [ -x "$BUILD/bench/bench_models_openmp" ]; then
  quiet
  echo "== training steps with Eigen's OpenMP products instead" >&2
  "$BUILD/bench/bench_models_openmp" --benchmark_out_format=json \
    --benchmark_out="$OUT/openmp.json" >/dev/null
fi
if [ -x "$BUILD/bench/bench_gemm" ]; then
  quiet
  echo "== GEMM" >&2
  "$BUILD/bench/bench_gemm" --benchmark_out_format=json --benchmark_out="$OUT/gemm.json" >/dev/null
fi
if [ "$QUALITY" -eq 1 ]; then
  quiet
  echo "== time to quality" >&2
  "$ROOT/bench/time_to_quality.sh" --cli "$BUILD/app/attention-cli" --curve \
    >"$OUT/time_to_quality.jsonl"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

"$PYTHON" "$ROOT/bench/summarize.py" "$OUT" >"$OUT/table.md"
cat "$OUT/machine.txt" "$OUT/table.md"
