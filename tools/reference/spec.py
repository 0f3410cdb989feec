"""A second, independent reading of docs/file-formats.md, Architectures: one sentence at a time, no padding,
explicit cell and attention equations in float64, parameters taken by name from a state_dict.

This is what the C++ engine does, written out in Python; check.py compares it with the
nn.Module reference (models.py), which uses PyTorch's own RNN and transformer modules. If the
two agree, the modules are wired as the contract says (concatenation orders, the bridge, which
state is the query, ...), not merely self-consistent.
"""

import math

import torch

f64 = torch.float64


def _p(sd, name):
    return sd[name].to(f64)


def linear(sd, prefix, x, bias=True):
    y = x @ _p(sd, prefix + ".weight").T
    if bias:
        y = y + _p(sd, prefix + ".bias")
    return y


def cell_step(cell, sd, prefix, suffix, x, h, c):
    """One step of torch.nn.{RNN,GRU,LSTM} layer `prefix` weights `*_l{k}{suffix}`."""
    Wih, Whh = _p(sd, f"{prefix}.weight_ih{suffix}"), _p(sd, f"{prefix}.weight_hh{suffix}")
    bih, bhh = _p(sd, f"{prefix}.bias_ih{suffix}"), _p(sd, f"{prefix}.bias_hh{suffix}")
    gi = Wih @ x + bih
    gh = Whh @ h + bhh
    if cell == "rnn":
        return torch.tanh(gi + gh), None
    if cell == "gru":
        H = h.shape[0]
        r = torch.sigmoid(gi[:H] + gh[:H])
        z = torch.sigmoid(gi[H:2 * H] + gh[H:2 * H])
        n = torch.tanh(gi[2 * H:] + r * gh[2 * H:])
        return (1 - z) * n + z * h, None
    H = h.shape[0]
    g = gi + gh
    i, f = torch.sigmoid(g[:H]), torch.sigmoid(g[H:2 * H])
    gg, o = torch.tanh(g[2 * H:3 * H]), torch.sigmoid(g[3 * H:])
    c = f * c + i * gg
    return o * torch.tanh(c), c


def run_encoder(cell, sd, prefix, xs, H, L, D):
    """xs: [n, in]. Returns (top outputs [n, H·D], finals: list over layers of [fwd ; bwd])."""
    n = xs.shape[0]
    inputs = xs
    finals = []
    for layer in range(L):
        outs = []
        layer_final = []
        for d in range(D):
            suffix = f"_l{layer}" + ("_reverse" if d == 1 else "")
            h = torch.zeros(H, dtype=f64)
            c = torch.zeros(H, dtype=f64)
            seq = [None] * n
            order = range(n) if d == 0 else range(n - 1, -1, -1)
            for t in order:
                h, c = cell_step(cell, sd, prefix, suffix, inputs[t], h, c)
                seq[t] = h
            outs.append(torch.stack(seq))
            layer_final.append(h)
        inputs = torch.cat(outs, -1)
        finals.append(torch.cat(layer_final, -1))
    return inputs, finals


def softmax(x):
    x = x - x.max()
    e = torch.exp(x)
    return e / e.sum()


def log_softmax(x):
    m = x.max()
    return x - m - torch.log(torch.exp(x - m).sum())


def rnn_seq2seq(sd, cfg, src, tgt_in):
    """src: list of ids incl. <eos>; tgt_in: <sos> y1..yn. Returns (log_probs [T, Vt],
    attention [T, S] or None)."""
    cell, H, L = cfg["cell"], cfg["hidden_dim"], cfg["num_layers"]
    D = 2 if cfg["bidirectional"] else 1
    kind, score = cfg["attention"], cfg["score"]
    xs = _p(sd, "encoder.embedding.weight")[torch.tensor(src)]
    keys, finals = run_encoder(cell, sd, "encoder.rnn", xs, H, L, D)
    hs = [torch.tanh(linear(sd, "bridge", f)) for f in finals]     # one per decoder layer
    cs = [torch.zeros(H, dtype=f64) for _ in range(L)]

    def attend(q):
        if score == "dot":
            e = keys @ q
        elif score == "general":
            e = torch.stack([q @ (_p(sd, "decoder.attention.W.weight") @ k) for k in keys])
        else:
            Wq = _p(sd, "decoder.attention.query.weight")
            Wk = _p(sd, "decoder.attention.key.weight")
            v = _p(sd, "decoder.attention.v.weight")[0]
            e = torch.stack([v @ torch.tanh(Wq @ q + Wk @ k) for k in keys])
        a = softmax(e)
        return a, a @ keys

    def step(x):
        inp = x
        for layer in range(L):
            hs[layer], cs[layer] = cell_step(cell, sd, "decoder.rnn", f"_l{layer}", inp,
                                             hs[layer], cs[layer])
            inp = hs[layer]
        return hs[-1]

    emb = _p(sd, "decoder.embedding.weight")
    h_tilde = torch.zeros(H, dtype=f64)
    out_lp, out_a = [], []
    for y in tgt_in:
        e = emb[y]
        if kind == "bahdanau":
            a, c = attend(hs[-1])
            s = step(torch.cat([e, c]))
            logits = linear(sd, "decoder.out", torch.cat([s, c]))
        elif kind == "luong":
            s = step(torch.cat([e, h_tilde]) if cfg["input_feeding"] else e)
            a, c = attend(s)
            h_tilde = torch.tanh(_p(sd, "decoder.combine.weight") @ torch.cat([c, s]))
            logits = linear(sd, "decoder.out", h_tilde)
        else:
            a = None
            logits = linear(sd, "decoder.out", step(e))
        out_lp.append(log_softmax(logits))
        if a is not None:
            out_a.append(a)
    return torch.stack(out_lp), (torch.stack(out_a) if out_a else None)


def layer_norm(sd, prefix, x):
    mu = x.mean(-1, keepdim=True)
    var = ((x - mu) ** 2).mean(-1, keepdim=True)
    return (x - mu) / torch.sqrt(var + 1e-5) * _p(sd, prefix + ".weight") + _p(sd, prefix + ".bias")


def mha(sd, prefix, xq, xkv, nhead, causal):
    """Returns (output [Q, d], weights [h, Q, K])."""
    d = xq.shape[-1]
    W, b = _p(sd, prefix + ".in_proj_weight"), _p(sd, prefix + ".in_proj_bias")
    q = xq @ W[:d].T + b[:d]
    k = xkv @ W[d:2 * d].T + b[d:2 * d]
    v = xkv @ W[2 * d:].T + b[2 * d:]
    dh = d // nhead
    heads, weights = [], []
    for h in range(nhead):
        sl = slice(h * dh, (h + 1) * dh)
        e = q[:, sl] @ k[:, sl].T / math.sqrt(dh)
        if causal:
            Q, K = e.shape
            e = e.masked_fill(torch.triu(torch.ones(Q, K, dtype=torch.bool), 1), float("-inf"))
        a = torch.softmax(e, -1)
        weights.append(a)
        heads.append(a @ v[:, sl])
    out = linear(sd, prefix + ".out_proj", torch.cat(heads, -1))
    return out, torch.stack(weights)


def transformer(sd, cfg, src, tgt_in):
    """Returns (log_probs [T, Vt], {"encoder_self": [L, h, S, S], "decoder_self": [L, h, T, T],
    "cross": [L, h, T, S]})."""
    d, nh, pre = cfg["d_model"], cfg["nhead"], cfg["norm_first"]

    def embed(name, ids):
        n = len(ids)
        x = _p(sd, name)[torch.tensor(ids)] * math.sqrt(d)
        pe = torch.zeros(n, d, dtype=f64)
        for p in range(n):
            for i in range(0, d, 2):
                ang = p / (10000 ** (i / d))
                pe[p, i] = math.sin(ang)
                if i + 1 < d:
                    pe[p, i + 1] = math.cos(ang)
        return x + pe

    def ff(prefix, x):
        return linear(sd, prefix + ".linear2", torch.relu(linear(sd, prefix + ".linear1", x)))

    x = embed("src_embedding.weight", src)
    enc_w = []
    for l in range(cfg["num_encoder_layers"]):
        p = f"transformer.encoder.layers.{l}"
        if pre:
            h = layer_norm(sd, p + ".norm1", x)
            a, w = mha(sd, p + ".self_attn", h, h, nh, False)
            x = x + a
            x = x + ff(p, layer_norm(sd, p + ".norm2", x))
        else:
            a, w = mha(sd, p + ".self_attn", x, x, nh, False)
            x = layer_norm(sd, p + ".norm1", x + a)
            x = layer_norm(sd, p + ".norm2", x + ff(p, x))
        enc_w.append(w)
    memory = layer_norm(sd, "transformer.encoder.norm", x)

    x = embed("tgt_embedding.weight", tgt_in)
    self_w, cross_w = [], []
    for l in range(cfg["num_decoder_layers"]):
        p = f"transformer.decoder.layers.{l}"
        if pre:
            h = layer_norm(sd, p + ".norm1", x)
            a, ws = mha(sd, p + ".self_attn", h, h, nh, True)
            x = x + a
            c, wc = mha(sd, p + ".multihead_attn", layer_norm(sd, p + ".norm2", x), memory, nh,
                        False)
            x = x + c
            x = x + ff(p, layer_norm(sd, p + ".norm3", x))
        else:
            a, ws = mha(sd, p + ".self_attn", x, x, nh, True)
            x = layer_norm(sd, p + ".norm1", x + a)
            c, wc = mha(sd, p + ".multihead_attn", x, memory, nh, False)
            x = layer_norm(sd, p + ".norm2", x + c)
            x = layer_norm(sd, p + ".norm3", x + ff(p, x))
        self_w.append(ws)
        cross_w.append(wc)
    x = layer_norm(sd, "transformer.decoder.norm", x)
    logits = linear(sd, "out", x)
    lp = torch.stack([log_softmax(r) for r in logits])
    return lp, {"encoder_self": torch.stack(enc_w), "decoder_self": torch.stack(self_w),
                "cross": torch.stack(cross_w)}


def structured_self_attention(sd, cfg, src):
    """Returns (log_probs [C], A [r, n], P scalar)."""
    H = cfg["hidden_dim"]
    xs = _p(sd, "embedding.weight")[torch.tensor(src)]
    Hs, _ = run_encoder(cfg["cell"], sd, "encoder", xs, H, 1, 2)           # [n, 2H]
    A = torch.tanh(Hs @ _p(sd, "ws1.weight").T) @ _p(sd, "ws2.weight").T    # [n, r]
    A = torch.stack([softmax(row) for row in A.T])                          # [r, n]
    M = A @ Hs
    logits = linear(sd, "classifier", torch.relu(linear(sd, "fc", M.reshape(-1))))
    r = A.shape[0]
    P = ((A @ A.T - torch.eye(r, dtype=f64)) ** 2).sum()
    return log_softmax(logits), A, P
