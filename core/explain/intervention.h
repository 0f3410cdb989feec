// Interventions, for teaching: change what a model attends to (or which token it reads), decode
// again, and see what changed. Three kinds, combinable in one Intervention:
//
// - A cross-attention row replaced. At output step t the weights over the source become the
//   given ones, used as given (renormalise = false: a row that does not sum to 1 scales the
//   context) or divided by their sum first (renormalise = true). A row of zeros zeroes the
//   context: the model reads nothing from the source at that step. For the transformer the
//   row replaces the softmax of one head, or of every head of a layer (head = −1).
// - A head ablated at every step: its weights, and so its output, are zero before the output
//   projection (Michel et al. 2019's head mask). The maps are "encoder_self", "decoder_self"
//   and "cross"; an RNN model has only "cross", whose one head ablated zeroes every context.
// - A token forced at step t: the decoder feeds it to step t + 1 instead of the argmax, and
//   greedy decoding goes on from there. Forcing <eos> ends the output at t.
//
// Edits at a step the decode does not reach (it ended earlier) do nothing. Steps before the
// first edited one compute exactly what decodeGreedy computes (the same arithmetic in the same
// order), so the before/after difference starts where the intervention does.
//
// The result is a DecodeResult laid out as decodeGreedy's. Its maps show the weights the values
// were actually weighed with: an edited row as edited, an ablated head as zeros (such rows do
// not sum to 1, so Trace::validate() refuses them by design). Scores before the softmax are the
// model's own. Qt-free; const on the model, so a worker thread can run it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode/decode_options.h"
#include "tensor/precision.h"
#include "trace/map_kind.h"

namespace attn::inline ATTN_PRECISION {

struct Model;

// The cross-attention row of one output step, replaced.
struct RowEdit {
  int64_t step = 0;  // the output step: the row of the cross map, from 0
  int layer = 0;     // the decoder layer (RNN models: 0)
  int head = -1;     // one head, or −1: every head of the layer (RNN models: −1 or 0)
  std::vector<double> weights;  // one per source token, <eos> included; each >= 0
  bool renormalise = false;     // divide by the sum first; a row of zeros stays zeros
};

struct HeadAblation {
  MapKind map = MapKind::Cross;  // Cross, DecoderSelf or EncoderSelf
  int layer = 0;
  int head = 0;
};

struct ForcedToken {
  int64_t step = 0;   // the output step whose token is replaced
  int64_t token = 0;  // an id of the target vocabulary
};

struct Intervention {
  std::vector<RowEdit> rows;
  std::vector<HeadAblation> ablations;
  std::vector<ForcedToken> forced;

  bool empty() const { return rows.empty() && ablations.empty() && forced.empty(); }
};

// Rows over a source of `keys` tokens (with <eos>): all zeros; 1 on `key` and 0 elsewhere.
RowEdit zeroRow(int64_t step, int64_t keys, int layer = 0, int head = -1);
RowEdit oneHotRow(int64_t step, int64_t key, int64_t keys, int layer = 0, int head = -1);

// Throws attn::Error naming the first edit that does not fit the model or a source of
// `sourceKeys` tokens (with <eos>): a map, layer, head or token the model lacks, a row of the
// wrong length or with a negative or non-finite weight, two edits of the same row or step.
void validateIntervention(const Model& model, const Intervention& intervention, int64_t sourceKeys);

// Greedy decoding of `sentence` under `intervention` (an empty one gives decodeGreedy's result
// exactly). Options as decodeGreedy's (beam width and length penalty: only the latter, for the
// score). Throws attn::Error for bad input or a bad intervention, attn::Cancelled on request.
DecodeResult decodeWithIntervention(const Model& model, std::string_view sentence,
                                    const Intervention& intervention,
                                    const DecodeOptions& options = {});

}  // namespace attn::inline ATTN_PRECISION
