// attention-cli eval: a model's metrics on a split of a task or a file, as JSON on stdout. By
// default it rebuilds exactly what the model was trained on (recorded in its `training`
// metadata) and measures the held-out test split.
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/beam_metrics.h"
#include "cli/checks.h"
#include "cli/command.h"
#include "cli/data_source.h"
#include "cli/run_guard.h"
#include "exit_codes.h"
#include "train/evaluate.h"
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

std::vector<data::Example> chosenExamples(const data::Dataset& d, const std::string& split) {
  if (split == "train") return d.train;
  if (split == "validation") return d.validation;
  if (split == "test") return d.test;
  std::vector<data::Example> all = d.train;
  all.insert(all.end(), d.validation.begin(), d.validation.end());
  all.insert(all.end(), d.test.begin(), d.test.end());
  return all;
}

int runEval(EvalCommandOptions& o, std::ostream& out, std::ostream& err) {
  const Model model = loadModel(o.model);
  if (o.data.task.empty() && o.data.dataFile.empty()) {
    // What the model was trained on, as recorded at train time.
    const json& t = model.training;
    if (t.is_object() && t.contains("task") && t["task"].is_string())
      o.data.task = t["task"].get<std::string>();
    else if (t.is_object() && t.contains("data") && t["data"].is_string())
      o.data.dataFile = t["data"].get<std::string>();
    else
      throw UsageError("eval needs --task NAME or --data FILE: " + o.model +
                       " does not record what it was trained on");
  }
  if (o.split.empty())
    o.split = !o.data.task.empty() || sameSourceAsRecorded(o.data, model.training) ? "test" : "all";
  SplitsNeeded needed;
  needed.train = o.split == "train" || o.split == "all";
  needed.validation = needed.train || o.split == "validation";
  const DataSource source = loadDataSource(o.data, model.training, &model, needed);
  const auto examples = chosenExamples(source.dataset, o.split);
  if (examples.empty())
    throw Error("the " + o.split + " split of " + source.dataset.name + " has no example");
  const data::EncodedSplit encoded =
      data::encodeExamples(examples, modelVocabularies(model), {}, o.split);

  const bool beam = o.beam > 1 && !model.isClassifier();
  if (o.beam > 1 && model.isClassifier())
    err << kProgram << ": note: --beam does not apply to a classifier\n";
  attn::EvalOptions options;
  options.batchSize = o.batchSize;
  options.maxExamples = o.maxExamples;
  options.decode = !beam;  // with a beam, exact match and BLEU come from beam search instead
  Metrics measured = evaluate(model, encoded, options);
  if (beam)
    beamSearchMetrics(model, examples, encoded, static_cast<int>(o.beam), o.maxExamples, measured);
  json metrics = measured.toJson();
  const std::string decoding = beam ? "beam " + std::to_string(o.beam) : "greedy";
  metrics["split"] = o.split;
  metrics[o.data.task.empty() ? "data" : "task"] =
      o.data.task.empty() ? o.data.dataFile : o.data.task;
  if (!model.isClassifier()) metrics["decoding"] = decoding;
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
