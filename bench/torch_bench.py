#!/usr/bin/env python3
"""PyTorch's side of bench/bench_models, for the same four configurations, with the reference
models of tools/reference/models.py (docs/file-formats.md exactly), so both engines compute the
same functions on batches of the same shape:

- train_step: one Adam step with clip_grad_norm_(1.0) at batch 32, every source 24 tokens
  (23 + <eos>), every target 12 (no padding, as bench_models' batch), vocabularies of 64;
- decode: greedy decoding of one 24-token sentence for 12 steps, incremental (the encoder once,
  then one decoder step per token with the RNN state or, for the transformer, every layer's
  keys and values of the tokens so far), keeping what the engine's trace keeps: every step's
  attention weights and pre-softmax scores (all heads of every layer, the encoder's
  self-attention too), the RNN's query and context, the log-probs and the top 5 tokens;
  the tokens fed are the same fixed ones as bench_models' (the argmax is not used, so an
  untrained model does the same work as a trained one). For the classifier: one forward pass.

Prints JSON: medians of `--repeats` timings, in ms, wall and process CPU.

    /usr/bin/python3 bench/torch_bench.py --threads 1 --repeats 3
Needs Debian's python3-torch and, for a fair anchor, libopenblas0-openmp (without OpenBLAS
Debian's torch falls back to the reference BLAS and is several times slower)."""
import argparse
import json
import math
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tools", "reference"))
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
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
TOP_K = 5  # the next-token candidates a trace keeps per step (DecodeOptions::topK)


def build(name):
    cfg = CONFIGS[name]
    return models.build_model(cfg, VOCAB, cfg.get("num_classes") or VOCAB)


def full_batch(model, size, seed):
    """Every row full length, ordinary tokens only: bench_models' batch shape exactly."""
    g = torch.Generator().manual_seed(seed)
    ids = lambda n: torch.randint(models.FIRST_TOKEN, VOCAB, (n,), generator=g).tolist()
    sources = [ids(SRC - 1) for _ in range(size)]
    if model.config["arch"] == "structured_self_attention":
        labels = torch.randint(0, 2, (size,), generator=g).tolist()
        return models.make_batch(model.config["arch"], sources, labels=labels)
    targets = [ids(TGT - 1) for _ in range(size)]
    return models.make_batch(model.config["arch"], sources, targets=targets)


def timed(fn, repeats, inner, warmup=3):
    """Medians over `repeats` of the mean wall and process-CPU time of `inner` calls, in ms."""
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(inner):
            fn()
        wall.append((time.perf_counter() - t0) / inner * 1000)
        cpu.append((time.process_time() - c0) / inner * 1000)
    return statistics.median(wall), statistics.median(cpu)


def train_step(name):
    model = build(name)
    batch = full_batch(model, BATCH, 2)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        opt.zero_grad()
        out = model(batch, need_attention=False)
        loss = model.loss(batch, out)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    return step


# ---------------------------------------------------------------- incremental greedy decoding

def attend(attn, q, keys, projected, padding):
    """Attention.forward's arithmetic, also returning the scores before the softmax (the trace
    keeps them)."""
    if attn.score == "additive":
        scores = attn.v(torch.tanh(attn.query(q)[:, None, :] + projected)).squeeze(-1)
    else:  # dot: qᵀh_j; general: qᵀ(W h_j)
        scores = torch.bmm(projected, q[:, :, None]).squeeze(-1)
    a = models.masked_softmax(scores, padding)
    return scores, a, torch.bmm(a[:, None, :], keys).squeeze(1)


def step_record(logits):
    """What the trace keeps of a step's output besides attention: the log-probs and the five most
    probable tokens with their probabilities."""
    log_probs = F.log_softmax(logits, -1)
    top = torch.topk(log_probs.exp(), min(TOP_K, logits.shape[-1]), -1)
    return [log_probs, top.values, top.indices]


def rnn_decoder(model, src, src_lengths, tokens):
    """RNNSeq2Seq.forward's step equations, one step at a time from the encoded source; each step
    keeps what the engine's trace keeps: attention weights and scores, query, context, log-probs
    and the top five tokens."""
    def run():
        kept = []
        with torch.no_grad():
            keys, state = model.encode(src, src_lengths)
            attn = model.decoder.attention
            projected = attn.project_keys(keys)
            padding = models.padding_mask(src_lengths, src.shape[1])
            h_tilde = keys.new_zeros(1, model.H)
            for tok in tokens:
                e = model.decoder.embedding(torch.tensor([tok]))
                if model.attention_kind == "bahdanau":
                    q = model._top(state)
                    scores, a, c = attend(attn, q, keys, projected, padding)
                    out, state = model.decoder.rnn(torch.cat([e, c], -1)[:, None], state)
                    logits = model.decoder.out(torch.cat([out[:, 0], c], -1))
                else:
                    x = torch.cat([e, h_tilde], -1) if model.input_feeding else e
                    out, state = model.decoder.rnn(x[:, None], state)
                    q = out[:, 0]
                    scores, a, c = attend(attn, q, keys, projected, padding)
                    h_tilde = torch.tanh(model.decoder.combine(torch.cat([c, q], -1)))
                    logits = model.decoder.out(h_tilde)
                kept += [a, scores, q, c] + step_record(logits)
        return kept
    return run


def heads_attention(q, k, v, nhead):
    """Scaled dot-product attention of q [Q, d] over k, v [K, d], per head: (out [Q, d],
    weights [heads, Q, K], scores before the softmax [heads, Q, K])."""
    d = q.shape[-1]
    dh = d // nhead
    qh = q.view(-1, nhead, dh).transpose(0, 1) / math.sqrt(dh)
    kh, vh = (t.view(-1, nhead, dh).transpose(0, 1) for t in (k, v))
    scores = qh @ kh.transpose(1, 2)
    w = torch.softmax(scores, -1)
    return (w @ vh).transpose(0, 1).reshape(-1, d), w, scores


def mha(module, q_in, kv_in, nhead, cache=None):
    """nn.MultiheadAttention's arithmetic with its own weights; `cache` [keys, values] grows by
    this step's projections (the prefix's are never recomputed)."""
    d = q_in.shape[-1]
    W, b = module.in_proj_weight, module.in_proj_bias
    q = F.linear(q_in, W[:d], b[:d])
    if cache is None:
        k, v = F.linear(kv_in, W[d:2 * d], b[d:2 * d]), F.linear(kv_in, W[2 * d:], b[2 * d:])
    else:
        kv = F.linear(kv_in, W[d:], b[d:])
        cache[0] = torch.cat([cache[0], kv[:, :d]]) if cache[0] is not None else kv[:, :d]
        cache[1] = torch.cat([cache[1], kv[:, d:]]) if cache[1] is not None else kv[:, d:]
        k, v = cache
    out, w, scores = heads_attention(q, k, v, nhead)
    return module.out_proj(out), w, scores


def transformer_decoder(model, src, tokens):
    """Post-norm nn.Transformer (norm_first false, as the config) by hand: the encoder once with
    every head's weights, then one position per step, each layer's self-attention keys and
    values cached, the memory's projections computed once per layer."""
    tr, d, nhead = model.transformer, model.d_model, model.config["nhead"]
    pe = models.sinusoidal_positions(len(tokens), d)

    def ff(layer, x):
        return layer.linear2(F.relu(layer.linear1(x)))

    def run():
        kept = []
        with torch.no_grad():
            x = model.embed(model.src_embedding, src)[0]              # [S, d]
            for layer in tr.encoder.layers:
                sa, w, _ = mha(layer.self_attn, x, x, nhead)
                x = layer.norm1(x + sa)
                x = layer.norm2(x + ff(layer, x))
                kept.append(w)
            memory = tr.encoder.norm(x)
            mem_kv = []
            for layer in tr.decoder.layers:
                W, b = layer.multihead_attn.in_proj_weight, layer.multihead_attn.in_proj_bias
                mem_kv.append((F.linear(memory, W[d:2 * d], b[d:2 * d]),
                               F.linear(memory, W[2 * d:], b[2 * d:])))
            caches = [[None, None] for _ in tr.decoder.layers]
            for t, tok in enumerate(tokens):
                y = model.tgt_embedding(torch.tensor([tok])) * math.sqrt(d) + pe[t:t + 1]
                for li, layer in enumerate(tr.decoder.layers):
                    sa, w_self, s_self = mha(layer.self_attn, y, y, nhead, caches[li])
                    y = layer.norm1(y + sa)
                    ca = layer.multihead_attn
                    q = F.linear(y, ca.in_proj_weight[:d], ca.in_proj_bias[:d])
                    o, w_cross, s_cross = heads_attention(q, *mem_kv[li], nhead)
                    y = layer.norm2(y + ca.out_proj(o))
                    y = layer.norm3(y + ff(layer, y))
                    kept += [w_self, s_self, w_cross, s_cross]
                kept += step_record(model.out(tr.decoder.norm(y)))
        return kept
    return run


def check_decoder(model, src, tokens, run):
    """The incremental decoder gives the reference forward pass's log-probs (teacher-forced on
    the same tokens), so it computes the model and not something cheaper."""
    batch = models.make_batch(model.config["arch"], [src[0, :-1].tolist()], targets=[tokens[1:]])
    with torch.no_grad():
        ref = model(batch, need_attention=False)["log_probs"][0]
    got = torch.cat([k for k in run() if tuple(k.shape) == (1, VOCAB)])
    assert torch.allclose(ref, got, atol=1e-4), (ref - got).abs().max()


def decode(name):
    model = build(name)
    batch = full_batch(model, 1, 3)
    src, lengths = batch["src"], batch["src_lengths"]
    if model.config["arch"] == "structured_self_attention":
        def forward():
            with torch.no_grad():
                out = model(batch)
                return [out] + step_record(out["logits"])
        return forward
    tokens = batch["tgt_in"][0].tolist()  # <sos> y1 … y11: 12 steps
    if model.config["arch"] == "transformer":
        run = transformer_decoder(model, src, tokens)
    else:
        run = rnn_decoder(model, src, lengths, tokens)
    check_decoder(model, src, tokens, run)
    return run


def blas_in_use():
    """The BLAS library actually loaded (Debian's torch picks it through alternatives)."""
    torch.ones(2) @ torch.ones(2)
    with open("/proc/self/maps") as maps:
        libs = {line.split()[-1] for line in maps if "blas" in line}
    # The parent folder tells the builds apart: openblas-openmp, openblas-pthread, blas.
    short = (os.path.join(os.path.basename(os.path.dirname(lib)), os.path.basename(lib))
             for lib in libs)
    return ", ".join(sorted(short)) or "none found"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--configs", default=",".join(CONFIGS))
    ap.add_argument("--what", default="train,decode", help="train, decode or both")
    ap.add_argument("--out", help="also write the JSON here")
    args = ap.parse_args()
    torch.manual_seed(1)
    torch.set_num_threads(args.threads)
    what = args.what.split(",")
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(),
              "blas": blas_in_use(), "repeats": args.repeats, "train_step_ms": {},
              "train_step_cpu_ms": {}, "decode_ms": {}, "decode_cpu_ms": {}}
    for name in args.configs.split(","):
        if "train" in what:
            wall, cpu = timed(train_step(name), args.repeats, inner=10)
            result["train_step_ms"][name] = round(wall, 3)
            result["train_step_cpu_ms"][name] = round(cpu, 3)
        if "decode" in what:
            wall, cpu = timed(decode(name), args.repeats, inner=50)
            result["decode_ms"][name] = round(wall, 4)
            result["decode_cpu_ms"][name] = round(cpu, 4)
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
