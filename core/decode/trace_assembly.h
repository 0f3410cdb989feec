// Turning the step records along one decoded path into a Trace (docs/file-formats.md, Trace file),
// the same way for greedy, beam and teacher-forced decoding: attention maps
// [layer][head][step][key] (decoder self-attention rows padded with exact zeros for the keys a step
// could not yet see, so every row still sums to 1), log-prob rows, top-k tokens, scores, query and
// context.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "decode/decode_options.h"
#include "decode/step_record.h"
#include "decode/text_input.h"
#include "tensor/precision.h"
#include "trace/trace.h"

namespace attn::inline ATTN_PRECISION {

// The k most probable entries of a log-prob row as (name, probability), most probable first.
std::vector<TopToken> topTokens(const std::vector<float>& logProbs, int k,
                                const std::vector<std::string>& names);

// Per layer [N, heads, S, S] (row 0 is taken: every hypothesis shares the source) ->
// [layer][head][S][S].
AttentionMap encoderMap(const std::vector<Tensor>& layers);

struct TraceInputs {
  const nlohmann::json* model = nullptr;  // the config (may be null)
  const EncodedText* source = nullptr;
  std::vector<std::string> targetTokens;                  // one per step
  std::vector<const StepRecord*> path;                    // one per step
  const AttentionMaps* encoderAttention = nullptr;        // per layer [N, heads, S, S], optional
  const std::vector<std::string>* targetNames = nullptr;  // index -> token, for top-k
  int topK = 5;
};

Trace assembleTrace(const TraceInputs& in);

// The result around an assembled trace: output sentence, log-prob sum, normalised score.
// `outputIds` are the generated (or forced) ids, with the final <eos> when there is one.
DecodeResult makeDecodeResult(const Model& model, Trace trace, std::vector<int64_t> outputIds,
                              const EncodedText& source, double lengthPenalty);

}  // namespace attn::inline ATTN_PRECISION
