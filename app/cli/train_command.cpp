// attention-cli train: the flags become a jobs::TrainingJob (core/jobs), which builds or loads
// the model, trains it and records its provenance; this file announces the run, shows its
// progress and saves the model. The output file is written once, atomically, after everything
// else has succeeded: a failed or cancelled run leaves an existing --out as it was.
#include <cstdio>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/data_source.h"
#include "cli/interrupt.h"
#include "cli/output_path.h"
#include "cli/progress_printer.h"
#include "cli/run_guard.h"
#include "cli/train_options.h"
#include "exit_codes.h"
#include "jobs/evaluation_job.h"
#include "jobs/training_job.h"
#include "util/cancel.h"
#include "util/check.h"

namespace attn::app {

using nlohmann::json;

namespace {

// A config built from flags is the command line's fault when it has a problem: flags the model
// would ignore are refused, and each problem of the config (all of them at once, from the jobs
// layer's readConfig()) names the flag to fix, or the key of the --config file.
Model newModel(const TrainOptions& o, const data::Vocabularies& vocabs, std::ostream& err) {
  const json config = o.arch.config();
  o.arch.refuseIgnoredFlags(config);
  if (const std::string ignored = o.arch.ignoredFileKeys(config); !ignored.empty())
    err << kProgram << ": warning: " << ignored << '\n';
  try {
    return jobs::createModelFor(config, vocabs, o.seed);
  } catch (const ConfigError& e) {
    o.arch.rethrow(e);
  }
}

std::string metricsSummary(const json& metrics) {
  std::string text;
  for (const char* key : {"exact_match", "accuracy", "token_accuracy", "bleu", "loss"})
    if (metrics.contains(key)) {
      char value[32];
      std::snprintf(value, sizeof value, "%.4f", metrics[key].get<double>());
      text += std::string(text.empty() ? "" : ", ") + key + " " + value;
    }
  return text;
}

// "kept the best validated weights, those of step 80": which weights the file holds, and why.
std::string keptWeights(const TrainResult& r) {
  const std::string step = std::to_string(r.keptStep);
  if (r.bestStep >= 0 && r.keptStep == r.bestStep)
    return "kept the best validated weights, those of step " + step;
  if (r.validations.empty()) return "kept the weights of step " + step + " (nothing validated)";
  return "kept the weights of step " + step;
}

jobs::TrainingJob trainingJob(const TrainOptions& o, const json& recorded, std::ostream& err) {
  jobs::TrainingJob job;
  job.data = dataSourceSpec(o.data, recorded);
  job.train = trainConfig(o);
  job.modelSeed = o.seed;
  job.initModel = o.init;
  job.vocabulary.minFrequency = o.minFrequency;
  job.vocabulary.maxSize = o.maxVocab;
  // A task's bound counts the <eos> the encoder reads; a file's is part of its data spec.
  if (!o.data.task.empty() && o.maxSourceLength > 0) job.maxSourceLength = o.maxSourceLength + 1;
  job.tool = std::string(kProgram) + " " + ATTN_VERSION;
  if (o.init.empty())
    job.makeModel = [&o, &err](const data::Vocabularies& vocabs) {
      return newModel(o, vocabs, err);
    };
  return job;
}

void announce(std::ostream& err, const TrainOptions& o, const jobs::TrainingStart& s) {
  err << "Training " << archName(s.model.arch) << " (" << s.model.network().parameterCount()
      << " parameters) on " << s.dataName << ": " << s.trainExamples << " train and "
      << s.validationExamples << " validation examples";
  if (s.leftOut > 0) err << " (" << s.leftOut << " too long left out)";
  err << ", "
      << (o.steps > 0 ? std::to_string(o.steps) + " steps" : std::to_string(o.epochs) + " epochs")
      << '\n';
  if (!s.filtered.empty()) err << s.dataName << ": " << s.filtered << '\n';
  if (s.tokenizer == data::TokenizerKind::Words ||
      s.tokenizer == data::TokenizerKind::SentencePiece)
    err << "Tokens: " << s.tokenizer.name() << ", vocabularies of " << s.model.srcVocab.size()
        << (s.model.isClassifier() ? "" : " and " + std::to_string(s.model.tgtVocab.size()))
        << " tokens\n";
  if (s.validationUnknownShare > jobs::kUnknownWarningShare)
    err << kProgram << ": warning: " << static_cast<int>(s.validationUnknownShare * 100 + 0.5)
        << "% of the validation tokens are unknown to the vocabularies (read as <unk>): lower "
           "--min-frequency, raise --max-vocab, or try --tokenizer sentencepiece\n";
  err << std::flush;
}

void printWarnings(std::ostream& err, const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) err << kProgram << ": warning: " << w << '\n';
}

int runTrain(TrainOptions& o, std::ostream& out, std::ostream& err) {
  checkTrainUsage(o);
  checkOutputFile(o.out, "--out");
  if (!o.checkpoint.empty()) checkOutputFile(o.checkpoint, "--checkpoint");
  InterruptScope interrupt;

  // The model to continue records what it was trained on: the data flags start from there.
  // (The job loads the model again to train it; a model file is small next to a training run.)
  const json recorded = o.init.empty() ? json() : loadModel(o.init).training;
  o.data.fileOrder = o.noShuffle;
  o.data.maxSourceTokens = o.maxSourceLength;
  const jobs::TrainingJob job = trainingJob(o, recorded, err);

  ProgressPrinter printer(err, ProgressPrinter::stderrIsTerminal());
  jobs::TrainingOutcome outcome;
  try {
    outcome = jobs::runTrainingJob(
        job,
        [&](const jobs::JobProgress& p) {
          if (p.training) printer.update(*p.training);
          return !interrupt.requested();
        },
        [&](const jobs::TrainingStart& s) {
          printWarnings(err, s.warnings);
          announce(err, o, s);
        });
  } catch (const jobs::TaskConfigError& e) {
    if (taskFlagsGiven(o.data)) throw UsageError(e.what());
    throw;
  } catch (const jobs::DataMismatch& e) {
    throw UsageError(e.what());  // --task or --data names data the model cannot learn
  }
  printer.finish();
  if (outcome.status == RunStatus::Cancelled || interrupt.requested()) throw Cancelled();
  if (outcome.status == RunStatus::Diverged) throw Error(outcome.message);
  saveModel(o.out, *outcome.model);

  json metrics = outcome.provenance.metrics.toJson();
  metrics["split"] = outcome.provenance.metricsOnValidation ? "validation" : "train";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", outcome.result.seconds);
  err << outcome.message << " in " << seconds << " s; " << keptWeights(outcome.result) << "; saved "
      << o.out << " (" << metrics["split"].get<std::string>() << ": " << metricsSummary(metrics)
      << ")\n";
  out << metrics.dump(2) << '\n';
  return kExitOk;
}

}  // namespace

Command addTrainCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand("train", "Train a model on a built-in task or a TSV file");
  auto options = std::make_shared<TrainOptions>();
  addTrainOptions(*cmd, *options);
  cmd->footer(
      "The model saved holds the best validated weights: those of the validation (every "
      "--eval-every steps, and at the end) with the best exact match or accuracy, which may be "
      "an earlier step than the last. The summary line says which step, and the model's "
      "`training` metadata records it as best_step. Progress goes to stderr (a bar on a "
      "terminal, plain lines otherwise); the final metrics of the kept weights on the whole "
      "validation split go to stdout as JSON. Ctrl-C stops the run: nothing is saved, exit "
      "status 1.");
  return {cmd,
          [options](std::ostream& out, std::ostream& err) { return runTrain(*options, out, err); }};
}

}  // namespace attn::app
