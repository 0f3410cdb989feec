// The loss and gradient of one training batch on several threads (data parallelism).
//
// Why data parallelism and not a multi-threaded matrix product: a parallel GEMM speeds up the
// products only, and most of a step's are small (one recurrent step is [32, 128] × [128, 384]);
// the elementwise work, softmax, the recurrent cells and Adam stay on one thread. Measured on two
// cores (docs/performance.md): Eigen's OpenMP products make a step 1.4–1.5× faster, cutting the
// batch in two and running forward and backward of each part on its own thread 1.6–1.9×.
//
// Part 0 runs on the calling thread with the model itself; part k > 0 on a worker thread with a
// replica of the model (its own parameter nodes, so the threads never write the same gradient),
// whose weights are copied from the model at the start of every step. Each part's loss is
// back-propagated with the weight that makes the sum equal the whole batch's mean (its share of
// the counted target tokens, or of the rows for a classifier); the replicas' gradients are then
// added into the model's, always in the same order. So the result is the whole-batch gradient up
// to float rounding, and for a given number of parts it is the same on every run and machine.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "data/batch.h"
#include "models/model.h"
#include "models/token_batch.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// One training batch in the models' terms. tgtIn and tgtOut are empty for a classifier.
struct LossBatch {
  TokenBatch src, tgtIn, tgtOut;
  std::vector<int64_t> labels;  // the classifier's
  int64_t size() const { return src.batch; }
};
LossBatch lossBatch(const data::Batch& batch);

// Rows [begin, end) of a batch, each matrix cut to its longest remaining row.
LossBatch batchRows(const LossBatch& batch, int64_t begin, int64_t end);

// The loss of `batch` (docs/file-formats.md, Training arithmetic) with its gradient times `weight`
// added into the parameters' gradients: loss.backward() seeded with `weight`. A non-finite loss is
// returned without back-propagating.
double lossAndGradient(const Model& model, const LossBatch& batch, double weight = 1.0);

class ParallelGradient {
 public:
  // `parts` ≥ 1: how many parts a batch is cut into, each on its own thread. The model must
  // outlive this object and keep its parameters (the replicas are built once, here).
  ParallelGradient(Model& model, int parts);
  ~ParallelGradient();
  ParallelGradient(const ParallelGradient&) = delete;
  ParallelGradient& operator=(const ParallelGradient&) = delete;

  // The whole batch's loss; its gradient is added into the model's parameter gradients (which
  // the caller zeroes, as for loss.backward()). A batch smaller than `parts` uses fewer parts.
  // If the loss is not finite the gradients are left unspecified: the caller skips the step.
  double operator()(const LossBatch& batch);
  int parts() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The default number of parts for `attention-cli train`: 2 on every machine, not the core
// count, so that the same command trains the same weights everywhere (on one core the two
// parts share it and cost about what one part would).
inline constexpr int kDefaultTrainThreads = 2;

}  // namespace attn::inline ATTN_PRECISION
