#include "train/evaluate.h"

#include <algorithm>
#include <numeric>

#include "models/loss.h"
#include "tensor/ops.h"
#include "train/sacrebleu.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

TokenBatch sourceBatch(const data::Batch& b) {
  return TokenBatch{b.size, b.sourceLength, b.source, b.sourceLengths};
}
TokenBatch decoderInputBatch(const data::Batch& b) {
  return TokenBatch{b.size, b.targetLength, b.decoderInput, b.targetLengths};
}
TokenBatch decoderTargetBatch(const data::Batch& b) {
  return TokenBatch{b.size, b.targetLength, b.decoderTarget, b.targetLengths};
}

std::vector<TokenIds> greedyDecodeBatch(const Seq2SeqModel& model, const TokenBatch& src,
                                        int64_t maxLength) {
  NoGradGuard noGrad;
  std::vector<TokenIds> out(static_cast<size_t>(src.batch));
  auto state = model.encode(src);
  std::vector<int64_t> active(static_cast<size_t>(src.batch));  // original row of each state row
  std::iota(active.begin(), active.end(), 0);
  std::vector<int64_t> tokens(active.size(), data::Vocabulary::kSos);
  for (int64_t t = 0; t < maxLength && !active.empty(); ++t) {
    const DecoderStepOutput step = model.step(*state, tokens);
    const int64_t v = step.logProbs.cols();
    std::vector<int64_t> keep, nextActive, nextTokens;
    for (size_t i = 0; i < active.size(); ++i) {
      const Scalar* row = step.logProbs.data() + static_cast<int64_t>(i) * v;
      const int64_t best = std::max_element(row, row + v) - row;
      if (best == data::Vocabulary::kEos) continue;
      out[static_cast<size_t>(active[i])].push_back(best);
      keep.push_back(static_cast<int64_t>(i));
      nextActive.push_back(active[i]);
      nextTokens.push_back(best);
    }
    if (keep.size() != active.size() && !keep.empty()) state->selectRows(keep);
    active = std::move(nextActive);
    tokens = std::move(nextTokens);
  }
  return out;
}

namespace {

// Teacher-forced loss and token accuracy; with `decode`, the greedy outputs (ids without <eos>)
// in the batches' row order go to `outputs`.
Metrics evaluateSeq2Seq(const Seq2SeqModel& model, const std::vector<data::Batch>& batches,
                        bool decode, std::vector<TokenIds>& outputs) {
  NoGradGuard noGrad;
  Metrics m;
  double lossSum = 0;
  int64_t tokens = 0, correct = 0;
  for (const data::Batch& b : batches) {
    const TokenBatch src = sourceBatch(b), in = decoderInputBatch(b), out = decoderTargetBatch(b);
    Var logits = model.forward(src, in).logits;  // [B, T, V]
    const int64_t v = logits.dim(-1);
    const int64_t count = b.targetTokenCount();
    lossSum += crossEntropy(reshape(logits, Shape{b.size * b.targetLength, v}), out.ids, 0)
                   .value()
                   .item() *
               static_cast<double>(count);
    tokens += count;
    for (int64_t r = 0; r < b.size * b.targetLength; ++r) {
      const int64_t target = out.ids[static_cast<size_t>(r)];
      if (target == 0) continue;
      const Scalar* row = logits.value().data() + r * v;
      correct += (std::max_element(row, row + v) - row) == target;
    }
    m.examples += b.size;
    if (!decode) continue;
    const int64_t maxLength = 2 * b.sourceLength + 10;
    for (TokenIds& h : greedyDecodeBatch(model, src, maxLength)) outputs.push_back(std::move(h));
  }
  if (tokens > 0) {
    m.loss = lossSum / static_cast<double>(tokens);
    m.tokenAccuracy = static_cast<double>(correct) / static_cast<double>(tokens);
  }
  return m;
}

Metrics evaluateClassifier(const ClassifierModel& model, const std::vector<data::Batch>& batches) {
  NoGradGuard noGrad;
  Metrics m;
  double lossSum = 0;
  int64_t correct = 0;
  std::vector<int64_t> predicted, actual;
  for (const data::Batch& b : batches) {
    const TokenBatch src = sourceBatch(b);
    lossSum += classifierLoss(model, src, b.labels).value().item() * static_cast<double>(b.size);
    const Tensor logits = model.forward(src).logits.value();
    for (int64_t i = 0; i < b.size; ++i) {
      const Scalar* row = logits.data() + i * logits.cols();
      const int64_t best = std::max_element(row, row + logits.cols()) - row;
      correct += best == b.labels[static_cast<size_t>(i)];
      predicted.push_back(best);
      actual.push_back(b.labels[static_cast<size_t>(i)]);
    }
    m.examples += b.size;
  }
  if (m.examples > 0) {
    m.loss = lossSum / static_cast<double>(m.examples);
    m.accuracy = static_cast<double>(correct) / static_cast<double>(m.examples);
    m.macroF1 = macroF1(predicted, actual);
  }
  return m;
}

}  // namespace

Metrics evaluate(const Model& model, const data::EncodedSplit& split, const EvalOptions& options) {
  data::EncodedSplit subset = split;
  if (options.maxExamples > 0 && static_cast<int64_t>(subset.examples.size()) > options.maxExamples)
    subset.examples.resize(static_cast<size_t>(options.maxExamples));
  data::BatchOptions bo;
  bo.batchSize = options.batchSize;
  bo.shuffle = false;
  const std::vector<data::Batch> batches = data::makeBatches(subset, bo);
  if (model.isClassifier()) {
    Metrics m = evaluateClassifier(*model.classifier, batches);
    m.unknownTokens = subset.unknownShare();
    return m;
  }
  std::vector<TokenIds> outputs;
  Metrics m = evaluateSeq2Seq(*model.seq2seq, batches, options.decode, outputs);
  m.unknownTokens = subset.unknownShare();
  if (options.decode && !outputs.empty()) scoreOutputs(model, outputs, subset.examples, m);
  return m;
}

std::string outputText(const Model& model, const TokenIds& ids) {
  return model.tokenizer.detokenize(model.tgtVocab.decodeOutput(ids));
}

void scoreOutputs(const Model& model, const std::vector<TokenIds>& outputs,
                  const std::vector<data::EncodedExample>& examples, Metrics& m) {
  ATTN_CHECK(outputs.size() <= examples.size(), "scoreOutputs: more outputs than examples");
  std::vector<std::string> hypotheses, references;
  int64_t same = 0;
  for (size_t i = 0; i < outputs.size(); ++i) {
    const data::EncodedExample& e = examples[i];
    // An example encoded without its text (tests build some by hand) is scored on its ids.
    references.push_back(e.reference.empty() ? outputText(model, e.target) : e.reference);
    hypotheses.push_back(outputText(model, outputs[i]));
    // On ids, as the model sees its targets: an output that reproduces a reference's <unk>
    // has learned what it could (the number early stopping compares); BLEU and chrF are the
    // scores for people.
    same += outputs[i] == e.target ? 1 : 0;
  }
  m.exactMatch = static_cast<double>(same) / static_cast<double>(outputs.size());
  // Fractions as the other metrics; sacreBLEU's 100 can come out a rounding error above it.
  m.bleu = std::min(1.0, corpusBleu(hypotheses, {references}).score / 100);
  m.chrf = std::min(1.0, corpusChrf(hypotheses, {references}) / 100);
}

}  // namespace attn::inline ATTN_PRECISION
