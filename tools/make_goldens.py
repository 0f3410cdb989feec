#!/usr/bin/python3
"""Writes the PyTorch golden tensors the C++ engine's tests compare against.

    /usr/bin/python3 tools/make_goldens.py            # from the repository root

writes tests/data/golden/*.safetensors and their documentation tests/data/golden/README.md
(generated from the same descriptions, so the two cannot disagree), plus the small files the
safetensors reader's own tests read (tests/data/safetensors/). Every file is seeded on its own,
so the output is the same byte for byte on every run and adding a file changes no other one.

Conventions (repeated in the README): everything is F32, including lengths, token ids and masks
(1.0 = masked, as PyTorch's True); parameters are stored under their state_dict names; each file
defines a scalar loss from its outputs and random "grad_*" seeds, and "grad.X" is dloss/dX.
"""

import argparse
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden"))
import st  # noqa: E402  (the tiny safetensors writer next to this script)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Golden:
    """One golden file: tensors in order, each with a description for the README."""

    def __init__(self, name, seed, summary, **config):
        self.name = name
        self.seed = seed
        self.summary = summary
        self.config = {k: str(v) for k, v in config.items()}
        self.tensors = []  # (name, tensor, description)
        torch.manual_seed(seed)

    def add(self, name, tensor, what):
        if any(n == name for n, _, _ in self.tensors):
            raise ValueError(f"{self.name}: duplicate tensor {name}")
        t = torch.as_tensor(tensor).detach().clone()
        if not t.is_floating_point():
            t = t.to(torch.float32)  # ids, lengths and masks are stored as F32
        self.tensors.append((name, t.contiguous(), what))

    def add_module(self, module, prefix="", what="parameter"):
        for n, p in module.state_dict().items():
            self.add(prefix + n, p, what)

    def add_param_grads(self, module, prefix=""):
        for n, p in module.named_parameters():
            self.add("grad." + prefix + n, p.grad, f"dloss/d`{prefix + n}`")

    def metadata(self):
        meta = {
            "generator": "tools/make_goldens.py",
            "torch_version": torch.__version__,
            "seed": str(self.seed),
            "description": self.summary,
        }
        meta.update(self.config)
        return meta


def perturb(module, scale=0.1):
    """PyTorch initialises biases to 0 and norm weights to 1; a golden taken there could not
    catch an engine that forgets a bias or swaps weight and bias. Nudge every parameter."""
    with torch.no_grad():
        for p in module.parameters():
            p.add_(scale * torch.randn_like(p))


def lengths_mask(lengths, total):
    """[B, total] bool, True at padded positions (PyTorch's key_padding_mask convention)."""
    return torch.arange(total)[None, :] >= torch.tensor(lengths)[:, None]


def causal_mask(n):
    """[n, n] bool, True above the diagonal: query i may not look at keys after i."""
    return torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)


def seed_grad(g, name, t, what):
    """A random upstream gradient for output t, recorded as `name`; returns its loss term."""
    s = torch.randn_like(t)
    g.add(name, s, what)
    return (t * s).sum()


# ---------------------------------------------------------------- recurrent layers

def rnn_file(cell, num_layers, bidirectional, with_h0, seed):
    I, H, B, T = 4, 5, 3, 5
    lengths = [5, 3, 4]  # not sorted: enforce_sorted=False sorts and unsorts internally
    D = 2 if bidirectional else 1
    L = num_layers
    kind = f"{'bidir' if bidirectional else 'unidir'}_{L}layer"
    name = f"{cell}_{kind}"
    cls = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}[cell]
    label = {"rnn": "nn.RNN (tanh)", "gru": "nn.GRU", "lstm": "nn.LSTM"}[cell]
    g = Golden(
        name, seed,
        f"{label}(input_size={I}, hidden_size={H}, num_layers={L}, bidirectional={bidirectional}, "
        f"batch_first=True) over a padded batch of {B} sequences of lengths {lengths}, run through "
        "pack_padded_sequence(enforce_sorted=False) / pad_packed_sequence; "
        + {"rnn": "", "gru": "gate rows stacked r, z, n (b_hn inside the reset product); ",
           "lstm": "gate rows stacked i, f, g, o; "}[cell]
        + ("initial state given (h0" + (", c0" if cell == "lstm" else "") + ")."
           if with_h0 else "initial state zero (no h0 passed)."),
        cell=cell, input_size=I, hidden_size=H, num_layers=L, bidirectional=bidirectional,
        batch_first=True, lengths=lengths)
    kwargs = {"nonlinearity": "tanh"} if cell == "rnn" else {}
    m = cls(I, H, num_layers=L, bidirectional=bidirectional, batch_first=True, **kwargs)
    perturb(m)
    g.add_module(m)

    # Padded positions hold random values, not zeros: the engine must not read them at all.
    x = torch.randn(B, T, I, requires_grad=True)
    g.add("input", x, "[B, T, input_size]; positions t >= lengths[b] are padding with random "
          "values that must not affect anything")
    g.add("lengths", torch.tensor(lengths), "[B] real length of each sequence")
    state = None
    if with_h0:
        h0 = torch.randn(L * D, B, H, requires_grad=True)
        g.add("h0", h0, "[num_layers * D, B, H] initial hidden state, layer-major as PyTorch")
        state = h0
        if cell == "lstm":
            c0 = torch.randn(L * D, B, H, requires_grad=True)
            g.add("c0", c0, "[num_layers * D, B, H] initial cell state")
            state = (h0, c0)

    packed = pack_padded_sequence(x, torch.tensor(lengths), batch_first=True,
                                  enforce_sorted=False)
    out_packed, hidden = m(packed, state)
    out, _ = pad_packed_sequence(out_packed, batch_first=True, total_length=T)
    h_n, c_n = hidden if cell == "lstm" else (hidden, None)
    dir_note = " (forward ; backward halves)" if D == 2 else ""
    g.add("output", out, f"[B, T, D*H] top layer's outputs{dir_note}; zero at padded positions")
    g.add("h_n", h_n, "[num_layers * D, B, H] final hidden state of each layer and direction "
          "(index layer*D + direction), taken at each sequence's own last real step")
    if c_n is not None:
        g.add("c_n", c_n, "[num_layers * D, B, H] final cell state, same layout")

    loss = seed_grad(g, "grad_output", out, "upstream gradient for `output` (loss term "
                     "sum(output * grad_output); its padded positions have no effect)")
    loss = loss + seed_grad(g, "grad_h_n", h_n, "upstream gradient for `h_n`")
    if c_n is not None:
        loss = loss + seed_grad(g, "grad_c_n", c_n, "upstream gradient for `c_n`")
    loss.backward()
    g.add("loss", loss, "the scalar loss the gradients are of")
    g.add("grad.input", x.grad, "dloss/d`input` (zero at padded positions)")
    if with_h0:
        g.add("grad.h0", h0.grad, "dloss/d`h0`")
        if cell == "lstm":
            g.add("grad.c0", c0.grad, "dloss/d`c0`")
    g.add_param_grads(m)
    return g


# ---------------------------------------------------------------- attention

def mha_file(name, seed, cross, causal):
    E, heads, B = 6, 2, 3
    T, S = (4, 5) if cross else (5, 5)
    src_lengths = [5, 3, 4]
    what = ("cross-attention: query [B, T, E] over key/value [B, S, E]" if cross
            else "self-attention: query = key = value = input") + \
        (", causal attn_mask" if causal else "") + f", key_padding_mask from lengths {src_lengths}"
    g = Golden(
        name, seed,
        f"nn.MultiheadAttention(embed_dim={E}, num_heads={heads}, batch_first=True), {what}; "
        "need_weights=True, average_attn_weights=False.",
        embed_dim=E, num_heads=heads, batch_first=True)
    mha = nn.MultiheadAttention(E, heads, batch_first=True)
    perturb(mha)
    g.add_module(mha)
    kpm = lengths_mask(src_lengths, S)
    attn_mask = causal_mask(T) if causal else None
    if cross:
        q = torch.randn(B, T, E, requires_grad=True)
        k = torch.randn(B, S, E, requires_grad=True)
        v = torch.randn(B, S, E, requires_grad=True)
        g.add("query", q, "[B, T, E]")
        g.add("key", k, "[B, S, E]")
        g.add("value", v, "[B, S, E]")
        out, w = mha(q, k, v, key_padding_mask=kpm, need_weights=True,
                     average_attn_weights=False)
    else:
        x = torch.randn(B, T, E, requires_grad=True)
        g.add("input", x, "[B, T, E] query, key and value at once")
        out, w = mha(x, x, x, key_padding_mask=kpm, attn_mask=attn_mask, need_weights=True,
                     average_attn_weights=False)
    g.add("lengths", torch.tensor(src_lengths), "[B] real length of each key sequence")
    g.add("key_padding_mask", kpm, "[B, S] 1 = padded key (never attended to), 0 = real")
    if causal:
        g.add("attn_mask", attn_mask, "[T, S] 1 = query i may not attend to key j (j > i)")
    g.add("output", out, "[B, T, E] attention output after out_proj")
    g.add("attn_weights", w, "[B, num_heads, T, S] per-head attention weights (rows sum to "
          "1, exactly 0 at masked keys)")
    loss = seed_grad(g, "grad_output", out, "upstream gradient for `output`")
    loss.backward()
    g.add("loss", loss, "sum(output * grad_output)")
    if cross:
        g.add("grad.query", q.grad, "dloss/d`query`")
        g.add("grad.key", k.grad, "dloss/d`key`")
        g.add("grad.value", v.grad, "dloss/d`value`")
    else:
        g.add("grad.input", x.grad, "dloss/d`input` (through query, key and value)")
    g.add_param_grads(mha)
    return g


def attend(mha, q, kv, attn_mask, key_padding_mask):
    return mha(q, kv, kv, attn_mask=attn_mask, key_padding_mask=key_padding_mask,
               need_weights=True, average_attn_weights=False)


def encoder_layer_reference(layer, src, kpm):
    """The layer's forward written out, to capture the per-head weights it does not return."""
    ff = lambda x: layer.linear2(F.relu(layer.linear1(x)))  # noqa: E731
    if layer.norm_first:
        a, w = attend(layer.self_attn, layer.norm1(src), layer.norm1(src), None, kpm)
        x = src + a
        x = x + ff(layer.norm2(x))
    else:
        a, w = attend(layer.self_attn, src, src, None, kpm)
        x = layer.norm1(src + a)
        x = layer.norm2(x + ff(x))
    return x, w


def decoder_layer_reference(layer, tgt, memory, tgt_mask, tgt_kpm, mem_kpm):
    ff = lambda x: layer.linear2(F.relu(layer.linear1(x)))  # noqa: E731
    if layer.norm_first:
        h = layer.norm1(tgt)
        a, ws = attend(layer.self_attn, h, h, tgt_mask, tgt_kpm)
        x = tgt + a
        c, wc = attend(layer.multihead_attn, layer.norm2(x), memory, None, mem_kpm)
        x = x + c
        x = x + ff(layer.norm3(x))
    else:
        a, ws = attend(layer.self_attn, tgt, tgt, tgt_mask, tgt_kpm)
        x = layer.norm1(tgt + a)
        c, wc = attend(layer.multihead_attn, x, memory, None, mem_kpm)
        x = layer.norm2(x + c)
        x = layer.norm3(x + ff(x))
    return x, ws, wc


def check_same(name, ours, torchs):
    """The written-out forward must give PyTorch's own output, or its weights mean nothing."""
    diff = (ours - torchs).abs().max().item()
    if diff > 1e-6:
        raise AssertionError(f"{name}: reference forward differs from PyTorch by {diff}")


def encoder_layer_file(norm_first, seed):
    d, heads, ff, B, T = 6, 2, 8, 3, 5
    lengths = [5, 3, 4]
    name = f"transformer_encoder_layer_{'pre' if norm_first else 'post'}norm"
    g = Golden(
        name, seed,
        f"nn.TransformerEncoderLayer(d_model={d}, nhead={heads}, dim_feedforward={ff}, "
        f"dropout=0.0, activation=relu, batch_first=True, norm_first={norm_first}) with "
        f"src_key_padding_mask from lengths {lengths}. Outputs at padded positions are what "
        "PyTorch computes for them (not zeroed).",
        d_model=d, nhead=heads, dim_feedforward=ff, dropout=0.0, activation="relu",
        batch_first=True, norm_first=norm_first, layer_norm_eps=1e-5)
    layer = nn.TransformerEncoderLayer(d, heads, ff, dropout=0.0, batch_first=True,
                                       norm_first=norm_first)
    perturb(layer)
    g.add_module(layer)
    src = torch.randn(B, T, d, requires_grad=True)
    kpm = lengths_mask(lengths, T)
    g.add("src", src, "[B, T, d_model]")
    g.add("lengths", torch.tensor(lengths), "[B] real length of each sequence")
    g.add("src_key_padding_mask", kpm, "[B, T] 1 = padded position")
    # Grad is on and the parameters require it, so PyTorch takes its ordinary (not "fast") path.
    out = layer(src, src_key_padding_mask=kpm)
    ours, w = encoder_layer_reference(layer, src, kpm)
    check_same(name, ours, out)
    g.add("output", out, "[B, T, d_model]")
    g.add("self_attn_weights", w, "[B, nhead, T, T] per-head self-attention weights")
    loss = seed_grad(g, "grad_output", out, "upstream gradient for `output`")
    loss.backward()
    g.add("loss", loss, "sum(output * grad_output)")
    g.add("grad.src", src.grad, "dloss/d`src`")
    g.add_param_grads(layer)
    return g


def decoder_layer_file(norm_first, seed):
    d, heads, ff, B, T, S = 6, 2, 8, 3, 4, 5
    tgt_lengths, src_lengths = [4, 2, 3], [5, 3, 4]
    name = f"transformer_decoder_layer_{'pre' if norm_first else 'post'}norm"
    g = Golden(
        name, seed,
        f"nn.TransformerDecoderLayer(d_model={d}, nhead={heads}, dim_feedforward={ff}, "
        f"dropout=0.0, activation=relu, batch_first=True, norm_first={norm_first}) with a causal "
        f"tgt_mask, tgt_key_padding_mask from lengths {tgt_lengths} and "
        f"memory_key_padding_mask from lengths {src_lengths}.",
        d_model=d, nhead=heads, dim_feedforward=ff, dropout=0.0, activation="relu",
        batch_first=True, norm_first=norm_first, layer_norm_eps=1e-5)
    layer = nn.TransformerDecoderLayer(d, heads, ff, dropout=0.0, batch_first=True,
                                       norm_first=norm_first)
    perturb(layer)
    g.add_module(layer)
    tgt = torch.randn(B, T, d, requires_grad=True)
    memory = torch.randn(B, S, d, requires_grad=True)
    tgt_mask = causal_mask(T)
    tgt_kpm = lengths_mask(tgt_lengths, T)
    mem_kpm = lengths_mask(src_lengths, S)
    g.add("tgt", tgt, "[B, T, d_model]")
    g.add("memory", memory, "[B, S, d_model] (the encoder's output)")
    g.add("tgt_lengths", torch.tensor(tgt_lengths), "[B]")
    g.add("memory_lengths", torch.tensor(src_lengths), "[B]")
    g.add("tgt_mask", tgt_mask, "[T, T] causal: 1 above the diagonal (may not attend)")
    g.add("tgt_key_padding_mask", tgt_kpm, "[B, T] 1 = padded target position")
    g.add("memory_key_padding_mask", mem_kpm, "[B, S] 1 = padded source position")
    out = layer(tgt, memory, tgt_mask=tgt_mask, tgt_key_padding_mask=tgt_kpm,
                memory_key_padding_mask=mem_kpm)
    ours, ws, wc = decoder_layer_reference(layer, tgt, memory, tgt_mask, tgt_kpm, mem_kpm)
    check_same(name, ours, out)
    g.add("output", out, "[B, T, d_model]")
    g.add("self_attn_weights", ws, "[B, nhead, T, T] masked self-attention weights")
    g.add("cross_attn_weights", wc, "[B, nhead, T, S] cross-attention weights")
    loss = seed_grad(g, "grad_output", out, "upstream gradient for `output`")
    loss.backward()
    g.add("loss", loss, "sum(output * grad_output)")
    g.add("grad.tgt", tgt.grad, "dloss/d`tgt`")
    g.add("grad.memory", memory.grad, "dloss/d`memory`")
    g.add_param_grads(layer)
    return g


# ---------------------------------------------------------------- optimizers

class TinyModel(nn.Module):
    """logits = linear(embedding(tokens)) + bias: four parameters of three kinds."""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 3)
        self.embedding = nn.Embedding(5, 4)
        self.bias = nn.Parameter(0.1 * torch.randn(3))

    def loss(self, tokens, targets):
        logits = self.linear(self.embedding(tokens)) + self.bias
        return F.cross_entropy(logits.reshape(-1, 3), targets.reshape(-1), ignore_index=0)


# Embedding row 0 is never looked up, so its gradient is zero at every step.
OPT_TOKENS = torch.tensor([[1, 2, 3], [4, 2, 1]])
OPT_TARGETS = torch.tensor([[2, 0, 1], [1, 2, 0]])  # two targets are <pad> (ignored)


def optimizer_setup(g):
    model = TinyModel()
    g.add("tokens", OPT_TOKENS, "[2, 3] token ids fed to the embedding")
    g.add("targets", OPT_TARGETS, "[2, 3] target classes; 0 is ignored (ignore_index=0)")
    for n, p in model.named_parameters():
        g.add(f"param.step0.{n}", p, f"`{n}` before any step")
    return model


def sgd_file(seed):
    lr = 0.1
    g = Golden(
        "optim_sgd", seed,
        "One torch.optim.SGD step (lr=0.1, no momentum, no weight decay) on the parameters of "
        "logits = linear(embedding(tokens)) + bias, loss = cross_entropy(logits, targets, "
        "ignore_index=0): p1 = p0 - lr * grad.",
        lr=lr, steps=1, params="linear.weight [3, 4], linear.bias [3], embedding.weight "
        "[5, 4], bias [3]")
    model = optimizer_setup(g)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    opt.zero_grad()
    loss = model.loss(OPT_TOKENS, OPT_TARGETS)
    loss.backward()
    g.add("loss.step1", loss, "the loss at step0's parameters")
    for n, p in model.named_parameters():
        g.add(f"grad.step1.{n}", p.grad, f"gradient of `{n}` used by step 1")
    opt.step()
    for n, p in model.named_parameters():
        g.add(f"param.step1.{n}", p, f"`{n}` after step 1")
    return g


def adam_file(seed):
    lr, steps, max_norm = 1e-2, 5, 0.3
    g = Golden(
        "optim_adam_clip", seed,
        f"{steps} torch.optim.Adam steps (lr={lr}, betas=(0.9, 0.999), eps=1e-8, no weight "
        f"decay, not amsgrad) with clip_grad_norm_(max_norm={max_norm}) before each step, on "
        "the same model and loss as optim_sgd. Every step's gradient is clipped (its total "
        "norm exceeds max_norm).",
        lr=lr, betas="0.9,0.999", eps=1e-8, max_norm=max_norm, steps=steps,
        params="linear.weight [3, 4], linear.bias [3], embedding.weight [5, 4], bias [3]")
    model = optimizer_setup(g)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    for k in range(1, steps + 1):
        opt.zero_grad()
        loss = model.loss(OPT_TOKENS, OPT_TARGETS)
        loss.backward()
        g.add(f"loss.step{k}", loss, f"the loss at step{k - 1}'s parameters")
        for n, p in model.named_parameters():
            g.add(f"grad.step{k}.{n}", p.grad, f"raw gradient of `{n}` at step {k}, "
                  "before clipping")
        total = nn.utils.clip_grad_norm_(model.parameters(), max_norm)
        if total.item() <= max_norm:
            raise AssertionError(f"step {k}: norm {total.item()} does not clip; lower max_norm")
        g.add(f"total_norm.step{k}", total, f"[] global L2 norm of the raw step-{k} gradients "
              "(what clip_grad_norm_ returns)")
        for n, p in model.named_parameters():
            g.add(f"clipped_grad.step{k}.{n}", p.grad, f"gradient of `{n}` after clipping, "
                  "what Adam uses")
        opt.step()
        for n, p in model.named_parameters():
            state = opt.state[p]
            g.add(f"exp_avg.step{k}.{n}", state["exp_avg"], f"Adam's first moment m of `{n}` "
                  f"after step {k}")
            g.add(f"exp_avg_sq.step{k}.{n}", state["exp_avg_sq"], f"Adam's second moment v "
                  f"of `{n}` after step {k}")
            g.add(f"param.step{k}.{n}", p, f"`{n}` after step {k}")
    return g


# ---------------------------------------------------------------- single ops

def softmax_file(seed):
    g = Golden("ops_softmax", seed,
               "softmax and log_softmax over the last dimension of a [2, 3, 5] input whose masked "
               "entries are -inf (every row keeps at least one finite entry).")
    x = torch.randn(2, 3, 5) * 2
    mask = torch.rand(2, 3, 5) < 0.35
    mask[..., 0] = False  # no fully masked row: PyTorch gives NaN there, the engine never asks
    x = x.masked_fill(mask, float("-inf")).requires_grad_()
    g.add("input", x, "[2, 3, 5] logits, -inf where `mask` is 1")
    g.add("mask", mask, "[2, 3, 5] 1 where `input` is -inf")
    y = torch.softmax(x, dim=-1)
    ly = torch.log_softmax(x, dim=-1)
    g.add("softmax", y, "[2, 3, 5] softmax(input, -1): exactly 0 at masked entries")
    g.add("log_softmax", ly, "[2, 3, 5] log_softmax(input, -1): -inf at masked entries")
    gs = torch.randn_like(y)
    # Zero at masked entries: in a model the -inf comes from a masked_fill whose backward drops
    # the gradient there anyway, and through log_softmax (g - exp(y)·Σg, with exp(-inf) = 0) a
    # nonzero one would pass straight through to the -inf entry.
    gl = torch.randn_like(ly).masked_fill(mask, 0.0)
    g.add("grad_softmax", gs, "upstream gradient for `softmax`")
    g.add("grad_log_softmax", gl, "upstream gradient for `log_softmax`, 0 at masked entries")
    (gx_s,) = torch.autograd.grad(y, x, grad_outputs=gs, retain_graph=True)
    (gx_l,) = torch.autograd.grad(ly, x, grad_outputs=gl)
    g.add("grad.input.softmax", gx_s, "gradient through softmax of `grad_softmax`: "
          "y ⊙ (g − Σ y⊙g), 0 at masked entries")
    g.add("grad.input.log_softmax", gx_l, "gradient through log_softmax of `grad_log_softmax`: "
          "g − softmax·Σg, 0 at masked entries")
    return g


def layer_norm_file(seed):
    g = Golden("ops_layer_norm", seed,
               "F.layer_norm over the last dimension (6) of a [3, 4, 6] input, eps=1e-5, with "
               "weight and bias.", eps=1e-5)
    x = (torch.randn(3, 4, 6) * 2 + 1).requires_grad_()
    w = (1 + 0.1 * torch.randn(6)).requires_grad_()
    b = (0.1 * torch.randn(6)).requires_grad_()
    y = F.layer_norm(x, (6,), w, b, eps=1e-5)
    g.add("input", x, "[3, 4, 6]")
    g.add("weight", w, "[6]")
    g.add("bias", b, "[6]")
    g.add("output", y, "[3, 4, 6]")
    loss = seed_grad(g, "grad_output", y, "upstream gradient for `output`")
    loss.backward()
    g.add("grad.input", x.grad, "dloss/d`input`")
    g.add("grad.weight", w.grad, "dloss/d`weight`")
    g.add("grad.bias", b.grad, "dloss/d`bias`")
    return g


def cross_entropy_file(seed):
    g = Golden("ops_cross_entropy", seed,
               "F.cross_entropy(logits, targets, ignore_index=0), mean over the 5 non-ignored "
               "of 8 targets.", ignore_index=0, reduction="mean")
    logits = (torch.randn(8, 5) * 2).requires_grad_()
    targets = torch.tensor([3, 0, 1, 4, 0, 2, 2, 0])
    loss = F.cross_entropy(logits, targets, ignore_index=0)
    loss.backward()
    g.add("logits", logits, "[8, 5] (N tokens, C classes)")
    g.add("targets", targets, "[8] class ids; 0 = <pad>, ignored")
    g.add("loss", loss, "[] mean cross-entropy over non-ignored targets")
    g.add("grad.logits", logits.grad, "dloss/d`logits` (zero rows where the target is 0)")
    return g


def embedding_file(seed):
    g = Golden("ops_embedding", seed,
               "F.embedding(ids, weight) with repeated ids (their gradients add up) and one "
               "unused row (zero gradient).")
    w = torch.randn(5, 4, requires_grad=True)
    ids = torch.tensor([[1, 3, 3, 0], [2, 1, 0, 0], [3, 3, 3, 1]])  # row 4 unused
    y = F.embedding(ids, w)
    g.add("weight", w, "[5, 4]")
    g.add("ids", ids, "[3, 4] row indices")
    g.add("output", y, "[3, 4, 4]")
    loss = seed_grad(g, "grad_output", y, "upstream gradient for `output`")
    loss.backward()
    g.add("grad.weight", w.grad, "dloss/d`weight`: scatter-add of grad_output rows")
    return g


def linear_file(seed):
    g = Golden("ops_linear", seed, "F.linear(input, weight, bias): y = x Wᵀ + b over a [3, 2, 4] "
               "input.")
    x = torch.randn(3, 2, 4, requires_grad=True)
    w = torch.randn(3, 4, requires_grad=True)
    b = torch.randn(3, requires_grad=True)
    y = F.linear(x, w, b)
    g.add("input", x, "[3, 2, 4]")
    g.add("weight", w, "[3, 4] (out, in)")
    g.add("bias", b, "[3]")
    g.add("output", y, "[3, 2, 3]")
    loss = seed_grad(g, "grad_output", y, "upstream gradient for `output`")
    loss.backward()
    g.add("grad.input", x.grad, "dloss/d`input`")
    g.add("grad.weight", w.grad, "dloss/d`weight`")
    g.add("grad.bias", b.grad, "dloss/d`bias`")
    return g


def all_goldens():
    files = []
    seed = 1000
    for cell in ("rnn", "gru", "lstm"):
        files.append(rnn_file(cell, 2, True, False, seed)); seed += 1  # noqa: E702
        files.append(rnn_file(cell, 1, False, True, seed)); seed += 1  # noqa: E702
    files.append(mha_file("mha_self_padding", 1100, cross=False, causal=False))
    files.append(mha_file("mha_self_causal", 1101, cross=False, causal=True))
    files.append(mha_file("mha_cross", 1102, cross=True, causal=False))
    files.append(encoder_layer_file(False, 1200))
    files.append(encoder_layer_file(True, 1201))
    files.append(decoder_layer_file(False, 1202))
    files.append(decoder_layer_file(True, 1203))
    files.append(sgd_file(1300))
    files.append(adam_file(1301))
    files.append(softmax_file(1400))
    files.append(layer_norm_file(1401))
    files.append(cross_entropy_file(1402))
    files.append(embedding_file(1403))
    files.append(linear_file(1404))
    return files


README_HEAD = """\
# PyTorch golden tensors

Generated by `tools/make_goldens.py` with PyTorch {version} (CPU, float32, one thread, every
file seeded on its own). Do not edit: change the script and run
`/usr/bin/python3 tools/make_goldens.py` from the repository root; this README is generated
with the files. `tests/core/safetensors_test.cpp` checks that every tensor listed here exists
with the listed shape, and that every file lists all of its tensors.

Conventions:

- Every tensor is F32, including token ids, lengths and masks. Masks are 1.0 where PyTorch's
  boolean mask is True: a padded key (`*key_padding_mask`) or a forbidden query/key pair
  (`attn_mask`, `tgt_mask`, causal: 1 above the diagonal). Turn them into −∞ before a softmax.
- Parameters have their exact PyTorch `state_dict` names and layouts (docs/file-formats.md,
  Architectures), e.g. `weight_ih_l0_reverse`, `self_attn.in_proj_weight` ([3E, E], rows q, k, v).
  Every parameter was nudged by 0.1·N(0, 1) after PyTorch's init, so no bias is 0 and no norm
  weight is 1.
- Gradients: each file defines a scalar `loss` = Σ output ⊙ `grad_output` (plus the same for
  `h_n`, `c_n` where those seeds exist), and `grad.X` is ∂loss/∂X for the input or parameter X.
- Batches are padded: B = 3 with lengths such as 5/3/4. In the RNN files the padded input
  positions hold random values (they must have no effect); the RNN `output` is zero there, as
  `pad_packed_sequence` gives. Transformer outputs at padded query positions are what PyTorch
  computes (they are not zeroed).
- Each file's `__metadata__` holds `torch_version`, `seed`, `description` and the module's
  configuration as strings.
- Adam in PyTorch 1.13 (what `optim_adam_clip` was made with), per step t, in float32 tensor
  arithmetic: m = m·β1 + g·(1−β1); v = v·β2 + g·g·(1−β2); p += −s · m / (√v / c + ε), where
  s = lr / (1−β1^t) and c = √(1−β2^t) are computed in double and rounded to float when applied.
  `clip_grad_norm_`: total = ‖(‖g_i‖₂)_i‖₂ over all parameters (float32),
  coef = max_norm / (total + 1e−6), and every gradient is multiplied by min(coef, 1).

Compare with a tolerance of about 1e-5 (relative) for forward values; report the largest
difference (`tests/support/golden.h` has a helper).
"""


def fmt_shape(t):
    return "[" + ", ".join(str(d) for d in t.shape) + "]"


def write_readme(path, goldens):
    lines = [README_HEAD.format(version=torch.__version__)]
    lines.append("Files:\n")
    for g in goldens:
        lines.append(f"- [`{g.name}.safetensors`](#{g.name}safetensors)")
    lines.append("")
    for g in goldens:
        lines.append(f"## `{g.name}.safetensors`\n")
        lines.append(g.summary + "\n")
        lines.append("| tensor | shape | what |")
        lines.append("| --- | --- | --- |")
        for name, t, what in g.tensors:
            lines.append(f"| `{name}` | {fmt_shape(t)} | {what} |")
        lines.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def write_golden(out_dir, g):
    path = os.path.join(out_dir, g.name + ".safetensors")
    st.save(path, [(n, t) for n, t, _ in g.tensors], g.metadata())
    # Read it back: the file must hold exactly what was computed.
    back, meta = st.load(path)
    assert list(back) == [n for n, _, _ in g.tensors], g.name
    for n, t, _ in g.tensors:
        assert torch.equal(back[n], t.float()) or torch.allclose(
            back[n], t.float(), equal_nan=True), (g.name, n)
    assert meta == g.metadata()
    return os.path.getsize(path)


# ---------------------------------------------------------------- the reader's own test files

def write_io_files(out_dir):
    """Small files for tests/core/safetensors_test.cpp, whose values the test knows."""
    os.makedirs(out_dir, exist_ok=True)
    torch.manual_seed(7)
    small = [
        ("arange", torch.arange(24, dtype=torch.float32).reshape(2, 3, 4)),
        ("scalar", torch.tensor(3.5)),
        ("empty", torch.zeros(0, 3)),
        ("vector", torch.tensor([1.5, -2.25, 1e-3, 3.0e38, -0.0])),
        ("linear.weight", torch.full((2, 3), 0.25)),
        ("linear.bias", torch.tensor([-1.0, 1.0])),
    ]
    st.save(os.path.join(out_dir, "pytorch_small.safetensors"), small,
            {"framework": "pytorch", "torch_version": torch.__version__,
             "note": "héllo, wörld ✓"})

    v16 = torch.tensor([0.0, -0.0, 1.0, -2.5, 1.0 / 3.0, 65504.0, 1e5, 6e-8, 1e-4,
                        float("inf"), float("-inf"), float("nan")])
    vb16 = torch.tensor([1.0 / 3.0, -7.0, 1e38, 3e38, 1e-40, 1e-30, float("inf"), float("nan")])
    v64 = torch.tensor([1.0 / 3.0, 0.1, -1e-40, 1e-50, 1e300, -1e300, 2.5, float("nan")],
                       dtype=torch.float64)
    dtypes = [
        ("f16", v16.half()), ("f16_as_f32", v16.half().float()),
        ("bf16", vb16.bfloat16()), ("bf16_as_f32", vb16.bfloat16().float()),
        ("f64", v64), ("f64_as_f32", v64.float()),
        ("f16_matrix", torch.randn(2, 3).half()),
        ("f16_matrix_as_f32", None),
    ]
    dtypes[-1] = ("f16_matrix_as_f32", dtypes[-2][1].float())
    st.save(os.path.join(out_dir, "dtypes.safetensors"), dtypes,
            {"torch_version": torch.__version__,
             "note": "X_as_f32 is torch's own conversion of X to float32"})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=os.path.join(REPO, "tests", "data"),
                        help="the tests' data directory (default: tests/data of this checkout)")
    args = parser.parse_args()

    torch.set_num_threads(1)  # reductions in one fixed order: the same bytes on every run
    torch.use_deterministic_algorithms(True)
    golden_dir = os.path.join(args.data, "golden")
    os.makedirs(golden_dir, exist_ok=True)
    goldens = all_goldens()
    total = 0
    for g in goldens:
        total += write_golden(golden_dir, g)
    write_readme(os.path.join(golden_dir, "README.md"), goldens)
    write_io_files(os.path.join(args.data, "safetensors"))
    print(f"wrote {len(goldens)} golden files ({total} bytes) to {golden_dir}")


if __name__ == "__main__":
    main()
