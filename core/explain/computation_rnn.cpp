// The RNN decoder's attention taken apart (docs/file-formats.md, rnn_seq2seq). The keys h_j are the
// encoder's top-layer outputs, from a mirror of `encoder.rnn` loaded with the model's weights;
// the query is the decoder state the model's own step() reports after reading the trace's
// output up to this step (Bahdanau: s_{i−1}, before the step's RNN; Luong: s_i, after it).
// From there on, scores, softmax, context and the output layer are computed here.
#include <cmath>
#include <string>

#include "decode/text_input.h"
#include "explain/computation_parts.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION::explain {

namespace {

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  ATTN_CHECK(a.size() == b.size(), "dot: sizes differ");
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

std::vector<double> concat(std::vector<double> a, const std::vector<double>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

void checkRnnRequest(const ComputationInput& in, const ComputationRequest& r) {
  if (r.map != MapKind::Cross)
    throw Error("an RNN model has one attention map, cross-attention (\"cross\"), not '" +
                mapKindName(r.map) + "'");
  if (r.layer != 0) throw Error("an RNN model's attention has a single layer (0)");
  const int steps = static_cast<int>(in.targetIds.size());
  if (r.step < 0 || r.step >= steps)
    throw Error("step " + std::to_string(r.step) + " is outside the output's " +
                std::to_string(steps) + " steps");
}

// The encoder's annotations h_j [S, H·D] for one source.
Tensor annotations(const ComputationExplainer::Rnn& rnn, const std::vector<int64_t>& ids) {
  const Tensor x = embedIds(parameter(rnn.params, "encoder.embedding.weight"), ids);
  return rnn.encoder->forward(Var(x)).output.value();
}

// One score per key, by the formula of the model's score function.
void scoreKeys(const ComputationExplainer::Rnn& rnn, HeadComputation& head) {
  const auto& p = rnn.params;
  switch (rnn.config.score) {
    case ScoreKind::Dot:
      head.formula = ScoreFormula::Dot;
      for (KeyTerm& k : head.keys) k.score = dot(head.query, k.key);
      break;
    case ScoreKind::General: {
      head.formula = ScoreFormula::General;
      const Tensor& w = parameter(p, "decoder.attention.W.weight");  // [H, K]
      for (KeyTerm& k : head.keys) {
        k.projected = matVec(w, k.key);
        k.score = dot(head.query, k.projected);
      }
      break;
    }
    case ScoreKind::Additive: {
      head.formula = ScoreFormula::Additive;
      head.projectedQuery = matVec(parameter(p, "decoder.attention.query.weight"), head.query);
      const Tensor& wk = parameter(p, "decoder.attention.key.weight");  // [A, K]
      head.v = rowOf(parameter(p, "decoder.attention.v.weight"), 0);
      const std::vector<double>& v = head.v;
      for (KeyTerm& k : head.keys) {
        k.projected = matVec(wk, k.key);
        k.hidden.resize(k.projected.size());
        for (size_t a = 0; a < k.hidden.size(); ++a)
          k.hidden[a] = std::tanh(head.projectedQuery[a] + k.projected[a]);
        k.score = dot(v, k.hidden);
      }
      break;
    }
  }
}

}  // namespace

ComputationExplainer::Rnn::Rnn(const Model& model) : params(parametersByName(model)) {
  const auto* net = dynamic_cast<const RnnSeq2Seq*>(model.seq2seq.get());
  ATTN_CHECK(net != nullptr, "an rnn_seq2seq model without its network");
  config = net->config();
  Random rng(0);  // the mirror's initial weights are replaced at once
  encoder = std::make_unique<attn::Rnn>(RnnConfig{config.cell, config.embedDim, config.hiddenDim,
                                                  config.numLayers, config.bidirectional, true},
                                        rng);
  loadMirror(*encoder, params, "encoder.rnn.");
}

Computation explainRnn(const ComputationExplainer::Rnn& rnn, const Model& model,
                       const ComputationInput& in, const ComputationRequest& r) {
  checkRnnRequest(in, r);
  NoGradGuard noGrad;
  const RnnSeq2SeqConfig& cfg = rnn.config;
  const bool bahdanau = cfg.attention == AttentionKind::Bahdanau;
  Computation c;
  c.map = MapKind::Cross;
  c.step = c.queryPosition = r.step;
  c.queryToken = r.step == 0 ? "<sos>" : in.targetTokens[size_t(r.step - 1)];
  c.attention = attentionKindName(cfg.attention);
  c.inputFeeding = cfg.inputFeeding;
  c.chosen = in.targetTokens[size_t(r.step)];

  // The query: replay the decoder over the output up to this step.
  const Seq2SeqModel& net = *model.seq2seq;
  std::unique_ptr<DecoderState> state = net.encode(singleRowBatch(in.sourceIds));
  std::vector<int64_t> token{data::Vocabulary::kSos};
  DecoderStepOutput out;
  for (int k = 0; k <= r.step; ++k) {
    out = net.step(*state, token);
    token[0] = in.targetIds[size_t(k)];
  }
  HeadComputation head;
  head.query = rowOf(out.query, 0);

  const Tensor h = annotations(rnn, in.sourceIds);
  for (int64_t j = 0; j < h.dim(1); ++j) {
    KeyTerm k;
    k.token = in.sourceTokens[size_t(j)];
    k.key = rowOf(h, j);
    k.value = k.key;  // the context weighs the keys themselves
    head.keys.push_back(std::move(k));
  }
  scoreKeys(rnn, head);
  finishSoftmax(head);
  const std::vector<double>& context = head.output;

  // What the output layer reads. Bahdanau: [s_i; c_i], s_i being the state after this step's
  // RNN, which is the next step's query. Luong: h̃_i = tanh(W_c [c_i; s_i]).
  if (bahdanau) {
    const DecoderStepOutput next = net.step(*state, token);
    c.readout = concat(rowOf(next.query, 0), context);
  } else {
    c.readout =
        matVec(parameter(rnn.params, "decoder.combine.weight"), concat(context, head.query));
    for (double& v : c.readout) v = std::tanh(v);
  }
  std::vector<double> logits = matVec(parameter(rnn.params, "decoder.out.weight"), c.readout);
  const Tensor& bias = parameter(rnn.params, "decoder.out.bias");
  for (size_t v = 0; v < logits.size(); ++v) logits[v] += bias[int64_t(v)];
  c.next = topTokens(logits, model.tgtVocab.toList(), r.topK, in.targetIds[size_t(r.step)],
                     &c.chosenProb);
  c.heads.push_back(std::move(head));
  return c;
}

}  // namespace attn::inline ATTN_PRECISION::explain
