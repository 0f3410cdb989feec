#include "models/structured_self_attention.h"

#include <limits>

#include "models/config_reader.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

StructuredSelfAttentionConfig StructuredSelfAttentionConfig::fromJson(const nlohmann::json& j,
                                                                      int64_t srcVocab,
                                                                      int64_t classCount) {
  using L = ConfigLimits;
  if (classCount < 1)
    throw Error("a structured_self_attention classifier needs its class names (none given)");
  const nlohmann::json v = readConfig(Arch::StructuredSelfAttention, j, classCount);
  StructuredSelfAttentionConfig c;
  c.cell = parseRnnCell(v["cell"].get<std::string>());
  c.embedDim = v["embed_dim"].get<int64_t>();
  c.hiddenDim = v["hidden_dim"].get<int64_t>();
  c.attentionDim = v["attention_dim"].get<int64_t>();
  c.hops = v["hops"].get<int64_t>();
  c.mlpDim = v["mlp_dim"].get<int64_t>();
  c.penalty = v["penalty"].get<double>();
  if (srcVocab < 4 || srcVocab > L::kMaxVocab)
    throw Error("the source vocabulary size must be between 4 and " + std::to_string(L::kMaxVocab));
  // The class names fix C; a config that says otherwise was written for other data.
  c.numClasses = v["num_classes"].get<int64_t>();
  if (c.numClasses != classCount)
    throw ConfigError({{"num_classes", "is " + std::to_string(c.numClasses) + " but there are " +
                                           std::to_string(classCount) + " class names"}});
  c.srcVocab = srcVocab;
  return c;
}

nlohmann::json StructuredSelfAttentionConfig::toJson() const {
  return {{"arch", "structured_self_attention"},
          {"cell", rnnCellName(cell)},
          {"embed_dim", embedDim},
          {"hidden_dim", hiddenDim},
          {"attention_dim", attentionDim},
          {"hops", hops},
          {"mlp_dim", mlpDim},
          {"num_classes", numClasses},
          {"penalty", penalty}};
}

int64_t StructuredSelfAttentionConfig::parameterCount() const {
  const int64_t gh = rnnGateCount(cell) * hiddenDim;
  const int64_t encoder = 2 * (gh * embedDim + gh * hiddenDim + 2 * gh);  // two directions
  return srcVocab * embedDim + encoder + attentionDim * annotationDim() + hops * attentionDim +
         (hops * annotationDim() + 1) * mlpDim + (mlpDim + 1) * numClasses;
}

StructuredSelfAttention::StructuredSelfAttention(const StructuredSelfAttentionConfig& config,
                                                 Random& rng)
    : config_(config),
      embedding_(config.srcVocab, config.embedDim, rng),
      encoder_(RnnConfig{config.cell, config.embedDim, config.hiddenDim, 1, true, true}, rng),
      ws1_(config.annotationDim(), config.attentionDim, false, rng),
      ws2_(config.attentionDim, config.hops, false, rng),
      fc_(config.hops * config.annotationDim(), config.mlpDim, true, rng),
      classifier_(config.mlpDim, config.numClasses, true, rng) {
  registerModule("embedding", embedding_);
  registerModule("encoder", encoder_);
  registerModule("ws1", ws1_);
  registerModule("ws2", ws2_);
  registerModule("fc", fc_);
  registerModule("classifier", classifier_);
}

ClassifierForward StructuredSelfAttention::forward(const TokenBatch& src) const {
  return forwardFromSourceInput(sourceInput(src), src);
}

Var StructuredSelfAttention::sourceInput(const TokenBatch& src) const {
  return embedding_.forward(src.ids, src.shape());  // [B, n, E]
}

ClassifierForward StructuredSelfAttention::forwardFromSourceInput(const Var& x,
                                                                  const TokenBatch& src) const {
  // x [B, n, E] (src embedded) -> logits [B, C]; scores and hops [B, r, n]; penalty [B]
  const int64_t b = src.batch;
  if (x.shape() != (Shape{src.batch, src.length, config_.embedDim}))
    throw Error("the source input must be [batch, length, embed_dim]");
  Var hs = encoder_.forward(x, src.lengths).output;      // [B, n, 2H], padded rows 0
  Var projected = ws2_.forward(tanh(ws1_.forward(hs)));  // [B, n, r]
  ClassifierForward f;
  f.scores = hopScores(projected, src.lengths);  // [B, r, n]
  f.hops = softmax(f.scores);                    // A, padded tokens exactly 0
  Var m = bmm(f.hops, hs);                       // M = A Hs [B, r, 2H]
  Var flat = reshape(m, Shape{b, config_.hops * config_.annotationDim()});
  f.logits = classifier_.forward(relu(fc_.forward(flat)));  // [B, C]
  f.penalty = hopPenalty(f.hops);
  return f;
}

Var hopScores(const Var& projected, const std::vector<int64_t>& lengths) {
  // projected [B, n, r] -> [B, r, n], −∞ past each row's length
  ATTN_CHECK(projected.shape().rank() == 3, "hopScores: projected must be [B, n, r]");
  const int64_t b = projected.dim(0), n = projected.dim(1), r = projected.dim(2);
  ATTN_CHECK(lengths.empty() || static_cast<int64_t>(lengths.size()) == b,
             "hopScores: one length per batch row");
  auto lengthOf = [lengths, n](int64_t row) {
    return lengths.empty() ? n : lengths[static_cast<size_t>(row)];
  };
  constexpr Scalar kNegInf = -std::numeric_limits<Scalar>::infinity();
  Tensor out = Tensor::empty(Shape{b, r, n});
  for (int64_t i = 0; i < b; ++i) {
    const int64_t len = lengthOf(i);
    ATTN_CHECK(len >= 1 && len <= n, "hopScores: a length outside 1..n");
    auto o = out.matAt(i);
    o.leftCols(len) = projected.value().matAt(i).topRows(len).transpose();
    o.rightCols(n - len).setConstant(kNegInf);
  }
  return makeResult(std::move(out), {projected}, [lengthOf, b](Node& self) {
    Tensor& g = self.inputs[0]->gradRef();
    for (int64_t i = 0; i < b; ++i) {
      const int64_t len = lengthOf(i);
      g.matAt(i).topRows(len) += self.grad.matAt(i).leftCols(len).transpose();
    }
  });
}

Var hopPenalty(const Var& hops) {
  // A [B, r, n] -> [B]
  ATTN_CHECK(hops.shape().rank() == 3, "hopPenalty: hops must be [B, r, n]");
  const int64_t b = hops.dim(0), r = hops.dim(1);
  // G = AAᵀ − I per sentence, kept for the backward pass (r × r each: small).
  auto gram = std::make_shared<Tensor>(Tensor::empty(Shape{b, r, r}));
  Tensor out = Tensor::empty(Shape{b});
  for (int64_t i = 0; i < b; ++i) {
    auto a = hops.value().matAt(i);
    auto g = gram->matAt(i);
    g.noalias() = a * a.transpose();
    g.diagonal().array() -= Scalar(1);
    out[i] = g.squaredNorm();
  }
  return makeResult(std::move(out), {hops}, [gram, b](Node& self) {
    // ∂P/∂A = 2 (G + Gᵀ) A = 4 G A, G being symmetric
    Node& a = *self.inputs[0];
    Tensor& ga = a.gradRef();
    for (int64_t i = 0; i < b; ++i)
      ga.matAt(i).noalias() += (Scalar(4) * self.grad[i]) * (gram->matAt(i) * a.value.matAt(i));
  });
}

}  // namespace attn::inline ATTN_PRECISION
