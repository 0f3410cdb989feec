#include "train/parallel_step.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include <Eigen/Core>

#include "models/loss.h"
#include "tensor/side_thread.h"
#include "train/evaluate.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {

// A thread that runs one job at a time, kept for the whole run: a new thread per step would
// start each step on a cold heap arena and cost a thread creation per step.
class Worker {
 public:
  Worker() : thread_([this] { loop(); }) {}
  ~Worker() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  void post(std::function<void()> job) {
    {
      std::lock_guard lock(mutex_);
      job_ = std::move(job);
      done_ = false;
      error_ = nullptr;
    }
    wake_.notify_one();
  }
  // Waits for the posted job; rethrows what it threw.
  void wait() {
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [this] { return done_; });
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stop_ || job_; });
        if (stop_) return;
        job = std::move(job_);
        job_ = nullptr;
      }
      std::exception_ptr error;
      try {
        job();
      } catch (...) {
        error = std::current_exception();
      }
      {
        std::lock_guard lock(mutex_);
        error_ = error;
        done_ = true;
      }
      finished_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  std::function<void()> job_;
  bool done_ = true, stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once the members above exist
};

TokenBatch tokenRows(const TokenBatch& b, int64_t begin, int64_t end) {
  TokenBatch out;
  out.batch = end - begin;
  out.lengths.assign(b.lengths.begin() + begin, b.lengths.begin() + end);
  out.length = *std::max_element(out.lengths.begin(), out.lengths.end());
  out.ids.reserve(static_cast<size_t>(out.batch * out.length));
  for (int64_t r = begin; r < end; ++r) {
    const auto row = b.ids.begin() + r * b.length;
    out.ids.insert(out.ids.end(), row, row + out.length);
  }
  return out;
}

// What a part weighs in the whole batch's mean loss: its counted target tokens (the seq2seq
// loss is a mean over them), or its rows (both terms of the classifier's loss are row means).
double lossCount(const LossBatch& b) {
  if (!b.labels.empty()) return static_cast<double>(b.size());
  return static_cast<double>(
      std::count_if(b.tgtOut.ids.begin(), b.tgtOut.ids.end(), [](int64_t id) { return id != 0; }));
}

}  // namespace

LossBatch lossBatch(const data::Batch& b) {
  LossBatch out;
  out.src = sourceBatch(b);
  if (b.targetLength > 0) {
    out.tgtIn = decoderInputBatch(b);
    out.tgtOut = decoderTargetBatch(b);
  }
  out.labels = b.labels;
  return out;
}

LossBatch batchRows(const LossBatch& b, int64_t begin, int64_t end) {
  ATTN_CHECK(0 <= begin && begin < end && end <= b.size(), "batchRows: rows out of range");
  LossBatch out;
  out.src = tokenRows(b.src, begin, end);
  if (b.tgtIn.batch > 0) {
    out.tgtIn = tokenRows(b.tgtIn, begin, end);
    out.tgtOut = tokenRows(b.tgtOut, begin, end);
  }
  if (!b.labels.empty()) out.labels.assign(b.labels.begin() + begin, b.labels.begin() + end);
  return out;
}

double lossAndGradient(const Model& model, const LossBatch& b, double weight) {
  Var loss = model.isClassifier() ? classifierLoss(*model.classifier, b.src, b.labels)
                                  : seq2seqLoss(*model.seq2seq, b.src, b.tgtIn, b.tgtOut);
  const double value = loss.value().item();
  if (std::isfinite(value)) loss.backward(Tensor::full(loss.shape(), static_cast<Scalar>(weight)));
  return value;
}

struct ParallelGradient::Impl {
  Model& model;
  std::vector<Var> params;
  std::vector<Model> replicas;  // part k > 0 uses replicas[k - 1]
  std::vector<std::vector<Var>> replicaParams;
  std::vector<std::unique_ptr<Worker>> workers;  // part k > 0 runs on workers[k - 1]

  // Part k of `whole`: the replica takes the model's current weights, forgets its last gradient,
  // and accumulates this part's gradient, weighted.
  double runReplica(size_t k, const LossBatch& part, double weight) {
    std::vector<Var>& rp = replicaParams[k - 1];
    for (size_t i = 0; i < rp.size(); ++i) {
      rp[i].mutableValue().arr() = params[i].value().arr();
      rp[i].zeroGrad();
    }
    return lossAndGradient(replicas[k - 1], part, weight);
  }
};

ParallelGradient::ParallelGradient(Model& model, int parts)
    : impl_(new Impl{model, {}, {}, {}, {}}) {
  if (parts < 1 || parts > 64) throw Error("the number of training threads must be 1 to 64");
  Eigen::initParallel();
  impl_->params = model.network().parameters();
  for (int k = 1; k < parts; ++k) {
    Model replica = createModel(model.config, model.tokenizer, model.srcVocab, model.tgtVocab,
                                model.classes, /*seed=*/0);
    std::vector<Var> rp = replica.network().parameters();
    ATTN_CHECK(rp.size() == impl_->params.size(), "ParallelGradient: the replica differs");
    for (size_t i = 0; i < rp.size(); ++i)
      ATTN_CHECK(rp[i].shape() == impl_->params[i].shape(),
                 "ParallelGradient: the replica differs");
    impl_->replicas.push_back(std::move(replica));
    impl_->replicaParams.push_back(std::move(rp));
    impl_->workers.push_back(std::make_unique<Worker>());
  }
}

ParallelGradient::~ParallelGradient() = default;

int ParallelGradient::parts() const {
  return static_cast<int>(impl_->replicas.size()) + 1;
}

double ParallelGradient::operator()(const LossBatch& batch) {
  const int64_t n = std::min<int64_t>(parts(), batch.size());
  if (n <= 1) return lossAndGradient(impl_->model, batch, 1.0);
  const SideThreadPause pause;  // both cores are taken: inference elsewhere runs on one

  std::vector<LossBatch> part;
  std::vector<double> count;
  double total = 0;
  for (int64_t k = 0; k < n; ++k) {
    part.push_back(batchRows(batch, k * batch.size() / n, (k + 1) * batch.size() / n));
    count.push_back(lossCount(part.back()));
    total += count.back();
  }
  if (total <= 0) return lossAndGradient(impl_->model, batch, 1.0);  // nothing counted: loss 0

  std::vector<double> loss(static_cast<size_t>(n), 0.0);
  for (size_t k = 1; k < static_cast<size_t>(n); ++k)
    impl_->workers[k - 1]->post([this, k, &part, &count, &loss, total] {
      loss[k] = impl_->runReplica(k, part[k], count[k] / total);
    });
  std::exception_ptr error;
  try {
    loss[0] = lossAndGradient(impl_->model, part[0], count[0] / total);
  } catch (...) {
    error = std::current_exception();
  }
  for (size_t k = 1; k < static_cast<size_t>(n); ++k) {
    try {
      impl_->workers[k - 1]->wait();  // every worker is waited for before anything is rethrown
    } catch (...) {
      if (!error) error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);

  double value = 0;
  for (size_t k = 0; k < static_cast<size_t>(n); ++k) value += count[k] / total * loss[k];
  if (!std::isfinite(value)) return value;
  for (size_t k = 1; k < static_cast<size_t>(n); ++k) {
    const std::vector<Var>& rp = impl_->replicaParams[k - 1];
    for (size_t i = 0; i < rp.size(); ++i) {
      if (!rp[i].grad().defined()) continue;
      Var& p = impl_->params[i];
      if (p.grad().defined())
        p.gradRef().arr() += rp[i].grad().arr();
      else
        p.gradRef() = rp[i].grad();
    }
  }
  return value;
}

}  // namespace attn::inline ATTN_PRECISION
