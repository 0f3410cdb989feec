// The engine's side of the performance table: one Adam training step with clipping at batch 32,
// and a greedy decode of one sentence with the full trace recorded, for each configuration.
// Run with --benchmark_repetitions=3 and compare with bench/torch_bench.py in the same session.
#include <benchmark/benchmark.h>

#include "bench_configs.h"
#include "optim/optimizer.h"
#include "tensor/ops.h"
#include "train/evaluate.h"
#include "train/loss.h"

namespace attn::bench {
namespace {

void trainStep(benchmark::State& state, const BenchConfig& cfg) {
  Model model = makeModel(cfg.config);
  BenchBatch b = makeBatch(kBatch);
  Adam adam(model.network().parameters(), 1e-3);
  for (auto _ : state) {
    adam.zeroGrad();
    Var loss = model.isClassifier()
                   ? classifierLoss(*model.classifier, b.src, b.labels)
                   : seq2seqLoss(*model.seq2seq, b.src, b.tgtIn, b.tgtOut);
    loss.backward();
    clipGradNorm(adam.params(), 1.0);
    adam.step();
    benchmark::DoNotOptimize(loss.value().data());
  }
}

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

void registerAll() {
  for (const BenchConfig& c : benchConfigs()) {
    try {
      makeModel(c.config);
    } catch (const std::exception&) {
      continue;  // an architecture not built yet
    }
    benchmark::RegisterBenchmark(("train_step/" + c.name).c_str(), trainStep, c)
        ->Unit(benchmark::kMillisecond)
        ->MinTime(2.0);
    benchmark::RegisterBenchmark(("greedy_decode/" + c.name).c_str(), greedyDecode, c)
        ->Unit(benchmark::kMicrosecond);
  }
}

const int registered = (registerAll(), 0);

}  // namespace
}  // namespace attn::bench
