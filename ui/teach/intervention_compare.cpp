#include "teach/intervention_compare.h"

#include <algorithm>

#include "documents/trace_math.h"

namespace attn::ui {

InterventionComparison compareRuns(const DecodeResult& before, const DecodeResult& after) {
  InterventionComparison c;
  const size_t n = std::max(before.outputIds.size(), after.outputIds.size());
  c.steps.resize(n);
  // A run's chosen token at step t: outputIds[t], whose log-prob is row t of its trace.
  auto fill = [](const DecodeResult& r, size_t t, std::string* token, bool* has, double* lp) {
    if (t >= r.outputIds.size()) return;
    *has = true;
    *token = r.trace.targetTokens.at(t);
    *lp = r.trace.logProbs.at(t).at(static_cast<size_t>(r.outputIds[t]));
  };
  for (size_t t = 0; t < n; ++t) {
    StepChange& s = c.steps[t];
    fill(before, t, &s.before, &s.hasBefore, &s.logProbBefore);
    fill(after, t, &s.after, &s.hasAfter, &s.logProbAfter);
    s.tokenChanged =
        s.hasBefore != s.hasAfter || (s.hasBefore && before.outputIds[t] != after.outputIds[t]);
    if (s.tokenChanged && c.firstChange < 0) c.firstChange = static_cast<int>(t);
  }
  c.logProbBefore = before.logProb;
  c.logProbAfter = after.logProb;
  return c;
}

std::vector<float> attentionDifference(const Trace& before, const Trace& after, MapKind map,
                                       int layer, int head, int* rows) {
  *rows = 0;
  const auto b = before.attention.find(map);
  const auto a = after.attention.find(map);
  if (b == before.attention.end() || a == after.attention.end()) return {};
  const AttentionMap& mb = b->second;
  const AttentionMap& ma = a->second;
  if (mb.keys != ma.keys || mb.layers != ma.layers || mb.heads != ma.heads || layer < 0 ||
      layer >= mb.layers || head >= mb.heads)
    return {};
  const int n = std::min(mb.queries, ma.queries);
  const std::vector<float> x = mapMatrix(mb, layer, head);
  const std::vector<float> y = mapMatrix(ma, layer, head);
  std::vector<float> d(static_cast<size_t>(n) * mb.keys);
  for (size_t i = 0; i < d.size(); ++i) d[i] = y[i] - x[i];  // row-major: the first n rows
  *rows = n;
  return d;
}

}  // namespace attn::ui
