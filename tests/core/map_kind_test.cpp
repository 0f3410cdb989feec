// Map kinds are an enum inside and their old names in files: every kind's name reads back as the
// kind, trace files written before the enum (and by PyTorch) load unchanged, and a map with a
// name no model writes is refused with a message that lists the known ones.
#include <gtest/gtest.h>

#include "test_paths.h"
#include "trace/map_kind.h"
#include "trace/trace_json.h"
#include "util/check.h"

namespace attn {
namespace {

using nlohmann::json;

TEST(MapKind, EveryKindsNameParsesBackToIt) {
  for (MapKind kind : kAllMapKinds) EXPECT_EQ(parseMapKind(toString(kind)), kind);
  // The names are the file format's: fixed, not derived from the enumerators.
  EXPECT_EQ(toString(MapKind::Cross), "cross");
  EXPECT_EQ(toString(MapKind::EncoderSelf), "encoder_self");
  EXPECT_EQ(toString(MapKind::DecoderSelf), "decoder_self");
  EXPECT_EQ(toString(MapKind::Hops), "hops");
  EXPECT_FALSE(parseMapKind("Cross").has_value());
  EXPECT_FALSE(parseMapKind("").has_value());
  EXPECT_EQ(mapKindNames(), "cross, decoder_self, encoder_self, hops");
}

TEST(MapKind, ATraceFileKeepsTheOldNames) {
  Trace t;
  t.sourceTokens = {"a", "<eos>"};
  t.targetTokens = {"b"};
  t.attention[MapKind::Cross] = AttentionMap(1, 1, 1, 2);
  t.attention[MapKind::Cross].values = {0.25f, 0.75f};
  t.attention[MapKind::EncoderSelf] = AttentionMap(1, 1, 2, 2);
  t.attention[MapKind::EncoderSelf].values = {1, 0, 0, 1};
  TraceStep s;
  s.scores[MapKind::Cross] = {0.5f, -0.5f};
  t.steps.push_back(s);
  const json j = traceToJson(t);
  EXPECT_EQ(j["attention"].size(), 2u);
  EXPECT_TRUE(j["attention"].contains("cross"));
  EXPECT_TRUE(j["attention"].contains("encoder_self"));
  EXPECT_EQ(j["steps"][0]["scores"]["cross"], json({0.5, -0.5}));
  const Trace back = traceFromJson(j, "test");
  EXPECT_EQ(back.attention.at(MapKind::Cross).values, t.attention.at(MapKind::Cross).values);
  EXPECT_EQ(back.steps[0].scores.at(MapKind::Cross), s.scores.at(MapKind::Cross));
}

TEST(MapKind, ThePyTorchExportedTraceLoads) {
  const Trace t =
      readTraceFile(std::string(ATTN_TEST_DATA_DIR) + "/traces/pytorch_transformer.json");
  EXPECT_EQ(t.attention.size(), 3u);
  EXPECT_EQ(t.attention.count(MapKind::Cross), 1u);
  EXPECT_EQ(t.attention.count(MapKind::EncoderSelf), 1u);
  EXPECT_EQ(t.attention.count(MapKind::DecoderSelf), 1u);
}

TEST(MapKind, AnUnknownMapNameIsAClearError) {
  const json j = json::parse(R"({"format": "attention-studio.trace/1", "source_tokens": ["a"],
      "target_tokens": ["b"], "attention": {"alignment": [[[[1.0]]]]}})");
  try {
    traceFromJson(j, "imported.json");
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "imported.json: attention has a map named 'alignment'; the known maps are cross, "
              "decoder_self, encoder_self, hops (rename it to the one it is, or leave it out)");
  }
  const json scores = json::parse(R"({"format": "attention-studio.trace/1", "source_tokens": ["a"],
      "target_tokens": ["b"], "attention": {"cross": [[[[1.0]]]]},
      "steps": [{"top_k": [], "scores": {"other": [0.5]}}]})");
  EXPECT_THROW(traceFromJson(scores, "x"), Error);
}

}  // namespace
}  // namespace attn
