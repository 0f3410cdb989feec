#include "decode/trace_assembly.h"

#include <algorithm>
#include <cmath>

#include "decode/top_k.h"
#include "models/model.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

std::vector<TopToken> topTokens(const std::vector<float>& logProbs, int k,
                                const std::vector<std::string>& names) {
  const int64_t n = static_cast<int64_t>(logProbs.size());
  ATTN_CHECK(n <= static_cast<int64_t>(names.size()), "topTokens: more log-probs than names");
  std::vector<TopToken> out;
  for (int64_t i : topIndices(n, k, [&](int64_t j) { return logProbs[static_cast<size_t>(j)]; }))
    out.push_back({names[static_cast<size_t>(i)], std::exp(logProbs[static_cast<size_t>(i)])});
  return out;
}

AttentionMap encoderMap(const std::vector<Tensor>& layers) {
  const Tensor& first = layers.front();
  ATTN_CHECK(first.rank() == 4, "encoder attention is [N, heads, S, S] per layer");
  const int heads = static_cast<int>(first.dim(1));
  const int s = static_cast<int>(first.dim(2));
  AttentionMap m(static_cast<int>(layers.size()), heads, s, static_cast<int>(first.dim(3)));
  const size_t perLayer = static_cast<size_t>(heads) * s * m.keys;
  for (size_t l = 0; l < layers.size(); ++l) {
    ATTN_CHECK(layers[l].shape() == first.shape(), "encoder attention layers differ in shape");
    const Scalar* src = layers[l].data();  // row 0 of N
    std::copy(src, src + perLayer, m.values.begin() + static_cast<std::ptrdiff_t>(l * perLayer));
  }
  return m;
}

namespace {

// Stacks one map's rows over the steps into [layer][head][step][key]. Rows with fewer keys than
// the widest (decoder self-attention sees t + 1 positions at step t) end in zeros.
AttentionMap stackRows(const std::vector<const StepRecord*>& path, size_t index) {
  const auto& [name, first] = path.front()->attention[index];
  int keys = 0;
  for (const StepRecord* r : path) {
    ATTN_CHECK(index < r->attention.size() && r->attention[index].first == name,
               "every step must report the same attention maps");
    const MapRow& m = r->attention[index].second;
    ATTN_CHECK(m.layers == first.layers && m.heads == first.heads,
               "map '" + mapKindName(name) + "' changes its layers or heads between steps");
    keys = std::max(keys, m.keys);
  }
  const int steps = static_cast<int>(path.size());
  AttentionMap out(first.layers, first.heads, steps, keys);  // zero-filled
  for (int t = 0; t < steps; ++t) {
    const MapRow& m = path[static_cast<size_t>(t)]->attention[index].second;
    for (int l = 0; l < m.layers; ++l)
      for (int h = 0; h < m.heads; ++h) {
        const float* src = m.values.data() + (static_cast<size_t>(l) * m.heads + h) * m.keys;
        std::copy(src, src + m.keys,
                  out.values.begin() + static_cast<std::ptrdiff_t>(out.index(l, h, t, 0)));
      }
  }
  return out;
}

}  // namespace

Trace assembleTrace(const TraceInputs& in) {
  ATTN_CHECK(in.source && in.targetNames, "assembleTrace: source and target names are needed");
  ATTN_CHECK(in.targetTokens.size() == in.path.size(), "assembleTrace: one token per step");
  Trace t;
  if (in.model) t.model = *in.model;
  t.sourceTokens = in.source->tokens;
  t.targetTokens = in.targetTokens;
  t.logProbs.reserve(in.path.size());
  t.steps.reserve(in.path.size());
  for (const StepRecord* r : in.path) {
    t.logProbs.push_back(r->logProbs);
    TraceStep s;
    s.topK = topTokens(r->logProbs, in.topK, *in.targetNames);
    for (const auto& [name, m] : r->scores) s.scores.emplace(name, m.values);
    s.query = r->query;
    s.context = r->context;
    t.steps.push_back(std::move(s));
  }
  if (!in.path.empty())
    for (size_t i = 0; i < in.path.front()->attention.size(); ++i)
      t.attention.emplace(in.path.front()->attention[i].first, stackRows(in.path, i));
  if (in.encoderAttention)
    for (const auto& [name, layers] : *in.encoderAttention)
      if (!layers.empty()) t.attention[name] = encoderMap(layers);
  return t;
}

DecodeResult makeDecodeResult(const Model& model, Trace trace, std::vector<int64_t> outputIds,
                              const EncodedText& source, double lengthPenalty) {
  DecodeResult r;
  ATTN_CHECK(outputIds.size() == trace.logProbs.size(), "one log-prob row per output token");
  // In step order and in double, as beam search sums its hypotheses, so the two agree exactly.
  for (size_t i = 0; i < outputIds.size(); ++i)
    r.logProb += static_cast<double>(trace.logProbs[i][static_cast<size_t>(outputIds[i])]);
  r.finished = !outputIds.empty() && outputIds.back() == data::Vocabulary::kEos;
  r.score = normalisedScore(r.logProb, static_cast<int64_t>(outputIds.size()), lengthPenalty);
  r.output = data::detokenize(model.tgtVocab.decodeOutput(outputIds), model.tokenizer);
  r.unknownSource = source.unknown;
  r.outputIds = std::move(outputIds);
  r.trace = std::move(trace);
  return r;
}

}  // namespace attn::inline ATTN_PRECISION
