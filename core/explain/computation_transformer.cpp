// The transformer's attention taken apart, per head (docs/file-formats.md, transformer). Mirrors of
// the encoder and decoder stacks, loaded with the model's weights, give the input of the chosen
// layer's attention block (after norm1/norm2 in a pre-norm layer, or the sum the post-norm
// layer normalised); from that input on, the projections q = W_q x + b_q, k_j, v_j, the scores
// q·k_j/√d_k, the softmax, each head's Σ_j a_j v_j, their concatenation and W_o are computed
// here from the parameters `…in_proj_weight`, `…in_proj_bias` and `…out_proj.*`.
#include <cmath>
#include <string>

#include "explain/computation_parts.h"
#include "tensor/ops.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION::explain {

namespace {

using Rows = std::vector<std::vector<double>>;

// ids -> emb(ids)·√d + PE[0, T), [1, T, d], rounded as the model rounds it (product, then sum).
Var embed(const ComputationExplainer::Transformer& tf, const std::string& table,
          const std::vector<int64_t>& ids) {
  const Tensor& w = parameter(tf.params, table);
  const int64_t t = static_cast<int64_t>(ids.size()), d = w.dim(1);
  const auto factor = static_cast<Scalar>(std::sqrt(static_cast<double>(d)));
  const Tensor pe = tf.positions->table(t, 0);
  Tensor x = Tensor::empty(Shape{1, t, d});
  for (int64_t p = 0; p < t; ++p) {
    const int64_t id = ids[size_t(p)];
    if (id < 0 || id >= w.dim(0)) throw Error("a token id is outside the model's vocabulary");
    for (int64_t c = 0; c < d; ++c) {
      Scalar v = w[id * d + c] * factor;
      v += pe[p * d + c];
      x[p * d + c] = v;
    }
  }
  return Var(std::move(x));
}

Rows rowsOf(const Var& x, int64_t count) {
  Rows out;
  for (int64_t j = 0; j < count; ++j) out.push_back(rowOf(x.value(), j));
  return out;
}

std::vector<double> plus(std::vector<double> a, const Tensor& bias, int64_t from) {
  for (size_t i = 0; i < a.size(); ++i) a[i] += bias[from + int64_t(i)];
  return a;
}

std::vector<double> slice(const std::vector<double>& v, int64_t from, int64_t n) {
  return std::vector<double>(v.begin() + from, v.begin() + from + n);
}

// Every head of the attention `prefix` (e.g. "transformer.decoder.layers.1.multihead_attn."):
// the query input x [d] over the key/value inputs [n][d], then the concatenation and W_o.
void attendHeads(const ComputationExplainer::Transformer& tf, const std::string& prefix,
                 const std::vector<double>& x, const Rows& inputs,
                 const std::vector<std::string>& labels, Computation& c) {
  const int64_t d = tf.config.dModel, heads = tf.config.nhead, dk = d / heads;
  const Tensor& w = parameter(tf.params, prefix + "in_proj_weight");  // [3d, d]: W_q; W_k; W_v
  const Tensor& b = parameter(tf.params, prefix + "in_proj_bias");
  const std::vector<double> q = plus(matVec(w, x, 0, d), b, 0);
  Rows k, v;
  for (const auto& row : inputs) {
    k.push_back(plus(matVec(w, row, d, d), b, d));
    v.push_back(plus(matVec(w, row, 2 * d, d), b, 2 * d));
  }
  for (int64_t h = 0; h < heads; ++h) {
    HeadComputation head;
    head.formula = ScoreFormula::ScaledDot;
    head.query = slice(q, h * dk, dk);
    head.scale = 1.0 / std::sqrt(static_cast<double>(dk));
    for (size_t j = 0; j < inputs.size(); ++j) {
      KeyTerm term;
      term.token = labels[j];
      term.key = slice(k[j], h * dk, dk);
      term.value = slice(v[j], h * dk, dk);
      for (int64_t i = 0; i < dk; ++i) term.dot += head.query[size_t(i)] * term.key[size_t(i)];
      term.score = term.dot * head.scale;
      head.keys.push_back(std::move(term));
    }
    finishSoftmax(head);
    c.concat.insert(c.concat.end(), head.output.begin(), head.output.end());
    c.heads.push_back(std::move(head));
  }
  c.projected = plus(matVec(parameter(tf.params, prefix + "out_proj.weight"), c.concat),
                     parameter(tf.params, prefix + "out_proj.bias"), 0);
}

void checkTransformerRequest(const ComputationExplainer::Transformer& tf,
                             const ComputationInput& in, const ComputationRequest& r) {
  const bool encoder = r.map == MapKind::EncoderSelf;
  if (!encoder && r.map != MapKind::Cross && r.map != MapKind::DecoderSelf)
    throw Error("a transformer's attention maps are cross, decoder_self and encoder_self, not '" +
                mapKindName(r.map) + "'");
  const int64_t layers = encoder ? tf.config.numEncoderLayers : tf.config.numDecoderLayers;
  if (r.layer < 0 || r.layer >= layers)
    throw Error("layer " + std::to_string(r.layer) + " is outside the " +
                (encoder ? "encoder's " : "decoder's ") + std::to_string(layers) + " layers");
  const int steps = static_cast<int>(in.targetIds.size());
  if (r.step < 0 || r.step >= steps)
    throw Error("step " + std::to_string(r.step) + " is outside the output's " +
                std::to_string(steps) + " steps");
  const int sources = static_cast<int>(in.sourceIds.size());
  if (encoder && (r.sourcePosition < 0 || r.sourcePosition >= sources))
    throw Error("source position " + std::to_string(r.sourcePosition) + " is outside the " +
                std::to_string(sources) + " source tokens");
}

// The next-token distribution at decoder position t: the whole decoder stack, its final norm,
// then `out`, computed here.
void nextTokens(const ComputationExplainer::Transformer& tf, const Model& model, const Var& tgt,
                const Var& memory, const ComputationInput& in, const ComputationRequest& r,
                Computation& c) {
  const DecoderOutput dec = tf.decoder->forward(tgt, memory);
  c.readout = rowOf(dec.output.value(), r.step);
  const std::vector<double> logits = plus(matVec(parameter(tf.params, "out.weight"), c.readout),
                                          parameter(tf.params, "out.bias"), 0);
  c.chosen = in.targetTokens[size_t(r.step)];
  c.next = topTokens(logits, model.tgtVocab.toList(), r.topK, in.targetIds[size_t(r.step)],
                     &c.chosenProb);
}

}  // namespace

ComputationExplainer::Transformer::Transformer(const Model& model)
    : params(parametersByName(model)) {
  const auto* net = dynamic_cast<const TransformerModel*>(model.seq2seq.get());
  ATTN_CHECK(net != nullptr, "a transformer model without its network");
  config = net->config();
  const TransformerLayerConfig layer{config.dModel, config.nhead, config.dimFeedforward,
                                     config.normFirst};
  Random rng(0);  // the mirrors' initial weights are replaced at once
  encoder = std::make_unique<TransformerEncoder>(layer, config.numEncoderLayers, true, rng);
  decoder = std::make_unique<TransformerDecoder>(layer, config.numDecoderLayers, true, rng);
  loadMirror(*encoder, params, "transformer.encoder.");
  loadMirror(*decoder, params, "transformer.decoder.");
  positions = std::make_unique<SinusoidalPositionalEncoding>(config.dModel);
}

Computation explainTransformer(const ComputationExplainer::Transformer& tf, const Model& model,
                               const ComputationInput& in, const ComputationRequest& r) {
  checkTransformerRequest(tf, in, r);
  NoGradGuard noGrad;
  const bool nf = tf.config.normFirst;
  Computation c;
  c.transformer = true;
  c.map = r.map;
  c.step = r.step;
  c.layer = r.layer;
  c.normFirst = nf;
  const std::string l = std::to_string(r.layer);

  // The encoder, keeping the chosen layer's input, and the memory the decoder reads.
  Var x = embed(tf, "src_embedding.weight", in.sourceIds);
  Var layerInput;
  for (size_t i = 0; i < tf.encoder->layers.size(); ++i) {
    if (static_cast<int>(i) == r.layer) layerInput = x;
    x = tf.encoder->layers[i]->forward(x).output;
  }
  const Var memory = tf.encoder->norm ? tf.encoder->norm->forward(x) : x;
  const int64_t sources = static_cast<int64_t>(in.sourceIds.size());

  if (r.map == MapKind::EncoderSelf) {
    const TransformerEncoderLayer& layer = *tf.encoder->layers[size_t(r.layer)];
    const Var h = nf ? layer.norm1.forward(layerInput) : layerInput;
    c.queryPosition = r.sourcePosition;
    c.queryToken = in.sourceTokens[size_t(r.sourcePosition)];
    attendHeads(tf, "transformer.encoder.layers." + l + ".self_attn.",
                rowOf(h.value(), r.sourcePosition), rowsOf(h, sources), in.sourceTokens, c);
    return c;
  }

  // The decoder reads <sos> y_1 … y_t; position t is this step's query.
  std::vector<int64_t> ids{data::Vocabulary::kSos};
  std::vector<std::string> labels{"<sos>"};
  for (int i = 0; i < r.step; ++i) {
    ids.push_back(in.targetIds[size_t(i)]);
    labels.push_back(in.targetTokens[size_t(i)]);
  }
  const Var tgt = embed(tf, "tgt_embedding.weight", ids);
  Var y = tgt;
  for (int i = 0; i < r.layer; ++i) y = tf.decoder->layers[size_t(i)]->forward(y, memory).output;
  const TransformerDecoderLayer& layer = *tf.decoder->layers[size_t(r.layer)];
  const Var h = nf ? layer.norm1.forward(y) : y;
  c.queryPosition = r.step;
  c.queryToken = labels.back();
  const std::string prefix = "transformer.decoder.layers." + l;
  if (r.map == MapKind::DecoderSelf) {
    // Causal: the query sees itself and the positions before it, which is all there are.
    attendHeads(tf, prefix + ".self_attn.", rowOf(h.value(), r.step), rowsOf(h, r.step + 1), labels,
                c);
  } else {
    const MhaOutput self = layer.self_attn.forward(h, h, h, {}, /*causal=*/true);
    const Var sum = add(y, self.output);
    const Var query = nf ? layer.norm2.forward(sum) : layer.norm1.forward(sum);
    attendHeads(tf, prefix + ".multihead_attn.", rowOf(query.value(), r.step),
                rowsOf(memory, sources), in.sourceTokens, c);
  }
  nextTokens(tf, model, tgt, memory, in, r, c);
  return c;
}

}  // namespace attn::inline ATTN_PRECISION::explain
