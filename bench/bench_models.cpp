// The engine's side of the performance table: one Adam training step with clipping at batch 32,
// and a greedy decode of one sentence with the full trace recorded, for each configuration.
// Run with --benchmark_repetitions=3 and compare with bench/torch_bench.py in the same session
// (bench/run_all.sh interleaves both).
#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include "bench_configs.h"
#include "decode/decoder.h"
#include "models/loss.h"
#include "optim/optimizer.h"
#include "tensor/ops.h"
#include "train/evaluate.h"
#include "train/parallel_step.h"

namespace attn::bench {
namespace {

// One Adam step with clipping, as the trainer takes it: the batch cut in `parts` parts, each on
// its own thread (train/parallel_step.h; 1 = the plain single-threaded step).
void trainStep(benchmark::State& state, const BenchConfig& cfg, int parts) {
  Model model = makeModel(cfg.config);
  const BenchBatch b = makeBatch(kBatch);
  LossBatch batch{b.src, b.tgtIn, b.tgtOut, b.labels};
  if (model.isClassifier())
    batch.tgtIn = batch.tgtOut = TokenBatch{};
  else
    batch.labels.clear();
  ParallelGradient gradient(model, parts);
  Adam adam(model.network().parameters(), 1e-3);
  double loss = 0;
  for (auto _ : state) {
    adam.zeroGrad();
    loss = gradient(batch);
    clipGradNorm(adam.params(), 1.0);
    adam.step();
    benchmark::DoNotOptimize(loss);
  }
  state.counters["threads"] = static_cast<double>(state.range(0));
}

void trainStepParts(benchmark::State& state, const BenchConfig& cfg) {
  trainStep(state, cfg, static_cast<int>(state.range(0)));
}

#ifdef ATTN_BENCH_EIGEN_OPENMP
// bench_models_openmp only: the whole batch on one autograd graph, Eigen's products on
// state.range(0) OpenMP threads. What a parallel GEMM alone would give a training step.
void trainStepEigenThreads(benchmark::State& state, const BenchConfig& cfg) {
  Eigen::setNbThreads(static_cast<int>(state.range(0)));
  trainStep(state, cfg, 1);
  Eigen::setNbThreads(1);
}
#endif

// Greedy decoding of one 24-token sentence for exactly kTargetLength steps (the argmax is
// ignored so an untrained model does the same work as a trained one), keeping every step's
// attention and log-probs as a trace does.
void greedyDecode(benchmark::State& state, const BenchConfig& cfg) {
  Model model = makeModel(cfg.config);
  BenchBatch b = makeBatch(1);
  for (auto _ : state) {
    if (model.isClassifier()) {
      NoGradGuard noGrad;
      ClassifierForward f = model.classifier->forward(b.src);
      benchmark::DoNotOptimize(f.hops.value().data());
      continue;
    }
    auto st = model.seq2seq->encode(b.src);
    std::vector<Tensor> kept;
    int64_t token = data::Vocabulary::kSos;
    for (int64_t t = 0; t < kTargetLength; ++t) {
      DecoderStepOutput out = model.seq2seq->step(*st, {token});
      for (auto& [name, maps] : out.attention) kept.insert(kept.end(), maps.begin(), maps.end());
      kept.push_back(std::move(out.logProbs));
      token = b.tgtIn.ids[static_cast<size_t>(std::min<int64_t>(t + 1, kTargetLength - 1))];
    }
    benchmark::DoNotOptimize(kept.data());
  }
}

// What the app does for one sentence: decodeGreedy (classifyWithTrace for the classifier) from
// the text to the finished Trace, with top-5 tokens, scores, queries and contexts, 12 steps at
// most. An untrained model may stop early at <eos>: the "steps" counter says how many it took.
void greedyTrace(benchmark::State& state, const BenchConfig& cfg) {
  Model model = makeModel(cfg.config);
  const BenchBatch b = makeBatch(1);
  std::string sentence;
  for (int64_t t = 0; t + 1 < kSourceLength; ++t)
    sentence += (t ? " t" : "t") + std::to_string(b.src.ids[static_cast<size_t>(t)]);
  DecodeOptions options;
  options.maxSteps = kTargetLength;
  size_t steps = 0;
  for (auto _ : state) {
    DecodeResult r = model.isClassifier() ? classifyWithTrace(model, sentence, options)
                                          : decodeGreedy(model, sentence, options);
    steps = r.trace.targetTokens.size();
    benchmark::DoNotOptimize(r.trace.attention.size());
  }
  state.counters["steps"] = static_cast<double>(steps);
}

void registerAll() {
  for (const BenchConfig& c : benchConfigs()) {
    try {
      makeModel(c.config);
    } catch (const std::exception&) {
      continue;  // an architecture not built yet
    }
#ifdef ATTN_BENCH_EIGEN_OPENMP
    benchmark::RegisterBenchmark(("train_step_eigen_openmp/" + c.name).c_str(),
                                 trainStepEigenThreads, c)
        ->ArgName("threads")
        ->Arg(1)
        ->Arg(2)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime()
        ->MinTime(2.0);
    continue;  // this build is for that comparison only
#endif
    benchmark::RegisterBenchmark(("train_step/" + c.name).c_str(), trainStepParts, c)
        ->ArgName("threads")
        ->Arg(1)
        ->Arg(2)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime()  // CPU time of both threads
        ->MinTime(2.0);
    benchmark::RegisterBenchmark(("greedy_decode/" + c.name).c_str(), greedyDecode, c)
        ->Unit(benchmark::kMicrosecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime();  // batch-1 inference may use the second core (side_thread.h)
    benchmark::RegisterBenchmark(("greedy_trace/" + c.name).c_str(), greedyTrace, c)
        ->Unit(benchmark::kMicrosecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime();  // batch-1 inference may use the second core (side_thread.h)
  }
}

const int registered = (registerAll(), 0);

}  // namespace
}  // namespace attn::bench
