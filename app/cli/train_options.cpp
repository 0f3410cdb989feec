#include "cli/train_options.h"

#include <filesystem>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/command.h"

namespace attn::app {

void addTrainOptions(CLI::App& cmd, TrainOptions& o) {
  addDataSourceOptions(cmd, o.data, /*withTextFormat=*/true);
  for (CLI::Option* taskOnly :
       {o.data.trainSizeOption, o.data.validationSizeOption, o.data.testSizeOption,
        o.data.minLengthOption, o.data.maxLengthOption, o.data.alphabetSizeOption})
    taskOnly->needs(o.data.taskOption);
  for (CLI::Option* fileOnly : {o.data.taskKindOption, o.data.tokenizerOption,
                                o.data.validationFractionOption, o.data.testFractionOption})
    fileOnly->excludes(o.data.taskOption);
  o.vocabOption = cmd.add_option("--max-vocab", o.maxVocab,
                                 "Largest vocabulary, special tokens included (0 = no limit)")
                      ->check(wholeNumber(0))
                      ->group("Data");
  o.frequencyOption =
      cmd.add_option("--min-frequency", o.minFrequency, "Rarer tokens become <unk> (default 1)")
          ->check(wholeNumber(1))
          ->group("Data");
  cmd.add_option("--max-source-length", o.maxSourceLength,
                 "Leave out examples whose source has more tokens, as the tokenizer cuts it "
                 "(0 = keep all; a file's bound is recorded and applies again at eval)")
      ->check(wholeNumber(0))
      ->group("Data");
  cmd.add_option("--bucket-window", o.bucketWindow,
                 "Length buckets: sort the shuffled examples by length within windows of this "
                 "many batches, then shuffle the batches, so a batch pads little (0 = off, the "
                 "default; 50 suits a real corpus)")
      ->check(wholeNumber(0, 1'000'000))
      ->group("Training");

  o.arch.add(cmd);
  o.initOption = cmd.add_option("--init", o.init,
                                "Continue training this model, with its vocabularies (excludes "
                                "--arch, --config and the config flags)")
                     ->group("Model");

  const char* run = "Training";
  auto* steps =
      cmd.add_option("--steps", o.steps, "Optimizer steps")->check(wholeNumber(1))->group(run);
  auto* epochs = cmd.add_option("--epochs", o.epochs, "Passes over the train split")
                     ->check(wholeNumber(1))
                     ->group(run);
  steps->excludes(epochs);
  cmd.add_option("--batch-size", o.batchSize, "Examples per step (default 32)")
      ->check(wholeNumber(1, 1 << 20))
      ->group(run);
  cmd.add_option("--lr", o.lr, "Learning rate (default 0.001)")
      ->check(realNumber(0, false))
      ->group(run);
  cmd.add_option("--optimizer", o.optimizer, "adam or sgd (default adam)")
      ->check(oneOf({"adam", "sgd"}))
      ->group(run);
  cmd.add_option("--clip", o.clip, "Largest global gradient norm; 0 = off (default 1)")
      ->check(realNumber(0, true))
      ->group(run);
  cmd.add_option("--warmup", o.warmup, "Steps of linear learning-rate warm-up (default 0)")
      ->check(wholeNumber(0))
      ->group(run);
  cmd.add_option("--decay", o.decay, "none, linear, cosine or inverse_sqrt (default none)")
      ->check(oneOf({"none", "linear", "cosine", "inverse_sqrt"}))
      ->group(run);
  cmd.add_option("--seed", o.seed, "Seed of the initial weights and the batch order (default 1)")
      ->check(wholeNumber(0))
      ->group(run);
  cmd.add_option("--threads", o.threads,
                 "Threads of a training step: the batch is cut in this many parts whose "
                 "gradients are summed (default 2; the same number trains the same weights on "
                 "any machine)")
      ->check(wholeNumber(1, 64))
      ->group(run);
  cmd.add_flag("--no-shuffle", o.noShuffle,
               "Batches are consecutive examples in file order (a TSV file is also split in "
               "file order: train, then validation, then test)")
      ->group(run);
  cmd.add_option("--eval-every", o.evalEvery, "Validate every N steps (default: once an epoch)")
      ->check(wholeNumber(1))
      ->group(run);
  cmd.add_option("--eval-examples", o.evalExamples,
                 "Validation examples per validation during the run (0 = all; default 500)")
      ->check(wholeNumber(0))
      ->group(run);
  cmd.add_option("--patience", o.patience,
                 "Stop after N validations without improvement (0 = never)")
      ->check(wholeNumber(0))
      ->group(run);
  cmd.add_option("--checkpoint", o.checkpoint,
                 "Also save the model here at each validation (kept if the run fails later; must "
                 "differ from --out)")
      ->group("Output");
  cmd.add_option("--out", o.out, "Where to save the trained model (.safetensors)")
      ->required()
      ->group("Output");
}

void checkTrainUsage(const TrainOptions& o) {
  if (o.data.task.empty() && !o.data.fileGiven())
    throw UsageError(
        "train needs --task NAME, --data FILE.tsv, or --source-file X --target-file Y");
  if (o.bucketWindow > 0 && o.noShuffle)
    throw UsageError("--bucket-window shuffles the batches: it cannot go with --no-shuffle");
  if (o.steps == 0 && o.epochs == 0) throw UsageError("train needs --steps N or --epochs N");
  // The trainer writes checkpoints as it goes; on --out that would break the promise that a
  // failed or cancelled run leaves --out as it was.
  std::error_code ec;
  if (!o.checkpoint.empty() &&
      (o.checkpoint == o.out || std::filesystem::equivalent(o.checkpoint, o.out, ec)))
    throw UsageError("--checkpoint must be another file than --out");
  const bool init = o.initOption->count() > 0;
  if (init) {
    std::vector<std::string> refused = o.arch.givenFlags();
    if (o.arch.archGiven()) refused.insert(refused.begin(), "--arch");
    if (o.arch.configFileGiven()) refused.insert(refused.begin(), "--config");
    for (const CLI::Option* fixed : {o.data.tokenizerOption, o.data.taskKindOption, o.vocabOption,
                                     o.frequencyOption, o.data.lowercaseOption, o.data.nfkcOption,
                                     o.data.subwordModelTypeOption, o.data.subwordVocabSizeOption})
      if (fixed->count() > 0) refused.push_back(fixed->get_name());
    if (!refused.empty())
      throw UsageError("--init continues a model as it is: " + refused.front() +
                       " cannot change it");
  } else if (!o.arch.archGiven() && !o.arch.configFileGiven()) {
    throw UsageError(
        "train needs --arch NAME (with config flags such as --hidden-dim), "
        "--config FILE.json or --init MODEL.safetensors");
  }
}

TrainConfig trainConfig(const TrainOptions& o) {
  TrainConfig c;
  c.steps = o.steps;
  c.epochs = o.epochs;
  c.batchSize = o.batchSize;
  c.optimizer = o.optimizer;
  c.schedule.lr = o.lr;
  c.schedule.warmupSteps = o.warmup;
  c.schedule.decay = parseLrDecay(o.decay);
  c.clip = o.clip;
  c.seed = o.seed;
  c.threads = o.threads;
  c.shuffle = !o.noShuffle;
  c.bucketWindow = o.bucketWindow;
  c.evalEvery = o.evalEvery;
  c.evalExamples = o.evalExamples;
  c.patience = o.patience;
  c.checkpointPath = o.checkpoint;
  return c;
}

}  // namespace attn::app
