// The structured self-attention classifier taken apart (Lin et al. 2017, docs/file-formats.md,
// structured_self_attention). The annotations h_j come from a mirror of the model's BiLSTM/BiGRU
// `encoder` loaded with its weights; from there on every number is computed here: for each hop r
// the scores e_rj = w_rᵀ tanh(W_s1 h_j) (w_r the row r of W_s2), the softmax over the tokens, the
// hop's m_r = Σ_j a_rj h_j; then M = [m_1; …; m_r] flattened, ReLU(W_fc M + b_fc), and the classes.
#include <algorithm>
#include <cmath>
#include <string>

#include "explain/computation_parts.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION::explain {

namespace {

void checkClassifierRequest(const ComputationInput& in, const ComputationRequest& r) {
  if (r.map != MapKind::Hops)
    throw Error("the classifier has one attention map, its hops (\"hops\"), not '" +
                mapKindName(r.map) + "'");
  if (r.layer != 0) throw Error("the classifier's hops are a single layer (0)");
  if (r.step != 0) throw Error("the classifier makes one decision: its only step is 0");
  if (in.targetIds.size() != 1) throw Error("the classifier's output is one class");
}

}  // namespace

ComputationExplainer::Classifier::Classifier(const Model& model) : params(parametersByName(model)) {
  const auto* net = dynamic_cast<const StructuredSelfAttention*>(model.classifier.get());
  ATTN_CHECK(net != nullptr, "a classifier model without its network");
  config = net->config();
  Random rng(0);  // the mirror's initial weights are replaced at once
  encoder = std::make_unique<attn::Rnn>(
      RnnConfig{config.cell, config.embedDim, config.hiddenDim, 1, true, true}, rng);
  loadMirror(*encoder, params, "encoder.");
}

Computation explainClassifier(const ComputationExplainer::Classifier& lin, const Model& model,
                              const ComputationInput& in, const ComputationRequest& r) {
  checkClassifierRequest(in, r);
  NoGradGuard noGrad;
  Computation c;
  c.classifier = true;
  c.map = MapKind::Hops;
  c.chosen = in.targetTokens.front();

  // The annotations h_j [n, 2H]: the embedded sentence through the BiRNN.
  const int64_t n = static_cast<int64_t>(in.sourceIds.size());
  const Tensor x = embedIds(parameter(lin.params, "embedding.weight"), in.sourceIds);
  const Tensor h = lin.encoder->forward(Var(x)).output.value();

  // W_s1 h_j and tanh of it are the same for every hop: computed once, copied into each.
  const Tensor& ws1 = parameter(lin.params, "ws1.weight");  // [d_a, 2H]
  const Tensor& ws2 = parameter(lin.params, "ws2.weight");  // [r, d_a]
  std::vector<KeyTerm> keys;
  for (int64_t j = 0; j < n; ++j) {
    KeyTerm k;
    k.token = in.sourceTokens[size_t(j)];
    k.key = rowOf(h, j);
    k.value = k.key;  // M = A H weighs the annotations themselves
    k.projected = matVec(ws1, k.key);
    k.hidden = k.projected;
    for (double& v : k.hidden) v = std::tanh(v);
    keys.push_back(std::move(k));
  }
  for (int64_t hop = 0; hop < lin.config.hops; ++hop) {
    HeadComputation head;
    head.formula = ScoreFormula::Hop;
    head.v = rowOf(ws2, hop);
    head.keys = keys;
    for (KeyTerm& k : head.keys) {
      double s = 0;
      for (size_t a = 0; a < k.hidden.size(); ++a) s += head.v[a] * k.hidden[a];
      k.score = s;
    }
    finishSoftmax(head);
    c.concat.insert(c.concat.end(), head.output.begin(), head.output.end());
    c.heads.push_back(std::move(head));
  }

  // The MLP over M flattened, then the classes.
  c.readout = matVec(parameter(lin.params, "fc.weight"), c.concat);
  const Tensor& fcBias = parameter(lin.params, "fc.bias");
  for (size_t i = 0; i < c.readout.size(); ++i)
    c.readout[i] = std::max(0.0, c.readout[i] + fcBias[int64_t(i)]);
  std::vector<double> logits = matVec(parameter(lin.params, "classifier.weight"), c.readout);
  const Tensor& bias = parameter(lin.params, "classifier.bias");
  for (size_t i = 0; i < logits.size(); ++i) logits[i] += bias[int64_t(i)];
  c.next = topTokens(logits, model.classes.toList(), r.topK, in.targetIds.front(), &c.chosenProb);
  return c;
}

}  // namespace attn::inline ATTN_PRECISION::explain
