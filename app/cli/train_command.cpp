// attention-cli train: builds or loads a model, trains it on a task or a TSV file, and saves it
// with its provenance. The output file is written once, atomically, after everything else has
// succeeded: a failed or cancelled run leaves an existing --out as it was.
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
#include "train/evaluate.h"
#include "train/trainer.h"
#include "util/check.h"

namespace attn::app {

using nlohmann::json;

namespace {

// A config built from flags is the command line's fault when it has a problem: each one names
// the flag to fix (or the key of the --config file), and flags the model would ignore are refused.
Model newModel(const TrainOptions& o, const data::Vocabularies& vocabs) {
  json config = o.arch.config();
  const std::string arch = config.value("arch", "");
  const bool classifier = arch == "structured_self_attention";
  if (classifier != (vocabs.kind == data::TaskKind::Classification)) {
    const std::string message = "a " + arch + " model cannot learn a " +
                                std::string(data::taskKindName(vocabs.kind)) + " task";
    if (o.arch.archGiven()) throw UsageError(message);
    throw Error(message);
  }
  o.arch.refuseIgnoredFlags(config);
  if (classifier && !config.contains("num_classes")) config["num_classes"] = vocabs.labels.size();
  try {
    return createModel(config, vocabs.tokenizer, vocabs.source, vocabs.target, vocabs.labels,
                       o.seed);
  } catch (const ConfigError& e) {
    o.arch.rethrow(e);
  }
}

// What `eval` and a person reading the file later need to know about this run.
json provenance(const TrainOptions& o, const DataSource& source, const TrainResult& result,
                const json& finalMetrics, bool onValidation, const json& previous) {
  json t = source.provenance;
  t["steps"] = result.steps;
  const json before = previous.is_object()
                          ? previous.value("total_steps", previous.value("steps", json(0)))
                          : json(0);
  t["total_steps"] = result.steps + (before.is_number_integer() ? before.get<int64_t>() : 0);
  if (o.epochs > 0) t["epochs"] = o.epochs;
  t["seed"] = o.seed;
  t["optimizer"] = o.optimizer;
  t["lr"] = o.lr;
  t["batch_size"] = o.batchSize;
  t["clip"] = o.clip;
  t["threads"] = o.threads;
  t["shuffle"] = !o.noShuffle;
  t["stopped"] = result.message;
  t[onValidation ? "validation" : "train_metrics"] = finalMetrics;
  t["date"] = utcNow();
  t["tool"] = std::string(kProgram) + " " + ATTN_VERSION;
  if (!o.init.empty()) {
    t["init"] = o.init;
    if (!previous.is_null()) t["previous"] = previous;
  }
  return t;
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

int runTrain(TrainOptions& o, std::ostream& out, std::ostream& err) {
  checkTrainUsage(o);
  checkOutputFile(o.out, "--out");
  if (!o.checkpoint.empty()) checkOutputFile(o.checkpoint, "--checkpoint");
  InterruptScope interrupt;

  const bool continuing = !o.init.empty();
  Model model;
  if (continuing) model = loadModel(o.init);
  const json previous = continuing ? model.training : json();
  o.data.fileOrder = o.noShuffle;
  const DataSource source = loadDataSource(o.data, previous, continuing ? &model : nullptr);
  data::VocabularyOptions vocabOptions;
  vocabOptions.minFrequency = o.minFrequency;
  vocabOptions.maxSize = o.maxVocab;
  const data::Vocabularies vocabs =
      continuing ? modelVocabularies(model)
                 : data::buildVocabularies(source.dataset, vocabOptions, vocabOptions);
  data::LengthLimits limits;
  limits.maxSource = o.maxSourceLength;
  limits.onTooLong = data::TooLong::Skip;
  const auto trainSplit = data::encodeExamples(source.dataset.train, vocabs, limits, "train");
  const auto validation =
      data::encodeExamples(source.dataset.validation, vocabs, limits, "validation");
  if (!continuing) model = newModel(o, vocabs);

  err << "Training " << archName(model.arch) << " (" << model.network().parameterCount()
      << " parameters) on " << source.dataset.name << ": " << trainSplit.examples.size()
      << " train and " << validation.examples.size() << " validation examples";
  if (trainSplit.skipped > 0) err << " (" << trainSplit.skipped << " too long left out)";
  err << ", "
      << (o.steps > 0 ? std::to_string(o.steps) + " steps" : std::to_string(o.epochs) + " epochs")
      << '\n'
      << std::flush;

  ProgressPrinter printer(err, ProgressPrinter::stderrIsTerminal());
  const TrainResult result =
      train(model, trainSplit, validation, trainConfig(o), [&](const TrainProgress& p) {
        printer.update(p);
        return !interrupt.requested();
      });
  printer.finish();
  if (result.cancelled || interrupt.requested()) throw Cancelled();
  if (result.diverged) throw Error(result.message);

  // The final numbers: the whole validation split (the train split when there is none).
  const bool hasValidation = !validation.examples.empty();
  const Metrics final = evaluate(model, hasValidation ? validation : trainSplit, EvalOptions{});
  json metrics = final.toJson();
  model.training = provenance(o, source, result, metrics, hasValidation, previous);
  if (interrupt.requested()) throw Cancelled();
  saveModel(o.out, model);

  metrics["split"] = hasValidation ? "validation" : "train";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", result.seconds);
  err << result.message << " in " << seconds << " s; saved " << o.out << " ("
      << metrics["split"].get<std::string>() << ": " << metricsSummary(metrics) << ")\n";
  out << metrics.dump(2) << '\n';
  return kExitOk;
}

}  // namespace

Command addTrainCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand("train", "Train a model on a built-in task or a TSV file");
  auto options = std::make_shared<TrainOptions>();
  addTrainOptions(*cmd, *options);
  cmd->footer(
      "Progress goes to stderr (a bar on a terminal, plain lines otherwise); the final "
      "validation metrics go to stdout as JSON. Ctrl-C stops the run: nothing is saved, exit "
      "status 1.");
  return {cmd,
          [options](std::ostream& out, std::ostream& err) { return runTrain(*options, out, err); }};
}

}  // namespace attn::app
