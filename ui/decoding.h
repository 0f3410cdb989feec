// Running a model on one sentence and recording everything the views show, as an attn::Trace:
// greedy, beam search of a chosen width, teacher-forced inspection of a given target, and the
// classifier's hops. Qt-free, so that it can run on a worker thread and move to core/decode.
//
// Interim: core/decode/ is being written; until it lands this bridge drives the model's public
// step API itself. The views see only Trace, so swapping the implementation changes no view.
#pragma once

#include <string>
#include <vector>

namespace attn {
struct Model;
struct Trace;
}  // namespace attn

namespace attn::ui {

enum class DecodeMode { Greedy, Beam, Forced };

struct DecodeRequest {
  std::string source;  // the sentence as typed
  DecodeMode mode = DecodeMode::Greedy;
  int beamWidth = 4;   // Beam only
  std::string target;  // Forced only: the output to inspect, as typed
  int maxLength = 0;   // output tokens at most; 0: 2 × the source length + 10, at most 500
  int topK = 5;        // next-token probabilities kept per step
};

// One source token as the model reads it.
struct SeenToken {
  std::string text;
  bool unknown = false;  // not in the vocabulary: the model reads <unk>
  bool added = false;    // not typed: the <eos> a seq2seq source ends with
};

// The tokenizer's cut of `text`, each token marked; throws attn::Error for invalid UTF-8.
std::vector<SeenToken> tokensAsSeen(const Model& model, const std::string& text);

// Throws attn::Error with a message for people (empty sentence, unknown forced tokens, a model
// that cannot decode).
Trace decodeToTrace(const Model& model, const DecodeRequest& request);

// The longest output a request may produce for a source of `sourceTokens` tokens.
int effectiveMaxLength(const Model& model, const DecodeRequest& request, int sourceTokens);

}  // namespace attn::ui
