// Running the bottleneck experiment: the data, then each model trained and measured, both at
// once on two threads when the settings ask for it. The two threads share nothing but the
// read-only data and the progress hub, so each model's numbers do not depend on the other's.
#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>

#include "data/batch.h"
#include "data/encoding.h"
#include "experiment/bottleneck.h"
#include "experiment/bottleneck_data.h"
#include "experiment/bottleneck_settings.h"
#include "models/model.h"
#include "train/evaluate.h"
#include "train/trainer.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION::experiment {

namespace {

using Clock = std::chrono::steady_clock;

// Decoding the test set counts as this share of a model's training in `fraction`. Measured on
// the bundled run: 0.1 s of decoding against 20-40 s of training, so the bar is honest as long
// as decoding is a small share; a little more than its true share keeps "decoding" visible.
constexpr double kEvalWeight = 0.02;

// The one place progress goes through: reports from both threads, one at a time, and the
// cancel flag both trainers poll.
class ProgressHub {
 public:
  ProgressHub(const BottleneckProgressFn& fn, Clock::time_point start) : fn_(fn), start_(start) {}

  template <class Update>
  bool report(Update&& update) {
    std::lock_guard<std::mutex> lock(mutex_);
    update(state_);
    if (cancelled_) return false;
    state_.fraction = fraction();
    state_.elapsedSeconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (fn_ && !fn_(state_)) cancelled_ = true;
    return !cancelled_;
  }
  void cancel() {
    std::lock_guard<std::mutex> lock(mutex_);
    cancelled_ = true;
  }
  bool cancelled() {
    std::lock_guard<std::mutex> lock(mutex_);
    return cancelled_;
  }

 private:
  double fraction() const {
    const double steps = static_cast<double>(std::max<int64_t>(1, state_.totalSteps));
    const double tests = static_cast<double>(std::max<int64_t>(1, state_.testExamples));
    double done = 0;
    for (int m = 0; m < 2; ++m)
      done += static_cast<double>(state_.step[static_cast<size_t>(m)]) / steps +
              kEvalWeight * static_cast<double>(state_.evaluated[static_cast<size_t>(m)]) / tests;
    return std::clamp(done / (2 * (1 + kEvalWeight)), 0.0, 1.0);
  }

  BottleneckProgressFn fn_;
  Clock::time_point start_;
  std::mutex mutex_;
  BottleneckProgress state_;
  bool cancelled_ = false;
};

// What both models read and never write.
struct SharedData {
  data::Vocabularies vocabs;
  data::EncodedSplit train, test;
  std::vector<int64_t> testLengths;
  std::vector<LengthBucket> buckets;
};

std::string modelLabel(const nlohmann::json& config) {
  const std::string attention = config.value("attention", "none");
  if (attention == "none") return "no attention";
  return "attention (" + attention +
         (attention == "luong" ? ", " + config.value("score", "dot") : "") + ")";
}

// Greedy outputs of every test sentence, in test order; empty when cancelled.
std::vector<TokenIds> decodeTest(const Seq2SeqModel& model, const data::EncodedSplit& test,
                                 const std::function<bool(int64_t)>& decoded) {
  data::BatchOptions bo;
  bo.batchSize = 64;
  bo.shuffle = false;
  std::vector<TokenIds> hyps(test.examples.size());
  int64_t done = 0;
  for (const data::Batch& b : data::makeBatches(test, bo)) {
    // As evaluate() does: room for an output twice the source, so a looping model is cut off.
    std::vector<TokenIds> out = greedyDecodeBatch(model, sourceBatch(b), 2 * b.sourceLength + 10);
    for (int64_t i = 0; i < b.size; ++i)
      hyps[static_cast<size_t>(b.indices[static_cast<size_t>(i)])] =
          std::move(out[static_cast<size_t>(i)]);
    done += b.size;
    if (!decoded(done)) return {};
  }
  return hyps;
}

double finalLoss(const TrainResult& t) {
  if (t.losses.empty()) return 0;
  const size_t n = std::max<size_t>(1, t.losses.size() / 10);
  double sum = 0;
  for (size_t i = t.losses.size() - n; i < t.losses.size(); ++i) sum += t.losses[i].loss;
  return sum / static_cast<double>(n);
}

BottleneckModelResult runModel(int which, const nlohmann::json& config, const BottleneckSettings& s,
                               const SharedData& d, ProgressHub& hub) {
  const auto w = static_cast<size_t>(which);
  BottleneckModelResult r;
  r.label = modelLabel(config);
  r.config = config;
  Model model =
      createModel(config, d.vocabs.tokenizer, d.vocabs.source, d.vocabs.target, {}, s.seed);
  r.parameters = model.network().parameterCount();

  TrainConfig tc;
  tc.steps = s.steps;
  tc.batchSize = s.batchSize;
  tc.schedule.lr = s.lr;
  tc.schedule.decay = parseLrDecay(s.decay);
  tc.seed = s.seed;
  tc.clip = 1.0;
  if (!hub.report([&](BottleneckProgress& p) { p.stage[w] = BottleneckStage::Training; })) return r;
  const TrainResult t =
      train(model, d.train, data::EncodedSplit{}, tc, [&](const TrainProgress& p) {
        return hub.report([&](BottleneckProgress& st) {
          st.step[w] = p.step;
          st.loss[w] = p.smoothedLoss;
        });
      });
  if (t.status == RunStatus::Cancelled || hub.cancelled()) return r;
  if (t.status == RunStatus::Diverged) throw Error(r.label + ": " + t.message);
  r.trainSeconds = t.seconds;
  r.finalLoss = finalLoss(t);

  if (!hub.report([&](BottleneckProgress& p) { p.stage[w] = BottleneckStage::Evaluating; }))
    return r;
  const auto start = Clock::now();
  const std::vector<TokenIds> hyps = decodeTest(*model.seq2seq, d.test, [&](int64_t done) {
    return hub.report([&](BottleneckProgress& p) { p.evaluated[w] = done; });
  });
  if (hyps.empty()) return r;
  std::vector<TokenIds> refs;
  for (const data::EncodedExample& e : d.test.examples) refs.push_back(e.target);
  r.buckets = scoreByBucket(d.buckets, d.testLengths, hyps, refs);
  r.exactMatch = exactMatch(hyps, refs);
  r.bleu = corpusBleu(hyps, refs);
  r.evalSeconds = std::chrono::duration<double>(Clock::now() - start).count();
  hub.report([&](BottleneckProgress& p) { p.stage[w] = BottleneckStage::Done; });
  return r;
}

}  // namespace

BottleneckResult runBottleneck(const BottleneckSettings& s, const BottleneckProgressFn& progress) {
  checkBottleneckSettings(s);
  const auto start = Clock::now();
  ProgressHub hub(progress, start);
  BottleneckResult result;
  result.settings = s;
  result.buckets = lengthBuckets(s.minLength, s.maxLength, s.bucketWidth);
  hub.report([&](BottleneckProgress& p) {
    p.preparingData = true;
    p.totalSteps = s.steps;
    p.testExamples = s.testPerBucket * static_cast<int64_t>(result.buckets.size());
  });

  SharedData d;
  d.buckets = result.buckets;
  {
    BottleneckData generated = makeBottleneckData(s, result.buckets);
    d.vocabs = data::buildVocabularies(generated.dataset);
    d.train = data::encodeExamples(generated.dataset.train, d.vocabs, {}, "train");
    d.test = data::encodeExamples(generated.dataset.test, d.vocabs, {}, "test");
    d.testLengths = std::move(generated.testSourceLengths);
  }
  result.trainExamples = static_cast<int64_t>(d.train.examples.size());
  result.testExamples = static_cast<int64_t>(d.test.examples.size());
  if (!hub.report([&](BottleneckProgress& p) { p.preparingData = false; })) {
    result.cancelled = true;
    return result;
  }

  const std::array<nlohmann::json, 2> configs = bottleneckConfigs(s);
  std::array<std::exception_ptr, 2> errors;
  auto work = [&](int which) {
    try {
      result.models[static_cast<size_t>(which)] =
          runModel(which, configs[static_cast<size_t>(which)], s, d, hub);
    } catch (...) {
      errors[static_cast<size_t>(which)] = std::current_exception();
      hub.cancel();  // the other model stops too: the run has failed
    }
  };
  if (s.parallel) {
    std::thread other(work, kWithAttention);
    work(kWithoutAttention);
    other.join();
  } else {
    work(kWithoutAttention);
    if (!errors[kWithoutAttention]) work(kWithAttention);
  }
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  // A cancel that came after both models were measured changes nothing.
  result.cancelled = hub.cancelled() && (result.models[kWithoutAttention].buckets.empty() ||
                                         result.models[kWithAttention].buckets.empty());
  if (result.cancelled)
    for (BottleneckModelResult& m : result.models) m.buckets.clear();
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

}  // namespace attn::inline ATTN_PRECISION::experiment
