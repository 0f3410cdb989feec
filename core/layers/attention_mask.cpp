#include "layers/attention_mask.h"

#include <algorithm>
#include <limits>
#include <string>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {
constexpr Scalar kNegInf = -std::numeric_limits<Scalar>::infinity();
}

bool hasPadding(const std::vector<int64_t>& keyLengths, int64_t batch, int64_t keys) {
  if (keyLengths.empty()) return false;
  ATTN_CHECK(
      static_cast<int64_t>(keyLengths.size()) == batch,
      std::to_string(keyLengths.size()) + " key lengths for a batch of " + std::to_string(batch));
  bool padded = false;
  for (int64_t n : keyLengths) {
    ATTN_CHECK(n >= 0 && n <= keys,
               "key length " + std::to_string(n) + " outside [0, " + std::to_string(keys) + "]");
    padded = padded || n < keys;
  }
  return padded;
}

Tensor keyPaddingMask(const std::vector<int64_t>& keyLengths, int64_t batch, int64_t keys) {
  if (!hasPadding(keyLengths, batch, keys)) return Tensor();
  Tensor mask = Tensor::zeros(Shape{batch, keys});
  for (int64_t b = 0; b < batch; ++b)
    for (int64_t j = keyLengths[static_cast<size_t>(b)]; j < keys; ++j)
      mask[b * keys + j] = kNegInf;
  return mask;
}

Tensor attentionMask(const std::vector<int64_t>& keyLengths, bool causal, int64_t batch,
                     int64_t queries, int64_t keys) {
  const bool padded = hasPadding(keyLengths, batch, keys);
  if (!padded && !causal) return Tensor();
  const int64_t rows = padded ? batch : 1;
  Tensor mask = Tensor::zeros(Shape{rows, 1, queries, keys});
  for (int64_t b = 0; b < rows; ++b) {
    const int64_t valid = padded ? keyLengths[static_cast<size_t>(b)] : keys;
    for (int64_t t = 0; t < queries; ++t) {
      Scalar* row = mask.data() + (b * queries + t) * keys;
      const int64_t visible = causal ? std::min(valid, t + keys - queries + 1) : valid;
      for (int64_t j = std::max<int64_t>(visible, 0); j < keys; ++j) row[j] = kNegInf;
    }
  }
  return mask;
}

}  // namespace attn::inline ATTN_PRECISION
