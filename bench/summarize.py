#!/usr/bin/env python3
"""Turns the results bench/run_all.sh collected into the tables of docs/performance.md:
medians over the interleaved rounds of the engine (bench_models, Google Benchmark JSON) and of
PyTorch (torch_bench.py JSON), their ratios against the targets, and the GUI, GEMM and
time-to-quality figures.

    /usr/bin/python3 bench/summarize.py RESULTS_DIR > RESULTS_DIR/table.md
"""
import glob
import json
import os
import statistics
import sys

CONFIGS = ["bahdanau", "luong", "transformer", "lin"]
LABELS = {
    "bahdanau": "rnn_seq2seq gru, bidirectional, bahdanau additive, E 64, H 128",
    "luong": "rnn_seq2seq gru, luong general, input feeding, E 64, H 128",
    "transformer": "transformer d 64, 4 heads, 2 + 2 layers, ffn 256",
    "lin": "structured_self_attention lstm H 64, d_a 64, r 4, mlp 128",
}
TO_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


def load(path):
    with open(path) as f:
        return json.load(f)


def engine_rounds(results):
    """{(kind, config, threads): {"wall": [...], "cpu": [...]}} over every engine_*.json."""
    out = {}
    for path in sorted(glob.glob(os.path.join(results, "engine_*.json"))):
        for b in load(path)["benchmarks"]:
            if b.get("run_type") == "aggregate":
                continue
            parts = b["run_name"].split("/")
            threads = next((int(p.split(":")[1]) for p in parts if p.startswith("threads:")), 1)
            key = (parts[0], parts[1], threads)
            scale = TO_MS[b["time_unit"]]
            entry = out.setdefault(key, {"wall": [], "cpu": [], "counters": b})
            entry["wall"].append(b["real_time"] * scale)
            entry["cpu"].append(b["cpu_time"] * scale)
    return out


def torch_rounds(results, threads):
    """{(field, config): [per round]} over torch_<threads>_*.json."""
    out = {}
    for path in sorted(glob.glob(os.path.join(results, f"torch{threads}_*.json"))):
        r = load(path)
        for field in ("train_step_ms", "train_step_cpu_ms", "decode_ms", "decode_cpu_ms"):
            for name, value in r.get(field, {}).items():
                out.setdefault((field, name), []).append(value)
    return out


def med(values):
    return statistics.median(values) if values else None


def fmt(ms, digits=None):
    if ms is None:
        return "–"
    if digits is None:
        digits = 1 if ms >= 10 else 2 if ms >= 1 else 3
    return f"{ms:.{digits}f} ms"


def ratio(torch_ms, engine_ms, target):
    if torch_ms is None or engine_ms is None:
        return "–"
    r = torch_ms / engine_ms
    return f"**{r:.1f}×**" + ("" if r >= target else f" (target {target}×: missed)")


def train_table(engine, torch1, torch2, clock):
    """clock: "wall" or "cpu"."""
    tfield = "train_step_ms" if clock == "wall" else "train_step_cpu_ms"
    rows = ["| config | engine 1 thread | PyTorch 1 thread | ratio (≥ 2×) | engine 2 threads "
            "| PyTorch 2 threads | ratio (≥ 3×) |", "|---|---|---|---|---|---|---|"]
    for c in CONFIGS:
        e1 = med(engine.get(("train_step", c, 1), {}).get(clock, []))
        e2 = med(engine.get(("train_step", c, 2), {}).get(clock, []))
        t1, t2 = med(torch1.get((tfield, c), [])), med(torch2.get((tfield, c), []))
        rows.append(f"| {LABELS[c]} | {fmt(e1)} | {fmt(t1)} | {ratio(t1, e1, 2)} | {fmt(e2)} "
                    f"| {fmt(t2)} | {ratio(t2, e2, 3)} |")
    return "\n".join(rows)


def decode_table(engine, torch1, torch2, clock):
    """The engine's batch-1 inference may use the second core (core/util/side_thread.h), so it
    is compared with PyTorch's better figure of 1 and 2 threads; the CPU table shows what the
    engine spent on both cores."""
    tfield = "decode_ms" if clock == "wall" else "decode_cpu_ms"
    rows = ["| config | engine, decodeGreedy → Trace (steps) | engine, model steps only "
            "| PyTorch, incremental, 1 / 2 threads | ratio to PyTorch's best (≥ 10×) |",
            "|---|---|---|---|---|"]
    for c in CONFIGS:
        trace = engine.get(("greedy_trace", c, 1), {})
        steps = trace.get("counters", {}).get("steps")
        e = med(trace.get(clock, []))
        raw = med(engine.get(("greedy_decode", c, 1), {}).get(clock, []))
        t1, t2 = med(torch1.get((tfield, c), [])), med(torch2.get((tfield, c), []))
        best = min((t for t in (t1, t2) if t is not None), default=None)
        steps_text = f" ({int(steps)})" if steps is not None and c != "lin" else ""
        rows.append(f"| {LABELS[c]} | {fmt(e)}{steps_text} | {fmt(raw)} | {fmt(t1)} / {fmt(t2)} "
                    f"| {ratio(best, e, 10)} |")
    return "\n".join(rows)


def gui_table(results):
    path = os.path.join(results, "gui.json")
    if not os.path.exists(path):
        return "(no GUI results)"
    targets = {"gui/decode_step_60x60": ("one decode step, 60 × 60 map (update + replot)", 16),
               "gui/heads_grid_6x8_100x100": ("6 × 8 grid of 100 × 100 maps, redraw", 100),
               "gui/open_trace_500x500": ("open a 500 × 500 trace (read + first draw)", 1000),
               "gui/pan_frame_500x500": ("pan frame, 500 × 500 zoomed to 50 × 50", 16),
               "gui/start_to_first_heatmap": ("start to first heatmap (+ PNG, exit)", 1000)}
    runs, rss = {}, {}
    for b in load(path)["benchmarks"]:
        if b.get("run_type") == "aggregate":
            continue
        name = "/".join(b["run_name"].split("/")[:2])
        runs.setdefault(name, []).append(b["real_time"] * TO_MS[b["time_unit"]])
        if "peak_rss_MB" in b:
            rss.setdefault(name, []).append(b["peak_rss_MB"])
    rows = ["| figure | median | target | met |", "|---|---|---|---|"]
    for name, (label, target) in targets.items():
        m = med(runs.get(name, []))
        rows.append(f"| {label} | {fmt(m)} | < {target} ms | {'yes' if m and m < target else 'NO'} |")
    for name, label in (("gui/start_to_first_heatmap", "resident memory, started on a model"),
                        ("gui/resident_memory_probe",
                         "resident memory, + 500 × 500 trace and 6 × 8 × 100 × 100 grid")):
        m = med(rss.get(name, []))
        if m is not None:
            rows.append(f"| {label} (peak RSS) | {m:.0f} MB | < 200 MB | {'yes' if m < 200 else 'NO'} |")
    return "\n".join(rows)


def gemm_table(results):
    path = os.path.join(results, "gemm.json")
    if not os.path.exists(path):
        return "(no GEMM results)"
    rates = {}
    for b in load(path)["benchmarks"]:
        p = dict(x.split(":") for x in b["run_name"].split("/")[1:] if ":" in x)
        rates.setdefault((int(p["M"]), int(p["K"]), int(p["N"])), {})[int(p["threads"])] = (
            b["GFLOP/s"] / 1e0)
    rows = ["| product [M, K] × [K, N] | 1 thread | 2 threads (Eigen OpenMP) | speed-up |",
            "|---|---|---|---|"]
    for (m, k, n), r in rates.items():
        one, two = r.get(1), r.get(2)
        rows.append(f"| [{m}, {k}] × [{k}, {n}] | {one:.1f} GFLOP/s | {two:.1f} GFLOP/s "
                    f"| {two / one:.2f}× |")
    return "\n".join(rows)


def openmp_table(results, engine):
    path = os.path.join(results, "openmp.json")
    if not os.path.exists(path):
        return "(no OpenMP results: build bench_models_openmp)"
    omp = {}
    for b in load(path)["benchmarks"]:
        parts = b["run_name"].split("/")
        threads = int(next(p for p in parts if p.startswith("threads:")).split(":")[1])
        omp[(parts[1], threads)] = b["real_time"] * TO_MS[b["time_unit"]]
    rows = ["| config | 1 thread | 2 threads, Eigen's OpenMP products | speed-up "
            "| 2 threads, batch in two parts (what the trainer does) | speed-up |",
            "|---|---|---|---|---|---|"]
    for c in CONFIGS:
        one = med(engine.get(("train_step", c, 1), {}).get("wall", []))
        two = med(engine.get(("train_step", c, 2), {}).get("wall", []))
        o1, o2 = omp.get((c, 1)), omp.get((c, 2))
        if None in (one, two, o1, o2):
            continue
        rows.append(f"| {c} | {fmt(one)} | {fmt(o2)} | {o1 / o2:.2f}× | {fmt(two)} "
                    f"| {one / two:.2f}× |")
    return "\n".join(rows)


def quality_table(results):
    path = os.path.join(results, "time_to_quality.jsonl")
    if not os.path.exists(path):
        return "(no time-to-quality results)"
    rows = ["| threads | whole `attention-cli train` run, wall | CPU | test exact match "
            "| first validation ≥ 99% | load |", "|---|---|---|---|---|---|"]
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            first = r["first_step_at_99"]
            rows.append(f"| {r['threads']} | {r['wall_s']:.1f} s | {r['cpu_s']:.1f} s "
                        f"| {r['test_exact_match']:.3f} | "
                        f"{'step ' + str(first) + ' of ' + str(r['steps']) if first else '–'} "
                        f"| {r['load']} |")
    return "\n".join(rows)


def main():
    results = sys.argv[1]
    engine = engine_rounds(results)
    torch1, torch2 = torch_rounds(results, 1), torch_rounds(results, 2)
    rounds = len(glob.glob(os.path.join(results, "engine_*.json")))
    print(f"Medians of {rounds} interleaved rounds.\n")
    for clock, title in (("wall", "wall clock"), ("cpu", "process CPU time")):
        print(f"### Training step, {title}\n\n{train_table(engine, torch1, torch2, clock)}\n")
        print(f"### Greedy decode of one sentence with attention recorded, {title}\n\n"
              f"{decode_table(engine, torch1, torch2, clock)}\n")
    print(f"### GUI\n\n{gui_table(results)}\n")
    print(f"### Time to quality (bundled dates model)\n\n{quality_table(results)}\n")
    print(f"### Two threads: parallel products or parallel halves\n\n"
          f"{openmp_table(results, engine)}\n")
    print(f"### Eigen GEMM\n\n{gemm_table(results)}\n")


if __name__ == "__main__":
    main()
