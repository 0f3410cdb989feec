#include "documents/decoding.h"

#include "decode/decoder.h"
#include "decode/text_input.h"
#include "models/model.h"
#include "trace/trace.h"

namespace attn::ui {
namespace {

DecodeOptions optionsFor(const DecodeRequest& request, const std::function<bool()>& keepGoing) {
  DecodeOptions o;
  o.topK = request.topK;
  o.beamWidth = request.beamWidth;
  o.maxSteps = request.maxLength;
  if (keepGoing) o.progress = [keepGoing](int64_t, int64_t) { return keepGoing(); };
  return o;
}

}  // namespace

std::vector<SeenToken> tokensAsSeen(const Model& model, const std::string& text) {
  std::vector<SeenToken> seen;
  if (data::tokenize(text, model.tokenizer).empty()) return seen;
  const EncodedText encoded = encodeSourceText(model, text, DecodeOptions().maxInputTokens);
  for (const std::string& token : encoded.tokens) seen.push_back({token, false, false});
  for (int i : encoded.unknown) seen[size_t(i)].unknown = true;
  if (encoded.endsWithEos) seen.back().added = true;
  return seen;
}

int effectiveMaxLength(const Model& model, const DecodeRequest& request, int typedTokens) {
  if (!model.seq2seq) return 1;
  return int(resolveMaxSteps(*model.seq2seq, optionsFor(request, {}), typedTokens));
}

Trace decodeToTrace(const Model& model, const DecodeRequest& request,
                    const std::function<bool()>& keepGoing) {
  const DecodeOptions options = optionsFor(request, keepGoing);
  if (model.isClassifier()) return classifyWithTrace(model, request.source, options).trace;
  switch (request.mode) {
    case DecodeMode::Beam:
      return decodeBeam(model, request.source, options).trace;
    case DecodeMode::Forced:
      return inspectForced(model, request.source, request.target, options).trace;
    case DecodeMode::Greedy:
      break;
  }
  return decodeGreedy(model, request.source, options).trace;
}

}  // namespace attn::ui
