#include "models/transformer_model.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "models/config_reader.h"
#include "tensor/ops_attention.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

TransformerModelConfig TransformerModelConfig::fromJson(const nlohmann::json& j, int64_t srcVocab,
                                                        int64_t tgtVocab) {
  using L = ConfigLimits;
  const nlohmann::json v = readConfig(Arch::Transformer, j);
  TransformerModelConfig c;
  c.dModel = v["d_model"].get<int64_t>();
  c.nhead = v["nhead"].get<int64_t>();
  c.numEncoderLayers = v["num_encoder_layers"].get<int64_t>();
  c.numDecoderLayers = v["num_decoder_layers"].get<int64_t>();
  c.dimFeedforward = v["dim_feedforward"].get<int64_t>();
  c.normFirst = v["norm_first"].get<bool>();
  if (srcVocab < 4 || srcVocab > L::kMaxVocab || tgtVocab < 4 || tgtVocab > L::kMaxVocab)
    throw Error("vocabulary sizes must be between 4 and " + std::to_string(L::kMaxVocab));
  c.srcVocab = srcVocab;
  c.tgtVocab = tgtVocab;
  return c;
}

nlohmann::json TransformerModelConfig::toJson() const {
  return {{"arch", "transformer"},
          {"d_model", dModel},
          {"nhead", nhead},
          {"num_encoder_layers", numEncoderLayers},
          {"num_decoder_layers", numDecoderLayers},
          {"dim_feedforward", dimFeedforward},
          {"norm_first", normFirst}};
}

int64_t TransformerModelConfig::parameterCount() const {
  const int64_t d = dModel, f = dimFeedforward;
  const int64_t attention = 4 * d * d + 4 * d;    // in_proj [3d, d] + [3d], out_proj
  const int64_t feedForward = 2 * d * f + f + d;  // linear1, linear2
  const int64_t encoderLayer = attention + feedForward + 2 * 2 * d;      // norm1, norm2
  const int64_t decoderLayer = 2 * attention + feedForward + 3 * 2 * d;  // norm1..3
  return (srcVocab + tgtVocab) * d + numEncoderLayers * encoderLayer +
         numDecoderLayers * decoderLayer + 2 * 2 * d  // the final encoder and decoder norms
         + tgtVocab * d + tgtVocab;                   // out
}

namespace {

TransformerLayerConfig layerConfig(const TransformerModelConfig& c) {
  return TransformerLayerConfig{c.dModel, c.nhead, c.dimFeedforward, c.normFirst};
}

void checkLength(int64_t length, const char* what) {
  if (length > TransformerModel::kMaxPositions)
    throw Error(std::string(what) + " of " + std::to_string(length) +
                " tokens is longer than the transformer's " +
                std::to_string(TransformerModel::kMaxPositions) + " positions");
}

std::vector<Tensor> valuesOf(const std::vector<Var>& vars) {
  std::vector<Tensor> out;
  out.reserve(vars.size());
  for (const Var& v : vars) out.push_back(v.value());
  return out;
}

// weight [V, d], ids [B, T] -> weight[ids]·factor + table[t] [B, T, d] (table [T, d]): a
// stack's input in one node, where embedding(), scale() and a broadcast add would take four,
// and the add's backward would reduce over the batch for a constant table that needs no
// gradient. The product and the sum are rounded one after the other, as PyTorch rounds them.
Var embedWithPositions(const Var& weight, const std::vector<int64_t>& ids, int64_t batch,
                       int64_t length, Scalar factor, const Tensor& table) {
  const int64_t vocab = weight.dim(0), d = weight.dim(1);
  ATTN_CHECK(static_cast<int64_t>(ids.size()) == batch * length, "embedding: ids/shape mismatch");
  ATTN_CHECK(table.shape() == (Shape{length, d}), "positional table of the wrong shape");
  for (int64_t id : ids)
    ATTN_CHECK(id >= 0 && id < vocab, "embedding: token id " + std::to_string(id) +
                                          " outside a vocabulary of " + std::to_string(vocab));
  Tensor out = Tensor::empty(Shape{batch, length, d});
  auto y = out.mat();  // [B·T, d]
  const auto w = weight.value().mat();
  const auto pe = table.mat();
  for (int64_t i = 0; i < batch * length; ++i) {
    y.row(i) = w.row(ids[static_cast<size_t>(i)]) * factor;
    y.row(i) += pe.row(i % length);
  }
  return makeResult(std::move(out), {weight}, [ids, factor](Node& self) {
    auto g = self.grad.mat();
    auto gw = self.inputs[0]->gradRef().mat();
    for (size_t i = 0; i < ids.size(); ++i)
      gw.row(ids[i]) += g.row(static_cast<int64_t>(i)) * factor;
  });
}

// One step's maps, per layer [N, h, 1, K] -> [N, h, K] (the step's single query row).
std::vector<Tensor> queryRows(const std::vector<Var>& vars) {
  std::vector<Tensor> out;
  out.reserve(vars.size());
  for (const Var& v : vars) out.push_back(v.value().reshaped(Shape{v.dim(0), v.dim(1), v.dim(3)}));
  return out;
}

// Between steps: each decoder layer's cross-attention keys of the source and its cache of
// self-attention keys, and the encoder's maps (computed once, reported on demand).
class TransformerStepState : public DecoderState {
 public:
  TransformerDecoderState decoder;
  std::vector<Tensor> encoderSelf;  // per layer [B, h, S, S] of the encoded batch
  std::vector<int64_t> sourceRows;  // hypothesis i decodes source row sourceRows[i]

  int64_t rows() const override { return static_cast<int64_t>(sourceRows.size()); }

  void selectRows(const std::vector<int64_t>& rows) override {
    std::vector<int64_t> sources;
    sources.reserve(rows.size());
    for (int64_t r : rows) {
      ATTN_CHECK(r >= 0 && r < this->rows(),
                 "selectRows: row " + std::to_string(r) + " of " + std::to_string(this->rows()));
      sources.push_back(sourceRows[static_cast<size_t>(r)]);
    }
    decoder = attn::selectRows(decoder, rows);
    sourceRows = std::move(sources);
  }

  // The encoder's maps stay as encode() made them; a beam's reordering only picks rows here,
  // so selectRows() never copies [N, h, S, S] per layer at every step.
  AttentionMaps encoderAttention() const override {
    NoGradGuard noGrad;
    std::vector<Tensor> layers;
    for (const Tensor& t : encoderSelf) layers.push_back(gatherBatch(Var(t), sourceRows).value());
    return {{MapKind::EncoderSelf, std::move(layers)}};
  }
};

}  // namespace

TransformerModel::Stacks::Stacks(const TransformerModelConfig& c, Random& rng)
    : encoder(layerConfig(c), c.numEncoderLayers, /*finalNorm=*/true, rng),
      decoder(layerConfig(c), c.numDecoderLayers, /*finalNorm=*/true, rng) {
  registerModule("encoder", encoder);
  registerModule("decoder", decoder);
  // nn.Transformer's _reset_parameters: xavier-uniform for every matrix of both stacks.
  resetParametersLikeTransformer(*this, rng);
}

TransformerModel::TransformerModel(const TransformerModelConfig& config, Random& rng)
    : config_(config),
      srcEmbedding_(config.srcVocab, config.dModel, rng),
      tgtEmbedding_(config.tgtVocab, config.dModel, rng),
      transformer_(config, rng),
      out_(config.dModel, config.tgtVocab, true, rng),
      positions_(config.dModel) {
  // The reference module's attribute order, which is its state_dict order.
  registerModule("src_embedding", srcEmbedding_);
  registerModule("tgt_embedding", tgtEmbedding_);
  registerModule("transformer", transformer_);
  registerModule("out", out_);
}

// ids [B, T] -> [B, T, d]
Var TransformerModel::embed(const Embedding& embedding, const std::vector<int64_t>& ids,
                            const Shape& idShape, int64_t offset) const {
  const auto sqrtD = static_cast<Scalar>(std::sqrt(static_cast<double>(config_.dModel)));
  const int64_t length = idShape.dim(1);
  return embedWithPositions(embedding.weight, ids, idShape.dim(0), length, sqrtD,
                            positions_.table(length, offset));
}

Seq2SeqForward TransformerModel::forward(const TokenBatch& src, const TokenBatch& tgtIn) const {
  // src [B, S], tgtIn [B, T] -> logits [B, T, Vt]; per layer encoder_self [B, h, S, S],
  // decoder_self [B, h, T, T], cross [B, h, T, S]
  ATTN_CHECK(src.batch == tgtIn.batch, "forward: source and target batches differ");
  checkLength(src.length, "a source");
  checkLength(tgtIn.length, "a target");
  EncoderOutput enc =
      transformer_.encoder.forward(embed(srcEmbedding_, src.ids, src.shape(), 0), src.lengths);
  DecoderOutput dec =
      transformer_.decoder.forward(embed(tgtEmbedding_, tgtIn.ids, tgtIn.shape(), 0), enc.output,
                                   tgtIn.lengths, src.lengths, /*causal=*/true);
  Seq2SeqForward result;
  result.logits = out_.forward(dec.output);
  result.attention[MapKind::EncoderSelf] = valuesOf(enc.selfWeights);
  result.attention[MapKind::DecoderSelf] = valuesOf(dec.selfWeights);
  result.attention[MapKind::Cross] = valuesOf(dec.crossWeights);
  // Scores exist only without a graph (inspection); per output step, so the decoder's maps.
  if (!dec.selfScores.empty()) result.scores[MapKind::DecoderSelf] = valuesOf(dec.selfScores);
  if (!dec.crossScores.empty()) result.scores[MapKind::Cross] = valuesOf(dec.crossScores);
  return result;
}

Var TransformerModel::sourceInput(const TokenBatch& src) const {
  // src [B, S] -> emb(src)·√d [B, S, d]
  const auto sqrtD = static_cast<Scalar>(std::sqrt(static_cast<double>(config_.dModel)));
  return scale(srcEmbedding_.forward(src.ids, src.shape()), sqrtD);
}

Seq2SeqForward TransformerModel::forwardFromSourceInput(const Var& input, const TokenBatch& src,
                                                        const TokenBatch& tgtIn) const {
  // input [B, S, d] (emb·√d), tgtIn [B, T] -> logits [B, T, Vt] and the maps, as forward()
  ATTN_CHECK(src.batch == tgtIn.batch, "forward: source and target batches differ");
  checkLength(src.length, "a source");
  checkLength(tgtIn.length, "a target");
  if (input.shape() != (Shape{src.batch, src.length, config_.dModel}))
    throw Error("the source input must be [batch, length, d_model]");
  // Product then sum, rounded one after the other as embedWithPositions rounds them, so this
  // path gives forward()'s numbers.
  EncoderOutput enc = transformer_.encoder.forward(positions_.addTo(input, 0), src.lengths);
  DecoderOutput dec =
      transformer_.decoder.forward(embed(tgtEmbedding_, tgtIn.ids, tgtIn.shape(), 0), enc.output,
                                   tgtIn.lengths, src.lengths, /*causal=*/true);
  Seq2SeqForward result;
  result.logits = out_.forward(dec.output);
  result.attention[MapKind::EncoderSelf] = valuesOf(enc.selfWeights);
  result.attention[MapKind::DecoderSelf] = valuesOf(dec.selfWeights);
  result.attention[MapKind::Cross] = valuesOf(dec.crossWeights);
  return result;
}

std::unique_ptr<DecoderState> TransformerModel::encode(const TokenBatch& src) const {
  return encodeEdited(src, AttentionEdits{});  // no edit: find() gives null everywhere
}

std::unique_ptr<DecoderState> TransformerModel::encodeEdited(const TokenBatch& src,
                                                             const AttentionEdits& edits) const {
  // src [B, S] -> the source's cross-attention keys for every decoder layer, an empty cache
  NoGradGuard noGrad;
  checkLength(src.length, "a source");
  EncoderOutput enc = transformer_.encoder.forward(embed(srcEmbedding_, src.ids, src.shape(), 0),
                                                   src.lengths, &edits);
  auto state = std::make_unique<TransformerStepState>();
  state->decoder = transformer_.decoder.startDecoding(enc.output, src.lengths);
  state->encoderSelf = valuesOf(enc.selfWeights);
  for (int64_t b = 0; b < src.batch; ++b) state->sourceRows.push_back(b);
  return state;
}

DecoderStepOutput TransformerModel::step(DecoderState& base,
                                         const std::vector<int64_t>& tokens) const {
  // tokens [N] -> log-probs [N, Vt]; per layer decoder_self [N, h, t + 1], cross [N, h, S]
  NoGradGuard noGrad;
  auto& state = dynamic_cast<TransformerStepState&>(base);
  const int64_t n = static_cast<int64_t>(tokens.size());
  ATTN_CHECK(n == state.rows(), "step: one token per hypothesis");
  const int64_t position = state.decoder.length;
  if (position >= kMaxPositions)
    throw Error("the transformer decodes at most " + std::to_string(kMaxPositions) + " tokens");
  DecoderOutput dec = transformer_.decoder.step(embed(tgtEmbedding_, tokens, Shape{n, 1}, position),
                                                state.decoder, state.edits);
  DecoderStepOutput out;
  out.logProbs = logSoftmax(out_.forward(dec.output)).value().reshaped(Shape{n, config_.tgtVocab});
  out.attention[MapKind::DecoderSelf] = queryRows(dec.selfWeights);
  out.attention[MapKind::Cross] = queryRows(dec.crossWeights);
  out.scores[MapKind::DecoderSelf] = queryRows(dec.selfScores);
  out.scores[MapKind::Cross] = queryRows(dec.crossScores);
  return out;
}

}  // namespace attn::inline ATTN_PRECISION
