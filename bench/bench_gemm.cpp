// Eigen's single-precision matrix product at the shapes of a training step and of a decoding step,
// on 1 and 2 threads (Eigen's own OpenMP parallelisation, Eigen::setNbThreads). What it answers
// for the performance table: how fast the products of a step can go (the GFLOP/s counter, against
// which a step's FLOP count gives its floor); how fast a batch-1 product (a matrix-vector
// product, what greedy decoding does) can go; and what a parallel GEMM gives two cores, to
// compare with the data-parallel training step (core/train/parallel_step.h; bench_models_openmp
// measures whole steps both ways). This program alone is built with -fopenmp.
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
// two batch-1 products of greedy decoding; a GRU step's hidden-to-hidden product at batch 32; the
// encoder's input projection of every step at once; the keys' projection of the additive score; the
// output projection of all target positions; and one large product for comparison.
void shapes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"M", "K", "N", "threads"});
  for (int threads : {1, 2}) {
    b->Args({1, 128, 384, threads});  // decoding: one GRU step's hidden-to-hidden product
    b->Args({1, 320, 384, threads});  // decoding: the Bahdanau decoder's input product
    b->Args({32, 128, 384, threads});
    b->Args({768, 64, 384, threads});
    b->Args({768, 256, 128, threads});
    b->Args({384, 384, 64, threads});
    b->Args({512, 512, 512, threads});
  }
}
BENCHMARK(gemm)->Apply(shapes)->UseRealTime()->MinTime(0.5);

}  // namespace
