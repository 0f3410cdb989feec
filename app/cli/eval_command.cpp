// attention-cli eval: a model's metrics on a split of a task or a file, as JSON on stdout. The
// flags become a jobs::EvaluationJob (core/jobs); by default it rebuilds exactly what the model
// was trained on (recorded in its `training` metadata) and measures the held-out test split.
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/command.h"
#include "cli/data_source.h"
#include "cli/interrupt.h"
#include "cli/run_guard.h"
#include "exit_codes.h"
#include "jobs/evaluation_job.h"
#include "util/cancel.h"
#include "util/check.h"

namespace attn::app {

using nlohmann::json;

namespace {

struct EvalCommandOptions {
  DataSourceOptions data;
  std::string model, split;
  int64_t beam = 1, batchSize = 64, maxExamples = 0;
};

void addOptions(CLI::App& cmd, EvalCommandOptions& o) {
  cmd.add_option("--model", o.model, "The model file (.safetensors)")->required();
  addDataSourceOptions(cmd, o.data, /*withTextFormat=*/false);
  cmd.add_option("--split", o.split,
                 "train, validation, test or all (default: test for a task or for the file the "
                 "model was trained on; all for another file)")
      ->check(oneOf({"train", "validation", "test", "all"}));
  cmd.add_option("--beam", o.beam,
                 "Beam width for exact match and BLEU (1 = batched greedy decoding, the default; "
                 "a beam decodes one sentence at a time)")
      ->check(wholeNumber(1, 64));
  cmd.add_option("--batch-size", o.batchSize, "Examples per batch (default 64)")
      ->check(wholeNumber(1, 1 << 20));
  cmd.add_option("--max-examples", o.maxExamples, "Measure only the first N examples (0 = all)")
      ->check(wholeNumber(0));
}

// The flags as a typed job. Without --task or --data, the data the model records; a flag that
// changes a task (--test-size) still applies on top of that record.
jobs::EvaluationJob evaluationJob(EvalCommandOptions& o, std::shared_ptr<const Model> model) {
  const json& recorded = model->training;
  if (o.data.task.empty() && o.data.dataFile.empty()) {
    const std::optional<jobs::DataSourceSpec> spec = jobs::recordedDataSource(recorded);
    if (!spec)
      throw UsageError("eval needs --task NAME or --data FILE: " + o.model +
                       " does not record what it was trained on");
    if (const auto* task = std::get_if<jobs::BuiltInTask>(&*spec))
      o.data.task = task->name;
    else
      o.data.dataFile = std::get<jobs::TsvFile>(*spec).path;
  }
  jobs::EvaluationJob job;
  job.model = std::move(model);
  job.data = dataSourceSpec(o.data, recorded);
  if (!o.split.empty()) job.split = jobs::parseEvalSplit(o.split);
  job.beamWidth = static_cast<int>(o.beam);
  job.maxExamples = o.maxExamples;
  job.batchSize = o.batchSize;
  return job;
}

int runEval(EvalCommandOptions& o, std::ostream& out, std::ostream& err) {
  const auto model = std::make_shared<const Model>(loadModel(o.model));
  const bool taskGiven = !o.data.task.empty();
  const jobs::EvaluationJob job = evaluationJob(o, model);
  if (o.beam > 1 && model->isClassifier())
    err << kProgram << ": note: --beam does not apply to a classifier\n";
  InterruptScope interrupt;
  jobs::EvaluationOutcome outcome;
  try {
    outcome = jobs::runEvaluationJob(
        job, [&interrupt](const jobs::JobProgress&) { return !interrupt.requested(); });
  } catch (const jobs::TaskConfigError& e) {
    if (taskFlagsGiven(o.data)) throw UsageError(e.what());
    throw;
  } catch (const jobs::DataMismatch& e) {
    // The command line named data this model cannot read; from the model's own record, the
    // file is at fault.
    if (taskGiven) throw UsageError(e.what());
    throw;
  } catch (const jobs::EmptySplit& e) {
    if (!o.split.empty()) throw UsageError(e.what());
    throw;
  }
  if (outcome.status == RunStatus::Cancelled || interrupt.requested()) throw Cancelled();

  json metrics = outcome.metrics.toJson();
  metrics["split"] = std::string(jobs::evalSplitName(outcome.split));
  const bool isTask = std::holds_alternative<jobs::BuiltInTask>(outcome.data);
  metrics[isTask ? "task" : "data"] = isTask ? o.data.task : o.data.dataFile;
  if (!model->isClassifier())
    metrics["decoding"] = outcome.beamSearch ? "beam " + std::to_string(o.beam) : "greedy";
  out << metrics.dump(2) << '\n';
  return kExitOk;
}

}  // namespace

Command addEvalCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand("eval", "Measure a model on a task or a TSV file");
  auto options = std::make_shared<EvalCommandOptions>();
  addOptions(*cmd, *options);
  cmd->footer(
      "Without --task or --data, eval uses what the model was trained on. A task is rebuilt "
      "with the recorded task config (flags given override it), so the test split is the one "
      "held out in training. Prints JSON: exact_match, token_accuracy, bleu and loss for a "
      "seq2seq model, accuracy and loss for a classifier, and the number of examples.");
  return {cmd,
          [options](std::ostream& out, std::ostream& err) { return runEval(*options, out, err); }};
}

}  // namespace attn::app
