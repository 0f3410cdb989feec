#include "layers/transformer.h"

#include <string>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {

const TransformerLayerConfig& checked(const TransformerLayerConfig& c) {
  if (c.dModel <= 0 || c.nhead <= 0 || c.dimFeedforward <= 0)
    throw Error("transformer sizes must be positive (d_model " + std::to_string(c.dModel) +
                ", nhead " + std::to_string(c.nhead) + ", dim_feedforward " +
                std::to_string(c.dimFeedforward) + ")");
  if (c.dModel % c.nhead != 0)
    throw Error("d_model (" + std::to_string(c.dModel) + ") must be a multiple of nhead (" +
                std::to_string(c.nhead) + ")");
  return c;
}

void checkModelInput(const Var& x, int64_t d, const char* what) {
  ATTN_CHECK(x.shape().rank() == 3 && x.dim(2) == d, std::string(what) + " must be [B, T, " +
                                                         std::to_string(d) + "], not " +
                                                         x.shape().toString());
}

// linear2(relu(linear1(x))): the position-wise feed-forward block.
Var feedForward(const Linear& linear1, const Linear& linear2, const Var& x) {
  return linear2.forward(relu(linear1.forward(x)));
}

}  // namespace

// ---- encoder layer ----

TransformerEncoderLayer::TransformerEncoderLayer(const TransformerLayerConfig& config, Random& rng)
    : self_attn(checked(config).dModel, config.nhead, rng),
      linear1(config.dModel, config.dimFeedforward, true, rng),
      linear2(config.dimFeedforward, config.dModel, true, rng),
      norm1(config.dModel),
      norm2(config.dModel),
      normFirst_(config.normFirst) {
  // PyTorch's attribute order, which is its state_dict order.
  registerModule("self_attn", self_attn);
  registerModule("linear1", linear1);
  registerModule("linear2", linear2);
  registerModule("norm1", norm1);
  registerModule("norm2", norm2);
}

// src [B, S, d] -> output [B, S, d], selfWeights [B, h, S, S]
EncoderLayerOutput TransformerEncoderLayer::forward(const Var& src,
                                                    const std::vector<int64_t>& srcLengths,
                                                    const AttentionEdit* selfEdit) const {
  checkModelInput(src, self_attn.embedDim(), "encoder layer input");
  EncoderLayerOutput out;
  if (normFirst_) {
    const Var h = norm1.forward(src);
    MhaOutput a = self_attn.forward(h, h, h, srcLengths, false, selfEdit);
    const Var x = add(src, a.output);
    out.output = add(x, feedForward(linear1, linear2, norm2.forward(x)));
    out.selfWeights = a.weights;
    out.selfScores = a.scores;
  } else {
    MhaOutput a = self_attn.forward(src, src, src, srcLengths, false, selfEdit);
    const Var x = norm1.forward(add(src, a.output));
    out.output = norm2.forward(add(x, feedForward(linear1, linear2, x)));
    out.selfWeights = a.weights;
    out.selfScores = a.scores;
  }
  return out;
}

// ---- decoder layer ----

TransformerDecoderLayer::TransformerDecoderLayer(const TransformerLayerConfig& config, Random& rng)
    : self_attn(checked(config).dModel, config.nhead, rng),
      multihead_attn(config.dModel, config.nhead, rng),
      linear1(config.dModel, config.dimFeedforward, true, rng),
      linear2(config.dimFeedforward, config.dModel, true, rng),
      norm1(config.dModel),
      norm2(config.dModel),
      norm3(config.dModel),
      normFirst_(config.normFirst) {
  registerModule("self_attn", self_attn);
  registerModule("multihead_attn", multihead_attn);
  registerModule("linear1", linear1);
  registerModule("linear2", linear2);
  registerModule("norm1", norm1);
  registerModule("norm2", norm2);
  registerModule("norm3", norm3);
}

// tgt [B, T, d], memory [B, S, d] -> output [B, T, d], weights [B, h, T, T] and [B, h, T, S]
DecoderLayerOutput TransformerDecoderLayer::forward(const Var& tgt, const Var& memory,
                                                    const std::vector<int64_t>& tgtLengths,
                                                    const std::vector<int64_t>& memoryLengths,
                                                    bool causal) const {
  checkModelInput(tgt, self_attn.embedDim(), "decoder layer input");
  checkModelInput(memory, self_attn.embedDim(), "decoder memory");
  const Var h = normFirst_ ? norm1.forward(tgt) : tgt;
  return finish(tgt, self_attn.forward(h, h, h, tgtLengths, causal),
                multihead_attn.prepareKeys(memory, memory, memoryLengths));
}

// memory [B, S, d] -> the cross-attention keys, and an empty self-attention cache
DecoderLayerState TransformerDecoderLayer::startDecoding(
    const Var& memory, const std::vector<int64_t>& memoryLengths) const {
  checkModelInput(memory, self_attn.embedDim(), "decoder memory");
  DecoderLayerState state;
  state.memoryKeys = multihead_attn.prepareKeys(memory, memory, memoryLengths);
  return state;
}

// tgt [B, T, d], the new positions -> output [B, T, d], weights [B, h, T, T'] and [B, h, T, S]
DecoderLayerOutput TransformerDecoderLayer::step(const Var& tgt, DecoderLayerState& state,
                                                 const AttentionEdit* selfEdit,
                                                 const AttentionEdit* crossEdit) const {
  checkModelInput(tgt, self_attn.embedDim(), "decoder layer input");
  const Var h = normFirst_ ? norm1.forward(tgt) : tgt;
  state.selfKeys = self_attn.appendKeys(state.selfKeys, h);
  // causal with S' > T lines the new positions up with the last keys: each sees the cache and
  // the new positions up to itself.
  return finish(tgt, self_attn.attend(h, state.selfKeys, true, selfEdit), state.memoryKeys,
                crossEdit);
}

// tgt [B, T, d] and its self-attention -> the rest of the layer
DecoderLayerOutput TransformerDecoderLayer::finish(const Var& tgt, MhaOutput self,
                                                   const MhaKeys& memoryKeys,
                                                   const AttentionEdit* crossEdit) const {
  DecoderLayerOutput out;
  out.selfWeights = std::move(self.weights);
  out.selfScores = std::move(self.scores);
  if (normFirst_) {
    Var x = add(tgt, self.output);
    MhaOutput c = multihead_attn.attend(norm2.forward(x), memoryKeys, false, crossEdit);
    x = add(x, c.output);
    out.output = add(x, feedForward(linear1, linear2, norm3.forward(x)));
    out.crossWeights = std::move(c.weights);
    out.crossScores = std::move(c.scores);
  } else {
    Var x = norm1.forward(add(tgt, self.output));
    MhaOutput c = multihead_attn.attend(x, memoryKeys, false, crossEdit);
    x = norm2.forward(add(x, c.output));
    out.output = norm3.forward(add(x, feedForward(linear1, linear2, x)));
    out.crossWeights = std::move(c.weights);
    out.crossScores = std::move(c.scores);
  }
  return out;
}

// ---- stacks ----

TransformerEncoder::TransformerEncoder(const TransformerLayerConfig& config, int64_t numLayers,
                                       bool finalNorm, Random& rng) {
  if (numLayers <= 0)
    throw Error("a transformer encoder needs at least one layer, not " + std::to_string(numLayers));
  for (int64_t i = 0; i < numLayers; ++i) {
    layers.push_back(std::make_unique<TransformerEncoderLayer>(config, rng));
    registerModule("layers." + std::to_string(i), *layers.back());
  }
  if (finalNorm) {
    norm = std::make_unique<LayerNorm>(config.dModel);
    registerModule("norm", *norm);
  }
}

// src [B, S, d] -> output [B, S, d], per layer [B, h, S, S]
EncoderOutput TransformerEncoder::forward(const Var& src, const std::vector<int64_t>& srcLengths,
                                          const AttentionEdits* edits) const {
  EncoderOutput out;
  Var x = src;
  for (size_t i = 0; i < layers.size(); ++i) {
    const auto& layer = layers[i];
    EncoderLayerOutput o = layer->forward(
        x, srcLengths,
        edits ? edits->find(MapKind::EncoderSelf, static_cast<int64_t>(i)) : nullptr);
    x = std::move(o.output);
    out.selfWeights.push_back(std::move(o.selfWeights));
    if (o.selfScores.defined()) out.selfScores.push_back(std::move(o.selfScores));
  }
  out.output = norm ? norm->forward(x) : x;
  return out;
}

TransformerDecoder::TransformerDecoder(const TransformerLayerConfig& config, int64_t numLayers,
                                       bool finalNorm, Random& rng) {
  if (numLayers <= 0)
    throw Error("a transformer decoder needs at least one layer, not " + std::to_string(numLayers));
  for (int64_t i = 0; i < numLayers; ++i) {
    layers.push_back(std::make_unique<TransformerDecoderLayer>(config, rng));
    registerModule("layers." + std::to_string(i), *layers.back());
  }
  if (finalNorm) {
    norm = std::make_unique<LayerNorm>(config.dModel);
    registerModule("norm", *norm);
  }
}

// tgt [B, T, d], memory [B, S, d] -> output [B, T, d], per layer [B, h, T, T] and [B, h, T, S]
DecoderOutput TransformerDecoder::forward(const Var& tgt, const Var& memory,
                                          const std::vector<int64_t>& tgtLengths,
                                          const std::vector<int64_t>& memoryLengths,
                                          bool causal) const {
  DecoderOutput out;
  Var x = tgt;
  for (const auto& layer : layers) {
    DecoderLayerOutput o = layer->forward(x, memory, tgtLengths, memoryLengths, causal);
    x = std::move(o.output);
    out.selfWeights.push_back(std::move(o.selfWeights));
    out.crossWeights.push_back(std::move(o.crossWeights));
    if (o.selfScores.defined()) out.selfScores.push_back(std::move(o.selfScores));
    if (o.crossScores.defined()) out.crossScores.push_back(std::move(o.crossScores));
  }
  out.output = norm ? norm->forward(x) : x;
  return out;
}

TransformerDecoderState TransformerDecoder::startDecoding(
    const Var& memory, const std::vector<int64_t>& memoryLengths) const {
  TransformerDecoderState state;
  for (const auto& layer : layers)
    state.layers.push_back(layer->startDecoding(memory, memoryLengths));
  return state;
}

// tgt [B, T, d], the next T positions -> output [B, T, d], per layer [B, h, T, T'], [B, h, T, S]
DecoderOutput TransformerDecoder::step(const Var& tgt, TransformerDecoderState& state,
                                       const AttentionEdits* edits) const {
  ATTN_CHECK(state.layers.size() == layers.size(), "decoder step without startDecoding()");
  DecoderOutput out;
  Var x = tgt;
  for (size_t i = 0; i < layers.size(); ++i) {
    const auto layer = static_cast<int64_t>(i);
    DecoderLayerOutput o = layers[i]->step(
        x, state.layers[i], edits ? edits->find(MapKind::DecoderSelf, layer) : nullptr,
        edits ? edits->find(MapKind::Cross, layer) : nullptr);
    x = std::move(o.output);
    out.selfWeights.push_back(std::move(o.selfWeights));
    out.crossWeights.push_back(std::move(o.crossWeights));
    if (o.selfScores.defined()) out.selfScores.push_back(std::move(o.selfScores));
    if (o.crossScores.defined()) out.crossScores.push_back(std::move(o.crossScores));
  }
  state.length += tgt.dim(1);
  out.output = norm ? norm->forward(x) : x;
  return out;
}

TransformerDecoderState selectRows(const TransformerDecoderState& state,
                                   const std::vector<int64_t>& rows) {
  TransformerDecoderState out;
  out.length = state.length;
  for (const DecoderLayerState& l : state.layers)
    out.layers.push_back({selectRows(l.memoryKeys, rows), selectRows(l.selfKeys, rows)});
  return out;
}

void resetParametersLikeTransformer(Module& module, Random& rng) {
  NamedParameters params = module.namedParameters();
  for (auto& [name, p] : params)
    if (p.shape().rank() > 1) p.mutableValue() = xavierUniformInit(rng, p.shape());
}

}  // namespace attn::inline ATTN_PRECISION
