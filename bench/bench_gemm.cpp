// Eigen's single-precision matrix product at the shapes of a training step, on 1 and 2 threads
// (Eigen's own OpenMP parallelisation, Eigen::setNbThreads). Two questions for the performance
// table: how fast can the products of a step go (the GFLOP/s counter, against which a step's
// FLOP count gives its floor), and would a parallel GEMM make a step use two cores well? It does
// not: at the shapes most products have (one recurrent step, [32, 128] × [128, 384]) two threads
// gain little or lose, which is why training steps are parallel over the batch instead
// (core/train/parallel_step.h). This program alone is built with -fopenmp.
#include <benchmark/benchmark.h>

#include <Eigen/Core>

namespace {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// C[M, N] = A[M, K] · B[K, N]; args: M, K, N, threads.
void gemm(benchmark::State& state) {
  const Eigen::Index m = state.range(0), k = state.range(1), n = state.range(2);
  Eigen::setNbThreads(static_cast<int>(state.range(3)));
  const Matrix a = Matrix::Random(m, k), b = Matrix::Random(k, n);
  Matrix c(m, n);
  for (auto _ : state) {
    c.noalias() = a * b;
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  state.counters["GFLOP/s"] = benchmark::Counter(2.0 * double(m) * double(k) * double(n) * 1e-9,
                                                 benchmark::Counter::kIsIterationInvariantRate);
  Eigen::setNbThreads(1);
}

// The shapes of the Bahdanau config (batch 32, source 24, target 12, E 64, H 128, bidirectional):
// a GRU step of the decoder's hidden-to-hidden product; the encoder's input projection of every
// step at once; the keys' projection of the additive score; the output projection of all target
// positions; and one large product for comparison.
void shapes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"M", "K", "N", "threads"});
  for (int threads : {1, 2}) {
    b->Args({32, 128, 384, threads});
    b->Args({768, 64, 384, threads});
    b->Args({768, 256, 128, threads});
    b->Args({384, 384, 64, threads});
    b->Args({512, 512, 512, threads});
  }
}
BENCHMARK(gemm)->Apply(shapes)->UseRealTime()->MinTime(0.5);

}  // namespace
