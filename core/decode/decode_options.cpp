#include "decode/decode_options.h"

#include <algorithm>
#include <cmath>

#include "models/model.h"

namespace attn::inline ATTN_PRECISION {

void validateDecodeOptions(const DecodeOptions& o) {
  if (o.maxInputTokens < 1)
    throw Error("the input token limit must be at least 1 (got " +
                std::to_string(o.maxInputTokens) + ")");
  if (o.maxSteps < 0 || o.maxSteps > kMaxDecodeSteps)
    throw Error("the output length limit must be between 1 and " + std::to_string(kMaxDecodeSteps) +
                ", or 0 for the default (got " + std::to_string(o.maxSteps) + ")");
  if (o.topK < 0 || o.topK > kMaxTopK)
    throw Error("top-k must be between 0 and " + std::to_string(kMaxTopK) + " (got " +
                std::to_string(o.topK) + ")");
  if (o.beamWidth < 1 || o.beamWidth > kMaxBeamWidth)
    throw Error("the beam width must be between 1 and " + std::to_string(kMaxBeamWidth) + " (got " +
                std::to_string(o.beamWidth) + ")");
  if (!std::isfinite(o.lengthPenalty) || o.lengthPenalty < 0 || o.lengthPenalty > 10)
    throw Error("the length penalty α must be between 0 and 10 (got " +
                std::to_string(o.lengthPenalty) + ")");
}

int64_t resolveMaxSteps(const Seq2SeqModel& model, const DecodeOptions& o, int64_t sourceTokens) {
  const int64_t wanted = o.maxSteps > 0 ? o.maxSteps : 2 * sourceTokens + 10;
  return std::max<int64_t>(1, std::min({wanted, kMaxDecodeSteps, model.maxTargetLength()}));
}

const Seq2SeqModel& seq2seqOf(const Model& model, const char* what) {
  if (model.isClassifier() || !model.seq2seq)
    throw Error(std::string(what) + " needs an encoder-decoder model; this one is a " +
                archName(model.arch) + " classifier (use its classification trace instead)");
  return *model.seq2seq;
}

double normalisedScore(double logProb, int64_t length, double alpha) {
  // α = 0 must give the log-prob exactly, not logProb / 1.0000001.
  if (alpha == 0 || length <= 1) return logProb;
  return logProb / std::pow(static_cast<double>(length), alpha);
}

void reportDecodeProgress(const DecodeOptions& o, int64_t step, int64_t maxSteps) {
  if (o.progress && !o.progress(step, maxSteps)) throw Cancelled();
}

}  // namespace attn::inline ATTN_PRECISION
