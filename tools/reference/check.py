#!/usr/bin/python3
"""Self-checks of the reference models and of the whole-model goldens.

    /usr/bin/python3 tools/reference/check.py            # from the repository root
    /usr/bin/python3 tools/reference/check.py --keys     # also print every golden's keys

Exits non-zero on the first failed check. What it checks:

1. state_dict keys and shapes equal the tables of docs/file-formats.md, Architectures, enumerated here by hand from
   the document (not from the modules), for every combination of the rnn_seq2seq options,
   both transformer norms and both classifier cells.
2. Config validation: score dot with H·D != H is rejected (ConfigError, a ValueError), as
   are unknown keys and values; dot with H·D == H is accepted.
3. spec.py (one sentence at a time, explicit equations, float64) agrees with models.py for
   a sweep of configurations: log-probs, attention, penalty.
4. A sentence gives the same log-probs and attention alone and inside a padded batch; the
   values at padded positions (ids there) change nothing.
5. Attention: real rows sum to 1, padded keys exactly 0, padded query rows exactly 0,
   causal maps exactly 0 above the diagonal.
6. Transformer: never on PyTorch's fast path (eval + no_grad gives the training-mode result
   bit for bit, the encoder output at padded positions is not zeroed), while a plain
   nn.Transformer in eval/no_grad does take it (so the check can see it).
7. The golden files: the reference reproduces them bit for bit; spec.py agrees with them;
   the loss is what §3 says; at least one Adam step clips; float64 reruns of the SGD step and
   the Adam steps show how far an exact implementation may be from the float32 numbers
   (reported, with the elements whose gradient is ~0 kept apart: Adam amplifies rounding
   noise there); the model files load and hold the initial weights.
8. tests/data/golden/models/README.md describes every file and tensor with its shape.
"""

import argparse
import glob
import itertools
import json
import os
import sys

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.dirname(HERE)
REPO = os.path.dirname(TOOLS)
sys.path.insert(0, TOOLS)
sys.path.insert(0, os.path.join(TOOLS, "golden"))
import st  # noqa: E402
from reference import models, spec  # noqa: E402

GOLDEN_DIR = os.path.join(REPO, "tests", "data", "golden", "models")
FAILURES = []


def check(ok, what):
    if not ok:
        FAILURES.append(what)
        print("FAIL:", what)
    return ok


def maxdiff(a, b):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    return (a - b).abs().max().item() if a.numel() else 0.0


# ---------------------------------------------------------------- 1. names and shapes

GATES = {"rnn": 1, "gru": 3, "lstm": 4}


def rnn_keys(prefix, cell, I, H, L, D):
    """nn.{RNN,GRU,LSTM}(I, H, L, bidirectional=D==2) parameters, PyTorch's order."""
    G = GATES[cell]
    out = []
    for layer in range(L):
        inp = I if layer == 0 else H * D
        for d in range(D):
            s = f"_l{layer}" + ("_reverse" if d == 1 else "")
            out += [(f"{prefix}.weight_ih{s}", [G * H, inp]), (f"{prefix}.weight_hh{s}", [G * H, H]),
                    (f"{prefix}.bias_ih{s}", [G * H]), (f"{prefix}.bias_hh{s}", [G * H])]
    return out


def expected_keys(cfg, Vs, Vt):
    """The tables of docs/file-formats.md, Architectures, written out from the document."""
    arch = cfg["arch"]
    if arch == "rnn_seq2seq":
        E, H, L = cfg["embed_dim"], cfg["hidden_dim"], cfg["num_layers"]
        D = 2 if cfg["bidirectional"] else 1
        att, score = cfg["attention"], cfg["score"]
        A = cfg.get("attention_dim", H)
        if att == "none":
            I, O = E, H
        elif att == "bahdanau":
            I, O = E + H * D, H + H * D
        else:
            I, O = (E + H if cfg["input_feeding"] else E), H
        keys = [("encoder.embedding.weight", [Vs, E])]
        keys += rnn_keys("encoder.rnn", cfg["cell"], E, H, L, D)
        keys += [("bridge.weight", [H, H * D]), ("bridge.bias", [H])]
        keys += [("decoder.embedding.weight", [Vt, E])]
        keys += rnn_keys("decoder.rnn", cfg["cell"], I, H, L, 1)
        if att != "none":
            if score == "general":
                keys += [("decoder.attention.W.weight", [H, H * D])]
            elif score == "additive":
                keys += [("decoder.attention.query.weight", [A, H]),
                         ("decoder.attention.key.weight", [A, H * D]),
                         ("decoder.attention.v.weight", [1, A])]
        if att == "luong":
            keys += [("decoder.combine.weight", [H, H * D + H])]
        keys += [("decoder.out.weight", [Vt, O]), ("decoder.out.bias", [Vt])]
        return keys
    if arch == "transformer":
        d = cfg["d_model"]
        ref = nn.Transformer(d, cfg["nhead"], cfg["num_encoder_layers"], cfg["num_decoder_layers"],
                             cfg["dim_feedforward"], dropout=0.0, batch_first=True,
                             norm_first=cfg.get("norm_first", False))
        keys = [("src_embedding.weight", [Vs, d]), ("tgt_embedding.weight", [Vt, d])]
        keys += [("transformer." + k, list(v.shape)) for k, v in ref.state_dict().items()]
        keys += [("out.weight", [Vt, d]), ("out.bias", [Vt])]
        names = [k for k, _ in keys]
        for must in ("transformer.encoder.norm.weight", "transformer.encoder.norm.bias",
                     "transformer.decoder.norm.weight", "transformer.decoder.norm.bias"):
            assert must in names
        return keys
    E, H = cfg["embed_dim"], cfg["hidden_dim"]
    da, r, Fd, C = cfg["attention_dim"], cfg["hops"], cfg["mlp_dim"], cfg["num_classes"]
    keys = [("embedding.weight", [Vs, E])]
    keys += rnn_keys("encoder", cfg["cell"], E, H, 1, 2)
    keys += [("ws1.weight", [da, 2 * H]), ("ws2.weight", [r, da]),
             ("fc.weight", [Fd, r * 2 * H]), ("fc.bias", [Fd]),
             ("classifier.weight", [C, Fd]), ("classifier.bias", [C])]
    return keys


def rnn_configs(E=6, H=5, A=4):
    for cell, D, L in itertools.product(("rnn", "gru", "lstm"), (1, 2), (1, 2)):
        yield dict(arch="rnn_seq2seq", cell=cell, embed_dim=E, hidden_dim=H, num_layers=L,
                   bidirectional=D == 2, attention="none", score="general",
                   attention_dim=H, input_feeding=False)
        for att, score, feed in itertools.product(("bahdanau", "luong"),
                                                  ("dot", "general", "additive"),
                                                  (False, True)):
            if att == "bahdanau" and feed:
                continue
            if score == "dot" and D == 2:
                continue
            yield dict(arch="rnn_seq2seq", cell=cell, embed_dim=E, hidden_dim=H, num_layers=L,
                       bidirectional=D == 2, attention=att, score=score,
                       attention_dim=A if score == "additive" else H, input_feeding=feed)


def other_configs():
    for nf in (False, True):
        yield dict(arch="transformer", d_model=8, nhead=2, num_encoder_layers=2,
                   num_decoder_layers=1, dim_feedforward=12, norm_first=nf)
    for cell in ("lstm", "gru"):
        yield dict(arch="structured_self_attention", cell=cell, embed_dim=6, hidden_dim=4,
                   attention_dim=5, hops=3, mlp_dim=6, num_classes=3, penalty=0.7)


def check_names():
    n = 0
    for cfg in itertools.chain(rnn_configs(), other_configs()):
        Vs, Vt = 9, (3 if cfg["arch"] == "structured_self_attention" else 8)
        m = models.build_model(cfg, Vs, Vt)
        got = [(k, list(v.shape)) for k, v in m.state_dict().items()]
        want = expected_keys(cfg, Vs, Vt)
        check(got == want, f"state_dict of {cfg}:\n got  {got}\n want {want}")
        check([k for k, _ in m.named_parameters()] == [k for k, _ in got],
              f"parameters and state_dict differ for {cfg}")
        n += 1
    print(f"1. state_dict names and shapes match docs/file-formats.md, Architectures for {n} configurations")


# ---------------------------------------------------------------- 2. config validation

def expect_error(fn, what):
    try:
        fn()
    except models.ConfigError as e:
        return str(e)
    check(False, f"no ConfigError: {what}")
    return None


def check_configs():
    bad = dict(arch="rnn_seq2seq", cell="gru", embed_dim=6, hidden_dim=5, num_layers=1,
               bidirectional=True, attention="luong", score="dot")
    msg = expect_error(lambda: models.build_model(bad, 9, 8), "dot with bidirectional")
    print("2. dot with H·D != H is rejected:", msg)
    check(isinstance(models.ConfigError("x"), ValueError), "ConfigError is a ValueError")
    expect_error(lambda: models.Attention("dot", 5, 10, 5), "Attention('dot', H=5, K=10)")
    expect_error(lambda: models.normalize_config({**bad, "bahdanau_typo": 1}), "unknown key")
    expect_error(lambda: models.normalize_config({**bad, "score": "cosine"}), "bad score")
    expect_error(lambda: models.normalize_config({**bad, "cell": "elman"}), "bad cell")
    expect_error(lambda: models.normalize_config({"arch": "cnn"}), "bad arch")
    expect_error(lambda: models.normalize_config(
        dict(arch="transformer", d_model=6, nhead=4, num_encoder_layers=1,
             num_decoder_layers=1, dim_feedforward=8)), "d_model % nhead")
    models.build_model({**bad, "bidirectional": False}, 9, 8)  # dot with D = 1 is fine
    models.build_model({**bad, "attention": "none"}, 9, 8)     # score unused with none


# ---------------------------------------------------------------- 3-5. behaviour on batches

def real_rows(batch, b):
    n = int(batch["src_lengths"][b])
    t = int(batch["tgt_lengths"][b]) if "tgt_lengths" in batch else None
    return n, t


def spec_outputs(model, batch, b):
    """spec.py's float64 results for sentence b of the batch."""
    sd = {k: v.detach() for k, v in model.state_dict().items()}
    n, t = real_rows(batch, b)
    src = batch["src"][b, :n].tolist()
    cfg = model.config
    if cfg["arch"] == "rnn_seq2seq":
        lp, a = spec.rnn_seq2seq(sd, cfg, src, batch["tgt_in"][b, :t].tolist())
        return {"log_probs": lp, "attention": {"cross": a} if a is not None else {}}
    if cfg["arch"] == "transformer":
        lp, maps = spec.transformer(sd, cfg, src, batch["tgt_in"][b, :t].tolist())
        return {"log_probs": lp, "attention": maps}
    lp, A, P = spec.structured_self_attention(sd, cfg, src)
    return {"log_probs": lp, "attention": {"hops": A}, "penalty": P}


def row_of(out, arch, b, n, t):
    """Sentence b's real part of a batched output, shaped as spec.py returns it."""
    res = {"attention": {}}
    if arch == "structured_self_attention":
        res["log_probs"] = out["log_probs"][b]
        res["attention"]["hops"] = out["attention"]["hops"][b, :, :n]
        res["penalty"] = out["penalty"][b]
        return res
    res["log_probs"] = out["log_probs"][b, :t]
    att = out["attention"]
    if arch == "rnn_seq2seq":
        if "cross" in att:
            res["attention"]["cross"] = att["cross"][b, :t, :n]
    else:
        res["attention"]["encoder_self"] = att["encoder_self"][:, b, :, :n, :n]
        res["attention"]["decoder_self"] = att["decoder_self"][:, b, :, :t, :t]
        res["attention"]["cross"] = att["cross"][:, b, :, :t, :n]
    return res


def compare(a, b):
    worst = maxdiff(a["log_probs"], b["log_probs"])
    if set(a["attention"]) != set(b["attention"]):
        return float("inf")
    for k in a["attention"]:
        worst = max(worst, maxdiff(a["attention"][k], b["attention"][k]))
    if "penalty" in a:
        worst = max(worst, maxdiff(a["penalty"], b["penalty"]))
    return worst


def check_attention_maps(out, batch, arch, label):
    """Real rows sum to 1; padded keys, padded query rows and the causal part are 0."""
    B = batch["src"].shape[0]
    src_len = batch["src_lengths"]
    tgt_len = batch.get("tgt_lengths")
    att = out["attention"]
    for name, w in att.items():
        if w.dim() == 3:   # [B, Q, K] (RNN cross, hops): make it [1, B, 1, Q, K]
            w = w[None, :, None]
        for b in range(B):
            nk = int(src_len[b]) if name != "decoder_self" else int(tgt_len[b])
            if name == "hops":
                nq = w.shape[-2]
            elif name == "encoder_self":
                nq = int(src_len[b])
            else:
                nq = int(tgt_len[b])
            wb = w[:, b]
            real = wb[..., :nq, :nk]
            sums = real.sum(-1)
            check(maxdiff(sums, torch.ones_like(sums)) <= 1e-5, f"{label} {name}[b={b}] rows "
                  f"sum to {sums}")
            check(bool((wb[..., :, nk:] == 0).all()), f"{label} {name}[b={b}] padded keys not 0")
            check(bool((wb[..., nq:, :] == 0).all()), f"{label} {name}[b={b}] padded query rows "
                  "not 0")
            if name == "decoder_self":
                upper = torch.triu(torch.ones(wb.shape[-2], wb.shape[-1], dtype=torch.bool), 1)
                check(bool((wb[..., upper] == 0).all()), f"{label} causal part not 0")
    if arch != "structured_self_attention":
        lp = out["log_probs"]
        for b in range(B):
            check(bool((lp[b, int(tgt_len[b]):] == 0).all()), f"{label} padded log_probs rows")


def scramble_padding(batch, g):
    """The same batch with random ordinary ids at every padded position."""
    out = dict(batch)
    for key, lengths in (("src", batch["src_lengths"]), ("tgt_in", batch.get("tgt_lengths"))):
        if key not in batch:
            continue
        t = batch[key].clone()
        pad = models.padding_mask(lengths, t.shape[1])
        t[pad] = torch.randint(4, 7, (int(pad.sum()),), generator=g)
        out[key] = t
    return out


def check_behaviour(model, batch, label, g, spec_tol=2e-5):
    arch = model.config["arch"]
    out = model(batch)
    check_attention_maps(out, batch, arch, label)
    worst_alone = worst_spec = 0.0
    for b in range(batch["src"].shape[0]):
        n, t = real_rows(batch, b)
        mine = row_of(out, arch, b, n, t)
        alone = row_of(model(models.batch_row(batch, b)), arch, 0, n, t)
        worst_alone = max(worst_alone, compare(mine, alone))
        worst_spec = max(worst_spec, compare(mine, spec_outputs(model, batch, b)))
    scrambled = model(scramble_padding(batch, g))
    worst_pad = 0.0
    for b in range(batch["src"].shape[0]):
        n, t = real_rows(batch, b)
        worst_pad = max(worst_pad, compare(row_of(out, arch, b, n, t),
                                           row_of(scrambled, arch, b, n, t)))
    check(worst_alone <= 1e-5, f"{label}: alone vs batched differ by {worst_alone}")
    check(worst_pad == 0.0, f"{label}: ids at padded positions change results by {worst_pad}")
    check(worst_spec <= spec_tol, f"{label}: spec.py differs by {worst_spec}")
    return worst_alone, worst_spec


def check_sweep():
    g = torch.Generator().manual_seed(5)
    torch.manual_seed(5)
    worst = [0.0, 0.0]
    n = 0
    for cfg in itertools.chain(rnn_configs(), other_configs()):
        Vs, Vt = 9, (3 if cfg["arch"] == "structured_self_attention" else 8)
        m = models.build_model(cfg, Vs, Vt)
        with torch.no_grad():
            for p in m.parameters():
                p.add_(0.1 * torch.randn(p.shape, generator=g))
        batch = models.random_batch(cfg, 4, 6, 5, Vs, Vt, generator=g)
        batch["src_lengths"][1] = 1  # a one-token sentence (just <eos> for seq2seq)
        batch["src"][1, 1:] = 0
        if "tgt_in" in batch:
            batch["src"][1, 0] = models.EOS
            batch["tgt_lengths"][2] = 1  # a target that is only <eos>
            batch["tgt_in"][2, 1:] = 0
            batch["tgt_out"][2, 0] = models.EOS
            batch["tgt_out"][2, 1:] = 0
        a, s = check_behaviour(m, batch, json.dumps(cfg), g)
        worst = [max(worst[0], a), max(worst[1], s)]
        n += 1
    print(f"3-5. {n} configurations (B 4, lengths incl. 1): alone vs batch max diff "
          f"{worst[0]:.2e}, float32 model vs float64 spec.py max diff {worst[1]:.2e}; padded "
          "ids change nothing; attention rows sum to 1, padded keys/rows exactly 0")


# ---------------------------------------------------------------- 6. the fast path

def check_fast_path():
    cfg = dict(arch="transformer", d_model=8, nhead=2, num_encoder_layers=2,
               num_decoder_layers=2, dim_feedforward=16, norm_first=False)
    torch.manual_seed(3)
    m = models.build_model(cfg, 9, 8)
    g = torch.Generator().manual_seed(3)
    batch = models.random_batch(cfg, 3, 5, 4, 9, 8, generator=g)
    batch["src_lengths"][1] = 3
    batch["src"][1, 3:] = 0
    m.train()
    a = m(batch)
    m.eval()
    with torch.no_grad():
        b = m(batch)
    check(torch.equal(a["log_probs"], b["log_probs"]), "eval/no_grad differs from training")
    for k in a["attention"]:
        check(torch.equal(a["attention"][k], b["attention"][k]), f"eval/no_grad {k} differs")
    # The reference's encoder output at a padded position is computed, not zeroed ...
    src = m.embed(m.src_embedding, batch["src"])
    pad = models.padding_mask(batch["src_lengths"], 5)
    with torch.no_grad():
        mem = m.transformer.encoder(src, src_key_padding_mask=pad)
    check(mem[1, 4].abs().sum() > 0, "encoder output zero at padding: fast path taken")
    # ... and a plain nn.Transformer in eval/no_grad does take the fast path (zeros there).
    plain = nn.Transformer(8, 2, 2, 2, 16, dropout=0.0, batch_first=True)
    plain.load_state_dict(m.transformer.state_dict())
    plain.eval()
    with torch.no_grad():
        fast = plain.encoder(src, src_key_padding_mask=pad)
    took = bool((fast[1, 3:] == 0).all())
    print(f"6. transformer: eval/no_grad equals training mode bit for bit; encoder output at "
          f"padding nonzero; a plain eval nn.Transformer {'does' if took else 'does NOT'} "
          f"take the fast path (max diff at real positions "
          f"{maxdiff(fast[1, :3], mem[1, :3]):.1e})")


# ---------------------------------------------------------------- 7. the golden files

def load_golden(path):
    t, meta = st.load(path)
    cfg = json.loads(meta["config"])
    src_vocab, tgt_vocab = json.loads(meta["src_vocab"]), json.loads(meta["tgt_vocab"])
    m = models.build_model(cfg, len(src_vocab), len(tgt_vocab))
    m.load_state_dict({k: t[k] for k in m.state_dict()}, strict=True)
    batch = {"src": t["src"].long(), "src_lengths": t["src_lengths"].long()}
    for k in ("tgt_in", "tgt_out", "tgt_lengths", "labels"):
        if k in t:
            batch[k] = t[k].long()
    return m, batch, t, meta


def train_rerun(model, batch, meta, dtype):
    """The SGD step and the clipped Adam steps of the golden, in `dtype`."""
    names = [n for n, _ in model.named_parameters()]
    res = {}
    m = models.clone(model).to(dtype)
    opt = torch.optim.SGD(m.parameters(), lr=float(meta["lr_sgd"]))
    opt.zero_grad()
    out = m(batch)
    m.loss(batch, out).backward()
    res.update({f"grad.{n}": p.grad.clone() for n, p in m.named_parameters()})
    opt.step()
    res.update({f"sgd1.{n}": p.detach().clone() for n, p in m.named_parameters()})
    m = models.clone(model).to(dtype)
    opt = torch.optim.Adam(m.parameters(), lr=float(meta["lr_adam"]))
    for k in range(1, int(meta["adam_steps"]) + 1):
        opt.zero_grad()
        loss = m.loss(batch, m(batch))
        loss.backward()
        res[f"loss{k}"] = loss.detach()
        res[f"grad_norm{k}"] = torch.nn.utils.clip_grad_norm_(m.parameters(), float(meta["clip"]))
        opt.step()
        res.update({f"adam{k}.{n}": p.detach().clone() for n, p in m.named_parameters()})
    return res, names


def check_goldens(show_keys):
    files = sorted(glob.glob(os.path.join(GOLDEN_DIR, "*.safetensors")))
    check(len(files) == 9, f"expected 9 golden files, found {len(files)}")
    g = torch.Generator().manual_seed(11)
    print("7. golden files:")
    for path in files:
        name = os.path.basename(path)
        m, batch, t, meta = load_golden(path)
        arch = m.config["arch"]
        if show_keys:
            print(f"   {name} state_dict:")
            for k, v in m.state_dict().items():
                print(f"      {k} {list(v.shape)}")
        check(json.loads(meta["config"]) == models.normalize_config(json.loads(meta["config"])),
              f"{name}: config not complete/normalized")
        # Bit for bit: the reference reproduces the file.
        m.train()
        out = m(batch)
        loss = m.loss(batch, out)
        same = torch.equal(out["log_probs"], t["log_probs"]) and torch.equal(loss, t["loss"])
        for k, v in out["attention"].items():
            if arch == "transformer":  # stored one tensor per layer
                same = same and all(torch.equal(v[l], t[f"attn.{k}.l{l}"]) for l in range(v.shape[0]))
            else:
                same = same and torch.equal(v, t["attn." + k])
        check(same, f"{name}: the reference does not reproduce the file")
        # The §3 loss from the stored log-probs.
        lp = t["log_probs"].double()
        if arch == "structured_self_attention":
            ce = -lp.gather(1, batch["labels"][:, None]).mean()
            want = ce + m.config["penalty"] * t["penalty"].double().mean()
        else:
            keep = batch["tgt_out"] != 0
            want = -lp.gather(2, batch["tgt_out"][..., None])[..., 0][keep].mean()
        check(abs(want.item() - t["loss"].item()) <= 1e-5, f"{name}: loss {t['loss'].item()} "
              f"vs {want.item()} from log_probs")
        # spec.py and the padding behaviour on the file's batch.
        _, spec_diff = check_behaviour(m, batch, name, g)
        # Clipping happened at least once.
        norms = [t[f"grad_norm{k}"].item() for k in range(1, int(meta["adam_steps"]) + 1)]
        check(any(x > float(meta["clip"]) for x in norms), f"{name}: no step clips {norms}")
        # The float32 file against PyTorch in float64 from the same start.
        ref, names = train_rerun(m, batch, meta, torch.float64)
        fwd = maxdiff(t["loss"], ref["loss1"])
        grad = max(maxdiff(t[f"grad.{n}"], ref[f"grad.{n}"]) for n in names)
        sgd = max(maxdiff(t[f"sgd1.{n}"], ref[f"sgd1.{n}"]) for n in names)
        adam_ok, adam_tiny, n_tiny = 0.0, 0.0, 0
        for n in names:
            tiny = t[f"grad.{n}"].abs() < 1e-6
            n_tiny += int(tiny.sum())
            for k in range(1, int(meta["adam_steps"]) + 1):
                d = (t[f"adam{k}.{n}"].double() - ref[f"adam{k}.{n}"]).abs()
                # The README's claim: Adam is ill-conditioned only on the key slice of the
                # attention in_proj_bias, whose gradient is exactly 0 in exact arithmetic.
                far = d > 1e-5
                if far.any():
                    key_bias = torch.zeros_like(far)
                    if n.endswith("in_proj_bias"):
                        dm = d.shape[0] // 3
                        key_bias[dm:2 * dm] = True
                    check(bool((far <= key_bias).all()), f"{name}: Adam far from float64 at "
                          f"{n} {far.nonzero().flatten().tolist()} (not a key bias)")
                if (~tiny).any():
                    adam_ok = max(adam_ok, d[~tiny].max().item())
                if tiny.any():
                    adam_tiny = max(adam_tiny, d[tiny].max().item())
        norm_d = max(abs(t[f"grad_norm{k}"].item() - ref[f"grad_norm{k}"].item())
                     for k in range(1, len(norms) + 1))
        check(sgd <= 1e-5 and adam_ok <= 1e-4, f"{name}: float64 rerun far from the file")
        # The model file next to it.
        mf = os.path.join(GOLDEN_DIR, "model_files", name)
        loaded, mmeta = models.load_model_file(mf)
        check(mmeta["format"] == "attention-studio.model/1", f"{mf}: format")
        check(all(torch.equal(v, t[k]) for k, v in loaded.state_dict().items()),
              f"{mf}: weights differ from the golden's initial parameters")
        check(list(st.load(mf)[0]) == list(m.state_dict()), f"{mf}: not in state_dict order")
        print(f"   {name}: reproduced bit for bit; spec.py {spec_diff:.1e}; vs float64: loss "
              f"{fwd:.1e}, grads {grad:.1e}, grad norms {norm_d:.1e}, SGD {sgd:.1e}, Adam "
              f"{adam_ok:.1e} ({n_tiny} elements with |grad| < 1e-6: {adam_tiny:.1e}); "
              f"norms {', '.join(f'{x:.3f}' for x in norms)}")


def check_readme():
    """What tests/core/safetensors_test.cpp checks for ../README.md, for this README: every
    file is described, every listed tensor exists with that shape, nothing is unlisted."""
    import re
    section = re.compile(r"^## `([^`]+\.safetensors)`\s*$")
    row = re.compile(r"^\| `([^`]+)` \| (\[[0-9, ]*\]) \|")
    listed, current = {}, None
    with open(os.path.join(GOLDEN_DIR, "README.md"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = section.match(line)
            if m:
                current = m.group(1)
                listed[current] = []
            elif current:
                m = row.search(line)
                if m:
                    listed[current].append((m.group(1), m.group(2)))
    on_disk = {os.path.basename(p) for p in glob.glob(os.path.join(GOLDEN_DIR, "*.safetensors"))}
    check(set(listed) == on_disk, f"README lists {sorted(listed)}, disk has {sorted(on_disk)}")
    for file, rows in listed.items():
        tensors, meta = st.load(os.path.join(GOLDEN_DIR, file))
        check(bool(meta.get("torch_version")), f"{file}: no torch_version")
        check(len(rows) == len(tensors), f"{file}: README lists {len(rows)} of {len(tensors)}")
        for name, shape in rows:
            t = tensors.get(name)
            got = "[" + ", ".join(str(d) for d in t.shape) + "]" if t is not None else None
            check(got == shape, f"{file}: {name} is {got}, README says {shape}")
            if t is not None:
                check(t.dtype == torch.float32 and not torch.isnan(t).any(), f"{file}: {name}")
    print(f"8. README lists the {len(listed)} files and all their tensors with the right shapes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keys", action="store_true", help="print every golden's state_dict")
    args = parser.parse_args()
    torch.set_num_threads(1)
    check_names()
    check_configs()
    check_sweep()
    check_fast_path()
    check_goldens(args.keys)
    check_readme()
    if FAILURES:
        print(f"{len(FAILURES)} check(s) FAILED")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
