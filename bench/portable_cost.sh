#!/usr/bin/env bash
# What a portable build (cmake/portable.cmake) costs against a native one, and whether both give
# the same answers: README, Install, quotes its output.
#
#   bench/portable_cost.sh NATIVE_DIR PORTABLE_DIR [ROUNDS]
#
# NATIVE_DIR and PORTABLE_DIR are two build trees of the bench preset, e.g.
#   cmake --preset bench && cmake --build build-bench --target bench_models attention-cli
#   cmake --preset bench -B build-bench-v3 -DATTN_NATIVE=OFF -DATTN_CPU_BASELINE=x86-64-v3
#   cmake --build build-bench-v3 --target bench_models attention-cli
# 1. Same output: every bundled model decodes the same inputs with both builds' attention-cli
#    (its example sentences and 300 random sequences of its source vocabulary, which are harder:
#    near-ties between two tokens show any difference in the arithmetic), and the decoded lines
#    must be identical; `eval` on each model's test split is printed for both.
# 2. Speed: bench_models' train step (1 thread) and greedy decode to a trace (docs/performance.md),
#    the two builds alternating for ROUNDS rounds (default 3); medians of process CPU time, which a
#    busy machine disturbs less than wall time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
native=$(cd "$1" && pwd)
portable=$(cd "$2" && pwd)
rounds=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "## Same output"
status=0
for model in "$ROOT"/resources/models/*.safetensors; do
  name=$(basename "$model" .safetensors)
  # The model's source vocabulary and tokenizer, from its safetensors header.
  python3 - "$model" >"$work/$name.txt" <<'EOF'
import json, random, struct, sys
with open(sys.argv[1], "rb") as f:
    n = struct.unpack("<Q", f.read(8))[0]
    meta = json.loads(f.read(n))["__metadata__"]
words = [w for w in json.loads(meta["src_vocab"]) if not (w.startswith("<") and w.endswith(">"))]
joiner = "" if meta.get("tokenizer") == "char" else " "
rng = random.Random(7)
training = json.loads(meta.get("training", "{}"))
if isinstance(training, dict) and isinstance(training.get("example"), str):
    print(training["example"])
for _ in range(300):
    print(joiner.join(rng.choice(words) for _ in range(rng.randint(3, 12))).strip() or words[0])
EOF
  "$native/app/attention-cli" decode --model "$model" --input "$work/$name.txt" \
    >"$work/$name.native" 2>/dev/null
  "$portable/app/attention-cli" decode --model "$model" --input "$work/$name.txt" \
    >"$work/$name.portable" 2>/dev/null
  lines=$(wc -l <"$work/$name.txt")
  if cmp -s "$work/$name.native" "$work/$name.portable"; then
    echo "$name: $lines inputs, identical outputs"
  else
    differ=$(diff "$work/$name.native" "$work/$name.portable" | grep -c '^<' || true)
    echo "$name: $lines inputs, $differ outputs DIFFER"
    status=1
  fi
  for build in native portable; do
    dir=$native
    [ $build = portable ] && dir=$portable
    printf '  eval %-8s %s\n' "$build" \
      "$("$dir/app/attention-cli" eval --model "$model" 2>/dev/null | tr -d '\n ' | cut -c1-160)"
  done
done

echo "## Speed (process CPU time, median of $rounds rounds)"
filter='train_step/[a-z]+/threads:1/|greedy_trace/'
for ((r = 1; r <= rounds; r++)); do
  for build in native portable; do
    dir=$native
    [ $build = portable ] && dir=$portable
    "$dir/bench/bench_models" --benchmark_filter="$filter" --benchmark_format=json \
      --benchmark_min_time=1 >"$work/$build-$r.json" 2>/dev/null
  done
done
python3 - "$work" "$rounds" <<'EOF'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def load(build):
    times = {}
    for r in range(1, rounds + 1):
        for b in json.load(open(f"{work}/{build}-{r}.json"))["benchmarks"]:
            unit = {"ms": 1e-3, "us": 1e-6, "ns": 1e-9}[b["time_unit"]]
            times.setdefault(b["name"], []).append(b["cpu_time"] * unit)
    return {k: statistics.median(v) for k, v in times.items()}
native, portable = load("native"), load("portable")
print("| benchmark | native | portable | portable / native |")
print("|---|---|---|---|")
for name in native:
    n, p = native[name], portable.get(name)
    if p is None:
        continue
    fmt = (lambda t: f"{t * 1e3:.2f} ms") if n > 1e-3 else (lambda t: f"{t * 1e6:.0f} µs")
    print(f"| {name} | {fmt(n)} | {fmt(p)} | {p / n:.2f} |")
EOF
exit $status
