#include "cli/decode_support.h"

#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/command.h"
#include "cli/interrupt.h"
#include "cli/run_guard.h"
#include "util/cancel.h"

namespace attn::app {

void addDecodeFlags(CLI::App& cmd, DecodeFlags& f, bool beam) {
  const char* group = "Decoding";
  cmd.add_option("--max-steps", f.maxSteps,
                 "Most output tokens, <eos> included (0 = twice the source's tokens + 10)")
      ->check(wholeNumber(0, kMaxDecodeSteps))
      ->group(group);
  cmd.add_option("--max-input-tokens", f.maxInputTokens,
                 "Refuse longer sentences rather than cut them (default 512)")
      ->check(wholeNumber(1, 1 << 20))
      ->group(group);
  cmd.add_option("--top-k", f.topK, "Next-token candidates the trace records per step (default 5)")
      ->check(wholeNumber(0, kMaxTopK))
      ->group(group);
  if (beam)
    cmd.add_option("--length-penalty", f.lengthPenalty,
                   "Beam search ranks by log-prob / length^α (default 1; 0 = plain log-prob)")
        ->check(realNumber(0, true, 10))
        ->group(group);
}

DecodeResult runDecoding(const DecodeFlags& f, int beamWidth,
                         const std::function<DecodeResult(const DecodeOptions&)>& decode) {
  InterruptScope interrupt;
  DecodeOptions options;
  options.maxSteps = f.maxSteps;
  options.maxInputTokens = f.maxInputTokens;
  options.topK = f.topK;
  options.beamWidth = beamWidth;
  options.lengthPenalty = f.lengthPenalty;
  options.progress = [&interrupt](int64_t, int64_t) { return !interrupt.requested(); };
  DecodeResult result = decode(options);  // attn::Cancelled when the callback stops it
  if (interrupt.requested()) throw Cancelled();
  return result;
}

void noteUnknown(std::ostream& err, const std::vector<std::string>& tokens,
                 const std::vector<int>& positions, const std::string& which) {
  if (positions.empty()) return;
  err << kProgram << ": note: " << which << " words the model does not know (read as <unk>):";
  for (size_t i = 0; i < positions.size(); ++i) {
    const auto p = static_cast<size_t>(positions[i]);
    err << (i == 0 ? " " : ", ") << (p < tokens.size() ? tokens[p] : "?");
  }
  err << '\n';
}

}  // namespace attn::app
