// Decoding a sentence with a model and recording what it attends to: the entry points the CLI
// and the GUI call. Each takes the model, the text as typed and DecodeOptions, and returns a
// DecodeResult whose trace (docs/file-formats.md, Trace file) the GUI shows and the CLI writes.
//
// All of them are const on the model and keep no state, so a worker thread can decode while
// the GUI thread reads another trace. Bad input (invalid UTF-8, an empty or over-long sentence,
// an option out of range, the wrong kind of model) throws attn::Error with a message for
// people; a progress callback that returns false throws attn::Cancelled.
#pragma once

#include <string_view>

#include "decode/decode_options.h"
#include "models/model.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// Greedy search: feeds <sos>, then at each step the most probable token (the first one on a
// tie), until <eos> or the step limit. Every token may be chosen, <pad> and <unk> included:
// the trace shows what the model does, not a filtered version of it.
DecodeResult decodeGreedy(const Model& model, std::string_view sentence,
                          const DecodeOptions& options = {});

// Beam search of width options.beamWidth (fairseq's rules, detailed in beam_search.cpp): the
// source is encoded once and the hypotheses are rows of one DecoderState; an <eos> candidate
// among the best `width` is set aside as finished; the search stops when `width` have finished
// or at the step limit, and returns the best by log p / length^α (unfinished ones compete only
// at the step limit). The trace is the best hypothesis' (as greedy's, gathered along its path)
// plus the tree of every hypothesis that entered the beam (Trace::beam; BeamNode::score is the
// cumulative log-prob). Width 1 gives exactly greedy's output.
DecodeResult decodeBeam(const Model& model, std::string_view sentence,
                        const DecodeOptions& options = {});

// Teacher forcing (`attention-cli inspect --target`): one forward pass with the given target,
// the trace of what the model attends to while reading it. target_tokens are the target's
// tokens as typed plus "<eos>"; unknown ones are reported in DecodeResult::unknownTarget.
// Steps have top-k tokens and scores but no query or context (the forward pass does not
// report them).
DecodeResult inspectForced(const Model& model, std::string_view source, std::string_view target,
                           const DecodeOptions& options = {});

// The structured self-attention classifier (docs/file-formats.md, structured_self_attention): one
// forward pass; the trace has the hops map [1][r][1][n], target_tokens = {the predicted class},
// log_probs = the class log-probs, top-k classes, and the hops' scores. Throws attn::Error for a
// seq2seq model.
DecodeResult classifyWithTrace(const Model& model, std::string_view sentence,
                               const DecodeOptions& options = {});

}  // namespace attn::inline ATTN_PRECISION
