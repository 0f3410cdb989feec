#include "models/token_batch.h"

#include <algorithm>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

TokenBatch TokenBatch::fromRows(const std::vector<std::vector<int64_t>>& rows) {
  TokenBatch b;
  b.batch = static_cast<int64_t>(rows.size());
  for (const auto& r : rows) b.length = std::max<int64_t>(b.length, static_cast<int64_t>(r.size()));
  b.ids.assign(static_cast<size_t>(b.batch * b.length), 0);
  for (int64_t i = 0; i < b.batch; ++i) {
    const auto& r = rows[static_cast<size_t>(i)];
    if (r.empty()) throw Error("an empty sequence cannot be encoded");
    std::copy(r.begin(), r.end(), b.ids.begin() + i * b.length);
    b.lengths.push_back(static_cast<int64_t>(r.size()));
  }
  return b;
}

TokenBatch TokenBatch::selectRows(const std::vector<int64_t>& rows) const {
  TokenBatch b;
  b.batch = static_cast<int64_t>(rows.size());
  b.length = length;
  for (int64_t r : rows) {
    ATTN_CHECK(r >= 0 && r < batch, "selectRows: row out of range");
    b.ids.insert(b.ids.end(), ids.begin() + r * length, ids.begin() + (r + 1) * length);
    b.lengths.push_back(lengths[static_cast<size_t>(r)]);
  }
  return b;
}

}  // namespace attn::inline ATTN_PRECISION
