// What `decode` and `inspect` share around core/decode: the flags that tune a decoding run,
// Ctrl-C as the run's cancel callback, and the notes a person needs about the result (words
// the model does not know, an output cut by the length limit).
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "decode/decoder.h"

namespace CLI {
class App;
}

namespace attn::app {

struct DecodeFlags {
  int64_t maxSteps = 0, maxInputTokens = 512;
  int topK = 5;
  double lengthPenalty = 1.0;
};

// --max-steps, --max-input-tokens, --top-k, and with `beam` --length-penalty.
void addDecodeFlags(CLI::App& command, DecodeFlags& flags, bool beam);

// Runs `decode` with the flags' options, cancelled by Ctrl-C (then throws Cancelled).
DecodeResult runDecoding(const DecodeFlags& flags, int beamWidth,
                         const std::function<DecodeResult(const DecodeOptions&)>& decode);

// "note: not in the model's vocabulary (read as <unk>): foo, bar" on `err`, if any.
void noteUnknown(std::ostream& err, const std::vector<std::string>& tokens,
                 const std::vector<int>& positions, const std::string& which);

// "warning: WHERE3 of 5 source tokens (60%) are unknown to the model ..." when more than 20% of
// the sentence's tokens (its <eos> aside) are unknown; `where` is "" or "in.txt:3: ".
void warnUnknownShare(std::ostream& err, const std::vector<std::string>& tokens,
                      const std::vector<int>& positions, const std::string& where);

}  // namespace attn::app
