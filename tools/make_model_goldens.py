#!/usr/bin/python3
"""Writes whole-model PyTorch goldens: tests/data/golden/models/<name>.safetensors.

    /usr/bin/python3 tools/make_model_goldens.py          # from the repository root

For each configuration below (docs/file-formats.md, Architectures), one seeded file holds the initial parameters
(state_dict names), a small padded batch, the teacher-forced log-probabilities and attention
maps, the loss (§3), the parameters after one SGD step, and after each of three Adam steps with
gradient clipping. The models are tools/reference/models.py. Also writes the same initial
weights as plain §4 model files (models/model_files/<name>.safetensors) and the README that
documents every tensor (generated here, so the two cannot disagree). Every file is seeded on
its own and the output is the same byte for byte on every run.
"""

import argparse
import json
import os
import sys

import torch

TOOLS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TOOLS)
sys.path.insert(0, TOOLS)
sys.path.insert(0, os.path.join(TOOLS, "golden"))
import st  # noqa: E402  tools/golden/st.py, the project's safetensors writer
from reference import models  # noqa: E402

LR_SGD = 0.5
LR_ADAM = 0.01
CLIP = 0.5
ADAM_STEPS = 3
PERTURB = 0.1

SRC_WORDS = ["le", "chat", "noir", "dort", "un", "chien"]
TGT_WORDS = ["the", "cat", "black", "sleeps", "a", "dog"]
CLASS_NAMES = ["negative", "neutral", "positive"]

# The batch: B = 3, unsorted lengths. Seq2seq source lengths count the <eos>; target lengths
# are those of tgt_in (<sos> y1..yn) = n + 1.
SRC_LENGTHS = [5, 3, 4]
TGT_LENGTHS = [4, 2, 3]
CLASSIFIER_LENGTHS = [5, 3, 4]
CLASSIFIER_LABELS = [2, 0, 1]  # class 0 is a real class (no ignore_index for the classifier)


def seq2seq(name, seed, vs, vt, what, **cfg):
    return dict(name=name, seed=seed, src_vocab_size=vs, tgt_vocab_size=vt, what=what,
                config={"arch": "rnn_seq2seq", **cfg})


def rnn(cell, E, H, L, bidirectional, attention, score="general", A=None, feeding=False):
    return dict(cell=cell, embed_dim=E, hidden_dim=H, num_layers=L, bidirectional=bidirectional,
                attention=attention, score=score, attention_dim=A if A else H,
                input_feeding=feeding)


GOLDENS = [
    seq2seq("seq2seq_gru_bidir_bahdanau_additive", 2201, 10, 8,
            "GRU, 1 layer, bidirectional encoder; Bahdanau attention, additive score (A = 4).",
            **rnn("gru", 6, 5, 1, True, "bahdanau", "additive", A=4)),
    seq2seq("seq2seq_lstm_2layer_luong_general_feeding", 2242, 9, 8,
            "LSTM, 2 layers, unidirectional; Luong attention, general score, input feeding.",
            **rnn("lstm", 6, 6, 2, False, "luong", "general", feeding=True)),
    seq2seq("seq2seq_rnn_luong_dot", 2163, 9, 7,
            "Elman RNN (tanh), 1 layer, unidirectional; Luong attention, dot score, no input "
            "feeding.",
            **rnn("rnn", 6, 5, 1, False, "luong", "dot")),
    seq2seq("seq2seq_gru_2layer_bidir_none", 2184, 10, 8,
            "GRU, 2 layers, bidirectional encoder; no attention (the bridge carries every "
            "layer's final states). `score`/`attention_dim`/`input_feeding` are present in the "
            "config and ignored.",
            **rnn("gru", 6, 5, 2, True, "none", "general")),
    seq2seq("seq2seq_lstm_bidir_bahdanau_general", 2265, 9, 10,
            "LSTM, 1 layer, bidirectional encoder; Bahdanau attention, general score "
            "(W [H, 2H]).",
            **rnn("lstm", 6, 6, 1, True, "bahdanau", "general")),
    dict(name="transformer_postnorm", seed=2101, src_vocab_size=9, tgt_vocab_size=8,
         what="Transformer, d_model 8, 2 heads, 2 encoder + 2 decoder layers, FFN 16, "
              "post-norm (norm_first false), with nn.Transformer's final encoder.norm and "
              "decoder.norm.",
         config=dict(arch="transformer", d_model=8, nhead=2, num_encoder_layers=2,
                     num_decoder_layers=2, dim_feedforward=16, norm_first=False)),
    dict(name="transformer_prenorm", seed=2102, src_vocab_size=9, tgt_vocab_size=8,
         what="The same transformer with norm_first true (pre-norm; the attention and FFN "
              "inputs are the layer-normed x).",
         config=dict(arch="transformer", d_model=8, nhead=2, num_encoder_layers=2,
                     num_decoder_layers=2, dim_feedforward=16, norm_first=True)),
    dict(name="ssa_lstm", seed=2221, perturb=0.3, src_vocab_size=10, tgt_vocab_size=3,
         what="Structured self-attention (Lin et al. 2017), bidirectional LSTM H 4, d_a 5, "
              "r 3 hops, MLP 6, 3 classes, penalty 1.0.",
         config=dict(arch="structured_self_attention", cell="lstm", embed_dim=6, hidden_dim=4,
                     attention_dim=5, hops=3, mlp_dim=6, num_classes=3, penalty=1.0)),
    dict(name="ssa_gru", seed=2222, perturb=0.3, src_vocab_size=10, tgt_vocab_size=3,
         what="Structured self-attention with a bidirectional GRU, otherwise as ssa_lstm but "
              "penalty 0.5.",
         config=dict(arch="structured_self_attention", cell="gru", embed_dim=6, hidden_dim=4,
                     attention_dim=5, hops=3, mlp_dim=6, num_classes=3, penalty=0.5)),
]


def vocabularies(spec):
    arch = spec["config"]["arch"]
    src = models.SPECIALS + SRC_WORDS
    src = src + [f"s{i}" for i in range(len(src), spec["src_vocab_size"])]
    src = src[: spec["src_vocab_size"]]
    if arch == "structured_self_attention":
        return src, CLASS_NAMES[: spec["tgt_vocab_size"]]
    tgt = models.SPECIALS + TGT_WORDS
    tgt = tgt + [f"t{i}" for i in range(len(tgt), spec["tgt_vocab_size"])]
    return src, tgt[: spec["tgt_vocab_size"]]


def golden_batch(spec, g):
    """The file's batch, drawn from the file's generator: ordinary tokens, one <unk> in the
    first source sentence."""
    arch = spec["config"]["arch"]
    vs, vt = spec["src_vocab_size"], spec["tgt_vocab_size"]

    def tokens(n, V):
        return torch.randint(models.FIRST_TOKEN, V, (n,), generator=g).tolist()

    if arch == "structured_self_attention":
        sources = [tokens(n, vs) for n in CLASSIFIER_LENGTHS]
        sources[0][2] = models.UNK
        return models.make_batch(arch, sources, labels=CLASSIFIER_LABELS)
    sources = [tokens(n - 1, vs) for n in SRC_LENGTHS]       # + <eos>
    sources[0][2] = models.UNK
    targets = [tokens(n - 1, vt) for n in TGT_LENGTHS]       # <sos> + y / y + <eos>
    return models.make_batch(arch, sources, targets=targets)


def perturb(model, g, scale):
    """PyTorch initialises some biases to 0 and norm weights to 1; a golden taken there could
    not catch an engine that forgets one or swaps them. Nudge every parameter."""
    with torch.no_grad():
        for p in model.parameters():
            p.add_(scale * torch.randn(p.shape, generator=g))


class Golden:
    def __init__(self, name):
        self.name = name
        self.tensors = []  # (name, F32 tensor, description)

    def add(self, name, t, what):
        if any(n == name for n, _, _ in self.tensors):
            raise ValueError(f"{self.name}: duplicate tensor {name}")
        t = torch.as_tensor(t).detach().clone().to(torch.float32).contiguous()
        if torch.isnan(t).any():
            raise ValueError(f"{self.name}: {name} holds NaN")
        self.tensors.append((name, t, what))


def forward_and_loss(model, batch):
    model.train()
    with torch.enable_grad():
        out = model(batch)
        loss = model.loss(batch, out)
    return out, loss


def make_golden(spec):
    torch.manual_seed(spec["seed"])
    g = torch.Generator().manual_seed(spec["seed"])
    config = models.normalize_config(spec["config"])
    arch = config["arch"]
    model = models.build_model(config, spec["src_vocab_size"], spec["tgt_vocab_size"])
    perturb(model, g, spec.get("perturb", PERTURB))
    batch = golden_batch(spec, g)
    src_vocab, tgt_vocab = vocabularies(spec)
    initial = {k: v.detach().clone() for k, v in model.state_dict().items()}
    names = list(initial)
    assert names == [n for n, _ in model.named_parameters()], "buffers in a state_dict?"

    gold = Golden(spec["name"])
    for n in names:
        gold.add(n, initial[n], "parameter (initial)")

    B, S = batch["src"].shape
    seq2seq = arch != "structured_self_attention"
    gold.add("src", batch["src"], f"[B, S] source ids" + (", tokens then <eos> (3), then <pad> (0)"
             if seq2seq else ", tokens then <pad> (0); no <eos>"))
    gold.add("src_lengths", batch["src_lengths"], "[B] real source lengths" +
             (" (counting the <eos>)" if seq2seq else ""))
    if seq2seq:
        gold.add("tgt_in", batch["tgt_in"], "[B, T] decoder input: <sos> (2) y1..yn, then <pad>")
        gold.add("tgt_out", batch["tgt_out"], "[B, T] decoder target: y1..yn <eos> (3), then "
                 "<pad> (ignored by the loss)")
        gold.add("tgt_lengths", batch["tgt_lengths"], "[B] real target lengths n + 1")
    else:
        gold.add("labels", batch["labels"], "[B] class ids (0 is a real class)")

    out, loss = forward_and_loss(model, batch)
    if seq2seq:
        gold.add("log_probs", out["log_probs"], "[B, T, Vt] teacher-forced log_softmax of the "
                 "logits; rows t >= tgt_lengths[b] (padded decoder steps) are 0")
    else:
        gold.add("log_probs", out["log_probs"], "[B, C] log_softmax of the class logits")
    att = out["attention"]
    if arch == "rnn_seq2seq" and "cross" in att:
        gold.add("attn.cross", att["cross"], "[B, T, S] attention weights a_i of each decoder "
                 "step over the source; exactly 0 at padded keys (s >= src_lengths[b]); rows "
                 "t >= tgt_lengths[b] are 0")
    if arch == "transformer":
        # One tensor per layer: the engine's tensors have at most 4 dimensions.
        for name, what in (("encoder_self", "encoder self-attention of layer {l}, every head; "
                            "0 at padded keys; rows of padded query positions "
                            "(s >= src_lengths[b]) are 0; [B, nhead, S, S]"),
                           ("decoder_self", "masked decoder self-attention of layer {l}; 0 above "
                            "the diagonal and at padded keys; rows t >= tgt_lengths[b] are 0; "
                            "[B, nhead, T, T]"),
                           ("cross", "cross-attention of decoder layer {l} over the encoder "
                            "output; 0 at padded source keys; rows t >= tgt_lengths[b] are 0; "
                            "[B, nhead, T, S]")):
            for l in range(att[name].shape[0]):
                gold.add(f"attn.{name}.l{l}", att[name][l], what.format(l=l))
    if arch == "structured_self_attention":
        gold.add("attn.hops", att["hops"], "[B, r, n] annotation matrix A (softmax over the n "
                 "tokens); exactly 0 at padded tokens")
        gold.add("penalty", out["penalty"], "[B] P = ‖AAᵀ − I‖²_F of each sentence")
    gold.add("loss", loss, "[] the §3 loss at the initial weights" +
             (": mean cross-entropy over the non-<pad> targets" if seq2seq else
              ": mean cross-entropy over the batch + penalty × mean(P)"))
    model.zero_grad()
    loss.backward()
    for n, p in model.named_parameters():
        gold.add(f"grad.{n}", p.grad, "∂loss/∂param at the initial weights")

    # One SGD step from the initial weights.
    m = models.clone(model)
    m.load_state_dict(initial)
    opt = torch.optim.SGD(m.parameters(), lr=LR_SGD)
    opt.zero_grad()
    _, l = forward_and_loss(m, batch)
    l.backward()
    opt.step()
    for n, p in m.named_parameters():
        gold.add(f"sgd1.{n}", p, "after the SGD step")

    # Three Adam steps from the initial weights again, clipping before each.
    m = models.clone(model)
    m.load_state_dict(initial)
    opt = torch.optim.Adam(m.parameters(), lr=LR_ADAM)
    norms = []
    for k in range(1, ADAM_STEPS + 1):
        opt.zero_grad()
        _, l = forward_and_loss(m, batch)
        l.backward()
        total = torch.nn.utils.clip_grad_norm_(m.parameters(), CLIP)
        norms.append(total.item())
        gold.add(f"loss{k}", l, f"[] loss at the weights before Adam step {k}")
        gold.add(f"grad_norm{k}", total, f"[] global L2 norm of the step-{k} gradients before "
                 f"clipping (clip_grad_norm_'s return value); " +
                 ("clipped" if total.item() > CLIP else "not clipped"))
        opt.step()
        for n, p in m.named_parameters():
            gold.add(f"adam{k}.{n}", p, f"after Adam step {k}")
    if not any(x > CLIP for x in norms):
        raise AssertionError(f"{spec['name']}: no Adam step clips (norms {norms})")

    meta = {
        "generator": "tools/make_model_goldens.py",
        "torch_version": torch.__version__,
        "seed": str(spec["seed"]),
        "perturb": repr(spec.get("perturb", PERTURB)),
        "description": spec["what"],
        "config": models.config_json(config),
        "src_vocab": json.dumps(src_vocab),
        "tgt_vocab": json.dumps(tgt_vocab),
        "tokenizer": "word",
        "lr_sgd": repr(LR_SGD),
        "lr_adam": repr(LR_ADAM),
        "adam_betas": "0.9,0.999",
        "adam_eps": "1e-08",
        "clip": repr(CLIP),
        "adam_steps": str(ADAM_STEPS),
    }
    return gold, meta, model, (src_vocab, tgt_vocab), norms


README_HEAD = """\
# Whole-model PyTorch goldens

Generated by `tools/make_model_goldens.py` from the reference models in
`tools/reference/models.py` (PyTorch {version}, CPU, float32, one thread, every file seeded on
its own). Do not edit: change the script and run `/usr/bin/python3 tools/make_model_goldens.py`
from the repository root; this README is generated with the files. The format is the one of
`../README.md` (a `## name.safetensors` section per file, a `| tensor | [shape] | what |` row
per tensor), so the same README-versus-file test can read it.

Each file is one model (docs/file-formats.md, Architectures) on one padded batch (B = 3):

- the initial parameters under their exact `state_dict` names (every parameter was nudged by
  s·N(0, 1) after PyTorch's init, s = 0.1, or 0.3 for the classifiers so that their gradients
  are large enough to be clipped; metadata `perturb`): no bias is 0 and no norm weight is 1;
- the batch: `src`, `src_lengths`, and `tgt_in`, `tgt_out`, `tgt_lengths` (seq2seq) or
  `labels` (classifier). All tensors are F32, token ids and lengths included. Source lengths
  count the `<eos>` (seq2seq sources are tokens + `<eos>`; the classifier's have none);
  `tgt_lengths` = n + 1 (the length of `<sos>` y1..yn, equally of y1..yn `<eos>`);
- the teacher-forced forward: `log_probs`, the attention maps `attn.*`, for the classifier
  `penalty`, and `loss` (§3: mean cross-entropy over the non-`<pad>` targets of the batch, for
  the classifier cross-entropy over the batch plus `penalty` × the batch mean of P), and
  `grad.<param>` = ∂loss/∂param at the initial weights;
- `sgd1.<param>`: every parameter after one `torch.optim.SGD` step (lr {lr_sgd}, no momentum)
  from the initial weights on this batch;
- from the initial weights again, {steps} `torch.optim.Adam` steps (lr {lr_adam}, betas 0.9,
  0.999, eps 1e-8) on the same batch, each after `clip_grad_norm_(max_norm={clip})`:
  `loss{{k}}` (the loss before step k), `grad_norm{{k}}` (the global norm before clipping; the
  README row says whether that step clipped) and `adam{{k}}.<param>` after step k (the float32
  arithmetic of PyTorch 1.13's Adam and `clip_grad_norm_` is written out in `../README.md`).

Conventions the C++ side must share:

- **Padded query rows are 0.** In `log_probs` and every `attn.*` map, a row that belongs to a
  padded query position is exactly 0: decoder steps t >= `tgt_lengths[b]` (log_probs, RNN
  `attn.cross`, transformer `attn.decoder_self` and `attn.cross`) and, for the transformer's
  `attn.encoder_self`, source positions s >= `src_lengths[b]`. They are not part of any result
  (the loss ignores them and §5 traces drop them): compare only real rows, or zero yours.
  Every real row sums to 1 and is exactly 0 at padded keys (and above the diagonal for the
  decoder self-attention).
- RNN `attn.cross` is [B, T, S] (one layer, one head); transformer maps are one tensor per
  layer, `attn.<map>.l<k>` [B, heads, queries, keys] (the engine's tensors have at most 4
  dimensions); the classifier's `attn.hops` is [B, r, n].
- Transformer: input emb(x)·√d + PE with PE computed in float64 and rounded to float32,
  positions from 0 in both stacks; causal mask plus key-padding masks (source keys in the
  encoder and the cross-attention, target keys in the decoder). Computed in training mode
  with dropout 0, never on PyTorch's inference "fast path".
- rnn_seq2seq `general` score is computed as qᵀ(W h_j) (the Linear `decoder.attention.W`
  applied to the keys, then the dot with the query); additive as vᵀ tanh(W_q q + W_k h_j).
- Configs in the metadata are complete: every §2 key is present; keys that do not apply
  (e.g. `score` with attention `none`, `attention_dim` unless additive, `input_feeding`
  unless luong) hold defaults and are ignored.
- The classifier's labels are 0-based class ids and class 0 is a real class: its
  cross-entropy has no ignore_index.
- Embeddings have no padding_idx; the `<pad>` row gets a zero gradient anyway.

Metadata (`__metadata__`, strings): `config` (the §4 config JSON with `arch`), `src_vocab`,
`tgt_vocab`, `tokenizer`, `torch_version`, `seed`, `perturb`, `description`, `lr_sgd`, `lr_adam`,
`adam_betas`, `adam_eps`, `clip`, `adam_steps`, `generator`.

`model_files/<name>.safetensors` holds the same initial weights as a plain §4 model file
(state_dict in PyTorch's order, metadata `format`, `config`, `src_vocab`, `tgt_vocab`,
`tokenizer`): what a PyTorch user's export looks like; it must load as is.

Tolerances. `tools/reference/check.py` reruns every file in float64: the float32 values here
are within 1e-6 of exact arithmetic for the forward values, the gradients, the SGD step and
the Adam steps, with one exception the C++ test must allow for:

- **The key bias of every transformer attention.** `in_proj_bias[d:2d]` (the k slice) has a
  gradient that is exactly 0 in exact arithmetic (softmax is invariant to a constant added
  to a row of scores); PyTorch's float32 gives rounding noise of ~1e-9 there (see its
  `grad.…in_proj_bias` rows d..2d−1), and Adam, which divides by √v + 1e-8, turns that noise
  into steps of up to lr·|g|/(|g| + 1e-8): after 3 steps those elements differ from the
  float64 rerun by up to 3e-3. An engine with its own rounding cannot match them: compare
  them with an absolute tolerance of 3·lr (0.03), or only check they moved by at most lr per
  step. Every other element of `adam{{k}}.*` is well conditioned (1e-6).

So: 1e-5 relative (plus 1e-6 absolute) for forward values, `grad.*`, `sgd1.*` and `adam{{k}}.*`
except the transformer key-bias slices above.
"""


def fmt_shape(t):
    return "[" + ", ".join(str(d) for d in t.shape) + "]"


def write_readme(path, entries):
    lines = [README_HEAD.format(version=torch.__version__, lr_sgd=LR_SGD, lr_adam=LR_ADAM,
                                steps=ADAM_STEPS, clip=CLIP)]
    lines.append("Files:\n")
    for spec, gold, meta, norms in entries:
        lines.append(f"- [`{gold.name}.safetensors`](#{gold.name}safetensors): {spec['what']}")
    lines.append("")
    for spec, gold, meta, norms in entries:
        lines.append(f"## `{gold.name}.safetensors`\n")
        lines.append(spec["what"] + "\n")
        lines.append(f"Config: `{meta['config']}`  ")
        lines.append(f"src_vocab: `{meta['src_vocab']}`  ")
        lines.append(f"tgt_vocab: `{meta['tgt_vocab']}`  ")
        lines.append("Adam gradient norms before clipping: " +
                     ", ".join(f"{x:.4f}" + (" (clipped)" if x > CLIP else " (not clipped)")
                               for x in norms) + ".\n")
        lines.append("| tensor | shape | what |")
        lines.append("| --- | --- | --- |")
        for name, t, what in gold.tensors:
            lines.append(f"| `{name}` | {fmt_shape(t)} | {what} |")
        lines.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def write_file(path, gold, meta):
    st.save(path, [(n, t) for n, t, _ in gold.tensors], meta)
    back, back_meta = st.load(path)
    assert list(back) == [n for n, _, _ in gold.tensors], path
    for n, t, _ in gold.tensors:
        assert torch.equal(back[n], t), (path, n)
    assert back_meta == meta, path
    return os.path.getsize(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=os.path.join(REPO, "tests", "data", "golden", "models"),
                        help="output directory (default: tests/data/golden/models)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    os.makedirs(os.path.join(args.out, "model_files"), exist_ok=True)
    entries = []
    total = 0
    for spec in GOLDENS:
        gold, meta, model, (src_vocab, tgt_vocab), norms = make_golden(spec)
        total += write_file(os.path.join(args.out, gold.name + ".safetensors"), gold, meta)
        mpath = os.path.join(args.out, "model_files", gold.name + ".safetensors")
        fresh = models.build_model(model.config, spec["src_vocab_size"], spec["tgt_vocab_size"])
        fresh.load_state_dict({n: t for n, t, _ in gold.tensors if n in fresh.state_dict()})
        models.save_model_file(fresh, mpath, src_vocab, tgt_vocab, "word")
        reread, _ = models.load_model_file(mpath)
        for k, v in reread.state_dict().items():
            assert torch.equal(v, fresh.state_dict()[k]), (mpath, k)
        total += os.path.getsize(mpath)
        entries.append((spec, gold, meta, norms))
        print(f"{gold.name}: {len(gold.tensors)} tensors, Adam norms "
              + ", ".join(f"{x:.3f}" for x in norms))
    write_readme(os.path.join(args.out, "README.md"), entries)
    print(f"wrote {len(entries)} model goldens ({total} bytes with the model files) to {args.out}")


if __name__ == "__main__":
    main()
