// The bottleneck experiment, in the spirit of Bahdanau et al. (2015), Fig. 2: two RNN
// encoder-decoders that differ only in attention are trained on the same data with the same
// seeds, then measured on a test set holding as many sentences of each source length bucket.
// Without attention the whole source has to pass through one fixed-size vector (the bridge's
// initial state), so its exact match and BLEU fall as sentences grow; with attention the decoder
// reads every source position and keeps its scores.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tensor/precision.h"
#include "train/metrics.h"

namespace attn::inline ATTN_PRECISION::experiment {

struct BottleneckSettings {
  // The data: a built-in seq2seq task, trained on sources of [minLength, maxLength] tokens and
  // tested on `testPerBucket` sentences of each bucket of `bucketWidth` lengths.
  // The defaults are resources/experiments/bottleneck.json (a test keeps them equal). reverse
  // rather than toy-fr: without attention a GRU learns short toy-fr sentences only after far more
  // steps than a lesson can wait for, while on reverse it learns the short ones in seconds.
  std::string task = "reverse";
  int64_t minLength = 5;
  int64_t maxLength = 39;
  int64_t bucketWidth = 5;
  int64_t trainSize = 20000;
  int64_t testPerBucket = 100;
  int64_t alphabetSize = 10;  // copy / reverse / sort only
  uint64_t dataSeed = 1;
  // The model with attention, as rnn_seq2seq config keys (docs/file-formats.md, rnn_seq2seq); the
  // model without is the same config with "attention": "none".
  nlohmann::json model = {{"cell", "gru"},       {"embed_dim", 32},       {"hidden_dim", 64},
                          {"num_layers", 1},     {"bidirectional", true}, {"attention", "bahdanau"},
                          {"score", "additive"}, {"attention_dim", 64}};
  // Training, the same for both models: Adam, global-norm clipping at 1, no validation.
  int64_t steps = 3000;
  int64_t batchSize = 32;
  double lr = 0.005;
  // The learning rate's decay after the first step (train/schedule.h): with a constant rate the
  // last weights land anywhere in the noise of the last steps, and one run's curve with them.
  std::string decay = "linear";
  uint64_t seed = 1;  // weights and batch order
  // Train both models at once, one per thread (the engine is single-threaded, so this halves
  // the wall time on two cores). Each model's numbers are the same either way.
  bool parallel = true;
};

// The source lengths of one bucket, both ends included, in the task's tokens.
struct LengthBucket {
  int64_t lo = 0, hi = 0;
  friend bool operator==(const LengthBucket&, const LengthBucket&) = default;
};

// [min, min + width − 1], [min + width, …], …: the last bucket ends at max and may be narrower.
// Throws attn::Error for min < 1, max < min or width < 1.
std::vector<LengthBucket> lengthBuckets(int64_t minLength, int64_t maxLength, int64_t width);
// The bucket holding `length`, or −1.
int64_t bucketOf(const std::vector<LengthBucket>& buckets, int64_t length);

struct BucketScore {
  LengthBucket bucket;
  int64_t examples = 0;
  double exactMatch = 0;  // share of outputs equal to the reference
  double bleu = 0;        // corpus BLEU-4 of the bucket's outputs (metrics.h)
};

// Exact match and corpus BLEU in each bucket: example i goes to the bucket of sourceLengths[i].
// An example outside every bucket is an internal error; an empty bucket scores 0 of 0 examples.
std::vector<BucketScore> scoreByBucket(const std::vector<LengthBucket>& buckets,
                                       const std::vector<int64_t>& sourceLengths,
                                       const std::vector<TokenIds>& hypotheses,
                                       const std::vector<TokenIds>& references);

inline constexpr int kWithoutAttention = 0;
inline constexpr int kWithAttention = 1;

struct BottleneckModelResult {
  std::string label;      // "no attention", "attention (bahdanau)"
  nlohmann::json config;  // the rnn_seq2seq config it was built from
  int64_t parameters = 0;
  double trainSeconds = 0, evalSeconds = 0;
  double finalLoss = 0;   // mean training loss of the last tenth of the steps
  double exactMatch = 0;  // on the whole test set
  double bleu = 0;
  std::vector<BucketScore> buckets;
};

struct BottleneckResult {
  BottleneckSettings settings;
  std::vector<LengthBucket> buckets;
  int64_t trainExamples = 0;  // after removing any source that is also a test source
  int64_t testExamples = 0;
  std::array<BottleneckModelResult, 2> models;  // kWithoutAttention, kWithAttention
  double seconds = 0;                           // the whole run, wall time
  bool cancelled = false;                       // the models' numbers are then empty
};

enum class BottleneckStage { Waiting, Training, Evaluating, Done };

struct BottleneckProgress {
  bool preparingData = false;  // generating the data; nothing trains yet
  std::array<BottleneckStage, 2> stage{BottleneckStage::Waiting, BottleneckStage::Waiting};
  std::array<int64_t, 2> step{0, 0};       // optimizer steps done by each model
  std::array<double, 2> loss{0, 0};        // each model's smoothed training loss
  std::array<int64_t, 2> evaluated{0, 0};  // test sentences decoded by each model
  int64_t totalSteps = 0, testExamples = 0;
  double fraction = 0;  // of the whole run's work, in [0, 1]
  double elapsedSeconds = 0;
};

// Called from the threads that do the work, one call at a time. Return false to cancel: the run
// stops after the current step of each model and returns with `cancelled` set.
using BottleneckProgressFn = std::function<bool(const BottleneckProgress&)>;

// Checks the settings (attn::Error naming the setting), generates the data, trains and measures
// both models.
BottleneckResult runBottleneck(const BottleneckSettings& settings,
                               const BottleneckProgressFn& progress = {});

// The two configs the run builds (the model with attention's, and the same with "attention":
// "none"), with "arch": "rnn_seq2seq".
std::array<nlohmann::json, 2> bottleneckConfigs(const BottleneckSettings& settings);

}  // namespace attn::inline ATTN_PRECISION::experiment
