#include "explain/computation.h"

#include <algorithm>
#include <cmath>

#include "decode/top_k.h"
#include "explain/computation_parts.h"
#include "trace/trace.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION::explain {

const char* scoreFormulaName(ScoreFormula formula) {
  switch (formula) {
    case ScoreFormula::Dot:
      return "dot";
    case ScoreFormula::General:
      return "general";
    case ScoreFormula::Additive:
      return "additive";
    case ScoreFormula::ScaledDot:
      return "scaled dot";
    case ScoreFormula::Hop:
      return "hop";
  }
  return "?";
}

// ---- shared arithmetic ----

std::map<std::string, Var> parametersByName(const Model& model) {
  std::map<std::string, Var> out;
  for (auto& [name, v] : model.network().namedParameters()) out.emplace(name, v);
  return out;
}

const Tensor& parameter(const std::map<std::string, Var>& params, const std::string& name) {
  auto it = params.find(name);
  ATTN_CHECK(it != params.end(), "the model has no parameter '" + name + "'");
  return it->second.value();
}

void loadMirror(Module& mirror, const std::map<std::string, Var>& params,
                const std::string& prefix) {
  std::map<std::string, Tensor> values;
  for (const auto& [name, v] : params)
    if (name.rfind(prefix, 0) == 0) values.emplace(name, v.value());
  mirror.loadParameters(values, prefix);
}

std::vector<double> matVec(const Tensor& w, const std::vector<double>& x, int64_t row0, int64_t n) {
  const int64_t cols = w.dim(w.rank() - 1);
  if (n < 0) n = w.numel() / cols - row0;
  ATTN_CHECK(static_cast<int64_t>(x.size()) == cols, "matVec: input of the wrong size");
  std::vector<double> y(static_cast<size_t>(n), 0.0);
  for (int64_t r = 0; r < n; ++r) {
    const Scalar* row = w.data() + (row0 + r) * cols;
    double sum = 0;
    for (int64_t c = 0; c < cols; ++c) sum += static_cast<double>(row[c]) * x[size_t(c)];
    y[size_t(r)] = sum;
  }
  return y;
}

std::vector<double> rowOf(const Tensor& t, int64_t row) {
  const int64_t cols = t.dim(t.rank() - 1);
  ATTN_CHECK(row >= 0 && (row + 1) * cols <= t.numel(), "rowOf: row out of range");
  const Scalar* p = t.data() + row * cols;
  return std::vector<double>(p, p + cols);
}

Tensor embedIds(const Tensor& table, const std::vector<int64_t>& ids) {
  const int64_t n = static_cast<int64_t>(ids.size()), e = table.dim(1);
  Tensor x = Tensor::empty(Shape{1, n, e});
  for (int64_t j = 0; j < n; ++j) {
    const int64_t id = ids[size_t(j)];
    if (id < 0 || id >= table.dim(0)) throw Error("a source token id is outside the vocabulary");
    std::copy(table.data() + id * e, table.data() + (id + 1) * e, x.data() + j * e);
  }
  return x;
}

void finishSoftmax(HeadComputation& head) {
  ATTN_CHECK(!head.keys.empty(), "a softmax over no keys");
  head.maxScore = head.keys.front().score;
  for (const KeyTerm& k : head.keys) head.maxScore = std::max(head.maxScore, k.score);
  head.expSum = 0;
  for (KeyTerm& k : head.keys) {
    k.expScore = std::exp(k.score - head.maxScore);
    head.expSum += k.expScore;
  }
  head.output.assign(head.keys.front().value.size(), 0.0);
  for (KeyTerm& k : head.keys) {
    k.weight = k.expScore / head.expSum;
    for (size_t c = 0; c < head.output.size(); ++c) head.output[c] += k.weight * k.value[c];
  }
}

std::vector<NextToken> topTokens(const std::vector<double>& logits,
                                 const std::vector<std::string>& vocabulary, int k,
                                 int64_t chosenId, double* chosenProb) {
  ATTN_CHECK(logits.size() == vocabulary.size(), "logits and vocabulary differ in size");
  const double top = *std::max_element(logits.begin(), logits.end());
  double sum = 0;
  for (double l : logits) sum += std::exp(l - top);
  auto prob = [&](int64_t i) { return std::exp(logits[size_t(i)] - top) / sum; };
  std::vector<NextToken> out;
  for (int64_t i : topIndices(static_cast<int64_t>(logits.size()), k,
                              [&](int64_t i) { return logits[size_t(i)]; }))
    out.push_back({vocabulary[size_t(i)], prob(i)});
  if (chosenProb && chosenId >= 0 && chosenId < static_cast<int64_t>(logits.size()))
    *chosenProb = prob(chosenId);
  return out;
}

// ---- the trace as the model reads it ----

ComputationInput inputFromTrace(const Model& model, const Trace& trace) {
  if (!trace.model.is_null() && trace.model != model.config)
    throw Error("this trace was made by another model than the one open");
  if (model.isClassifier()) {  // the source as typed (no <eos>), the one predicted class
    if (trace.sourceTokens.empty()) throw Error("this trace has no sentence to explain");
    if (trace.targetTokens.size() != 1)
      throw Error("a classifier's trace has one output, its class");
    if (!model.classes.contains(trace.targetTokens.front()))
      throw Error("this trace's class '" + trace.targetTokens.front() +
                  "' is not one of the model's");
    ComputationInput in;
    in.sourceTokens = trace.sourceTokens;
    in.targetTokens = trace.targetTokens;
    in.sourceIds = model.srcVocab.encode(in.sourceTokens);
    in.targetIds = {model.classes.id(trace.targetTokens.front())};
    return in;
  }
  if (trace.sourceTokens.empty() || trace.sourceTokens.back() != "<eos>")
    throw Error("this trace's source does not end with <eos>, as an encoder-decoder's does");
  if (trace.targetTokens.empty()) throw Error("this trace has no output to explain");
  ComputationInput in;
  in.sourceTokens = trace.sourceTokens;
  in.targetTokens = trace.targetTokens;
  // A typed token the vocabulary lacks is read as <unk>; the special tokens are themselves.
  in.sourceIds = model.srcVocab.encode(in.sourceTokens);
  in.targetIds = model.tgtVocab.encode(in.targetTokens);
  return in;
}

// ---- the explainer ----

ComputationExplainer::ComputationExplainer(const Model& model) : model_(model) {
  if (model.isClassifier()) {
    classifier_ = std::make_unique<Classifier>(model);
    return;
  }
  ATTN_CHECK(model.seq2seq != nullptr, "a model with neither network");
  if (model.arch == Arch::RnnSeq2Seq) {
    if (model.config.value("attention", std::string("none")) == "none")
      throw Error(
          "this model has no attention: its decoder reads the source only through the "
          "encoder's final state (the bottleneck)");
    rnn_ = std::make_unique<Rnn>(model);
  } else {
    transformer_ = std::make_unique<Transformer>(model);
  }
}

ComputationExplainer::~ComputationExplainer() = default;

Computation ComputationExplainer::explain(const ComputationInput& input,
                                          const ComputationRequest& request) const {
  if (request.topK < 1 || request.topK > 1000)
    throw Error("the number of next tokens to show must be between 1 and 1000");
  if (input.sourceIds.empty() || input.targetIds.empty())
    throw Error("the computation needs a source and an output");
  if (rnn_) return explainRnn(*rnn_, model_, input, request);
  if (classifier_) return explainClassifier(*classifier_, model_, input, request);
  return explainTransformer(*transformer_, model_, input, request);
}

namespace {

// The trace's own numbers for the explained row, against the recomputed ones.
void compareWithTrace(Computation& c, const Trace& trace) {
  auto it = trace.attention.find(c.map);
  if (it == trace.attention.end()) return;
  const AttentionMap& m = it->second;
  const int heads = static_cast<int>(c.heads.size());
  if (c.layer >= m.layers || heads != m.heads || c.queryPosition >= m.queries) return;
  double weights = 0;
  for (int h = 0; h < heads; ++h) {
    const auto& keys = c.heads[size_t(h)].keys;
    if (static_cast<int>(keys.size()) > m.keys) return;
    for (int j = 0; j < m.keys; ++j) {  // keys past a causal query's own are 0 in the trace
      const double mine = j < static_cast<int>(keys.size()) ? keys[size_t(j)].weight : 0.0;
      weights = std::max(weights, std::abs(mine - m.at(c.layer, h, c.queryPosition, j)));
    }
  }
  c.weightDifference = weights;

  if (c.map == MapKind::EncoderSelf || c.step >= static_cast<int>(trace.steps.size())) return;
  auto s = trace.steps[size_t(c.step)].scores.find(c.map);
  if (s == trace.steps[size_t(c.step)].scores.end()) return;
  const std::vector<float>& row = s->second;  // [layer][head][key]
  const size_t perHead = row.size() / static_cast<size_t>(m.layers * heads);
  if (perHead * static_cast<size_t>(m.layers * heads) != row.size()) return;
  double scores = 0;
  for (int h = 0; h < heads; ++h) {
    const auto& keys = c.heads[size_t(h)].keys;
    if (keys.size() > perHead) return;
    const size_t base = (static_cast<size_t>(c.layer) * heads + h) * perHead;
    for (size_t j = 0; j < keys.size(); ++j)
      scores = std::max(scores, std::abs(keys[j].score - row[base + j]));
  }
  c.scoreDifference = scores;
}

}  // namespace

Computation ComputationExplainer::explain(const Trace& trace,
                                          const ComputationRequest& request) const {
  Computation c = explain(inputFromTrace(model_, trace), request);
  compareWithTrace(c, trace);
  return c;
}

}  // namespace attn::inline ATTN_PRECISION::explain
