// Where tensor storage comes from: 64-byte-aligned blocks served from a per-thread cache of
// freed blocks (buffer_cache.cpp says why), used only by tensor storage (tensor.h).
#pragma once

#include <cstddef>

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

inline constexpr std::size_t kTensorBufferAlignment = 64;

// At least `bytes` bytes aligned to kTensorBufferAlignment; throws std::bad_alloc.
void* allocateTensorBuffer(std::size_t bytes);
// Gives back a block from allocateTensorBuffer (nullptr is ignored); any thread may call it.
void releaseTensorBuffer(void* p) noexcept;

}  // namespace attn::inline ATTN_PRECISION
