// Reading and writing the safetensors format: an 8-byte little-endian header length N, N bytes
// of JSON describing every tensor ({"name": {"dtype", "shape", "data_offsets"}, ...,
// "__metadata__": {string: string}}), then the raw little-endian data they index.
//
// It is the model file (docs/file-formats.md, Model file), the format of the PyTorch golden tensors
// the tests compare against, and of large attention traces. Files come from users, so reading
// checks every header field, offset and size before it uses or allocates anything, and every
// problem is an attn::Error naming the file and what is wrong. F32 is read as is; F16, BF16 and
// F64 are converted to attn::Scalar; other dtypes are refused. Writing produces F32 only (what
// PyTorch's state_dict of a float32 model holds) and replaces the target atomically.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tensor/precision.h"
#include "tensor/tensor.h"

namespace attn::inline ATTN_PRECISION {

using NamedTensors = std::vector<std::pair<std::string, Tensor>>;
using Metadata = std::map<std::string, std::string>;

struct SafetensorsFile {
  NamedTensors tensors;  // in the order the header lists them
  Metadata metadata;     // the header's "__metadata__", empty if it has none
  std::string source;    // the path (or name) it was read from, for error messages

  // nullptr when there is no tensor of that name.
  const Tensor* find(const std::string& name) const;
  // Throws attn::Error naming the file and the missing tensor: for loaders, where a missing
  // tensor is the user's problem (a file of another model), not a bug.
  const Tensor& at(const std::string& name) const;
};

// The largest header accepted, as in the reference implementation: a real header takes about
// 100 bytes per tensor, so this is far beyond any model, and it bounds what a hostile file can
// make the JSON parser allocate.
inline constexpr uint64_t kMaxSafetensorsHeaderBytes = 100'000'000;

// Reads a file; throws attn::Error if it cannot be opened or is not a valid safetensors file.
SafetensorsFile readSafetensors(const std::string& path);

// The same from bytes in memory; `nameForErrors` stands for the file in messages.
SafetensorsFile parseSafetensors(const uint8_t* data, size_t size,
                                 const std::string& nameForErrors);

// The bytes writeSafetensors writes: F32 data in the given order, the header padded with spaces
// to a multiple of 8 bytes so the data is aligned. Throws attn::Error on a duplicate, empty or
// reserved ("__metadata__") name, a tensor without data, or a string that is not UTF-8.
std::vector<uint8_t> serializeSafetensors(const NamedTensors& tensors,
                                          const Metadata& metadata = {});

// Writes through writeFileAtomically (util/atomic_file.h): a temporary file next to `path`,
// renamed over it once complete, so a failure (a full disk, an unwritable folder) never leaves
// a half-written file or damages the file already there. Throws attn::Error naming the path.
void writeSafetensors(const std::string& path, const NamedTensors& tensors,
                      const Metadata& metadata = {});

}  // namespace attn::inline ATTN_PRECISION
