#include "train/evaluate.h"

#include <algorithm>
#include <numeric>

#include "models/loss.h"
#include "tensor/ops.h"

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

Metrics evaluateSeq2Seq(const Seq2SeqModel& model, const std::vector<data::Batch>& batches,
                        bool decode) {
  NoGradGuard noGrad;
  Metrics m;
  double lossSum = 0;
  int64_t tokens = 0, correct = 0;
  std::vector<TokenIds> hyps, refs;
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
    for (TokenIds& h : greedyDecodeBatch(model, src, maxLength)) hyps.push_back(std::move(h));
    for (int64_t i = 0; i < b.size; ++i) {
      TokenIds ref;
      for (int64_t t = 0; t < b.targetLength; ++t) {
        const int64_t id = out.ids[static_cast<size_t>(i * b.targetLength + t)];
        if (id == 0 || id == data::Vocabulary::kEos) break;
        ref.push_back(id);
      }
      refs.push_back(std::move(ref));
    }
  }
  if (tokens > 0) {
    m.loss = lossSum / static_cast<double>(tokens);
    m.tokenAccuracy = static_cast<double>(correct) / static_cast<double>(tokens);
  }
  if (decode && !hyps.empty()) {
    m.exactMatch = exactMatch(hyps, refs);
    m.bleu = corpusBleu(hyps, refs);
  }
  return m;
}

Metrics evaluateClassifier(const ClassifierModel& model, const std::vector<data::Batch>& batches) {
  NoGradGuard noGrad;
  Metrics m;
  double lossSum = 0;
  int64_t correct = 0;
  for (const data::Batch& b : batches) {
    const TokenBatch src = sourceBatch(b);
    lossSum += classifierLoss(model, src, b.labels).value().item() * static_cast<double>(b.size);
    const Tensor logits = model.forward(src).logits.value();
    for (int64_t i = 0; i < b.size; ++i) {
      const Scalar* row = logits.data() + i * logits.cols();
      correct +=
          (std::max_element(row, row + logits.cols()) - row) == b.labels[static_cast<size_t>(i)];
    }
    m.examples += b.size;
  }
  if (m.examples > 0) {
    m.loss = lossSum / static_cast<double>(m.examples);
    m.accuracy = static_cast<double>(correct) / static_cast<double>(m.examples);
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
  if (model.isClassifier()) return evaluateClassifier(*model.classifier, batches);
  return evaluateSeq2Seq(*model.seq2seq, batches, options.decode);
}

}  // namespace attn::inline ATTN_PRECISION
