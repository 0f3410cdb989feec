// The additive masks every attention layer puts on its scores before the softmax: 0 where a
// query may look at a key, −∞ where it may not (a padded key, or a later position under a
// causal mask), so a masked key's weight is exactly 0 (docs/file-formats.md, Architectures).
//
// Padding is given as key lengths, the count of real keys at the front of each batch row
// (the batcher pads at the end), rather than as a boolean tensor: that is what the data
// pipeline knows, it is cheap to pass around, and it cannot disagree with the keys' shape.
#pragma once

#include <vector>

#include "tensor/precision.h"
#include "tensor/tensor.h"

namespace attn::inline ATTN_PRECISION {

// True when some key of [batch, keys] is padded; `keyLengths` empty means none is.
// Checks that there is one length per batch row, each in [0, keys].
bool hasPadding(const std::vector<int64_t>& keyLengths, int64_t batch, int64_t keys);

// [B, S]: −∞ at key j of row b when j >= keyLengths[b], else 0. Undefined (an empty Tensor)
// when no key is padded, so callers skip the addition altogether.
Tensor keyPaddingMask(const std::vector<int64_t>& keyLengths, int64_t batch, int64_t keys);

// [B, 1, T, S] (broadcast over heads) or [1, 1, T, S] when only causal: key padding as above,
// and with `causal` query t sees key j only when j <= t + (S − T), so the last query lines up
// with the last key (S == T: the usual lower triangle; S > T: queries that continue a cached
// prefix). Undefined when nothing is masked.
Tensor attentionMask(const std::vector<int64_t>& keyLengths, bool causal, int64_t batch,
                     int64_t queries, int64_t keys);

}  // namespace attn::inline ATTN_PRECISION
