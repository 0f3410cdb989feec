// attention-cli inspect: the trace of one sentence (docs/file-formats.md, Trace file, log_probs
// included) as JSON on stdout: teacher-forced through --target when one is given, greedy otherwise,
// the class distribution and hops for a classifier. With --reference-alignment, the cross-attention
// is also scored against an alignment made by people (AER, core/explain/alignment_error.h).
#include <cmath>
#include <cstdio>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/decode_support.h"
#include "cli/run_guard.h"
#include "exit_codes.h"
#include "explain/alignment_error.h"
#include "explain/compare.h"
#include "trace/trace_json.h"

namespace attn::app {

namespace {

struct InspectOptions {
  std::string model, source, target;
  DecodeFlags flags;
  CLI::Option* targetOption = nullptr;
  std::string reference;  // a Pharaoh/Moses alignment file
  int referenceLine = 1;
};

void addOptions(CLI::App& cmd, InspectOptions& o) {
  cmd.add_option("--model", o.model, "The model file (.safetensors)")->required();
  cmd.add_option("--source", o.source, "The source sentence")->required();
  o.targetOption = cmd.add_option("--target", o.target,
                                  "Force this target (teacher forcing) instead of decoding");
  addDecodeFlags(cmd, o.flags, /*beam=*/false);
  cmd.add_option("--reference-alignment", o.reference,
                 "Score the cross-attention (last layer, mean over heads) against this alignment: "
                 "one sentence pair a line, i-j sure and i?j possible links, i the source token "
                 "and j the output token from 0, <eos> left out; adds \"alignment_error\" to "
                 "the JSON")
      ->group("Alignment error rate");
  cmd.add_option("--reference-line", o.referenceLine,
                 "Which line of the reference file is this sentence pair (default 1)")
      ->check(CLI::PositiveNumber)
      ->group("Alignment error rate");
}

// Och & Ney's AER of the argmax links of the cross map (last layer, mean over heads); throws
// attn::Error for a file or link that does not fit, UsageError for a --reference-line past the
// file's end or a model without cross-attention.
nlohmann::json scoreAgainstReference(const InspectOptions& o, const Trace& trace,
                                     std::ostream& err) {
  const std::vector<ReferenceAlignment> lines = readAlignmentFile(o.reference);
  if (o.referenceLine > int(lines.size()))
    throw UsageError(o.reference + " has " + std::to_string(lines.size()) +
                     " lines; there is no line " + std::to_string(o.referenceLine));
  const ReferenceAlignment& reference = lines[size_t(o.referenceLine - 1)];
  if (!trace.attention.count(MapKind::Cross))
    throw UsageError(
        "this model has no cross-attention to score against a reference alignment: leave out "
        "--reference-alignment");
  const LabelledMatrix m = selectMatrix(trace, {});
  const int sources = typedTokenCount(m.colTokens), targets = typedTokenCount(m.rowTokens);
  checkAlignmentFits(reference, sources, targets);
  const AlignmentLinks hypothesis =
      hypothesisFromAttention(m.values, m.rows, m.cols, sources, targets);
  const AlignmentScore s = alignmentErrorRate(hypothesis, reference);
  auto number = [](double x) { return std::isnan(x) ? nlohmann::json() : nlohmann::json(x); };
  ReferenceAlignment found;
  found.sure = hypothesis;
  auto percent = [](double x) {
    if (std::isnan(x)) return std::string("undefined");
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", x * 100);
    return std::string(text);
  };
  err << kProgram << ": note: AER " << percent(s.aer) << ", precision " << percent(s.precision)
      << ", recall " << percent(s.recall) << " against " << o.reference << " line "
      << o.referenceLine << '\n';
  return {{"reference", o.reference},
          {"line", o.referenceLine},
          {"map", mapKindName(MapKind::Cross)},
          {"layer", trace.attention.at(MapKind::Cross).layers - 1},
          {"head", "mean"},
          {"hypothesis", formatAlignment(found)},
          {"aer", number(s.aer)},
          {"precision", number(s.precision)},
          {"recall", number(s.recall)},
          {"hypothesis_links", s.hypothesis},
          {"sure_links", s.sure},
          {"possible_links", s.possible},
          {"sure_hits", s.sureHits},
          {"possible_hits", s.possibleHits}};
}

int runInspect(const InspectOptions& o, std::ostream& out, std::ostream& err) {
  const Model model = loadModel(o.model);
  const bool forced = o.targetOption->count() > 0;
  if (forced && model.isClassifier())
    throw UsageError("--target forces a seq2seq model's output; " + o.model + " is a classifier");
  if (!o.reference.empty() && model.isClassifier())
    throw UsageError("--reference-alignment scores cross-attention; " + o.model +
                     " is a classifier");
  const DecodeResult result = runDecoding(o.flags, 1, [&](const DecodeOptions& options) {
    if (model.isClassifier()) return classifyWithTrace(model, o.source, options);
    return forced ? inspectForced(model, o.source, o.target, options)
                  : decodeGreedy(model, o.source, options);
  });
  noteUnknown(err, result.trace.sourceTokens, result.unknownSource, "source");
  noteUnknown(err, result.trace.targetTokens, result.unknownTarget, "target");
  nlohmann::json json = traceToJson(result.trace);
  if (!o.reference.empty()) json["alignment_error"] = scoreAgainstReference(o, result.trace, err);
  out << json.dump(1) << '\n';
  return kExitOk;
}

}  // namespace

Command addInspectCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand(
      "inspect",
      "Print the attention trace of one sentence as JSON (docs/file-formats.md, Trace file)");
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
