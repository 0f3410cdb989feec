// Length-bucketed batches: every example exactly once per epoch, far less padding than random
// batches, a different order each epoch, the same order for the same seed and epoch.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "data/batch.h"
#include "util/check.h"
#include "util/random.h"

namespace attn::data {
namespace {

// 1,000 examples with sources of 1..40 tokens and targets of about the same length.
EncodedSplit varied() {
  EncodedSplit s;
  Random rng(7);
  for (int64_t i = 0; i < 1000; ++i) {
    EncodedExample e;
    const int64_t n = 1 + static_cast<int64_t>(rng.uniform() * 40);
    e.source.assign(static_cast<size_t>(n), 5);
    e.target.assign(static_cast<size_t>(n + (i % 3)), 6);
    e.index = i;
    s.examples.push_back(e);
  }
  return s;
}

// Padded source and target positions over the epoch.
int64_t padding(const std::vector<Batch>& batches) {
  int64_t pad = 0;
  for (const Batch& b : batches) {
    for (int64_t len : b.sourceLengths) pad += b.sourceLength - len;
    for (int64_t len : b.targetLengths) pad += b.targetLength - len;
  }
  return pad;
}

TEST(DataBucket, EveryExampleOncePerEpochAndLessPadding) {
  const EncodedSplit split = varied();
  BatchOptions plain;
  plain.batchSize = 32;
  plain.seed = 3;
  BatchOptions bucketed = plain;
  bucketed.bucketWindow = 20;
  for (int64_t epoch = 0; epoch < 3; ++epoch) {
    const auto batches = makeBatches(split, bucketed, epoch);
    EXPECT_EQ(static_cast<int64_t>(batches.size()), batchCount(split, bucketed));
    std::multiset<int64_t> seen;
    for (const Batch& b : batches) seen.insert(b.indices.begin(), b.indices.end());
    ASSERT_EQ(seen.size(), 1000u);
    for (int64_t i = 0; i < 1000; ++i) EXPECT_EQ(seen.count(i), 1u) << i;
    const int64_t before = padding(makeBatches(split, plain, epoch));
    const int64_t after = padding(batches);
    // Random batches of lengths spread over 1..40 pad by about half their width; sorted windows
    // of 640 examples leave about one length step between neighbours.
    EXPECT_LT(after * 5, before) << "epoch " << epoch << ": " << after << " vs " << before;
  }
}

TEST(DataBucket, BatchesAreShuffledAndReproducible) {
  const EncodedSplit split = varied();
  BatchOptions o;
  o.batchSize = 32;
  o.bucketWindow = 20;
  const auto rows0 = epochBatchRows(split, o, 0);
  EXPECT_EQ(epochBatchRows(split, o, 0), rows0);
  EXPECT_NE(epochBatchRows(split, o, 1), rows0);
  // Not ordered from short to long: the first batches' longest sources are not all the shortest.
  std::vector<size_t> longest;
  for (const auto& rows : rows0) {
    size_t m = 0;
    for (int64_t r : rows) m = std::max(m, split.examples[static_cast<size_t>(r)].source.size());
    longest.push_back(m);
  }
  EXPECT_FALSE(std::is_sorted(longest.begin(), longest.end()));
}

TEST(DataBucket, OffLeavesTheOrderAsBefore) {
  const EncodedSplit split = varied();
  BatchOptions o;
  o.batchSize = 50;
  const auto rows = epochBatchRows(split, o, 2);
  const auto order = epochOrder(1000, o, 2);
  ASSERT_EQ(rows.size(), 20u);
  EXPECT_EQ(std::vector<int64_t>(order.begin(), order.begin() + 50), rows[0]);
  o.bucketWindow = -1;
  EXPECT_THROW(makeBatches(split, o), Error);
}

}  // namespace
}  // namespace attn::data
