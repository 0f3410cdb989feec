"""PyTorch reference models: the architectures and training arithmetic of docs/file-formats.md.

The C++ engine must reproduce these to float32 rounding, so this file is written to be read:
every equation of the contract appears once, in the order the contract states it, and the
parameter names (state_dict keys) are exactly those of the contract's tables.

    import sys; sys.path.insert(0, "tools")          # from the repository root
    from reference import models
    model = models.build_model({"arch": "transformer", "d_model": 8, ...}, 9, 8)
    batch = models.random_batch(model.config, batch_size=3, src_len=5, tgt_len=4,
                                src_vocab_size=9, tgt_vocab_size=8, generator=torch.Generator())
    out = model(batch)              # {"logits", "log_probs", "attention": {name: tensor}, ...}
                                    # model(batch, need_attention=False) skips the transformer's
                                    # per-head maps (they cost a second attention pass)
    loss = model.loss(batch, out)

Batches are dicts of tensors (ids int64, lengths int64 on the CPU):
  src [B, S], src_lengths [B]                           every model
  tgt_in [B, T], tgt_out [B, T], tgt_lengths [B]        seq2seq models (tgt_lengths = n + 1)
  labels [B]                                            structured_self_attention
`make_batch` builds one from token-id lists following §1 (source + <eos>; <sos> y / y <eos>).

Conventions chosen here where the contract leaves room (the C++ side must agree):
- Rows that belong to a padded *query* position (decoder step t >= tgt_lengths[b], or encoder
  position s >= src_lengths[b] for the transformer's encoder self-attention) are set to exactly
  0 in `log_probs` and in every attention map: they are not part of any result (§5 drops them).
  `logits` keeps whatever was computed there; the loss ignores those positions anyway.
- Embeddings have no padding_idx (the contract names none); row 0 gets no gradient anyway
  because <pad> never feeds a real position.
- Missing optional config keys get these defaults: num_layers 1, bidirectional false,
  attention "none", score "additive" for bahdanau and "general" otherwise, attention_dim =
  hidden_dim, input_feeding false,
  norm_first false, penalty 1.0. `normalize_config` writes every key, so a saved config is
  complete; keys that do not apply (score for attention none, ...) are present and ignored.
"""

import copy
import json
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

PAD, UNK, SOS, EOS = 0, 1, 2, 3
SPECIALS = ["<pad>", "<unk>", "<sos>", "<eos>"]
FIRST_TOKEN = 4  # the first id of an ordinary token

ARCHS = ("rnn_seq2seq", "transformer", "structured_self_attention")
_CELLS = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}

# Every config key (docs/file-formats.md, Config keys), in the contract's order, with this file's default
# (None = required).
CONFIG_KEYS = {
    "rnn_seq2seq": {
        "cell": None, "embed_dim": None, "hidden_dim": None, "num_layers": 1,
        "bidirectional": False, "attention": "none", "score": "general",
        "attention_dim": "hidden_dim", "input_feeding": False,
    },
    "transformer": {
        "d_model": None, "nhead": None, "num_encoder_layers": None,
        "num_decoder_layers": None, "dim_feedforward": None, "norm_first": False,
    },
    "structured_self_attention": {
        "cell": None, "embed_dim": None, "hidden_dim": None, "attention_dim": None,
        "hops": None, "mlp_dim": None, "num_classes": None, "penalty": 1.0,
    },
}
# Accepted in a config dict given to build_model but never written to a model file (§4 gets
# the sizes from the vocabularies).
_SIZE_KEYS = ("src_vocab_size", "tgt_vocab_size")


class ConfigError(ValueError):
    """A config the contract rejects (unknown arch or key, bad value, dot with H·D != H)."""


def normalize_config(config):
    """Checks a config against §2 and returns a complete copy: "arch" first, then every key of
    the architecture in the contract's order, defaults filled in. Vocabulary sizes, if given,
    are dropped (pass them to build_model)."""
    config = dict(config)
    arch = config.pop("arch", None)
    if arch not in ARCHS:
        raise ConfigError(f"unknown arch {arch!r}; expected one of {', '.join(ARCHS)}")
    for k in _SIZE_KEYS:
        config.pop(k, None)
    keys = CONFIG_KEYS[arch]
    unknown = sorted(set(config) - set(keys))
    if unknown:
        raise ConfigError(f"{arch}: unknown config key(s) {unknown}")
    out = {"arch": arch}
    for k, default in keys.items():
        if k in config:
            out[k] = config[k]
        elif default is None:
            raise ConfigError(f"{arch}: config key {k!r} is required")
        elif k == "score" and arch == "rnn_seq2seq":
            # Bahdanau's own score is additive; Luong's default here is general (both work
            # with any D, unlike dot). The C++ config reader uses the same defaults.
            out[k] = "additive" if out.get("attention") == "bahdanau" else "general"
        elif default == "hidden_dim":
            out[k] = config["hidden_dim"] if "hidden_dim" in config else None
        else:
            out[k] = default

    def positive_int(k):
        v = out[k]
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise ConfigError(f"{arch}: {k} must be a positive integer, got {v!r}")

    def boolean(k):
        if not isinstance(out[k], bool):
            raise ConfigError(f"{arch}: {k} must be true or false, got {out[k]!r}")

    if arch == "rnn_seq2seq":
        if out["cell"] not in _CELLS:
            raise ConfigError(f"rnn_seq2seq: cell must be rnn, gru or lstm, got {out['cell']!r}")
        for k in ("embed_dim", "hidden_dim", "num_layers", "attention_dim"):
            positive_int(k)
        boolean("bidirectional")
        boolean("input_feeding")
        if out["attention"] not in ("none", "bahdanau", "luong"):
            raise ConfigError(f"rnn_seq2seq: attention must be none, bahdanau or luong, got "
                              f"{out['attention']!r}")
        if out["score"] not in ("dot", "general", "additive"):
            raise ConfigError(f"rnn_seq2seq: score must be dot, general or additive, got "
                              f"{out['score']!r}")
        D = 2 if out["bidirectional"] else 1
        H = out["hidden_dim"]
        if out["attention"] != "none" and out["score"] == "dot" and H * D != H:
            raise ConfigError(
                f"rnn_seq2seq: score 'dot' needs keys as wide as the query, but the encoder "
                f"annotations have hidden_dim*D = {H * D} and the decoder state {H} "
                f"(bidirectional encoder); use score 'general' or 'additive'")
    elif arch == "transformer":
        for k in ("d_model", "nhead", "num_encoder_layers", "num_decoder_layers",
                  "dim_feedforward"):
            positive_int(k)
        boolean("norm_first")
        if out["d_model"] % out["nhead"] != 0:
            raise ConfigError(f"transformer: d_model {out['d_model']} is not a multiple of "
                              f"nhead {out['nhead']}")
    else:
        if out["cell"] not in ("lstm", "gru"):
            raise ConfigError(f"structured_self_attention: cell must be lstm or gru, got "
                              f"{out['cell']!r}")
        for k in ("embed_dim", "hidden_dim", "attention_dim", "hops", "mlp_dim", "num_classes"):
            positive_int(k)
        p = out["penalty"]
        if isinstance(p, bool) or not isinstance(p, (int, float)) or p < 0:
            raise ConfigError(f"structured_self_attention: penalty must be a number >= 0, got "
                              f"{p!r}")
        out["penalty"] = float(p)
    return out


def config_json(config):
    """The `config` string of a model file's __metadata__ (§4)."""
    return json.dumps(normalize_config(config))


# ---------------------------------------------------------------- helpers

def padding_mask(lengths, total):
    """[B, total] bool, True at padded positions (t >= lengths[b]), PyTorch's convention."""
    return torch.arange(total)[None, :] >= lengths[:, None]


def encode_packed(rnn, x, lengths):
    """Runs a batch_first RNN over each sequence's real length only (§1). Returns the top
    layer's outputs [B, S, H·D] (exactly 0 at padded positions) and the final state as PyTorch
    returns it ([L·D, B, H], or an (h, c) pair; index layer·D + direction)."""
    packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
    out, state = rnn(packed)
    out, _ = pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
    return out, state


def masked_softmax(scores, key_padding, dim=-1):
    """softmax over keys with padded keys at −∞ (weight exactly 0). key_padding broadcasts."""
    return torch.softmax(scores.masked_fill(key_padding, float("-inf")), dim=dim)


def zero_padded_rows(t, query_padding):
    """Zeroes the rows of padded queries. t [..., B, Q, K] or [B, Q, K]; query_padding [B, Q]."""
    return t.masked_fill(query_padding[..., None], 0.0)


def sinusoidal_positions(n, d):
    """PE [n, d]: PE(p, 2i) = sin(p / 10000^{2i/d}), PE(p, 2i+1) = cos(p / 10000^{2i/d}),
    p = 0, 1, ... Computed in float64 and rounded once to float32."""
    p = torch.arange(n, dtype=torch.float64)[:, None]
    two_i = torch.arange(0, d, 2, dtype=torch.float64)[None, :]
    angle = p / torch.pow(torch.tensor(10000.0, dtype=torch.float64), two_i / d)
    pe = torch.zeros(n, d, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angle)
    pe[:, 1::2] = torch.cos(angle[:, : d // 2])
    return pe.to(torch.float32)


class _Container(nn.Module):
    """A plain namespace module (encoder., decoder.) so parameter names come out as §2 says."""

    def forward(self, *args):  # pragma: no cover - never called
        raise RuntimeError("container only")


# ---------------------------------------------------------------- 2.1 rnn_seq2seq

class Attention(nn.Module):
    """§2.1 scores, q [B, H] against keys h_j [B, S, K] (K = H·D). No biases anywhere.
    general: qᵀ W h_j, computed as the dot of q with (W h_j) = Linear(K -> H) of the keys."""

    def __init__(self, score, H, K, A):
        super().__init__()
        self.score = score
        if score == "dot":
            if K != H:
                raise ConfigError(f"score 'dot' needs H·D == H, got H·D = {K}, H = {H}")
        elif score == "general":
            self.W = nn.Linear(K, H, bias=False)          # decoder.attention.W.weight [H, H·D]
        elif score == "additive":
            self.query = nn.Linear(H, A, bias=False)      # decoder.attention.query.weight [A, H]
            self.key = nn.Linear(K, A, bias=False)        # decoder.attention.key.weight [A, H·D]
            self.v = nn.Linear(A, 1, bias=False)          # decoder.attention.v.weight [1, A]
        else:
            raise ConfigError(f"unknown score {score!r}")

    def project_keys(self, keys):
        """The part of the score that depends on the keys only (the same at every step)."""
        if self.score == "general":
            return self.W(keys)            # [B, S, H]
        if self.score == "additive":
            return self.key(keys)          # [B, S, A]
        return keys

    def forward(self, q, keys, projected, key_padding):
        """Returns (a [B, S], c [B, K]): a = softmax_j(score(q, h_j)) with padded keys at −∞,
        c = Σ_j a_j h_j."""
        if self.score == "additive":
            scores = self.v(torch.tanh(self.query(q)[:, None, :] + projected)).squeeze(-1)
        else:  # dot: qᵀh_j; general: qᵀ(W h_j)
            scores = torch.bmm(projected, q[:, :, None]).squeeze(-1)
        a = masked_softmax(scores, key_padding)
        c = torch.bmm(a[:, None, :], keys).squeeze(1)
        return a, c


class RNNSeq2Seq(nn.Module):
    """§2.1. forward(batch) runs teacher-forced: the decoder is stepped one token at a time
    (its input depends on the attention), each step on the whole batch."""

    arch = "rnn_seq2seq"

    def __init__(self, config, src_vocab_size, tgt_vocab_size):
        super().__init__()
        if config.get("arch", self.arch) != self.arch:
            raise ConfigError(f"{type(self).__name__} built from a {config['arch']!r} config")
        cfg = normalize_config({**config, "arch": self.arch})
        self.config = cfg
        self.src_vocab_size, self.tgt_vocab_size = src_vocab_size, tgt_vocab_size
        E, H, L = cfg["embed_dim"], cfg["hidden_dim"], cfg["num_layers"]
        D = 2 if cfg["bidirectional"] else 1
        self.E, self.H, self.L, self.D = E, H, L, D
        self.cell = cfg["cell"]
        self.attention_kind = cfg["attention"]
        self.input_feeding = cfg["attention"] == "luong" and cfg["input_feeding"]
        cls = _CELLS[cfg["cell"]]
        K = H * D

        self.encoder = _Container()
        self.encoder.embedding = nn.Embedding(src_vocab_size, E)
        self.encoder.rnn = cls(E, H, L, batch_first=True, bidirectional=D == 2)
        self.bridge = nn.Linear(H * D, H)
        self.decoder = _Container()
        self.decoder.embedding = nn.Embedding(tgt_vocab_size, E)
        if self.attention_kind == "none":
            I, O = E, H
        elif self.attention_kind == "bahdanau":
            I, O = E + K, H + K
        else:  # luong
            I, O = (E + H if self.input_feeding else E), H
        self.decoder.rnn = cls(I, H, L, batch_first=True)
        if self.attention_kind != "none":
            self.decoder.attention = Attention(cfg["score"], H, K, cfg["attention_dim"])
        if self.attention_kind == "luong":
            self.decoder.combine = nn.Linear(K + H, H, bias=False)
        self.decoder.out = nn.Linear(O, tgt_vocab_size)

    def encode(self, src, src_lengths):
        """Returns the annotations [B, S, H·D] (0 at padding) and the decoder's initial state:
        layer l's h0 = tanh(bridge([fwd_l ; bwd_l])) ([L, B, H]); an LSTM also gets c0 = 0."""
        keys, state = encode_packed(self.encoder.rnn, self.encoder.embedding(src), src_lengths)
        h_n = state[0] if self.cell == "lstm" else state          # [L·D, B, H]
        B = src.shape[0]
        finals = h_n.view(self.L, self.D, B, self.H).permute(0, 2, 1, 3)
        finals = finals.reshape(self.L, B, self.D * self.H)       # [L, B, fwd ; bwd]
        h0 = torch.tanh(self.bridge(finals))
        state0 = (h0, torch.zeros_like(h0)) if self.cell == "lstm" else h0
        return keys, state0

    def _top(self, state):
        return (state[0] if self.cell == "lstm" else state)[-1]   # [B, H]

    def forward(self, batch, need_attention=True):
        """need_attention is accepted for a uniform signature; the RNN maps cost nothing."""
        src, src_lengths, tgt_in = batch["src"], batch["src_lengths"], batch["tgt_in"]
        B, S = src.shape
        T = tgt_in.shape[1]
        key_padding = padding_mask(src_lengths, S)
        keys, state = self.encode(src, src_lengths)
        emb = self.decoder.embedding(tgt_in)                      # [B, T, E]
        attn = self.decoder.attention if self.attention_kind != "none" else None
        projected = attn.project_keys(keys) if attn is not None else None
        h_tilde = keys.new_zeros(B, self.H)                       # h̃_0 = 0 (input feeding)
        logits, weights = [], []
        for i in range(T):
            e = emb[:, i]
            if self.attention_kind == "bahdanau":
                a, c = attn(self._top(state), keys, projected, key_padding)   # query s_{i−1}
                out, state = self.decoder.rnn(torch.cat([e, c], -1)[:, None], state)
                s = out[:, 0]
                logits.append(self.decoder.out(torch.cat([s, c], -1)))
                weights.append(a)
            elif self.attention_kind == "luong":
                x = torch.cat([e, h_tilde], -1) if self.input_feeding else e
                out, state = self.decoder.rnn(x[:, None], state)
                s = out[:, 0]
                a, c = attn(s, keys, projected, key_padding)                    # query s_i
                h_tilde = torch.tanh(self.decoder.combine(torch.cat([c, s], -1)))
                logits.append(self.decoder.out(h_tilde))
                weights.append(a)
            else:
                out, state = self.decoder.rnn(e[:, None], state)
                logits.append(self.decoder.out(out[:, 0]))
        logits = torch.stack(logits, 1)                           # [B, T, Vt]
        query_padding = padding_mask(_tgt_lengths(batch), T)
        result = {
            "logits": logits,
            "log_probs": zero_padded_rows(F.log_softmax(logits, -1), query_padding),
            "attention": {},
        }
        if weights:
            result["attention"]["cross"] = zero_padded_rows(torch.stack(weights, 1),
                                                            query_padding)  # [B, T, S]
        return result

    def loss(self, batch, out):
        return seq2seq_loss(out["logits"], batch["tgt_out"])


def _tgt_lengths(batch):
    if "tgt_lengths" in batch:
        return batch["tgt_lengths"]
    return (batch["tgt_in"] != PAD).sum(1)


def seq2seq_loss(logits, tgt_out):
    """§3: mean cross-entropy over every non-<pad> target token of the batch."""
    V = logits.shape[-1]
    return F.cross_entropy(logits.reshape(-1, V), tgt_out.reshape(-1), ignore_index=PAD)


# ---------------------------------------------------------------- 2.2 transformer

class TransformerSeq2Seq(nn.Module):
    """§2.2. The nn.Transformer is kept in training mode at all times: with dropout 0 that is
    the same function, and it keeps PyTorch 1.13 off its inference "fast path" (nested
    tensors, which returns zeros at padded positions and slightly different numbers)."""

    arch = "transformer"

    def __init__(self, config, src_vocab_size, tgt_vocab_size):
        super().__init__()
        if config.get("arch", self.arch) != self.arch:
            raise ConfigError(f"{type(self).__name__} built from a {config['arch']!r} config")
        cfg = normalize_config({**config, "arch": self.arch})
        self.config = cfg
        self.src_vocab_size, self.tgt_vocab_size = src_vocab_size, tgt_vocab_size
        d = cfg["d_model"]
        self.d_model = d
        self.src_embedding = nn.Embedding(src_vocab_size, d)
        self.tgt_embedding = nn.Embedding(tgt_vocab_size, d)
        self.transformer = nn.Transformer(
            d, cfg["nhead"], cfg["num_encoder_layers"], cfg["num_decoder_layers"],
            cfg["dim_feedforward"], dropout=0.0, activation="relu", layer_norm_eps=1e-5,
            batch_first=True, norm_first=cfg["norm_first"])
        self.out = nn.Linear(d, tgt_vocab_size)
        self.transformer.train(True)

    def train(self, mode=True):
        super().train(mode)
        self.transformer.train(True)  # never the fast path; dropout is 0 so nothing changes
        return self

    def embed(self, embedding, ids):
        """emb(x)·√d + PE."""
        n = ids.shape[1]
        return embedding(ids) * math.sqrt(self.d_model) + sinusoidal_positions(n, self.d_model)

    def forward(self, batch, need_attention=True):
        src, src_lengths, tgt_in = batch["src"], batch["src_lengths"], batch["tgt_in"]
        S, T = src.shape[1], tgt_in.shape[1]
        src_padding = padding_mask(src_lengths, S)
        tgt_padding = padding_mask(_tgt_lengths(batch), T)
        causal = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)

        tr = self.transformer
        assert tr.training, "the transformer must stay in training mode (no fast path)"
        captured = []
        hooks = []
        if need_attention:
            def grab(name, layer_index):
                def hook(module, inputs, output):
                    captured.append((name, layer_index, module, inputs, output[0]))
                return hook
            for li, layer in enumerate(tr.encoder.layers):
                hooks.append(layer.self_attn.register_forward_hook(grab("encoder_self", li)))
            for li, layer in enumerate(tr.decoder.layers):
                hooks.append(layer.self_attn.register_forward_hook(grab("decoder_self", li)))
                hooks.append(layer.multihead_attn.register_forward_hook(grab("cross", li)))
        try:
            h = tr(self.embed(self.src_embedding, src), self.embed(self.tgt_embedding, tgt_in),
                   tgt_mask=causal, src_key_padding_mask=src_padding,
                   tgt_key_padding_mask=tgt_padding, memory_key_padding_mask=src_padding)
        finally:
            for hk in hooks:
                hk.remove()
        logits = self.out(h)
        result = {
            "logits": logits,
            "log_probs": zero_padded_rows(F.log_softmax(logits, -1), tgt_padding),
            "attention": {},
        }
        if need_attention:
            masks = {  # (attn_mask, key_padding_mask, query padding) of each attention kind
                "encoder_self": (None, src_padding, src_padding),
                "decoder_self": (causal, tgt_padding, tgt_padding),
                "cross": (None, src_padding, tgt_padding),
            }
            maps = {"encoder_self": {}, "decoder_self": {}, "cross": {}}
            for name, li, module, (q, k, v), output in captured:
                attn_mask, kpm, qpad = masks[name]
                # nn.Transformer asked for need_weights=False; ask the same module again, on
                # the same inputs and masks, for every head's weights.
                again, w = module(q, k, v, attn_mask=attn_mask, key_padding_mask=kpm,
                                  need_weights=True, average_attn_weights=False)
                if not torch.equal(again, output):
                    diff = (again - output).abs().max().item()
                    raise AssertionError(f"{name} layer {li}: re-run differs by {diff}; the "
                                         "masks given here are not the ones nn.Transformer used")
                maps[name][li] = zero_padded_rows(w, qpad[:, None, :])   # [B, h, Q, K]
            for name, per_layer in maps.items():
                result["attention"][name] = torch.stack(
                    [per_layer[i] for i in range(len(per_layer))], 0)     # [L, B, h, Q, K]
        return result

    def loss(self, batch, out):
        return seq2seq_loss(out["logits"], batch["tgt_out"])


# ---------------------------------------------------------------- 2.3 structured self-attention

class StructuredSelfAttention(nn.Module):
    """§2.3, Lin et al. (2017). tgt_vocab_size is the number of classes (must equal
    num_classes if given)."""

    arch = "structured_self_attention"

    def __init__(self, config, src_vocab_size, tgt_vocab_size=None):
        super().__init__()
        if config.get("arch", self.arch) != self.arch:
            raise ConfigError(f"{type(self).__name__} built from a {config['arch']!r} config")
        cfg = normalize_config({**config, "arch": self.arch})
        self.config = cfg
        C = cfg["num_classes"]
        if tgt_vocab_size is not None and tgt_vocab_size != C:
            raise ConfigError(f"structured_self_attention: {tgt_vocab_size} class names for "
                              f"num_classes {C}")
        self.src_vocab_size, self.tgt_vocab_size = src_vocab_size, C
        E, H = cfg["embed_dim"], cfg["hidden_dim"]
        da, r, Fd = cfg["attention_dim"], cfg["hops"], cfg["mlp_dim"]
        self.hops = r
        self.embedding = nn.Embedding(src_vocab_size, E)
        self.encoder = _CELLS[cfg["cell"]](E, H, 1, batch_first=True, bidirectional=True)
        self.ws1 = nn.Linear(2 * H, da, bias=False)
        self.ws2 = nn.Linear(da, r, bias=False)
        self.fc = nn.Linear(r * 2 * H, Fd)
        self.classifier = nn.Linear(Fd, C)

    def forward(self, batch, need_attention=True):
        src, src_lengths = batch["src"], batch["src_lengths"]
        B, n = src.shape
        Hs, _ = encode_packed(self.encoder, self.embedding(src), src_lengths)  # [B, n, 2H]
        scores = self.ws2(torch.tanh(self.ws1(Hs))).transpose(1, 2)            # [B, r, n]
        A = masked_softmax(scores, padding_mask(src_lengths, n)[:, None, :])    # [B, r, n]
        M = torch.bmm(A, Hs)                                                    # [B, r, 2H]
        logits = self.classifier(F.relu(self.fc(M.reshape(B, -1))))            # [B, C]
        eye = torch.eye(self.hops, dtype=A.dtype)
        P = ((torch.bmm(A, A.transpose(1, 2)) - eye) ** 2).sum((1, 2))          # [B]
        return {
            "logits": logits,
            "log_probs": F.log_softmax(logits, -1),
            "attention": {"hops": A},
            "penalty": P,
        }

    def loss_terms(self, batch, out):
        """(cross-entropy over the batch, penalty coefficient × batch mean of P)."""
        # Class ids are 0..C-1 with no <pad> class (§4: tgt_vocab holds only the class
        # names), so no ignore_index here: class 0 is a real class.
        ce = F.cross_entropy(out["logits"], batch["labels"])
        return ce, self.config["penalty"] * out["penalty"].mean()

    def loss(self, batch, out):
        ce, pen = self.loss_terms(batch, out)
        return ce + pen


# ---------------------------------------------------------------- building and batches

_CLASSES = {
    "rnn_seq2seq": RNNSeq2Seq,
    "transformer": TransformerSeq2Seq,
    "structured_self_attention": StructuredSelfAttention,
}


def build_model(config, src_vocab_size=None, tgt_vocab_size=None):
    """A freshly initialised model (PyTorch's default init) for a §2 config with "arch".
    Vocabulary sizes come from the arguments or the config keys src_vocab_size /
    tgt_vocab_size; for the classifier tgt_vocab_size defaults to num_classes."""
    if src_vocab_size is None:
        src_vocab_size = config.get("src_vocab_size")
    if tgt_vocab_size is None:
        tgt_vocab_size = config.get("tgt_vocab_size")
    arch = config.get("arch")
    if arch not in _CLASSES:
        raise ConfigError(f"unknown arch {arch!r}; expected one of {', '.join(ARCHS)}")
    if src_vocab_size is None or (tgt_vocab_size is None and arch != "structured_self_attention"):
        raise ConfigError("vocabulary sizes are required (src_vocab_size, tgt_vocab_size)")
    return _CLASSES[arch](config, src_vocab_size, tgt_vocab_size)


def _pad(rows, width):
    out = torch.full((len(rows), width), PAD, dtype=torch.long)
    for b, r in enumerate(rows):
        out[b, : len(r)] = torch.tensor(r, dtype=torch.long)
    return out


def make_batch(arch, sources, targets=None, labels=None, src_len=None, tgt_len=None):
    """A padded batch from token-id lists following §1. sources: lists of token ids without
    <eos> (seq2seq models append it; the classifier does not). targets: lists y1..yn
    (seq2seq). labels: class ids (classifier). src_len/tgt_len pad wider than the longest."""
    if arch in ("rnn_seq2seq", "transformer"):
        src = [list(s) + [EOS] for s in sources]
    else:
        src = [list(s) for s in sources]
    if any(len(s) == 0 for s in src):
        raise ValueError("empty source sequence")
    S = max(max(len(s) for s in src), src_len or 0)
    batch = {"src": _pad(src, S), "src_lengths": torch.tensor([len(s) for s in src])}
    if arch in ("rnn_seq2seq", "transformer"):
        tin = [[SOS] + list(y) for y in targets]
        tout = [list(y) + [EOS] for y in targets]
        T = max(max(len(t) for t in tin), tgt_len or 0)
        batch["tgt_in"] = _pad(tin, T)
        batch["tgt_out"] = _pad(tout, T)
        batch["tgt_lengths"] = torch.tensor([len(t) for t in tin])
    else:
        batch["labels"] = torch.tensor(list(labels), dtype=torch.long)
    return batch


def random_batch(config, batch_size, src_len, tgt_len=None, src_vocab_size=None,
                 tgt_vocab_size=None, generator=None, full=True):
    """A random padded batch for `config` (a dict with "arch"): B = batch_size sequences
    whose padded source width is src_len (the source length includes <eos> for seq2seq
    models) and padded target width tgt_len (= n + 1). Lengths are drawn in [1, width]
    (with full=True the first sequence uses the full width, so the tensors are exactly
    [B, src_len] and [B, tgt_len]); tokens are ordinary ids (>= 4) with an occasional <unk>."""
    arch = config["arch"]
    src_vocab_size = src_vocab_size or config.get("src_vocab_size")
    g = generator
    seq2seq = arch in ("rnn_seq2seq", "transformer")
    if src_vocab_size is None or src_vocab_size <= FIRST_TOKEN:
        raise ValueError("src_vocab_size must be > 4 (the special tokens come first)")

    def tokens(n, V):
        ids = torch.randint(FIRST_TOKEN, V, (n,), generator=g)
        unk = torch.rand(n, generator=g) < 0.1
        return torch.where(unk, torch.full_like(ids, UNK), ids).tolist()

    def length(width, i):
        return width if (full and i == 0) else int(torch.randint(1, width + 1, (1,), generator=g))

    extra = 1 if seq2seq else 0  # <eos> on the source
    if src_len < 1 + extra:
        raise ValueError("src_len too small")
    sources = [tokens(length(src_len - extra, i), src_vocab_size) for i in range(batch_size)]
    if seq2seq:
        tgt_vocab_size = tgt_vocab_size or config.get("tgt_vocab_size")
        if tgt_vocab_size is None or tgt_vocab_size <= FIRST_TOKEN or tgt_len is None or tgt_len < 2:
            raise ValueError("seq2seq batches need tgt_vocab_size > 4 and tgt_len >= 2")
        targets = [tokens(length(tgt_len - 1, i), tgt_vocab_size) for i in range(batch_size)]
        return make_batch(arch, sources, targets=targets, src_len=src_len, tgt_len=tgt_len)
    C = config["num_classes"]
    labels = torch.randint(0, C, (batch_size,), generator=g).tolist()
    return make_batch(arch, sources, labels=labels, src_len=src_len)


def batch_row(batch, b):
    """Sequence b of a batch, alone and without padding (a batch of one)."""
    n = int(batch["src_lengths"][b])
    row = {"src": batch["src"][b : b + 1, :n], "src_lengths": batch["src_lengths"][b : b + 1]}
    if "tgt_in" in batch:
        t = int(_tgt_lengths(batch)[b])
        row["tgt_in"] = batch["tgt_in"][b : b + 1, :t]
        row["tgt_out"] = batch["tgt_out"][b : b + 1, :t]
        row["tgt_lengths"] = torch.tensor([t])
    if "labels" in batch:
        row["labels"] = batch["labels"][b : b + 1]
    return row


# ---------------------------------------------------------------- the model file (§4)

def _st():
    here = os.path.dirname(os.path.abspath(__file__))
    golden = os.path.join(os.path.dirname(here), "golden")
    if golden not in sys.path:
        sys.path.insert(0, golden)
    import st  # tools/golden/st.py, the project's one small safetensors writer
    return st


def model_file_metadata(model, src_vocab, tgt_vocab, tokenizer="word"):
    if tokenizer not in ("word", "char"):
        raise ValueError("tokenizer must be word or char")
    if len(src_vocab) != model.src_vocab_size or len(tgt_vocab) != model.tgt_vocab_size:
        raise ValueError("vocabulary sizes do not match the model")
    return {
        "format": "attention-studio.model/1",
        "config": config_json(model.config),
        "src_vocab": json.dumps(list(src_vocab), ensure_ascii=False),
        "tgt_vocab": json.dumps(list(tgt_vocab), ensure_ascii=False),
        "tokenizer": tokenizer,
    }


def save_model_file(model, path, src_vocab, tgt_vocab, tokenizer="word"):
    """Writes a §4 model file: the state_dict (F32, state_dict order) plus the metadata."""
    meta = model_file_metadata(model, src_vocab, tgt_vocab, tokenizer)
    tensors = [(k, v.detach().to(torch.float32)) for k, v in model.state_dict().items()]
    _st().save(path, tensors, meta)


def load_model_file(path):
    """Reads a §4 model file back into a model. Returns (model, metadata)."""
    tensors, meta = _st().load(path)
    if meta.get("format") != "attention-studio.model/1":
        raise ValueError(f"{path}: not an attention-studio.model/1 file")
    config = json.loads(meta["config"])
    src_vocab, tgt_vocab = json.loads(meta["src_vocab"]), json.loads(meta["tgt_vocab"])
    model = build_model(config, len(src_vocab), len(tgt_vocab))
    model.load_state_dict(tensors, strict=True)
    return model, meta


def clone(model):
    return copy.deepcopy(model)
