#include "models/rnn_seq2seq.h"

#include "models/batch_rows.h"
#include "models/config_reader.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

AttentionKind parseAttentionKind(const std::string& name) {
  if (name == "none") return AttentionKind::None;
  if (name == "bahdanau") return AttentionKind::Bahdanau;
  if (name == "luong") return AttentionKind::Luong;
  throw Error("unknown attention '" + name + "' (expected none, bahdanau or luong)");
}

const char* attentionKindName(AttentionKind kind) {
  switch (kind) {
    case AttentionKind::None:
      return "none";
    case AttentionKind::Bahdanau:
      return "bahdanau";
    case AttentionKind::Luong:
      return "luong";
  }
  return "?";
}

int64_t RnnSeq2SeqConfig::decoderInputDim() const {
  switch (attention) {
    case AttentionKind::None:
      return embedDim;
    case AttentionKind::Bahdanau:
      return embedDim + annotationDim();
    case AttentionKind::Luong:
      return inputFeeding ? embedDim + hiddenDim : embedDim;
  }
  return embedDim;
}

int64_t RnnSeq2SeqConfig::outputInputDim() const {
  return attention == AttentionKind::Bahdanau ? hiddenDim + annotationDim() : hiddenDim;
}

RnnSeq2SeqConfig RnnSeq2SeqConfig::fromJson(const nlohmann::json& j, int64_t srcVocab,
                                            int64_t tgtVocab) {
  using L = ConfigLimits;
  const nlohmann::json v = readConfig(Arch::RnnSeq2Seq, j);
  RnnSeq2SeqConfig c;
  c.cell = parseRnnCell(v["cell"].get<std::string>());
  c.embedDim = v["embed_dim"].get<int64_t>();
  c.hiddenDim = v["hidden_dim"].get<int64_t>();
  c.numLayers = v["num_layers"].get<int64_t>();
  c.bidirectional = v["bidirectional"].get<bool>();
  c.attention = parseAttentionKind(v["attention"].get<std::string>());
  c.score = parseScoreKind(v["score"].get<std::string>());
  c.attentionDim = v["attention_dim"].get<int64_t>();
  // Keys that do not apply to this attention (input feeding without Luong) are ignored, as
  // PyTorch-side configs list every key with its default.
  c.inputFeeding = v["input_feeding"].get<bool>() && c.attention == AttentionKind::Luong;
  if (srcVocab < 4 || srcVocab > L::kMaxVocab || tgtVocab < 4 || tgtVocab > L::kMaxVocab)
    throw Error("vocabulary sizes must be between 4 and " + std::to_string(L::kMaxVocab));
  c.srcVocab = srcVocab;
  c.tgtVocab = tgtVocab;
  return c;
}

int64_t RnnSeq2SeqConfig::parameterCount() const {
  const int64_t g = rnnGateCount(cell) * hiddenDim;  // rows of each weight_ih / weight_hh
  const int64_t d = directions();
  // Per layer and direction: weight_ih [G·H, in], weight_hh [G·H, H], two biases [G·H].
  auto rnn = [&](int64_t input, int64_t dirs) {
    int64_t n = 0;
    for (int64_t l = 0; l < numLayers; ++l)
      n += dirs * (g * (l == 0 ? input : hiddenDim * dirs) + g * hiddenDim + 2 * g);
    return n;
  };
  int64_t n = srcVocab * embedDim + rnn(embedDim, d);    // encoder
  n += hiddenDim * annotationDim() + hiddenDim;          // bridge
  n += tgtVocab * embedDim + rnn(decoderInputDim(), 1);  // decoder embedding and RNN
  const int64_t a = attentionDim > 0 ? attentionDim : hiddenDim;
  if (attention != AttentionKind::None) {
    if (score == ScoreKind::General) n += hiddenDim * annotationDim();
    if (score == ScoreKind::Additive) n += a * hiddenDim + a * annotationDim() + a;
  }
  if (attention == AttentionKind::Luong) n += hiddenDim * (annotationDim() + hiddenDim);
  n += tgtVocab * outputInputDim() + tgtVocab;  // out
  return n;
}

nlohmann::json RnnSeq2SeqConfig::toJson() const {
  nlohmann::json j = {{"arch", "rnn_seq2seq"},
                      {"cell", rnnCellName(cell)},
                      {"embed_dim", embedDim},
                      {"hidden_dim", hiddenDim},
                      {"num_layers", numLayers},
                      {"bidirectional", bidirectional},
                      {"attention", attentionKindName(attention)}};
  if (attention != AttentionKind::None) {
    j["score"] = scoreKindName(score);
    if (score == ScoreKind::Additive)
      j["attention_dim"] = attentionDim > 0 ? attentionDim : hiddenDim;
    if (attention == AttentionKind::Luong) j["input_feeding"] = inputFeeding;
  }
  return j;
}

namespace {

RnnConfig encoderRnn(const RnnSeq2SeqConfig& c) {
  return RnnConfig{c.cell, c.embedDim, c.hiddenDim, c.numLayers, c.bidirectional, true};
}
RnnConfig decoderRnn(const RnnSeq2SeqConfig& c) {
  return RnnConfig{c.cell, c.decoderInputDim(), c.hiddenDim, c.numLayers, false, true};
}

// The decoder's state between steps of incremental decoding.
class RnnDecoderState : public DecoderState {
 public:
  PreparedKeys keys;
  std::vector<RnnState> states;
  Var htilde;  // Luong with input feeding: h̃ of the previous step

  int64_t rows() const override { return states.front().h.dim(0); }
  void selectRows(const std::vector<int64_t>& rows) override {
    if (keys.keys.defined()) keys.keys = selectBatchRows(keys.keys, rows);
    if (keys.projected.defined()) keys.projected = selectBatchRows(keys.projected, rows);
    if (keys.mask.defined()) keys.mask = selectBatchRows(keys.mask, rows);
    if (!keys.keyLengths.empty()) {
      std::vector<int64_t> lengths;
      for (int64_t r : rows) lengths.push_back(keys.keyLengths[static_cast<size_t>(r)]);
      keys.keyLengths = std::move(lengths);
    }
    for (RnnState& s : states) {
      s.h = selectBatchRows(s.h, rows);
      if (s.c.defined()) s.c = selectBatchRows(s.c, rows);
    }
    if (htilde.defined()) htilde = selectBatchRows(htilde, rows);
  }
};

// A teaching intervention (layers/attention_edit.h) on a step's one head: the weights replaced,
// and the context recomputed from them as attend() computes it, c = Σ_j a_j h_j.
void applyEdit(AttentionResult& a, const PreparedKeys& keys, const AttentionEdit& edit) {
  ATTN_CHECK(!gradEnabled(), "attention edits are for decoding, without a graph");
  const int64_t b = keys.keys.dim(0), s = keys.keys.dim(1), k = keys.keys.dim(2);
  a.weights = Var(editedWeights(a.weights.value(), 1, edit));
  a.context = reshape(bmm(reshape(a.weights, Shape{b, 1, s}), keys.keys), Shape{b, k});
}

// [B, S] weights of one step -> [B, 1, S] (one layer, one head), as the step output reports.
Tensor oneHead(const Var& v) {
  return v.value().reshaped(Shape{v.dim(0), 1, v.dim(1)});
}

}  // namespace

RnnSeq2Seq::Encoder::Encoder(const RnnSeq2SeqConfig& c, Random& rng)
    : embedding(c.srcVocab, c.embedDim, rng), rnn(encoderRnn(c), rng) {
  registerModule("embedding", embedding);
  registerModule("rnn", rnn);
}

RnnSeq2Seq::Decoder::Decoder(const RnnSeq2SeqConfig& c, Random& rng)
    : embedding(c.tgtVocab, c.embedDim, rng),
      rnn(decoderRnn(c), rng),
      out(c.outputInputDim(), c.tgtVocab, true, rng) {
  registerModule("embedding", embedding);
  registerModule("rnn", rnn);
  if (c.attention != AttentionKind::None) {
    const int64_t a = c.attentionDim > 0 ? c.attentionDim : c.hiddenDim;
    attention = std::make_unique<AttentionScore>(c.score, c.hiddenDim, c.annotationDim(), a, rng);
    registerModule("attention", *attention);
  }
  if (c.attention == AttentionKind::Luong) {
    combine = std::make_unique<Linear>(c.annotationDim() + c.hiddenDim, c.hiddenDim, false, rng);
    registerModule("combine", *combine);
  }
  registerModule("out", out);
}

RnnSeq2Seq::RnnSeq2Seq(const RnnSeq2SeqConfig& config, Random& rng)
    : config_(config),
      encoder_(config, rng),
      bridge_(config.annotationDim(), config.hiddenDim, true, rng),
      decoder_(config, rng) {
  registerModule("encoder", encoder_);
  registerModule("bridge", bridge_);
  registerModule("decoder", decoder_);
}

RnnSeq2Seq::Encoded RnnSeq2Seq::encodeVars(const TokenBatch& src) const {
  return encodeInput(sourceInput(src), src);
}

Var RnnSeq2Seq::sourceInput(const TokenBatch& src) const {
  return encoder_.embedding.forward(src.ids, src.shape());  // [B, S, E]
}

RnnSeq2Seq::Encoded RnnSeq2Seq::encodeInput(const Var& x, const TokenBatch& src) const {
  // x [B, S, E] -> annotations [B, S, H·D]; decoder layer l starts at tanh(bridge([fwd_l; bwd_l]))
  if (x.shape() != (Shape{src.batch, src.length, config_.embedDim}))
    throw Error("the source input must be [batch, length, embed_dim]");
  RnnOutput enc = encoder_.rnn.forward(x, src.lengths);
  const int64_t d = config_.directions();
  Encoded out;
  for (int64_t l = 0; l < config_.numLayers; ++l) {
    const RnnState& fwd = enc.final[static_cast<size_t>(l * d)];
    Var last = d == 2 ? concat({fwd.h, enc.final[static_cast<size_t>(l * d + 1)].h}, -1) : fwd.h;
    RnnState s;
    s.h = tanh(bridge_.forward(last));
    if (config_.cell == RnnCell::Lstm) s.c = Var(Tensor::zeros(s.h.shape()));
    out.initial.push_back(std::move(s));
  }
  if (decoder_.attention) out.keys = decoder_.attention->prepareKeys(enc.output, src.lengths);
  return out;
}

RnnSeq2Seq::StepVars RnnSeq2Seq::decoderStep(const Var& embedded,
                                             const std::vector<RnnState>& states,
                                             const Var& htildePrev, const PreparedKeys& keys,
                                             const AttentionEdit* crossEdit) const {
  // embedded [B, E], states: L × [B, H] -> new states and out's input [B, O]
  StepVars sv;
  switch (config_.attention) {
    case AttentionKind::None: {
      RnnStepResult r = decoder_.rnn.step(embedded, states);
      sv.states = std::move(r.states);
      sv.outInput = r.h;
      break;
    }
    case AttentionKind::Bahdanau: {
      sv.query = states.back().h;  // s_{i−1}
      sv.attention = decoder_.attention->attend(sv.query, keys);
      if (crossEdit) applyEdit(sv.attention, keys, *crossEdit);
      RnnStepResult r = decoder_.rnn.step(concat({embedded, sv.attention.context}, -1), states);
      sv.states = std::move(r.states);
      sv.outInput = concat({r.h, sv.attention.context}, -1);
      break;
    }
    case AttentionKind::Luong: {
      Var x = config_.inputFeeding ? concat({embedded, htildePrev}, -1) : embedded;
      RnnStepResult r = decoder_.rnn.step(x, states);
      sv.states = std::move(r.states);
      sv.query = r.h;  // s_i
      sv.attention = decoder_.attention->attend(sv.query, keys);
      if (crossEdit) applyEdit(sv.attention, keys, *crossEdit);
      sv.htilde = tanh(decoder_.combine->forward(concat({sv.attention.context, r.h}, -1)));
      sv.outInput = sv.htilde;
      break;
    }
  }
  return sv;
}

Seq2SeqForward RnnSeq2Seq::forward(const TokenBatch& src, const TokenBatch& tgtIn) const {
  return forwardFromSourceInput(sourceInput(src), src, tgtIn);
}

Seq2SeqForward RnnSeq2Seq::forwardFromSourceInput(const Var& input, const TokenBatch& src,
                                                  const TokenBatch& tgtIn) const {
  // input [B, S, E] (src embedded), tgtIn [B, T] -> logits [B, T, Vt], cross attention
  // [B, 1, T, S]
  ATTN_CHECK(src.batch == tgtIn.batch, "forward: source and target batches differ");
  const int64_t b = src.batch, t = tgtIn.length, s = src.length;
  Encoded enc = encodeInput(input, src);
  Var emb = decoder_.embedding.forward(tgtIn.ids, tgtIn.shape());  // [B, T, E]
  std::vector<RnnState> states = enc.initial;
  Var htilde;
  if (config_.attention == AttentionKind::Luong && config_.inputFeeding)
    htilde = Var(Tensor::zeros(Shape{b, config_.hiddenDim}));
  std::vector<Var> outInputs;
  Seq2SeqForward result;
  Tensor weights, scores;
  if (decoder_.attention) {
    weights = Tensor::zeros(Shape{b, 1, t, s});
    scores = Tensor::zeros(Shape{b, 1, t, s});
  }
  for (int64_t i = 0; i < t; ++i) {
    Var e = reshape(slice(emb, 1, i, 1), Shape{b, config_.embedDim});
    StepVars sv = decoderStep(e, states, htilde, enc.keys);
    states = std::move(sv.states);
    htilde = sv.htilde;
    outInputs.push_back(reshape(sv.outInput, Shape{b, 1, config_.outputInputDim()}));
    if (decoder_.attention)
      for (int64_t r = 0; r < b; ++r)
        for (int64_t j = 0; j < s; ++j) {
          weights[(r * t + i) * s + j] = sv.attention.weights.value()[r * s + j];
          scores[(r * t + i) * s + j] = sv.attention.scores.value()[r * s + j];
        }
  }
  // One product for every step's output layer rather than T small ones.
  result.logits = decoder_.out.forward(concat(outInputs, 1));
  if (decoder_.attention) {
    result.attention[MapKind::Cross] = {std::move(weights)};
    result.scores[MapKind::Cross] = {std::move(scores)};
  }
  return result;
}

std::unique_ptr<DecoderState> RnnSeq2Seq::encode(const TokenBatch& src) const {
  NoGradGuard noGrad;
  Encoded enc = encodeVars(src);
  auto state = std::make_unique<RnnDecoderState>();
  state->keys = std::move(enc.keys);
  state->states = std::move(enc.initial);
  if (config_.attention == AttentionKind::Luong && config_.inputFeeding)
    state->htilde = Var(Tensor::zeros(Shape{src.batch, config_.hiddenDim}));
  return state;
}

DecoderStepOutput RnnSeq2Seq::step(DecoderState& base, const std::vector<int64_t>& tokens) const {
  // tokens [N] -> log-probs [N, Vt] and the cross attention of this step [N, 1, S]
  NoGradGuard noGrad;
  auto& state = dynamic_cast<RnnDecoderState&>(base);
  const int64_t n = static_cast<int64_t>(tokens.size());
  ATTN_CHECK(n == state.rows(), "step: one token per hypothesis");
  Var e = decoder_.embedding.forward(tokens, Shape{n});
  const AttentionEdit* crossEdit = state.edits ? state.edits->find(MapKind::Cross, 0) : nullptr;
  StepVars sv = decoderStep(e, state.states, state.htilde, state.keys, crossEdit);
  state.states = std::move(sv.states);
  state.htilde = sv.htilde;
  DecoderStepOutput out;
  out.logProbs = logSoftmax(decoder_.out.forward(sv.outInput)).value();
  if (decoder_.attention) {
    out.attention[MapKind::Cross] = {oneHead(sv.attention.weights)};
    out.scores[MapKind::Cross] = {oneHead(sv.attention.scores)};
    out.query = sv.query.value();
    out.context = sv.attention.context.value();
  }
  return out;
}

}  // namespace attn::inline ATTN_PRECISION
