// The greedy loop, shared by decodeGreedy and decodeWithIntervention (explain/intervention.h):
// from the source's encoded state, one decoder step at a time until <eos> or the step limit,
// each step's rows copied out as it goes and the trace assembled once at the end.
#pragma once

#include <cstdint>
#include <functional>

#include "decode/decode_options.h"
#include "decode/text_input.h"
#include "layers/attention_edit.h"
#include "models/model.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// Per-step hooks, both optional.
struct GreedyHooks {
  // The attention edits step `step` runs with (null: none).
  std::function<const AttentionEdits*(int64_t step)> editsAt;
  // The token step `step` feeds on, in place of the argmax; a negative id keeps the argmax.
  std::function<int64_t(int64_t step)> forcedAt;
};

// `state`: net.encode() (or encodeEdited()) of `source`; `encoderAttention`: the state's
// encoderAttention(), for the trace.
DecodeResult runGreedy(const Model& model, const Seq2SeqModel& net, const EncodedText& source,
                       DecoderState& state, int64_t maxSteps, const DecodeOptions& options,
                       const GreedyHooks& hooks = {});

}  // namespace attn::inline ATTN_PRECISION
