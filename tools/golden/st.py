"""A minimal safetensors writer and reader for the golden-file scripts.

The `safetensors` package is not in Debian 12, so the scripts carry their own: the format is an
8-byte little-endian header length N, N bytes of JSON ({"name": {"dtype", "shape",
"data_offsets": [begin, end]}, "__metadata__": {str: str}}), then the raw little-endian data,
offsets counted from the start of the data. The header is padded with spaces to a multiple of 8
bytes, as the format recommends, so the data is aligned.

Only what the goldens need: F32, F64, F16 and BF16 tensors from torch.
"""

import json
import os
import struct

import numpy as np
import torch

# torch dtype -> (safetensors dtype, little-endian numpy dtype of the stored bits)
_DTYPES = {
    torch.float32: ("F32", "<f4"),
    torch.float64: ("F64", "<f8"),
    torch.float16: ("F16", "<f2"),
    # numpy has no bfloat16: store its 16 bits as an integer of the same width.
    torch.bfloat16: ("BF16", "<i2"),
}
_FROM_NAME = {name: (dtype, np_dtype) for dtype, (name, np_dtype) in _DTYPES.items()}


def _tensor_bytes(t: torch.Tensor) -> bytes:
    t = t.detach().cpu().contiguous()
    if t.dtype not in _DTYPES:
        raise TypeError(f"unsupported dtype {t.dtype}")
    _, np_dtype = _DTYPES[t.dtype]
    if t.dtype == torch.bfloat16:
        t = t.view(torch.int16)
    return t.numpy().astype(np_dtype, copy=False).tobytes()


def serialize(tensors, metadata=None) -> bytes:
    """tensors: a list of (name, torch.Tensor), written in that order; metadata: {str: str}."""
    header = {}
    if metadata:
        for key, value in metadata.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(f"metadata {key!r} must map a string to a string")
        header["__metadata__"] = dict(metadata)
    blobs = []
    offset = 0
    for name, t in tensors:
        if name in header:
            raise ValueError(f"duplicate tensor name {name!r}")
        blob = _tensor_bytes(t)
        header[name] = {
            "dtype": _DTYPES[t.dtype][0],
            "shape": list(t.shape),
            "data_offsets": [offset, offset + len(blob)],
        }
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def save(path, tensors, metadata=None):
    """Writes atomically: a temporary file in the same directory, then a rename."""
    data = serialize(tensors, metadata)
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def load(path):
    """Returns ({name: torch.Tensor} in file order, metadata). For the scripts' self-checks."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    buffer = data[8 + n :]
    tensors = {}
    for name, entry in header.items():
        dtype, np_dtype = _FROM_NAME[entry["dtype"]]
        begin, end = entry["data_offsets"]
        array = np.frombuffer(buffer[begin:end], dtype=np_dtype).copy()
        t = torch.from_numpy(array)
        if dtype == torch.bfloat16:
            t = t.view(torch.bfloat16)
        tensors[name] = t.reshape(entry["shape"])
    return tensors, metadata
