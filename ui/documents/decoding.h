// Running a model on one sentence for the views: the GUI's request (greedy, beam search of a
// chosen width, teacher-forced inspection of a given target, or the classifier's hops) turned
// into core/decode's calls, and the tokens of the input box as the model reads them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "models/model_fwd.h"

namespace attn {
struct Trace;
}  // namespace attn

namespace attn::ui {

enum class DecodeMode { Greedy, Beam, Forced };

struct DecodeRequest {
  std::string source;  // the sentence as typed
  DecodeMode mode = DecodeMode::Greedy;
  int beamWidth = 4;   // Beam only
  std::string target;  // Forced only: the output to inspect, as typed
  int maxLength = 0;   // output tokens at most, <eos> included; 0: the engine's default
  int topK = 5;        // next-token probabilities kept per step
};

// One source token as the model reads it.
struct SeenToken {
  std::string text;
  bool unknown = false;  // not in the vocabulary: the model reads <unk>
  bool added = false;    // not typed: the <eos> a seq2seq source ends with
};

// The tokenizer's cut of `text`, each token marked; empty for empty text. Throws attn::Error for
// invalid UTF-8 or a sentence longer than the engine accepts.
std::vector<SeenToken> tokensAsSeen(const Model& model, const std::string& text);

// `keepGoing` is asked before every decoding step; when it says no, the run throws
// attn::Cancelled ("Cancelled"). Throws attn::Error with a message for people (empty
// sentence, out-of-range option, a model that cannot decode).
Trace decodeToTrace(const Model& model, const DecodeRequest& request,
                    const std::function<bool()>& keepGoing = {});

// The longest output a request may produce for a source of `typedTokens` tokens.
int effectiveMaxLength(const Model& model, const DecodeRequest& request, int typedTokens);

}  // namespace attn::ui
