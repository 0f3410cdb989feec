// attention-cli decode: runs a model on one sentence, or on every line of a file (--input), and
// prints what it says: the output sentence (greedy, or beam search with --beam) or, for a
// classifier, the class. --trace writes what it attended to for one sentence (docs/file-formats.md,
// Trace file), --trace-out one trace per line for a file; both atomically.
#include <iostream>
#include <iterator>
#include <memory>
#include <ostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/command.h"
#include "cli/decode_support.h"
#include "cli/output_path.h"
#include "cli/run_guard.h"
#include "data/text_lines.h"
#include "exit_codes.h"
#include "explain/unknown_replacement.h"
#include "trace/trace_json.h"
#include "util/atomic_file.h"

namespace attn::app {

namespace {

// An input file larger than this is refused before it is read (a corpus to decode is sentences,
// not a data dump).
constexpr int64_t kMaxInputBytes = 256LL * 1024 * 1024;
constexpr int64_t kMaxInputLineBytes = 64 * 1024;

struct DecodeCommandOptions {
  std::string model, sentence, trace, input, traceOut;
  int beam = 1;
  bool replaceUnk = false;
  DecodeFlags flags;
  CLI::Option* sentenceOption = nullptr;
};

void addOptions(CLI::App& cmd, DecodeCommandOptions& o) {
  cmd.add_option("--model", o.model, "The model file (.safetensors)")->required();
  cmd.add_option("--beam", o.beam, "Beam width (1 = greedy search, the default)")
      ->check(wholeNumber(1, kMaxBeamWidth));
  auto* input = cmd.add_option("--input", o.input,
                               "Decode every line of this file (- for standard input): one "
                               "output line per input line, in order; empty lines stay empty");
  auto* trace = cmd.add_option("--trace", o.trace, "Also write the sentence's trace here (.json)");
  auto* traceOut = cmd.add_option("--trace-out", o.traceOut,
                                  "With --input: also write one trace per line here (.jsonl; "
                                  "an empty line's trace is {})");
  traceOut->needs(input);
  trace->excludes(input);
  cmd.add_flag("--replace-unk", o.replaceUnk,
               "Replace each <unk> of the output with the source token the model attends to "
               "most at that step (Luong et al. 2015): names and numbers are copied over");
  addDecodeFlags(cmd, o.flags, /*beam=*/true);
  o.sentenceOption =
      cmd.add_option("sentence", o.sentence, "The sentence, as one argument (quote it)");
  o.sentenceOption->excludes(input);
}

DecodeResult decodeSentence(const Model& model, const DecodeCommandOptions& o,
                            const std::string& sentence) {
  return runDecoding(o.flags, o.beam, [&](const DecodeOptions& options) {
    if (model.isClassifier()) return classifyWithTrace(model, sentence, options);
    return o.beam > 1 ? decodeBeam(model, sentence, options)
                      : decodeGreedy(model, sentence, options);
  });
}

std::string outputOf(const Model& model, const DecodeResult& result, bool replaceUnk) {
  if (!replaceUnk || model.isClassifier()) return result.output;
  return model.tokenizer.detokenize(replaceUnknownTokens(result.trace).tokens);
}

// "note: ..." lines about one sentence; `where` ("in.txt:3: " or "") says which.
void notesOn(std::ostream& err, const DecodeResult& result, const std::string& where) {
  noteUnknown(err, result.trace.sourceTokens, result.unknownSource, where + "source");
  warnUnknownShare(err, result.trace.sourceTokens, result.unknownSource, where);
  if (!result.finished && !result.trace.targetTokens.empty())
    err << kProgram << ": note: " << where
        << "the output reached the length limit before <eos> (see --max-steps)\n";
}

std::string readInput(const std::string& input) {
  if (input != "-") return data::readTextFile(input, kMaxInputBytes);
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (static_cast<int64_t>(text.size()) > kMaxInputBytes)
    throw Error("standard input holds more than " + std::to_string(kMaxInputBytes >> 20) +
                " MiB: decode it in parts");
  return text;
}

int decodeFile(const Model& model, const DecodeCommandOptions& o, std::ostream& out,
               std::ostream& err) {
  const std::string name = o.input == "-" ? "standard input" : o.input;
  const std::string text = readInput(o.input);
  std::string outputs, traces;
  data::forEachLine(text, name, kMaxInputLineBytes, [&](int64_t line, std::string_view sentence) {
    if (data::isBlank(sentence)) {
      outputs += '\n';
      traces += "{}\n";
      return;
    }
    const std::string where = name + ":" + std::to_string(line) + ": ";
    DecodeResult result;
    try {
      result = decodeSentence(model, o, std::string(sentence));
    } catch (const Cancelled&) {
      throw;
    } catch (const Error& e) {
      throw Error(where + e.what() + " (fix or remove the line)");
    }
    notesOn(err, result, where);
    outputs += outputOf(model, result, o.replaceUnk) + '\n';
    if (!o.traceOut.empty()) traces += traceToJson(result.trace).dump() + '\n';
  });
  // Nothing is printed or written until every line has decoded: a bad line leaves no half output.
  if (!o.traceOut.empty()) writeFileAtomically(o.traceOut, traces);
  out << outputs;
  return kExitOk;
}

int runDecode(const DecodeCommandOptions& o, std::ostream& out, std::ostream& err) {
  // An empty sentence given is the job's to refuse (nothing to decode, exit 1); none given is a
  // command-line mistake.
  if (o.input.empty() && o.sentenceOption->count() == 0)
    throw UsageError("decode needs a sentence, or --input FILE (- for standard input)");
  if (!o.trace.empty()) checkOutputFile(o.trace, "--trace");
  if (!o.traceOut.empty()) checkOutputFile(o.traceOut, "--trace-out");
  const Model model = loadModel(o.model);
  if (model.isClassifier() && o.beam > 1)
    err << kProgram << ": note: --beam does not apply to a classifier\n";
  if (model.isClassifier() && o.replaceUnk)
    err << kProgram << ": note: --replace-unk does not apply to a classifier\n";
  if (!o.input.empty()) return decodeFile(model, o, out, err);
  const DecodeResult result = decodeSentence(model, o, o.sentence);
  notesOn(err, result, "");
  if (!o.trace.empty()) writeTraceFile(o.trace, result.trace);
  out << outputOf(model, result, o.replaceUnk) << '\n';
  return kExitOk;
}

}  // namespace

Command addDecodeCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand(
      "decode", "Run a model on a sentence or on each line of a file: the output, or the class");
  auto options = std::make_shared<DecodeCommandOptions>();
  addOptions(*cmd, *options);
  cmd->footer(
      "Prints the output on stdout: the sentence detokenized without <eos>, or the class name "
      "for a classifier; with --input, one line per input line, printed once every line has "
      "decoded (a bad line is an error naming it, exit 1). Words the model does not know are "
      "noted on stderr, with a warning when they are more than 20% of a sentence. Put -- before "
      "a sentence that starts with a dash.");
  return {cmd, [options](std::ostream& out, std::ostream& err) {
            return runDecode(*options, out, err);
          }};
}

}  // namespace attn::app
