// Length buckets, per-bucket scores and the two model configs of the bottleneck experiment.
#include "experiment/bottleneck.h"

#include <string>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION::experiment {

std::vector<LengthBucket> lengthBuckets(int64_t minLength, int64_t maxLength, int64_t width) {
  if (minLength < 1) throw Error("the shortest source must be at least 1 token");
  if (maxLength < minLength)
    throw Error("the longest source (" + std::to_string(maxLength) +
                ") is shorter than the shortest (" + std::to_string(minLength) + ")");
  if (width < 1) throw Error("a length bucket must be at least 1 token wide");
  std::vector<LengthBucket> buckets;
  for (int64_t lo = minLength; lo <= maxLength; lo += width)
    buckets.push_back({lo, std::min(maxLength, lo + width - 1)});
  return buckets;
}

int64_t bucketOf(const std::vector<LengthBucket>& buckets, int64_t length) {
  for (size_t i = 0; i < buckets.size(); ++i)
    if (length >= buckets[i].lo && length <= buckets[i].hi) return static_cast<int64_t>(i);
  return -1;
}

std::vector<BucketScore> scoreByBucket(const std::vector<LengthBucket>& buckets,
                                       const std::vector<int64_t>& sourceLengths,
                                       const std::vector<TokenIds>& hypotheses,
                                       const std::vector<TokenIds>& references) {
  ATTN_CHECK(sourceLengths.size() == hypotheses.size() && hypotheses.size() == references.size(),
             "scoreByBucket: one source length, hypothesis and reference per example");
  std::vector<std::vector<TokenIds>> hyps(buckets.size()), refs(buckets.size());
  for (size_t i = 0; i < sourceLengths.size(); ++i) {
    const int64_t b = bucketOf(buckets, sourceLengths[i]);
    ATTN_CHECK(b >= 0, "scoreByBucket: a source length outside every bucket");
    hyps[static_cast<size_t>(b)].push_back(hypotheses[i]);
    refs[static_cast<size_t>(b)].push_back(references[i]);
  }
  std::vector<BucketScore> scores;
  for (size_t b = 0; b < buckets.size(); ++b) {
    BucketScore s;
    s.bucket = buckets[b];
    s.examples = static_cast<int64_t>(hyps[b].size());
    if (s.examples > 0) {
      s.exactMatch = exactMatch(hyps[b], refs[b]);
      s.bleu = corpusBleu(hyps[b], refs[b]);
    }
    scores.push_back(s);
  }
  return scores;
}

std::array<nlohmann::json, 2> bottleneckConfigs(const BottleneckSettings& settings) {
  nlohmann::json with = settings.model.is_object() ? settings.model : nlohmann::json::object();
  with["arch"] = "rnn_seq2seq";
  nlohmann::json without = with;
  without["attention"] = "none";
  // Keys that only mean something with attention would only confuse a reader of the result.
  for (const char* key : {"score", "attention_dim", "input_feeding"}) without.erase(key);
  std::array<nlohmann::json, 2> configs;
  configs[kWithoutAttention] = without;
  configs[kWithAttention] = with;
  return configs;
}

}  // namespace attn::inline ATTN_PRECISION::experiment
