// The options of `attention-cli train`, how they are declared to CLI11, which combinations
// are refused, and how they become the trainer's TrainConfig.
#pragma once

#include <cstdint>
#include <string>

#include "cli/arch_options.h"
#include "cli/data_source.h"
#include "train/parallel_step.h"
#include "train/trainer.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace attn::app {

struct TrainOptions {
  DataSourceOptions data;
  ArchOptions arch;
  std::string init, out, checkpoint;
  int64_t steps = 0, epochs = 0, batchSize = 32, warmup = 0, evalEvery = 0, evalExamples = 500,
          patience = 0, maxSourceLength = 0, minFrequency = 1, maxVocab = 0, bucketWindow = 0;
  double lr = 1e-3, clip = 1.0;
  std::string optimizer = "adam", decay = "none";
  uint64_t seed = 1;
  int threads = kDefaultTrainThreads;
  bool noShuffle = false;
  CLI::Option *initOption = nullptr, *vocabOption = nullptr, *frequencyOption = nullptr;
};

void addTrainOptions(CLI::App& command, TrainOptions& options);
// Throws UsageError for what CLI11 cannot check alone: a missing data source or step count,
// --init with flags that would change the model, --checkpoint on --out.
void checkTrainUsage(const TrainOptions& options);
TrainConfig trainConfig(const TrainOptions& options);

}  // namespace attn::app
