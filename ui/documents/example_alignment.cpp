#include "documents/example_alignment.h"

#include <QCoreApplication>

#include <utility>

#include "trace/trace.h"

namespace attn::ui {

ExampleMatrix exampleAlignment() {
  ExampleMatrix m;
  m.colLabels = {"The", "agreement", "on", "the",    "European", "Economic", "Area",
                 "was", "signed",    "in", "August", "1992",     ".",        "<end>"};
  m.rowLabels = {"L'",  "accord", "sur", "la",   "zone", "économique", "européenne", "a",
                 "été", "signé",  "en",  "août", "1992", ".",          "<end>"};
  m.cols = int(m.colLabels.size());
  m.rows = int(m.rowLabels.size());
  m.title = QCoreApplication::translate(
      "attn::ui", "Example: a hand-made English → French alignment, not a model's output");

  // For each output token, the source tokens it attends to and how strongly. Whatever weight a
  // row has left is spread evenly, the faint background a trained softmax leaves everywhere.
  using Peaks = std::vector<std::pair<int, float>>;
  const std::vector<Peaks> peaks = {
      {{0, 0.80f}, {1, 0.08f}},    // L'
      {{1, 0.85f}},                // accord
      {{2, 0.75f}, {3, 0.10f}},    // sur
      {{3, 0.70f}, {2, 0.10f}},    // la
      {{6, 0.70f}, {4, 0.10f}},    // zone
      {{5, 0.80f}},                // économique
      {{4, 0.75f}, {6, 0.10f}},    // européenne
      {{7, 0.70f}, {8, 0.10f}},    // a
      {{7, 0.55f}, {8, 0.30f}},    // été
      {{8, 0.85f}},                // signé
      {{9, 0.80f}},                // en
      {{10, 0.85f}},               // août
      {{11, 0.90f}},               // 1992
      {{12, 0.85f}},               // .
      {{13, 0.80f}, {12, 0.10f}},  // <end>
  };
  m.values.reserve(std::size_t(m.rows) * m.cols);
  for (const Peaks& row : peaks) {
    float peakSum = 0.0f;
    for (const auto& peak : row) peakSum += peak.second;
    std::vector<float> cells(m.cols, (1.0f - peakSum) / float(m.cols));
    for (const auto& [col, weight] : row) cells[col] += weight;
    m.values.insert(m.values.end(), cells.begin(), cells.end());
  }
  return m;
}

Trace exampleTrace() {
  const ExampleMatrix m = exampleAlignment();
  Trace t;
  for (const QString& token : m.colLabels) t.sourceTokens.push_back(token.toStdString());
  for (const QString& token : m.rowLabels) t.targetTokens.push_back(token.toStdString());
  AttentionMap map(1, 1, m.rows, m.cols);
  map.values = m.values;
  t.attention[MapKind::Cross] = std::move(map);
  return t;
}

}  // namespace attn::ui
