// attention-cli experiment bottleneck: the settings from the bundled file (or --settings), with
// flags on top; both models trained and measured; a table by source length on stdout, the whole
// result as JSON (--out) and CSV (--csv). Outputs are checked before the run and written only
// once it has finished: Ctrl-C leaves them as they were.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/experiment_command.h"
#include "cli/experiment_progress.h"
#include "cli/interrupt.h"
#include "cli/output_path.h"
#include "cli/progress_printer.h"
#include "cli/run_guard.h"
#include "data/tasks/task.h"
#include "exit_codes.h"
#include "experiment/bottleneck_io.h"
#include "experiment/bottleneck_settings.h"
#include "jobs/provenance.h"
#include "util/cancel.h"
#include "util/check.h"
#include "util/data_folders.h"

namespace attn::app {

using nlohmann::json;
using namespace attn::experiment;

namespace {

struct BottleneckOptions {
  std::string settings, out, csv, task, decay;
  std::optional<int64_t> minLength, maxLength, bucketWidth, trainSize, testPerBucket, steps,
      batchSize, alphabetSize;
  std::optional<uint64_t> seed, dataSeed;
  std::optional<double> lr;
  bool sequential = false, printSettings = false;
};

void addOptions(CLI::App& cmd, BottleneckOptions& o) {
  cmd.add_option("--settings", o.settings,
                 "A settings JSON file (default: the bundled experiments/bottleneck.json)");
  cmd.add_option("--out", o.out, "Write the whole result as JSON to this file");
  cmd.add_option("--csv", o.csv, "Write one line per length bucket as CSV to this file");
  cmd.add_option("--task", o.task, "The task: copy, reverse, sort, dates or toy-fr")
      ->check(oneOf({"copy", "reverse", "sort", "dates", "toy-fr"}));
  cmd.add_option("--min-length", o.minLength, "Shortest source, in the task's tokens")
      ->check(wholeNumber(1, BottleneckLimits::kMaxLength));
  cmd.add_option("--max-length", o.maxLength, "Longest source, in the task's tokens")
      ->check(wholeNumber(1, BottleneckLimits::kMaxLength));
  cmd.add_option("--bucket-width", o.bucketWidth, "Source lengths in one bucket of the plot")
      ->check(wholeNumber(1, BottleneckLimits::kMaxLength));
  cmd.add_option("--train-size", o.trainSize, "Training sentences")
      ->check(wholeNumber(1, BottleneckLimits::kMaxTrainSize));
  cmd.add_option("--test-per-bucket", o.testPerBucket, "Test sentences in each bucket")
      ->check(wholeNumber(1, BottleneckLimits::kMaxTestPerBucket));
  cmd.add_option("--alphabet-size", o.alphabetSize, "Symbols of copy, reverse and sort")
      ->check(wholeNumber(2, 36));
  cmd.add_option("--steps", o.steps, "Training steps of each model")
      ->check(wholeNumber(1, BottleneckLimits::kMaxSteps));
  cmd.add_option("--batch-size", o.batchSize, "Sentences per training step")
      ->check(wholeNumber(1, BottleneckLimits::kMaxBatch));
  cmd.add_option("--lr", o.lr, "Adam's learning rate")->check(realNumber(0, false, 10));
  cmd.add_option("--decay", o.decay, "Learning-rate decay: none, linear, cosine or inverse_sqrt")
      ->check(oneOf({"none", "linear", "cosine", "inverse_sqrt"}));
  cmd.add_option("--seed", o.seed, "Seed of the weights and the batch order");
  cmd.add_option("--data-seed", o.dataSeed, "Seed of the sentences");
  cmd.add_flag("--sequential", o.sequential,
               "Train the models one after the other (default: both at once, on two threads)");
  cmd.add_flag("--print-settings", o.printSettings,
               "Print the settings the run would use, as JSON, and stop");
}

// Where the bundled settings live: beside an installed program, in a build tree, or in this
// source tree.
std::string bundledSettings() {
  std::vector<std::string> folders;
  if (const char* env = std::getenv("ATTN_EXPERIMENTS_DIR")) folders.emplace_back(env);
  for (std::string& folder : bundledDataFolders("experiments")) folders.push_back(folder);
  return findBottleneckSettings(folders);
}

json flagPatch(const BottleneckOptions& o) {
  json patch = json::object();
  if (!o.task.empty()) patch["task"] = o.task;
  if (!o.decay.empty()) patch["decay"] = o.decay;
  auto set = [&](const char* key, const auto& value) {
    if (value) patch[key] = *value;
  };
  set("min_length", o.minLength);
  set("max_length", o.maxLength);
  set("bucket_width", o.bucketWidth);
  set("train_size", o.trainSize);
  set("test_per_bucket", o.testPerBucket);
  set("alphabet_size", o.alphabetSize);
  set("steps", o.steps);
  set("batch_size", o.batchSize);
  set("lr", o.lr);
  set("seed", o.seed);
  set("data_seed", o.dataSeed);
  if (o.sequential) patch["parallel"] = false;
  return patch;
}

BottleneckSettings resolveSettings(const BottleneckOptions& o) {
  const std::string file = o.settings.empty() ? bundledSettings() : o.settings;
  const BottleneckSettings base =
      file.empty() ? BottleneckSettings{} : loadBottleneckSettings(file);
  const json patch = flagPatch(o);
  if (patch.empty()) return base;
  try {
    return bottleneckSettingsFromJson(patch, base);
  } catch (const Error& e) {  // the file was fine, so the flags made it wrong
    throw UsageError(e.what());
  }
}

std::string percent(double v) {
  char text[16];
  std::snprintf(text, sizeof text, "%5.1f%%", 100 * v);
  return text;
}

std::string decimal(double v) {
  char text[16];
  std::snprintf(text, sizeof text, "%5.3f", v);
  return text;
}

void printTable(std::ostream& out, const BottleneckResult& r) {
  const BottleneckSettings& s = r.settings;
  const auto& without = r.models[kWithoutAttention];
  const auto& with = r.models[kWithAttention];
  out << "Bottleneck experiment: " << s.task << ", " << r.trainExamples << " training sentences of "
      << s.minLength << "-" << s.maxLength << " tokens, " << s.steps << " steps; "
      << s.testPerBucket << " test sentences per length\n"
      << "source      exact match              BLEU\n"
      << "length      no attention  attention  no attention  attention\n";
  for (size_t i = 0; i < r.buckets.size(); ++i) {
    char label[24];
    std::snprintf(label, sizeof label, "%lld-%lld", static_cast<long long>(r.buckets[i].lo),
                  static_cast<long long>(r.buckets[i].hi));
    char line[128];
    std::snprintf(line, sizeof line, "%-10s  %s        %s     %s         %s\n", label,
                  percent(without.buckets[i].exactMatch).c_str(),
                  percent(with.buckets[i].exactMatch).c_str(),
                  decimal(without.buckets[i].bleu).c_str(), decimal(with.buckets[i].bleu).c_str());
    out << line;
  }
  char line[160];
  std::snprintf(line, sizeof line, "%-10s  %s        %s     %s         %s\n", "all",
                percent(without.exactMatch).c_str(), percent(with.exactMatch).c_str(),
                decimal(without.bleu).c_str(), decimal(with.bleu).c_str());
  out << line;
  std::snprintf(line, sizeof line,
                "parameters: %lld without attention, %lld with; training %.1f s and %.1f s; "
                "whole run %.1f s\n",
                static_cast<long long>(without.parameters), static_cast<long long>(with.parameters),
                without.trainSeconds, with.trainSeconds, r.seconds);
  out << line;
}

int runBottleneckCommand(const BottleneckOptions& o, std::ostream& out, std::ostream& err) {
  const BottleneckSettings settings = resolveSettings(o);
  if (o.printSettings) {
    out << bottleneckSettingsToJson(settings).dump(2) << '\n';
    return kExitOk;
  }
  if (!o.out.empty()) checkOutputFile(o.out, "--out");
  if (!o.csv.empty()) checkOutputFile(o.csv, "--csv");
  InterruptScope interrupt;
  ExperimentProgressPrinter printer(err, ProgressPrinter::stderrIsTerminal());
  const BottleneckResult result = runBottleneck(settings, [&](const BottleneckProgress& p) {
    printer.update(p);
    return !interrupt.requested();
  });
  printer.finish();
  if (result.cancelled || interrupt.requested()) throw Cancelled();
  const json extra = {{"tool", std::string(kProgram) + " " + ATTN_VERSION},
                      {"date", jobs::utcNow()}};
  if (!o.out.empty()) saveBottleneckJson(o.out, result, extra);
  if (!o.csv.empty()) saveBottleneckCsv(o.csv, result);
  printTable(out, result);
  return kExitOk;
}

}  // namespace

Command addExperimentCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand("experiment", "Run a teaching experiment");
  cmd->require_subcommand(1);
  CLI::App* bottleneck = cmd->add_subcommand(
      "bottleneck",
      "Train a model without and one with attention, and score both by source length");
  auto options = std::make_shared<BottleneckOptions>();
  addOptions(*bottleneck, *options);
  bottleneck->footer(
      "Settings come from the bundled experiments/bottleneck.json (or --settings); flags "
      "override them. Progress goes to stderr; the scores by source length to stdout. "
      "Ctrl-C stops the run: nothing is written, exit status 1.");
  return {cmd, [options](std::ostream& out, std::ostream& err) {
            return runBottleneckCommand(*options, out, err);
          }};
}

}  // namespace attn::app
