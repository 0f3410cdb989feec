#include "explain/saliency.h"

#include <cmath>
#include <map>

#include "data/vocabulary.h"
#include "tensor/ops.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {

// logits [..., V] -> the last row [1, V]: the step being explained (a forward pass over the
// prefix y_<t computes a row per decoder input; a classifier has one).
Var lastRow(const Var& logits) {
  const int64_t v = logits.dim(-1), rows = logits.value().numel() / v;
  return slice(reshape(logits, Shape{rows, v}), 0, rows - 1, 1);
}

// [1, V] -> its entry `id`, a scalar: one product with a one-hot row.
Var pick(const Var& row, int64_t id) {
  const int64_t v = row.dim(-1);
  ATTN_CHECK(id >= 0 && id < v, "saliency: target id outside the output layer");
  Tensor oneHot = Tensor::zeros(Shape{1, v});
  oneHot[id] = 1;
  return sum(mul(row, Var(oneHot)));
}

std::vector<int64_t> lookUp(const data::Vocabulary& vocab, const std::vector<std::string>& tokens) {
  std::vector<int64_t> ids;
  ids.reserve(tokens.size());
  for (const std::string& t : tokens) ids.push_back(vocab.id(t));  // <unk> when absent
  return ids;
}

void checkTraceMatchesModel(const Model& model, const Trace& trace, int step) {
  if (trace.model.is_null())
    throw Error(
        "this trace does not say which model made it, so its saliency cannot be "
        "computed; decode the sentence with the model instead");
  if (trace.model != model.config)
    throw Error(
        "this trace was made by another model (its config differs from the open "
        "model's); decode the sentence with the open model to see its saliency");
  if (trace.sourceTokens.empty()) throw Error("the trace has no source tokens");
  const int steps = static_cast<int>(trace.targetTokens.size());
  if (step < 0 || step >= steps)
    throw Error("output step " + std::to_string(step + 1) + " is out of range (the trace has " +
                std::to_string(steps) + ")");
}

SaliencyProblem classifierProblem(const Model& model, const Trace& trace, int step) {
  if (step != 0) throw Error("a classifier's trace has one output step");
  const ClassifierModel& net = *model.classifier;
  SaliencyProblem p;
  p.target = trace.targetTokens.front();
  if (!model.classes.contains(p.target))
    throw Error("the trace's class '" + p.target + "' is not one of the model's classes");
  p.targetId = model.classes.id(p.target);
  const TokenBatch src = TokenBatch::fromRows({lookUp(model.srcVocab, trace.sourceTokens)});
  {
    NoGradGuard noGrad;
    p.input = net.sourceInput(src).value();
  }
  p.logits = [&net, src](const Var& input) {
    return lastRow(net.forwardFromSourceInput(input, src).logits);
  };
  return p;
}

SaliencyProblem seq2seqProblem(const Model& model, const Trace& trace, int step) {
  const Seq2SeqModel& net = *model.seq2seq;
  SaliencyProblem p;
  const std::vector<int64_t> target = lookUp(model.tgtVocab, trace.targetTokens);
  p.target = trace.targetTokens[static_cast<size_t>(step)];
  p.targetId = target[static_cast<size_t>(step)];
  // Decoder input <sos> y_1 … y_{t−1}: what the model had read when it produced y_t. The
  // steps after t cannot change it (causal decoders), so they are left out.
  std::vector<int64_t> decoderInput{data::Vocabulary::kSos};
  decoderInput.insert(decoderInput.end(), target.begin(), target.begin() + step);
  const TokenBatch src = TokenBatch::fromRows({lookUp(model.srcVocab, trace.sourceTokens)});
  const TokenBatch tgtIn = TokenBatch::fromRows({decoderInput});
  {
    NoGradGuard noGrad;
    p.input = net.sourceInput(src).value();
  }
  p.logits = [&net, src, tgtIn](const Var& input) {
    return lastRow(net.forwardFromSourceInput(input, src, tgtIn).logits);
  };
  return p;
}

}  // namespace

InputSaliency inputSaliency(const Tensor& input, const SaliencyObjective& f) {
  ATTN_CHECK(gradEnabled(), "saliency needs gradients: it cannot run under a NoGradGuard");
  ATTN_CHECK(input.rank() == 3 && input.dim(0) == 1, "saliency: the input must be [1, S, E]");
  Var leaf(input, /*requiresGrad=*/true);
  Var objective = f(leaf);
  ATTN_CHECK(objective.value().numel() == 1, "saliency: the objective must be a scalar");
  objective.backward();
  InputSaliency out;
  out.input = input;
  out.gradient = leaf.grad().defined() ? leaf.grad() : Tensor::zeros(input.shape());
  out.objective = static_cast<double>(objective.value().item());
  const int64_t s = input.dim(1), e = input.dim(2);
  out.gradientTimesInput.assign(static_cast<size_t>(s), 0.0);
  out.gradientNorm.assign(static_cast<size_t>(s), 0.0);
  for (int64_t j = 0; j < s; ++j) {
    double dot = 0, squares = 0;
    for (int64_t d = 0; d < e; ++d) {
      const double g = out.gradient[j * e + d];
      dot += g * static_cast<double>(input[j * e + d]);
      squares += g * g;
    }
    out.gradientTimesInput[static_cast<size_t>(j)] = dot;
    out.gradientNorm[static_cast<size_t>(j)] = std::sqrt(squares);
  }
  return out;
}

SaliencyProblem saliencyProblem(const Model& model, const Trace& trace, int step) {
  checkTraceMatchesModel(model, trace, step);
  if (model.isClassifier()) {
    if (!model.classifier) throw Error("the model has no classifier network");
    return classifierProblem(model, trace, step);
  }
  if (!model.seq2seq) throw Error("the model has no encoder-decoder network");
  return seq2seqProblem(model, trace, step);
}

SaliencyObjective SaliencyProblem::objective(SaliencyOf of) const {
  return [logits = logits, id = targetId, of](const Var& input) {
    const Var row = logits(input);
    return pick(of == SaliencyOf::Logit ? row : logSoftmax(row), id);
  };
}

TokenSaliency traceSaliency(const Model& model, const Trace& trace, int step, SaliencyOf of) {
  const SaliencyProblem p = saliencyProblem(model, trace, step);
  TokenSaliency out;
  out.step = step;
  out.target = p.target;
  out.of = of;
  // The objective, keeping the log-prob and the logit of the same pass on the side.
  auto f = [&](const Var& input) {
    const Var row = p.logits(input);
    const Var logProbs = logSoftmax(row);
    out.logProb = static_cast<double>(logProbs.value()[p.targetId]);
    out.logit = static_cast<double>(row.value()[p.targetId]);
    return pick(of == SaliencyOf::Logit ? row : logProbs, p.targetId);
  };
  out.saliency = inputSaliency(p.input, f);
  // The backward pass also filled the parameters' gradients (their Vars share the model's
  // nodes): drop them rather than keep a model's worth of memory.
  for (Var v : model.network().parameters()) v.zeroGrad();
  const size_t t = static_cast<size_t>(step);
  if (t < trace.logProbs.size() && p.targetId < static_cast<int64_t>(trace.logProbs[t].size())) {
    const double recorded = trace.logProbs[t][static_cast<size_t>(p.targetId)];
    // Decoding and this teacher-forced pass round differently (float32): 1e-3 relative is far
    // above that and far below what other weights give.
    if (std::abs(recorded - out.logProb) > 1e-3 * std::max(1.0, std::abs(recorded)))
      throw Error("this trace was made with other weights than the open model's: log p(" +
                  p.target + ") is " + std::to_string(recorded) + " in the trace but " +
                  std::to_string(out.logProb) + " with this model");
  }
  return out;
}

Model gradientCopy(const Model& model) {
  Model copy = createModel(model.config, model.tokenizer, model.srcVocab, model.tgtVocab,
                           model.classes, /*seed=*/0);
  std::map<std::string, Tensor> values;
  for (const auto& [name, v] : model.network().namedParameters()) values.emplace(name, v.value());
  copy.network().loadParameters(values);
  copy.training = model.training;
  return copy;
}

}  // namespace attn::inline ATTN_PRECISION
