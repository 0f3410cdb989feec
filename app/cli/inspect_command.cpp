// attention-cli inspect: the trace of one sentence (MODEL_FORMAT §5, log_probs included) as JSON
// on stdout: teacher-forced through --target when one is given, greedy otherwise, the class
// distribution and hops for a classifier.
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/decode_support.h"
#include "exit_codes.h"
#include "trace/trace_json.h"

namespace attn::app {

namespace {

struct InspectOptions {
  std::string model, source, target;
  DecodeFlags flags;
  CLI::Option* targetOption = nullptr;
};

void addOptions(CLI::App& cmd, InspectOptions& o) {
  cmd.add_option("--model", o.model, "The model file (.safetensors)")->required();
  cmd.add_option("--source", o.source, "The source sentence")->required();
  o.targetOption = cmd.add_option("--target", o.target,
                                  "Force this target (teacher forcing) instead of decoding");
  addDecodeFlags(cmd, o.flags, /*beam=*/false);
}

int runInspect(const InspectOptions& o, std::ostream& out, std::ostream& err) {
  const Model model = loadModel(o.model);
  const bool forced = o.targetOption->count() > 0;
  if (forced && model.isClassifier())
    throw UsageError("--target forces a seq2seq model's output; " + o.model + " is a classifier");
  const DecodeResult result = runDecoding(o.flags, 1, [&](const DecodeOptions& options) {
    if (model.isClassifier()) return classifyWithTrace(model, o.source, options);
    return forced ? inspectForced(model, o.source, o.target, options)
                  : decodeGreedy(model, o.source, options);
  });
  noteUnknown(err, result.trace.sourceTokens, result.unknownSource, "source");
  noteUnknown(err, result.trace.targetTokens, result.unknownTarget, "target");
  out << traceToJson(result.trace).dump(1) << '\n';
  return kExitOk;
}

}  // namespace

Command addInspectCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand(
      "inspect", "Print the attention trace of one sentence as JSON (MODEL_FORMAT §5)");
  auto options = std::make_shared<InspectOptions>();
  addOptions(*cmd, *options);
  cmd->footer(
      "The trace holds the tokens, every attention map ([layer][head][query][key]), log_probs "
      "([step][Vt]) and per-step top-k tokens. Save it with > FILE.json; attention-cli export "
      "turns it into CSV.");
  return {cmd, [options](std::ostream& out, std::ostream& err) {
            return runInspect(*options, out, err);
          }};
}

}  // namespace attn::app
