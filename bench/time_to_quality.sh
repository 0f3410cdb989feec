#!/usr/bin/env bash
# Time to quality: how long `attention-cli train` takes, from start to saved model, to train the
# bundled dates model with its own settings (tools/train_bundled_models.sh, read from its --list
# so the two never disagree), and the exact match the result has on the test split.
#
#   bench/time_to_quality.sh [--cli PATH] [--threads "1 2"] [--curve]
#
#   --cli PATH     attention-cli to run (default: build-bench/app/attention-cli)
#   --threads LIST training threads to run it with, one run each (default "1 2")
#   --curve        also rerun with a validation every 100 steps (whole validation split) and
#                  print the first step whose exact match is >= 0.99
#
# Prints one JSON object per line: threads, wall and CPU seconds of the whole process, the
# trainer's own seconds, the test exact match, and (--curve) the first step at >= 99%.
# Exit status 1 if a run stays below 99% exact match on the test split.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI="$ROOT/build-bench/app/attention-cli"
THREADS="1 2"
CURVE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) CLI="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --curve) CURVE=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "time_to_quality: unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -x "$CLI" ] || { echo "time_to_quality: no $CLI (build the attention-cli target)" >&2; exit 2; }

# The bundled recipe, without its --out.
recipe="$("$ROOT/tools/train_bundled_models.sh" --list --only dates-bahdanau |
  sed -n 's/^ *attention-cli train //p' | sed 's/ --out [^ ]*$//')"
[ -n "$recipe" ] || { echo "time_to_quality: no dates-bahdanau recipe found" >&2; exit 2; }
read -r -a args <<<"$recipe"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for n in $THREADS; do
  TIMEFORMAT='%R %U %S'
  { time "$CLI" train "${args[@]}" --threads "$n" --out "$work/dates.safetensors" \
      >"$work/train.json" 2>"$work/train.log"; } 2>"$work/time"
  read -r wall user sys <"$work/time"
  trainer="$(sed -n 's/^finished [0-9]* steps in \([0-9.]*\) s.*/\1/p' "$work/train.log")"
  "$CLI" eval --model "$work/dates.safetensors" --split test >"$work/test.json"
  exact="$(tr -d ' \n' <"$work/test.json" | grep -o '"exact_match":[0-9.eE+-]*' | cut -d: -f2)"
  first=null
  if [ "$CURVE" -eq 1 ]; then
    curve_args=("${args[@]}")
    for i in "${!curve_args[@]}"; do
      [ "${curve_args[$i]}" = --eval-every ] && curve_args[$((i + 1))]=100
    done
    "$CLI" train "${curve_args[@]}" --threads "$n" --out "$work/curve.safetensors" \
      >/dev/null 2>"$work/curve.log"
    first="$(awk '/^validation at step/ {
        split($4, s, "/"); for (i = 1; i <= NF; ++i) if ($i == "exact_match" && $(i + 1) >= 0.99) {
          print s[1] + 0; exit } }' "$work/curve.log")"
    first="${first:-null}"
  fi
  cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  echo "{\"threads\": $n, \"wall_s\": $wall, \"cpu_s\": $cpu, \"trainer_s\": ${trainer:-null}," \
    "\"test_exact_match\": $exact, \"first_step_at_99\": $first, \"steps\": 1200," \
    "\"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
  awk -v e="$exact" 'BEGIN { exit !(e + 0 >= 0.99) }' || status=1
done
exit $status
