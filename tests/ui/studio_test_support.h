// Shared by the ui tests: where the golden models are, synthetic traces of the shapes the
// engine's other models produce, and small image checks.
#pragma once

#include <QImage>
#include <QString>
#include <QTest>

#include <cmath>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "documents/session.h"
#include "test_paths.h"
#include "trace/trace.h"
#include "window/window_capture.h"

namespace attn::test {

// A model of resources/models by its file's base name ("toyfr-transformer").
inline QString bundledModelPath(const char* name) {
  return QStringLiteral(ATTN_TEST_DATA_DIR "/../../resources/models/") + QLatin1String(name) +
         QStringLiteral(".safetensors");
}

// Opens a model in the session and decodes one sentence, now (on this thread).
inline void openAndDecode(attn::ui::Session& session, const QString& model, const char* sentence) {
  ASSERT_TRUE(session.openModel(model, false));
  attn::ui::DecodeRequest request;
  request.source = sentence;
  ASSERT_TRUE(session.decodeNow(request));
}

// A tiny PyTorch-made rnn_seq2seq with Bahdanau attention: src "le chat noir dort un chien",
// tgt "the cat black sleeps". Untrained, but every number is real.
inline QString bahdanauModelPath() {
  return QStringLiteral(ATTN_TEST_DATA_DIR
                        "/golden/models/model_files/"
                        "seq2seq_gru_bidir_bahdanau_additive.safetensors");
}
inline QString noAttentionModelPath() {
  return QStringLiteral(ATTN_TEST_DATA_DIR
                        "/golden/models/model_files/"
                        "seq2seq_gru_2layer_bidir_none.safetensors");
}

// Rows that sum to 1, varied enough that a wrong index shows.
inline void fillDistributions(AttentionMap& map, unsigned seed) {
  for (int l = 0; l < map.layers; ++l)
    for (int h = 0; h < map.heads; ++h)
      for (int q = 0; q < map.queries; ++q) {
        double sum = 0;
        std::vector<double> row(size_t(map.keys));
        for (int k = 0; k < map.keys; ++k) {
          seed = seed * 1103515245u + 12345u;
          row[size_t(k)] = 0.05 + double((seed >> 8) % 1000) / 1000.0 +
                           (k == (q + h + l) % map.keys ? 3.0 : 0.0);
          sum += row[size_t(k)];
        }
        for (int k = 0; k < map.keys; ++k) map.at(l, h, q, k) = float(row[size_t(k)] / sum);
      }
}

// What the transformer will produce: every head of every layer, three kinds of attention.
inline Trace transformerLikeTrace(int layers, int heads, int sourceLength, int targetLength) {
  Trace t;
  for (int i = 0; i < sourceLength; ++i) t.sourceTokens.push_back("s" + std::to_string(i));
  for (int i = 0; i < targetLength; ++i) t.targetTokens.push_back("t" + std::to_string(i));
  t.attention[MapKind::EncoderSelf] = AttentionMap(layers, heads, sourceLength, sourceLength);
  t.attention[MapKind::DecoderSelf] = AttentionMap(layers, heads, targetLength, targetLength);
  t.attention[MapKind::Cross] = AttentionMap(layers, heads, targetLength, sourceLength);
  unsigned seed = 1;
  for (auto& [name, map] : t.attention) fillDistributions(map, seed++);
  return t;
}

// What the structured self-attention classifier will produce: r hops over the sentence.
inline Trace classifierLikeTrace() {
  Trace t;
  t.sourceTokens = {"a", "truly", "wonderful", "film"};
  t.targetTokens = {"positive"};
  AttentionMap hops(1, 2, 1, 4);
  hops.values = {0.1f, 0.1f, 0.7f, 0.1f,   // hop 1 reads "wonderful"
                 0.0f, 0.5f, 0.5f, 0.0f};  // hop 2 "truly wonderful"
  t.attention[MapKind::Hops] = hops;
  TraceStep step;
  step.topK = {{"positive", 0.9f}, {"negative", 0.1f}};
  t.steps.push_back(step);
  return t;
}

inline std::size_t distinctColours(const QImage& image) {
  std::set<QRgb> colours;
  for (int y = 0; y < image.height(); y += 2)
    for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
  return colours.size();
}

// With ATTN_UI_CAPTURE_DIR set, saves what a test shows as <name>.png there: for looking at the
// views as a user would, and for documentation. Without it, does nothing.
inline void maybeCapture(QWidget& widget, const char* name) {
  const QString dir = qEnvironmentVariable("ATTN_UI_CAPTURE_DIR");
  if (!dir.isEmpty())
    attn::ui::captureWidget(widget,
                            dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

inline bool eventually(const std::function<bool()>& condition, int ms = 5000) {
  return QTest::qWaitFor(condition, ms);
}

}  // namespace attn::test
