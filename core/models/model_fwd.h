// A declaration of Model for headers outside core that only pass it by reference or pointer.
#pragma once

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {
struct Model;
}  // namespace attn::inline ATTN_PRECISION
