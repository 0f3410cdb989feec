#include "layers/attention_score.h"

#include "layers/attention_mask.h"
#include "tensor/ops_attention.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

ScoreKind parseScoreKind(const std::string& name) {
  if (name == "dot") return ScoreKind::Dot;
  if (name == "general") return ScoreKind::General;
  if (name == "additive") return ScoreKind::Additive;
  throw Error("unknown attention score '" + name + "' (expected dot, general or additive)");
}

const char* scoreKindName(ScoreKind kind) {
  switch (kind) {
    case ScoreKind::Dot:
      return "dot";
    case ScoreKind::General:
      return "general";
    case ScoreKind::Additive:
      return "additive";
  }
  return "?";
}

AttentionScore::AttentionScore(ScoreKind kind, int64_t queryDim, int64_t keyDim,
                               int64_t attentionDim, Random& rng)
    : kind_(kind), queryDim_(queryDim), keyDim_(keyDim) {
  if (queryDim <= 0 || keyDim <= 0)
    throw Error("attention sizes must be positive (query " + std::to_string(queryDim) + ", key " +
                std::to_string(keyDim) + ")");
  switch (kind) {
    case ScoreKind::Dot:
      if (keyDim != queryDim)
        throw Error("the dot score needs keys as large as the query: the encoder gives " +
                    std::to_string(keyDim) + " (hidden size × directions) but the decoder's " +
                    "hidden size is " + std::to_string(queryDim) +
                    "; use the general or additive score, or a unidirectional encoder");
      break;
    case ScoreKind::General:
      W = std::make_unique<Linear>(keyDim, queryDim, false, rng);
      registerModule("W", *W);
      break;
    case ScoreKind::Additive:
      if (attentionDim <= 0)
        throw Error("the additive score needs a positive attention_dim, not " +
                    std::to_string(attentionDim));
      // Registration order is PyTorch's attribute order, so state_dicts list them alike.
      query = std::make_unique<Linear>(queryDim, attentionDim, false, rng);
      key = std::make_unique<Linear>(keyDim, attentionDim, false, rng);
      v = std::make_unique<Linear>(attentionDim, 1, false, rng);
      registerModule("query", *query);
      registerModule("key", *key);
      registerModule("v", *v);
      break;
  }
}

// keys [B, S, K] -> the keys, their query-independent projection and the padding mask
PreparedKeys AttentionScore::prepareKeys(const Var& keys,
                                         const std::vector<int64_t>& keyLengths) const {
  ATTN_CHECK(keys.shape().rank() == 3 && keys.dim(2) == keyDim_,
             "attention keys must be [B, S, " + std::to_string(keyDim_) + "], not " +
                 keys.shape().toString());
  PreparedKeys p;
  p.keys = keys;
  p.keyLengths = keyLengths;
  if (kind_ == ScoreKind::General) p.projected = W->forward(keys);
  if (kind_ == ScoreKind::Additive) p.projected = key->forward(keys);
  Tensor mask = keyPaddingMask(keyLengths, keys.dim(0), keys.dim(1));
  if (mask.defined()) p.mask = Var(std::move(mask));
  return p;
}

// keys [B, S, K], projected [B, S, ·], mask [B, S] -> the same for [n, ...]
PreparedKeys selectRows(const PreparedKeys& keys, const std::vector<int64_t>& rows) {
  PreparedKeys out;
  out.keys = gatherBatch(keys.keys, rows);
  if (keys.projected.defined()) out.projected = gatherBatch(keys.projected, rows);
  if (keys.mask.defined()) out.mask = gatherBatch(keys.mask, rows);
  if (!keys.keyLengths.empty())
    for (int64_t r : rows) out.keyLengths.push_back(keys.keyLengths.at(static_cast<size_t>(r)));
  return out;
}

// query [B, H], keys [B, S, K] -> scores [B, S], weights [B, S], context [B, K]
AttentionResult AttentionScore::attend(const Var& query, const PreparedKeys& keys) const {
  const int64_t batch = keys.keys.dim(0), steps = keys.keys.dim(1);
  ATTN_CHECK(query.shape() == (Shape{batch, queryDim_}),
             "attention query must be [" + std::to_string(batch) + ", " +
                 std::to_string(queryDim_) + "], not " + query.shape().toString());
  AttentionResult r;
  switch (kind_) {
    case ScoreKind::Dot:
    case ScoreKind::General: {
      // qᵀ h_j (dot) or qᵀ (W h_j) (general), every j at once: [B, 1, H] x [B, S, H]ᵀ.
      const Var& against = kind_ == ScoreKind::Dot ? keys.keys : keys.projected;
      r.scores = reshape(bmm(reshape(query, Shape{batch, 1, queryDim_}), against, true),
                         Shape{batch, steps});
      break;
    }
    case ScoreKind::Additive: {
      // vᵀ tanh(W_k h_j + W_q q), every j at once, in one fused op (the decoder's hot path).
      r.scores = additiveScores(keys.projected, this->query->forward(query), v->weight);
      break;
    }
  }
  if (keys.mask.defined()) r.scores = add(r.scores, keys.mask);
  r.weights = softmax(r.scores);
  // c = Σ_j a_j h_j: [B, 1, S] x [B, S, K].
  r.context =
      reshape(bmm(reshape(r.weights, Shape{batch, 1, steps}), keys.keys), Shape{batch, keyDim_});
  return r;
}

}  // namespace attn::inline ATTN_PRECISION
