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

// Whether freed blocks are kept for reuse: on, except under AddressSanitizer, whose allocator must
// see every buffer to find a use after free (buffer_cache.cpp). While off, blocks already cached
// stay so until their thread ends; blocks freed go back to the system.
void setTensorBufferCacheEnabled(bool enabled);
bool tensorBufferCacheEnabled();
// The bytes the calling thread's cache holds now.
std::size_t tensorBufferCacheBytes();

}  // namespace attn::inline ATTN_PRECISION
