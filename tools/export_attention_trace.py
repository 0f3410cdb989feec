#!/usr/bin/python3
"""Export the attention of any PyTorch model as an Attention Studio trace file.

The app can show attention it did not compute: a trace file (docs/file-formats.md, Trace file) holds the
tokens and the maps, [layer][head][query][key]. This module is the recipe of
docs/pytorch-traces.md in code:

    from export_attention_trace import AttentionRecorder, write_trace

    with AttentionRecorder(model) as rec:          # every nn.MultiheadAttention inside
        model(src, tgt, tgt_mask=...)
    write_trace("out.json", source_tokens, target_tokens,
                {"encoder_self": rec.maps("encoder.layers"),
                 "decoder_self": rec.maps("decoder.layers", "self_attn"),
                 "cross": rec.maps("decoder.layers", "multihead_attn")})

Run as a script, it builds a small seeded nn.Transformer, records it and writes the example
trace that the tests read back (tests/data/traces/pytorch_transformer.json):

    /usr/bin/python3 tools/export_attention_trace.py tests/data/traces/pytorch_transformer.json

PyTorch is a development tool here, not something the app needs.
"""

import json
import math
import os
import sys
import tempfile

import torch
from torch import nn

FORMAT = "attention-studio.trace/1"


class AttentionRecorder:
    """Records the per-head weights of every nn.MultiheadAttention of `model` while active.

    Layers such as nn.TransformerEncoderLayer call their attention with need_weights=False,
    and PyTorch averages heads by default, so each module's forward is wrapped to ask for
    need_weights=True, average_attn_weights=False; the layer still gets the output it asked
    for. Weights are kept per module name, one tensor [batch, heads, queries, keys] per call.
    """

    def __init__(self, model):
        self.model = model
        self.calls = {}
        self._originals = {}

    def __enter__(self):
        for name, module in self.model.named_modules():
            if isinstance(module, nn.MultiheadAttention):
                self._wrap(name, module)
        return self

    def __exit__(self, *exc):
        for module, forward in self._originals.values():
            module.forward = forward
        self._originals.clear()
        return False

    def _wrap(self, name, module):
        original = module.forward

        def forward(*args, need_weights=False, average_attn_weights=True, **kwargs):
            output, weights = original(*args, need_weights=True, average_attn_weights=False,
                                       **kwargs)
            self.calls.setdefault(name, []).append(weights.detach())
            return output, (weights if need_weights else None)

        module.forward = forward
        self._originals[name] = (module, original)

    def maps(self, prefix, suffix="", batch_row=0, call=-1):
        """The maps of the modules named `prefix`…`suffix`, in layer order: [layer][head][q][k]."""
        names = sorted((n for n in self.calls if n.startswith(prefix) and n.endswith(suffix)),
                       key=_layer_index)
        if not names:
            raise KeyError(f"no attention recorded under '{prefix}…{suffix}'")
        return [self.calls[n][call][batch_row].tolist() for n in names]


def _layer_index(name):
    digits = [int(part) for part in name.split(".") if part.isdigit()]
    return digits[0] if digits else 0


def write_trace(path, source_tokens, target_tokens, attention, log_probs=None, model=None):
    """Writes a trace after checking what the app will check: sizes agree, rows sum to 1.

    attention: name -> [layer][head][query][key] nested lists (or tensors of that shape).
    Names the app reads: "cross", "encoder_self", "decoder_self", "hops"; it refuses others.
    Rows over padding must be cut off before: a trace holds real tokens only.
    """
    maps = {}
    for name, layers in attention.items():
        if isinstance(layers, torch.Tensor):
            layers = layers.tolist()
        # The sizes the app's reader holds each map to (docs/file-formats.md, Trace file); it
        # refuses a map of another name.
        s, t = len(source_tokens), len(target_tokens)
        sizes = {"cross": (t, s), "encoder_self": (s, s), "decoder_self": (t, t), "hops": (1, s)}
        if name not in sizes:
            raise ValueError(f"{name}: the app reads only the maps {', '.join(sorted(sizes))}; "
                             "rename it to the one it is, or leave it out")
        queries, keys = sizes[name]
        for l, heads in enumerate(layers):
            for h, rows in enumerate(heads):
                if len(rows) != queries or any(len(r) != keys for r in rows):
                    raise ValueError(f"{name} layer {l} head {h}: expected {queries} rows of "
                                     f"{keys} keys")
                for q, row in enumerate(rows):
                    if abs(sum(row) - 1) > 1e-5:
                        raise ValueError(f"{name} layer {l} head {h} row {q} sums to {sum(row)}")
        maps[name] = layers
    trace = {"format": FORMAT, "model": model, "source_tokens": list(source_tokens),
             "target_tokens": list(target_tokens), "attention": maps}
    if log_probs is not None:
        trace["log_probs"] = [list(map(float, row)) for row in log_probs]
    # Written beside the target and renamed, so a failure never leaves half a file.
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".trace-", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a trace is an ordinary file
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(trace, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _example(path):
    """A small seeded nn.Transformer reading made-up tokens: what the tests read back."""
    torch.manual_seed(7)
    source = ["le", "chat", "noir", "dort", "<eos>"]
    target = ["the", "black", "cat", "sleeps", "<eos>"]
    d, heads, vocab = 16, 2, 12
    model = nn.Transformer(d, heads, num_encoder_layers=2, num_decoder_layers=2,
                           dim_feedforward=32, dropout=0.0, batch_first=True)
    embed, out = nn.Embedding(vocab, d), nn.Linear(d, vocab)
    model.eval()
    src = embed(torch.arange(len(source)).unsqueeze(0)) * math.sqrt(d)
    tgt_in = embed(torch.arange(len(target)).unsqueeze(0) + 5) * math.sqrt(d)  # <sos> y1 … yn
    mask = model.generate_square_subsequent_mask(len(target))
    # Grad stays on: it keeps PyTorch off its fused inference path, which skips the modules.
    with AttentionRecorder(model) as rec:
        log_probs = torch.log_softmax(out(model(src, tgt_in, tgt_mask=mask)), -1)[0]
    write_trace(path, source, target,
                {"encoder_self": rec.maps("encoder.layers"),
                 "decoder_self": rec.maps("decoder.layers", "self_attn"),
                 "cross": rec.maps("decoder.layers", "multihead_attn")},
                log_probs=log_probs.tolist())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: export_attention_trace.py OUT.json")
    _example(sys.argv[1])
