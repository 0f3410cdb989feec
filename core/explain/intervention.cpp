#include "explain/intervention.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "decode/decoder.h"
#include "decode/greedy_loop.h"
#include "decode/step_record.h"
#include "decode/text_input.h"
#include "decode/trace_assembly.h"
#include "models/model.h"
#include "models/rnn_seq2seq.h"
#include "models/transformer_model.h"

namespace attn::inline ATTN_PRECISION {

namespace {

struct MapShape {
  int layers = 0, heads = 0;
};

// The attention maps a model's decoding computes, with their layers and heads.
std::map<MapKind, MapShape> mapShapes(const Seq2SeqModel& net) {
  if (const auto* rnn = dynamic_cast<const RnnSeq2Seq*>(&net)) {
    if (rnn->config().attention == AttentionKind::None) return {};
    return {{MapKind::Cross, {1, 1}}};
  }
  if (const auto* t = dynamic_cast<const TransformerModel*>(&net)) {
    const TransformerModelConfig& c = t->config();
    const int h = static_cast<int>(c.nhead);
    return {{MapKind::EncoderSelf, {static_cast<int>(c.numEncoderLayers), h}},
            {MapKind::DecoderSelf, {static_cast<int>(c.numDecoderLayers), h}},
            {MapKind::Cross, {static_cast<int>(c.numDecoderLayers), h}}};
  }
  return {};
}

std::string stepName(int64_t step) {
  return "step " + std::to_string(step + 1);
}

void checkRow(const RowEdit& row, const MapShape& cross, int64_t sourceKeys) {
  const std::string where = "the attention row of " + stepName(row.step);
  if (row.step < 0 || row.step >= kMaxDecodeSteps)
    throw Error("an attention row edit names step " + std::to_string(row.step) +
                ", outside the steps a decode can have");
  if (row.layer < 0 || row.layer >= cross.layers)
    throw Error(where + " names layer " + std::to_string(row.layer) + "; the model has " +
                std::to_string(cross.layers) + " cross-attention layer(s)");
  if (row.head < -1 || row.head >= cross.heads)
    throw Error(where + " names head " + std::to_string(row.head) + "; the model has " +
                std::to_string(cross.heads) + " head(s) per layer");
  if (static_cast<int64_t>(row.weights.size()) != sourceKeys)
    throw Error(where + " has " + std::to_string(row.weights.size()) +
                " weights, but the source has " + std::to_string(sourceKeys) +
                " tokens (with <eos>)");
  for (double w : row.weights)
    if (!std::isfinite(w) || w < 0)
      throw Error(where + " has a weight that is negative or not a number");
}

// The weights a row edit puts in place, in the engine's precision.
std::vector<Scalar> rowWeights(const RowEdit& row) {
  double sum = 0;
  for (double w : row.weights) sum += w;
  const bool divide = row.renormalise && sum > 0;
  std::vector<Scalar> out;
  out.reserve(row.weights.size());
  for (double w : row.weights) out.push_back(static_cast<Scalar>(divide ? w / sum : w));
  return out;
}

// What the model's step() and encodeEdited() read: the ablations at every step, and per step
// the rows edited there.
struct EditPlan {
  AttentionEdits encoder;                    // "encoder_self" ablations
  AttentionEdits everyStep;                  // decoder ablations
  std::map<int64_t, AttentionEdits> atStep;  // everyStep plus the rows of that step
  std::map<int64_t, int64_t> forced;         // step -> token id

  const AttentionEdits* editsAt(int64_t step) const {
    const auto it = atStep.find(step);
    if (it != atStep.end()) return &it->second;
    return everyStep.empty() ? nullptr : &everyStep;
  }
};

EditPlan planEdits(const Model& model, const Intervention& iv) {
  const std::map<MapKind, MapShape> shapes = mapShapes(*model.seq2seq);
  const int crossHeads = shapes.count(MapKind::Cross) ? shapes.at(MapKind::Cross).heads : 0;
  EditPlan plan;
  for (const HeadAblation& a : iv.ablations) {
    AttentionEdits& target = a.map == MapKind::EncoderSelf ? plan.encoder : plan.everyStep;
    target.maps[a.map][a.layer].zeroedHeads.insert(a.head);
  }
  for (const RowEdit& row : iv.rows) {
    auto [it, added] = plan.atStep.try_emplace(row.step, plan.everyStep);
    (void)added;
    AttentionEdit& edit = it->second.maps[MapKind::Cross][row.layer];
    const std::vector<Scalar> weights = rowWeights(row);
    if (row.head >= 0) {
      edit.rows[row.head] = weights;
    } else {
      for (int h = 0; h < crossHeads; ++h) edit.rows[h] = weights;
    }
  }
  for (const ForcedToken& f : iv.forced) plan.forced[f.step] = f.token;
  return plan;
}

}  // namespace

RowEdit zeroRow(int64_t step, int64_t keys, int layer, int head) {
  RowEdit r;
  r.step = step;
  r.layer = layer;
  r.head = head;
  r.weights.assign(static_cast<size_t>(std::max<int64_t>(keys, 0)), 0.0);
  return r;
}

RowEdit oneHotRow(int64_t step, int64_t key, int64_t keys, int layer, int head) {
  RowEdit r = zeroRow(step, keys, layer, head);
  if (key >= 0 && key < keys) r.weights[static_cast<size_t>(key)] = 1.0;
  return r;
}

void validateIntervention(const Model& model, const Intervention& iv, int64_t sourceKeys) {
  const Seq2SeqModel& net = seq2seqOf(model, "an intervention");
  const std::map<MapKind, MapShape> shapes = mapShapes(net);
  const auto cross = shapes.find(MapKind::Cross);
  if (!iv.rows.empty() && cross == shapes.end())
    throw Error("this model has no attention over the source whose rows could be edited");
  std::set<std::tuple<int64_t, int, int>> rowsSeen;
  for (const RowEdit& row : iv.rows) {
    checkRow(row, cross->second, sourceKeys);
    // A row for every head overlaps every single-head row of that layer: one edit per head.
    for (int h = 0; h < cross->second.heads; ++h)
      if ((row.head < 0 || row.head == h) && !rowsSeen.insert({row.step, row.layer, h}).second)
        throw Error("the attention row of " + stepName(row.step) + " is edited twice");
  }
  for (const HeadAblation& a : iv.ablations) {
    const auto shape = shapes.find(a.map);
    if (shape == shapes.end())
      throw Error("this model has no '" + mapKindName(a.map) +
                  "' attention whose heads could be ablated");
    if (a.layer < 0 || a.layer >= shape->second.layers || a.head < 0 ||
        a.head >= shape->second.heads)
      throw Error("no head " + std::to_string(a.head) + " in layer " + std::to_string(a.layer) +
                  " of '" + mapKindName(a.map) + "' (it has " +
                  std::to_string(shape->second.layers) + " layer(s) of " +
                  std::to_string(shape->second.heads) + " head(s))");
  }
  std::set<int64_t> forcedSeen;
  const auto vocab = model.tgtVocab.size();
  for (const ForcedToken& f : iv.forced) {
    if (f.step < 0 || f.step >= kMaxDecodeSteps)
      throw Error("a forced token names step " + std::to_string(f.step) +
                  ", outside the steps a decode can have");
    if (f.token < 0 || f.token >= vocab)
      throw Error("the token forced at " + stepName(f.step) + " is not in the target vocabulary");
    if (!forcedSeen.insert(f.step).second)
      throw Error("two tokens are forced at " + stepName(f.step));
  }
}

DecodeResult decodeWithIntervention(const Model& model, std::string_view sentence,
                                    const Intervention& intervention,
                                    const DecodeOptions& options) {
  validateDecodeOptions(options);
  const Seq2SeqModel& net = seq2seqOf(model, "decoding with an intervention");
  const EncodedText source = encodeSourceText(model, sentence, options.maxInputTokens);
  validateIntervention(model, intervention, static_cast<int64_t>(source.ids.size()));
  const EditPlan plan = planEdits(model, intervention);
  const int64_t maxSteps = resolveMaxSteps(net, options, source.typedCount());

  // The loop of decodeGreedy, with the edits of each step handed to step() and forced tokens
  // taking the argmax's place.
  std::unique_ptr<DecoderState> state = net.encodeEdited(singleRowBatch(source.ids), plan.encoder);
  GreedyHooks hooks;
  hooks.editsAt = [&plan](int64_t step) { return plan.editsAt(step); };
  hooks.forcedAt = [&plan](int64_t step) {
    const auto it = plan.forced.find(step);
    return it == plan.forced.end() ? int64_t(-1) : it->second;
  };
  return runGreedy(model, net, source, *state, maxSteps, options, hooks);
}

}  // namespace attn::inline ATTN_PRECISION
