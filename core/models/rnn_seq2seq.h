// rnn_seq2seq (docs/file-formats.md, rnn_seq2seq): an RNN encoder, a bridge to the decoder's
// initial state, and an RNN decoder with no attention (the bottleneck), Bahdanau's attention (query
// s_{i−1}, context fed into the RNN) or Luong's (query s_i, attentional state h̃_i, optional
// input feeding). Parameter names are those of the contract, so PyTorch state dicts load as is.
#pragma once

#include <memory>

#include "layers/attention_score.h"
#include "layers/basic.h"
#include "layers/rnn.h"
#include "models/seq2seq_model.h"
#include "tensor/precision.h"

#include <nlohmann/json.hpp>

namespace attn::inline ATTN_PRECISION {

enum class AttentionKind { None, Bahdanau, Luong };
AttentionKind parseAttentionKind(const std::string& name);  // "none", "bahdanau", "luong"
const char* attentionKindName(AttentionKind kind);

// The member defaults are those of the config table (models/config_keys.h), which fromJson()
// applies; config_keys_test checks that the two agree.
struct RnnSeq2SeqConfig {
  RnnCell cell = RnnCell::Gru;
  int64_t embedDim = 32;   // E
  int64_t hiddenDim = 64;  // H
  int64_t numLayers = 1;   // L
  bool bidirectional = true;
  AttentionKind attention = AttentionKind::Bahdanau;
  ScoreKind score = ScoreKind::Additive;
  int64_t attentionDim = 0;   // A, additive only; 0 means H
  bool inputFeeding = false;  // Luong only
  int64_t srcVocab = 0, tgtVocab = 0;

  int64_t directions() const { return bidirectional ? 2 : 1; }
  int64_t annotationDim() const { return hiddenDim * directions(); }  // H·D
  int64_t decoderInputDim() const;
  int64_t outputInputDim() const;  // O

  // The config keys of rnn_seq2seq (docs/file-formats.md) (with "arch"), range-checked; vocabulary
  // sizes come from the model file's vocabularies, not from the config.
  static RnnSeq2SeqConfig fromJson(const nlohmann::json& j, int64_t srcVocab, int64_t tgtVocab);
  nlohmann::json toJson() const;
  // How many parameters the model has, without building it: a loader compares this with what a
  // file holds before allocating anything (a hostile config cannot ask for gigabytes).
  int64_t parameterCount() const;
};

class RnnSeq2Seq : public Seq2SeqModel {
 public:
  // Throws attn::Error when the sizes do not fit together (dot with H·D ≠ H).
  RnnSeq2Seq(const RnnSeq2SeqConfig& config, Random& rng);

  Seq2SeqForward forward(const TokenBatch& src, const TokenBatch& tgtIn) const override;
  std::unique_ptr<DecoderState> encode(const TokenBatch& src) const override;
  DecoderStepOutput step(DecoderState& state, const std::vector<int64_t>& tokens) const override;
  // The saliency hook: the source embeddings [B, S, E], and forward() from them.
  Var sourceInput(const TokenBatch& src) const override;
  Seq2SeqForward forwardFromSourceInput(const Var& input, const TokenBatch& src,
                                        const TokenBatch& tgtIn) const override;
  const RnnSeq2SeqConfig& config() const { return config_; }

 private:
  struct Encoder : Module {
    Encoder(const RnnSeq2SeqConfig& c, Random& rng);
    Embedding embedding;
    Rnn rnn;
  };
  struct Decoder : Module {
    Decoder(const RnnSeq2SeqConfig& c, Random& rng);
    Embedding embedding;
    Rnn rnn;
    std::unique_ptr<AttentionScore> attention;
    std::unique_ptr<Linear> combine;  // Luong only
    Linear out;
  };
  // What one decoder step produces, with its graph when grad is on.
  struct StepVars {
    std::vector<RnnState> states;
    Var outInput;  // what `out` reads, [B, O]
    Var htilde;    // Luong's attentional state (input feeding reads it at the next step)
    AttentionResult attention;
    Var query;
  };
  struct Encoded {
    PreparedKeys keys;
    std::vector<RnnState> initial;
  };

  Encoded encodeVars(const TokenBatch& src) const;
  Encoded encodeInput(const Var& embedded, const TokenBatch& src) const;
  // crossEdit: a teaching intervention on this step's attention (layers/attention_edit.h).
  StepVars decoderStep(const Var& embedded, const std::vector<RnnState>& states,
                       const Var& htildePrev, const PreparedKeys& keys,
                       const AttentionEdit* crossEdit = nullptr) const;

  RnnSeq2SeqConfig config_;
  Encoder encoder_;
  Linear bridge_;
  Decoder decoder_;
};

}  // namespace attn::inline ATTN_PRECISION
