// transformer (docs/file-formats.md, transformer): nn.Transformer between a source and a target
// embedding, each scaled by √d and summed with the sinusoidal positions (from 0 in both
// stacks), and a Linear to the target vocabulary. Parameter names are PyTorch's state_dict
// names (`src_embedding.weight`, `transformer.encoder.layers.0.self_attn.in_proj_weight`, …,
// `out.bias`), so a PyTorch model with the §4 metadata loads as is.
//
// Every attention map is reported, every head of every layer: "encoder_self" [B, h, S, S],
// "decoder_self" [B, h, T, T] (causal) and "cross" [B, h, T, S]. Incremental decoding keeps,
// per decoder layer, the cross-attention keys and values of the source (projected once by
// encode()) and a cache of the self-attention keys and values of the tokens decoded so far,
// so step t costs one position's work over t keys rather than a rerun of the prefix.
#pragma once

#include <memory>

#include <nlohmann/json.hpp>

#include "layers/basic.h"
#include "layers/positional_encoding.h"
#include "layers/transformer.h"
#include "models/seq2seq_model.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// The member defaults are those of the config table (models/config_keys.h), which fromJson()
// applies; config_keys_test checks that the two agree.
struct TransformerModelConfig {
  int64_t dModel = 64;  // d
  int64_t nhead = 4;    // h, divides d
  int64_t numEncoderLayers = 2;
  int64_t numDecoderLayers = 2;
  int64_t dimFeedforward = 256;  // F (4·d by default)
  bool normFirst = false;        // pre-norm layers (PyTorch's norm_first)
  int64_t srcVocab = 0, tgtVocab = 0;

  // The config keys of transformer (docs/file-formats.md) (with "arch"), range-checked
  // (config_reader.h): absent keys take the table's defaults, among them a feed-forward width of
  // 4·d (the original paper's ratio; PyTorch's fixed 2048 would dwarf the small models this app
  // trains) and post-norm. d_model must be a multiple of nhead. Vocabulary sizes come from the
  // model file's vocabularies.
  static TransformerModelConfig fromJson(const nlohmann::json& j, int64_t srcVocab,
                                         int64_t tgtVocab);
  nlohmann::json toJson() const;  // every key, defaults included
  // How many parameters the model has, without building it: a loader compares this with what
  // its file holds before allocating anything.
  int64_t parameterCount() const;
};

class TransformerModel : public Seq2SeqModel {
 public:
  // Positions 0 … kMaxPositions − 1 in either stack: far beyond any sentence the app trains
  // on, while a decode that never emits <eos> stops before its key cache grows without end.
  static constexpr int64_t kMaxPositions = 1024;

  // Throws attn::Error for sizes that do not fit (d not a multiple of nhead).
  TransformerModel(const TransformerModelConfig& config, Random& rng);

  Seq2SeqForward forward(const TokenBatch& src, const TokenBatch& tgtIn) const override;
  std::unique_ptr<DecoderState> encode(const TokenBatch& src) const override;
  std::unique_ptr<DecoderState> encodeEdited(const TokenBatch& src,
                                             const AttentionEdits& edits) const override;
  DecoderStepOutput step(DecoderState& state, const std::vector<int64_t>& tokens) const override;
  int64_t maxTargetLength() const override { return kMaxPositions; }
  // The saliency hook: the source's "input" is emb·√d, the token's part of the encoder's
  // input, without the positions. The gradient is the same either way (the positions are
  // added), but gradient × input with the positions would also credit a token for where it
  // stands, which is not a property of the word. Not the fused path training takes.
  Var sourceInput(const TokenBatch& src) const override;
  Seq2SeqForward forwardFromSourceInput(const Var& input, const TokenBatch& src,
                                        const TokenBatch& tgtIn) const override;
  const TransformerModelConfig& config() const { return config_; }

 private:
  // nn.Transformer's `encoder` and `decoder`, under the name `transformer`.
  struct Stacks : Module {
    Stacks(const TransformerModelConfig& c, Random& rng);
    TransformerEncoder encoder;
    TransformerDecoder decoder;
  };

  // ids [B, T] -> emb(ids)·√d + PE[offset, offset + T), [B, T, d]
  Var embed(const Embedding& embedding, const std::vector<int64_t>& ids, const Shape& idShape,
            int64_t offset) const;

  TransformerModelConfig config_;
  Embedding srcEmbedding_, tgtEmbedding_;
  Stacks transformer_;
  Linear out_;
  SinusoidalPositionalEncoding positions_;
};

}  // namespace attn::inline ATTN_PRECISION
