#!/usr/bin/env python3
"""PyTorch's side of bench/bench_models: one Adam training step with clip_grad_norm_(1.0) at
batch 32, source 24 tokens, target 12, vocabularies of 64, for the same four configurations,
with the reference models of tools/reference/models.py (MODEL_FORMAT.md exactly), so both
engines compute the same thing. Prints the median of `--repeats` timings per config, in ms.

    /usr/bin/python3 bench/torch_bench.py --threads 1
Needs Debian's python3-torch and, for a fair anchor, libopenblas0-openmp (without OpenBLAS
Debian's torch falls back to the reference BLAS and is several times slower)."""
import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tools", "reference"))
import torch  # noqa: E402
import models  # noqa: E402

CONFIGS = {
    "bahdanau": {"arch": "rnn_seq2seq", "cell": "gru", "embed_dim": 64, "hidden_dim": 128,
                 "bidirectional": True, "attention": "bahdanau", "score": "additive"},
    "luong": {"arch": "rnn_seq2seq", "cell": "gru", "embed_dim": 64, "hidden_dim": 128,
              "bidirectional": False, "attention": "luong", "score": "general",
              "input_feeding": True},
    "transformer": {"arch": "transformer", "d_model": 64, "nhead": 4, "num_encoder_layers": 2,
                    "num_decoder_layers": 2, "dim_feedforward": 256},
    "lin": {"arch": "structured_self_attention", "cell": "lstm", "embed_dim": 64, "hidden_dim": 64,
            "attention_dim": 64, "hops": 4, "mlp_dim": 128, "num_classes": 2},
}
BATCH, SRC, TGT, VOCAB = 32, 24, 12, 64


def train_step_ms(name, repeats, warmup=3, steps=10):
    cfg = CONFIGS[name]
    classes = cfg.get("num_classes")
    model = models.build_model(cfg, VOCAB, classes or VOCAB)
    g = torch.Generator().manual_seed(2)
    batch = models.random_batch(model.config, BATCH, SRC, TGT, VOCAB, VOCAB, generator=g, full=True)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        opt.zero_grad()
        out = model(batch, need_attention=False)
        loss = model.loss(batch, out)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    for _ in range(warmup):
        step()
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(steps):
            step()
        wall.append((time.perf_counter() - t0) / steps * 1000)
        cpu.append((time.process_time() - c0) / steps * 1000)
    return statistics.median(wall), statistics.median(cpu)


def blas_in_use():
    """The BLAS library actually loaded (Debian's torch picks it through alternatives)."""
    torch.ones(2) @ torch.ones(2)
    with open("/proc/self/maps") as maps:
        libs = {line.split()[-1] for line in maps if "blas" in line}
    return ", ".join(sorted(os.path.basename(l) for l in libs)) or "none found"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--configs", default=",".join(CONFIGS))
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    result = {"torch": torch.__version__, "threads": args.threads,
              "blas": blas_in_use(), "train_step_ms": {}, "train_step_cpu_ms": {}}
    for name in args.configs.split(","):
        wall, cpu = train_step_ms(name, args.repeats)
        result["train_step_ms"][name] = round(wall, 2)
        result["train_step_cpu_ms"][name] = round(cpu, 2)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
