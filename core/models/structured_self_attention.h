// structured_self_attention (docs/file-formats.md, structured_self_attention): Lin et al. (2017)'s
// sentence classifier. A bidirectional LSTM or GRU reads the sentence (Hs [n, 2H]); r attention
// hops, each a distribution over the tokens, A = softmax(ws2 tanh(ws1 Hsᵀ)), pool it into a matrix
// embedding M = A Hs [r, 2H]; an MLP classifies the flattened M. The penalty ‖AAᵀ − I‖²_F pushes
// the hops to attend to different tokens. Parameter names are those of the contract, so a PyTorch
// state_dict loads as is.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "layers/basic.h"
#include "layers/rnn.h"
#include "models/classifier_model.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// The member defaults are those of the config table (models/config_keys.h), which fromJson()
// applies; config_keys_test checks that the two agree.
struct StructuredSelfAttentionConfig {
  RnnCell cell = RnnCell::Lstm;  // lstm or gru
  int64_t embedDim = 32;         // E
  int64_t hiddenDim = 32;        // H, per direction
  int64_t attentionDim = 32;     // d_a
  int64_t hops = 4;              // r
  int64_t mlpDim = 64;           // F
  int64_t numClasses = 2;        // C
  double penalty = 1.0;          // coefficient of the batch mean of P in the loss
  int64_t srcVocab = 0;

  int64_t annotationDim() const { return 2 * hiddenDim; }  // 2H: always bidirectional

  // The config keys of structured_self_attention (docs/file-formats.md) (with "arch"),
  // range-checked. The vocabulary size and the number of class names come from the model's
  // vocabularies: a `num_classes` in the config must equal `classCount`, and is filled in from it
  // when absent.
  static StructuredSelfAttentionConfig fromJson(const nlohmann::json& j, int64_t srcVocab,
                                                int64_t classCount);
  nlohmann::json toJson() const;
  // Without building the model, so a loader can refuse a config too large for its file (fc
  // alone is F × r·2H: the limits on each key still allow billions).
  int64_t parameterCount() const;
};

class StructuredSelfAttention : public ClassifierModel {
 public:
  StructuredSelfAttention(const StructuredSelfAttentionConfig& config, Random& rng);

  ClassifierForward forward(const TokenBatch& src) const override;
  // The saliency hook: the tokens' embeddings [B, n, E], and forward() from them.
  Var sourceInput(const TokenBatch& src) const override;
  ClassifierForward forwardFromSourceInput(const Var& input, const TokenBatch& src) const override;
  double penaltyCoefficient() const override { return config_.penalty; }
  const StructuredSelfAttentionConfig& config() const { return config_; }

 private:
  StructuredSelfAttentionConfig config_;
  Embedding embedding_;
  Rnn encoder_;
  Linear ws1_, ws2_, fc_, classifier_;
};

// The model's two own ops, each one node with a hand-written backward (checked by
// tests/grad/structured_self_attention_grad_test.cpp).

// projected [B, n, r] (ws2's output, one row per token) -> scores [B, r, n], one row per hop,
// −∞ at the padded tokens j >= lengths[b] (lengths empty: none padded), so that softmax gives
// them exactly 0. The transpose and the mask in one pass; no gradient reaches padded tokens.
Var hopScores(const Var& projected, const std::vector<int64_t>& lengths);

// hops A [B, r, n] -> P [B], P_b = ‖A_b A_bᵀ − I‖²_F. Backward: ∂P/∂A = 4 (AAᵀ − I) A.
Var hopPenalty(const Var& hops);

}  // namespace attn::inline ATTN_PRECISION
