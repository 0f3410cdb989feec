#include "data/batch.h"

#include <algorithm>

#include "util/check.h"
#include "util/random.h"

namespace attn::data {

std::vector<uint8_t> Batch::sourceMask() const {
  std::vector<uint8_t> m(source.size());
  for (size_t i = 0; i < source.size(); ++i) m[i] = source[i] != Vocabulary::kPad;
  return m;
}

std::vector<uint8_t> Batch::targetMask() const {
  std::vector<uint8_t> m(decoderTarget.size());
  for (size_t i = 0; i < decoderTarget.size(); ++i) m[i] = decoderTarget[i] != Vocabulary::kPad;
  return m;
}

int64_t Batch::targetTokenCount() const {
  int64_t n = 0;
  for (int64_t len : targetLengths) n += len;
  return n;
}

Batch collate(const EncodedSplit& split, std::span<const int64_t> rows) {
  const bool seq2seq = split.kind == TaskKind::Seq2Seq;
  Batch b;
  b.size = static_cast<int64_t>(rows.size());
  const auto example = [&](int64_t r) -> const EncodedExample& {
    ATTN_CHECK(r >= 0 && r < static_cast<int64_t>(split.examples.size()),
               "collate: row outside the split");
    return split.examples[static_cast<size_t>(r)];
  };
  for (int64_t r : rows) {
    const EncodedExample& e = example(r);
    b.sourceLength = std::max(b.sourceLength, static_cast<int64_t>(e.source.size()));
    if (seq2seq)
      b.targetLength = std::max(b.targetLength, static_cast<int64_t>(e.target.size()) + 1);
  }
  b.source.assign(static_cast<size_t>(b.size * b.sourceLength), Vocabulary::kPad);
  if (seq2seq) {
    b.decoderInput.assign(static_cast<size_t>(b.size * b.targetLength), Vocabulary::kPad);
    b.decoderTarget.assign(static_cast<size_t>(b.size * b.targetLength), Vocabulary::kPad);
  }
  for (int64_t i = 0; i < b.size; ++i) {
    const EncodedExample& e = example(rows[static_cast<size_t>(i)]);
    b.indices.push_back(e.index);
    std::copy(e.source.begin(), e.source.end(), b.source.begin() + i * b.sourceLength);
    b.sourceLengths.push_back(static_cast<int64_t>(e.source.size()));
    if (seq2seq) {
      // Teacher forcing: the decoder reads <sos> y1 .. yn and must predict y1 .. yn <eos>.
      const auto n = static_cast<int64_t>(e.target.size());
      int64_t* in = b.decoderInput.data() + i * b.targetLength;
      int64_t* out = b.decoderTarget.data() + i * b.targetLength;
      in[0] = Vocabulary::kSos;
      for (int64_t t = 0; t < n; ++t) {
        in[t + 1] = e.target[static_cast<size_t>(t)];
        out[t] = e.target[static_cast<size_t>(t)];
      }
      out[n] = Vocabulary::kEos;
      b.targetLengths.push_back(n + 1);
    } else {
      b.labels.push_back(e.label);
    }
  }
  return b;
}

namespace {

// splitmix64's finaliser: spreads (seed, epoch) over 64 bits so neighbouring epochs get
// unrelated streams.
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::vector<int64_t> epochOrder(int64_t count, const BatchOptions& options, int64_t epoch) {
  std::vector<int64_t> order(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) order[static_cast<size_t>(i)] = i;
  if (options.shuffle) {
    Random rng(mix(options.seed) ^ mix(static_cast<uint64_t>(epoch) + 0x5851f42d4c957f2dULL));
    rng.shuffle(order);
  }
  return order;
}

int64_t batchCount(const EncodedSplit& split, const BatchOptions& options) {
  if (options.batchSize < 1)
    throw Error("the batch size must be at least 1, not " + std::to_string(options.batchSize));
  const auto n = static_cast<int64_t>(split.examples.size());
  return options.dropLast ? n / options.batchSize : (n + options.batchSize - 1) / options.batchSize;
}

std::vector<std::vector<int64_t>> epochBatchRows(const EncodedSplit& split,
                                                 const BatchOptions& options, int64_t epoch) {
  const int64_t count = batchCount(split, options);
  if (options.bucketWindow < 0)
    throw Error("the bucketing window must be 0 (off) or a number of batches, not " +
                std::to_string(options.bucketWindow));
  std::vector<int64_t> order =
      epochOrder(static_cast<int64_t>(split.examples.size()), options, epoch);
  const bool bucketing = options.bucketWindow > 0 && options.shuffle;
  if (bucketing) {
    // Sorting inside windows keeps the epoch random at the scale of the window while making
    // neighbours alike in length; a stable sort keeps the shuffled order among equal lengths.
    const auto length = [&](int64_t row) {
      const EncodedExample& e = split.examples[static_cast<size_t>(row)];
      return std::pair(e.source.size(), e.target.size());
    };
    const auto window = static_cast<std::ptrdiff_t>(options.bucketWindow * options.batchSize);
    for (auto begin = order.begin(); begin < order.end();) {
      const auto end = order.end() - begin > window ? begin + window : order.end();
      std::stable_sort(begin, end, [&](int64_t a, int64_t b) { return length(a) < length(b); });
      begin = end;
    }
  }
  std::vector<std::vector<int64_t>> rows;
  rows.reserve(static_cast<size_t>(count));
  for (int64_t k = 0; k < count; ++k) {
    const int64_t begin = k * options.batchSize;
    const int64_t end = std::min(begin + options.batchSize, static_cast<int64_t>(order.size()));
    rows.emplace_back(order.begin() + begin, order.begin() + end);
  }
  if (bucketing) {
    // Otherwise every epoch would go from short to long sentences window by window.
    Random rng(mix(options.seed ^ 0xb5ad4eceda1ce2a9ULL) ^
               mix(static_cast<uint64_t>(epoch) + 0x2545f4914f6cdd1dULL));
    rng.shuffle(rows);
  }
  return rows;
}

std::vector<Batch> makeBatches(const EncodedSplit& split, const BatchOptions& options,
                               int64_t epoch) {
  std::vector<Batch> batches;
  for (const std::vector<int64_t>& rows : epochBatchRows(split, options, epoch))
    batches.push_back(collate(split, rows));
  return batches;
}

}  // namespace attn::data
