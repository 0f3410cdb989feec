// What a decoding run is asked to do and what it gives back: the options shared by greedy,
// beam and teacher-forced decoding, and the result the CLI prints and the GUI shows (the trace,
// plus what a person reads: the output sentence and which typed words the model did not know).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "models/seq2seq_model.h"
#include "tensor/precision.h"
#include "trace/trace.h"
#include "util/cancel.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

struct Model;

inline constexpr int kMaxBeamWidth = 64;
inline constexpr int kMaxTopK = 1000;
inline constexpr int64_t kMaxDecodeSteps = 10000;  // far beyond any sentence the app shows

// Called before each decoding step with (step, maxSteps); returning false cancels the run,
// which then throws attn::Cancelled (util/cancel.h). Runs on the decoding thread.
using DecodeProgressFn = std::function<bool(int64_t step, int64_t maxSteps)>;

struct DecodeOptions {
  // Inputs (the source, and a forced target) with more tokens than this are refused with an
  // attn::Error rather than truncated: a cut sentence would show attention over words the user
  // did not type, and nothing in the heatmap would say so. Counted before the <eos>.
  int64_t maxInputTokens = 512;
  // The most output tokens, <eos> included, up to kMaxDecodeSteps. 0: 2 × the source's tokens
  // + 10. Always bounded by the model's maxTargetLength().
  int64_t maxSteps = 0;
  int topK = 5;                // next-token candidates recorded per step, 0..kMaxTopK
  int beamWidth = 4;           // beam search: 1..kMaxBeamWidth
  double lengthPenalty = 1.0;  // α: hypotheses rank by log-prob / length^α; 0 = plain log-prob
  DecodeProgressFn progress;   // optional
};

struct DecodeResult {
  Trace trace;
  std::string output;              // the output sentence, detokenized, without <eos>
  std::vector<int64_t> outputIds;  // the output's ids, with the final <eos> when it was produced
  std::vector<int> unknownSource;  // positions in trace.sourceTokens the source vocabulary lacks
  std::vector<int> unknownTarget;  // forced decoding: positions in trace.targetTokens likewise
  bool finished = false;           // the output ends with <eos> (false: it hit the length limit)
  double logProb = 0;              // Σ log p of trace.targetTokens
  double score = 0;                // logProb / length^α: what beam search maximises
};

// Throws attn::Error naming the option that is out of range.
void validateDecodeOptions(const DecodeOptions& options);

// The step limit for a source of `sourceTokens` typed tokens (options.maxSteps, or the
// default), bounded by what the model can produce.
int64_t resolveMaxSteps(const Seq2SeqModel& model, const DecodeOptions& options,
                        int64_t sourceTokens);

// The model's encoder-decoder; throws attn::Error when it is a classifier. `what` names the
// operation in the message ("greedy decoding").
const Seq2SeqModel& seq2seqOf(const Model& model, const char* what);

// logProb / length^α, the score hypotheses are ranked by.
double normalisedScore(double logProb, int64_t length, double alpha);

// Calls the progress callback, if any, and throws attn::Cancelled when it asks to stop.
void reportDecodeProgress(const DecodeOptions& options, int64_t step, int64_t maxSteps);

}  // namespace attn::inline ATTN_PRECISION
