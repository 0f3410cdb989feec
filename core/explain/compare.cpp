#include "explain/compare.h"

#include <algorithm>
#include <cmath>

#include "models/model.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {
namespace {

std::vector<std::string> decoderInputs(const Trace& trace) {
  std::vector<std::string> inputs{"<sos>"};
  for (size_t i = 0; i + 1 < trace.targetTokens.size(); ++i)
    inputs.push_back(trace.targetTokens[i]);
  return inputs;
}

// The tokens along each side of map `kind`, as the heatmaps label them.
void tokensOf(const Trace& trace, MapKind kind, int hops, LabelledMatrix& m) {
  if (kind == MapKind::EncoderSelf) {
    m.rowTokens = m.colTokens = trace.sourceTokens;
  } else if (kind == MapKind::DecoderSelf) {
    m.rowTokens = trace.targetTokens;
    m.colTokens = decoderInputs(trace);
  } else if (kind == MapKind::Hops) {
    for (int h = 0; h < hops; ++h) m.rowTokens.push_back("hop " + std::to_string(h + 1));
    m.colTokens = trace.sourceTokens;
  } else {
    m.rowTokens = trace.targetTokens;
    m.colTokens = trace.sourceTokens;
  }
}

std::string label(const std::vector<std::string>& tokens, int i) {
  return i < int(tokens.size()) ? "'" + tokens[size_t(i)] + "'" : "the end";
}

// Index of the largest value of row r (ties: the first; NaN never wins), -1 if all are NaN.
int rowArgmax(const std::vector<float>& v, int r, int cols) {
  int best = -1;
  for (int c = 0; c < cols; ++c) {
    const float x = v[size_t(r) * size_t(cols) + size_t(c)];
    if (!std::isnan(x) && (best < 0 || x > v[size_t(r) * size_t(cols) + size_t(best)])) best = c;
  }
  return best;
}

void checkSameTokens(const std::vector<std::string>& a, const std::vector<std::string>& b,
                     const char* side) {
  if (a.size() != b.size())
    throw Error(std::string("the two maps have different ") + side + " (" +
                std::to_string(a.size()) + " against " + std::to_string(b.size()) + ")");
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i])
      throw Error(std::string("the two maps have different ") + side + ": '" + a[i] +
                  "' against '" + b[i] + "' at position " + std::to_string(i));
}

bool endsWithEos(const std::vector<std::string>& tokens) {
  return !tokens.empty() && tokens.back() == "<eos>";
}

}  // namespace

LabelledMatrix selectMatrix(const Trace& trace, const MapSelection& selection) {
  const auto it = trace.attention.find(selection.kind);
  if (it == trace.attention.end())
    throw Error("the trace has no '" + mapKindName(selection.kind) + "' attention");
  const AttentionMap& map = it->second;
  LabelledMatrix m;
  if (selection.kind == MapKind::Hops) {
    if (selection.head >= map.heads)
      throw Error("hop " + std::to_string(selection.head + 1) + " does not exist (the model has " +
                  std::to_string(map.heads) + ")");
    const int first = selection.head < 0 ? 0 : selection.head;
    const int count = selection.head < 0 ? map.heads : 1;
    m.rows = count;
    m.cols = map.keys;
    for (int h = first; h < first + count; ++h)
      for (int k = 0; k < map.keys; ++k) m.values.push_back(map.at(0, h, 0, k));
    tokensOf(trace, selection.kind, map.heads, m);
    if (selection.head >= 0) m.rowTokens = {m.rowTokens[size_t(selection.head)]};
    return m;
  }
  const int layer = selection.layer < 0 ? map.layers - 1 : selection.layer;
  if (layer < 0 || layer >= map.layers)
    throw Error("layer " + std::to_string(layer + 1) + " does not exist (the map has " +
                std::to_string(map.layers) + ")");
  if (selection.head >= map.heads)
    throw Error("head " + std::to_string(selection.head + 1) + " does not exist (the map has " +
                std::to_string(map.heads) + ")");
  m.rows = map.queries;
  m.cols = map.keys;
  m.values = selection.head < 0 ? map.meanOverHeads(layer) : map.matrix(layer, selection.head);
  tokensOf(trace, selection.kind, map.heads, m);
  // A trace from elsewhere may carry fewer tokens than its map has rows: number the rest.
  m.rowTokens.resize(size_t(m.rows));
  m.colTokens.resize(size_t(m.cols));
  return m;
}

MatrixDifference matrixDifference(const LabelledMatrix& a, const LabelledMatrix& b) {
  checkSameTokens(a.rowTokens, b.rowTokens, "rows");
  checkSameTokens(a.colTokens, b.colTokens, "columns");
  if (a.rows != b.rows || a.cols != b.cols)
    throw Error("the two maps have different shapes (" + std::to_string(a.rows) + " × " +
                std::to_string(a.cols) + " against " + std::to_string(b.rows) + " × " +
                std::to_string(b.cols) + ")");
  ATTN_CHECK(
      a.values.size() == size_t(a.rows) * size_t(a.cols) && b.values.size() == a.values.size(),
      "a labelled matrix has rows × cols values");
  MatrixDifference d;
  d.rows = a.rows;
  d.cols = a.cols;
  d.values.resize(a.values.size());
  for (int r = 0; r < d.rows; ++r) {
    double sum = 0, rowMax = 0;
    for (int c = 0; c < d.cols; ++c) {
      const size_t i = size_t(r) * size_t(d.cols) + size_t(c);
      d.values[i] = b.values[i] - a.values[i];
      const double x = std::abs(double(b.values[i]) - double(a.values[i]));
      sum += x;
      rowMax = std::max(rowMax, x);
      if (x > d.maxAbs) {
        d.maxAbs = x;
        d.maxRow = r;
        d.maxCol = c;
      }
    }
    d.rowTotalVariation.push_back(0.5 * sum);
    d.rowMaxAbs.push_back(rowMax);
    d.argmaxA.push_back(rowArgmax(a.values, r, d.cols));
    d.argmaxB.push_back(rowArgmax(b.values, r, d.cols));
    if (d.argmaxA.back() == d.argmaxB.back() && d.argmaxA.back() >= 0) ++d.rowsArgmaxAgree;
  }
  if (d.rows > 0) {
    double total = 0;
    for (double tv : d.rowTotalVariation) total += tv;
    d.meanTotalVariation = total / d.rows;
  }
  return d;
}

Trace firstSteps(const Trace& trace, int steps) {
  Trace out = trace;
  const int n = std::clamp(steps, 0, int(trace.targetTokens.size()));
  out.targetTokens.resize(size_t(n));
  if (out.logProbs.size() > size_t(n)) out.logProbs.resize(size_t(n));
  if (out.steps.size() > size_t(n)) out.steps.resize(size_t(n));
  for (MapKind kind : {MapKind::Cross, MapKind::DecoderSelf}) {
    auto it = out.attention.find(kind);
    if (it == out.attention.end()) continue;
    const AttentionMap& old = trace.attention.at(kind);
    const int keys = kind == MapKind::DecoderSelf ? std::min(n, old.keys) : old.keys;
    AttentionMap cut(old.layers, old.heads, std::min(n, old.queries), keys);
    for (int l = 0; l < cut.layers; ++l)
      for (int h = 0; h < cut.heads; ++h)
        for (int q = 0; q < cut.queries; ++q)
          for (int k = 0; k < cut.keys; ++k) cut.at(l, h, q, k) = old.at(l, h, q, k);
    it->second = std::move(cut);
  }
  return out;
}

ModelComparison compareModels(const Model& a, const Model& b, std::string_view sentence,
                              const DecodeOptions& options) {
  if (a.isClassifier() != b.isClassifier())
    throw Error(std::string("model A is ") +
                (a.isClassifier() ? "a classifier" : "a seq2seq model") + " and model B " +
                (b.isClassifier() ? "a classifier" : "a seq2seq model") +
                ": compare two models of the same kind");
  ModelComparison out;
  out.classifier = a.isClassifier();
  out.a =
      out.classifier ? classifyWithTrace(a, sentence, options) : decodeGreedy(a, sentence, options);
  out.bGreedy =
      out.classifier ? classifyWithTrace(b, sentence, options) : decodeGreedy(b, sentence, options);
  const std::vector<std::string>& srcA = out.a.trace.sourceTokens;
  const std::vector<std::string>& srcB = out.bGreedy.trace.sourceTokens;
  if (srcA != srcB)
    throw Error("the two models read the sentence differently (" + std::to_string(srcA.size()) +
                " tokens against " + std::to_string(srcB.size()) +
                "): compare models that read the same way, such as two trained on the same task");
  if (out.classifier) {
    out.bForced = out.bGreedy;
    return out;
  }
  if (out.a.output.empty())
    throw Error(
        "model A wrote nothing (<eos> first), so there is no output for model B to "
        "read: swap the two models, or decode a longer sentence");
  // A's tokens joined back into text: what inspectForced reads, tokenized by B's tokenizer.
  out.bForced = inspectForced(b, sentence, out.a.output, options);
  if (!endsWithEos(out.a.trace.targetTokens) && endsWithEos(out.bForced.trace.targetTokens))
    out.bForced.trace = firstSteps(out.bForced.trace, int(out.a.trace.targetTokens.size()));
  if (out.a.trace.targetTokens != out.bForced.trace.targetTokens) {
    const auto& ta = out.a.trace.targetTokens;
    const auto& tb = out.bForced.trace.targetTokens;
    size_t i = 0;
    while (i < ta.size() && i < tb.size() && ta[i] == tb[i]) ++i;
    throw Error("model B reads model A's output differently: at position " + std::to_string(i) +
                ", " + label(ta, int(i)) + " against " + label(tb, int(i)) +
                " (do they use the same tokenizer?)");
  }
  return out;
}

}  // namespace attn::inline ATTN_PRECISION
