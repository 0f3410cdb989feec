// attention-cli decode: runs a model on one sentence and prints what it says, the output
// sentence (greedy, or beam search with --beam) or, for a classifier, the class; --trace also
// writes what it attended to (docs/file-formats.md, Trace file), atomically.
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/command.h"
#include "cli/decode_support.h"
#include "cli/output_path.h"
#include "cli/run_guard.h"
#include "exit_codes.h"
#include "trace/trace_json.h"

namespace attn::app {

namespace {

struct DecodeCommandOptions {
  std::string model, sentence, trace;
  int beam = 1;
  DecodeFlags flags;
};

void addOptions(CLI::App& cmd, DecodeCommandOptions& o) {
  cmd.add_option("--model", o.model, "The model file (.safetensors)")->required();
  cmd.add_option("--beam", o.beam, "Beam width (1 = greedy search, the default)")
      ->check(wholeNumber(1, kMaxBeamWidth));
  cmd.add_option("--trace", o.trace, "Also write the trace here (.json)");
  addDecodeFlags(cmd, o.flags, /*beam=*/true);
  cmd.add_option("sentence", o.sentence, "The sentence, as one argument (quote it)")->required();
}

int runDecode(const DecodeCommandOptions& o, std::ostream& out, std::ostream& err) {
  if (!o.trace.empty()) checkOutputFile(o.trace, "--trace");
  const Model model = loadModel(o.model);
  if (model.isClassifier() && o.beam > 1)
    err << kProgram << ": note: --beam does not apply to a classifier\n";
  const DecodeResult result = runDecoding(o.flags, o.beam, [&](const DecodeOptions& options) {
    if (model.isClassifier()) return classifyWithTrace(model, o.sentence, options);
    return o.beam > 1 ? decodeBeam(model, o.sentence, options)
                      : decodeGreedy(model, o.sentence, options);
  });
  noteUnknown(err, result.trace.sourceTokens, result.unknownSource, "source");
  if (!result.finished)
    err << kProgram
        << ": note: the output reached the length limit before <eos> (see "
           "--max-steps)\n";
  if (!o.trace.empty()) writeTraceFile(o.trace, result.trace);
  out << result.output << '\n';
  return kExitOk;
}

}  // namespace

Command addDecodeCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand(
      "decode", "Run a model on one sentence: the output sentence, or the class");
  auto options = std::make_shared<DecodeCommandOptions>();
  addOptions(*cmd, *options);
  cmd->footer(
      "Prints the output on stdout: the sentence detokenized without <eos>, or the class name "
      "for a classifier. Put -- before a sentence that starts with a dash.");
  return {cmd, [options](std::ostream& out, std::ostream& err) {
            return runDecode(*options, out, err);
          }};
}

}  // namespace attn::app
