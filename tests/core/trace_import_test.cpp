// A trace exported from PyTorch by the recipe of docs/pytorch-traces.md
// (tools/export_attention_trace.py, on a seeded nn.Transformer): the app reads what the recipe
// writes, with every head of every layer and the causal zeros PyTorch computed.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "errors.h"
#include "golden.h"
#include "trace/trace_json.h"

namespace attn {
namespace {

TEST(TraceImport, PyTorchRecipeTraceReadsWithEveryHeadOfEveryLayer) {
  const Trace t = readTraceFile(test::testDataPath("traces/pytorch_transformer.json"));
  EXPECT_NO_THROW(t.validate());
  EXPECT_TRUE(t.model.is_null());  // an imported trace: no model to run
  EXPECT_EQ(t.sourceTokens, (std::vector<std::string>{"le", "chat", "noir", "dort", "<eos>"}));
  EXPECT_EQ(t.targetTokens.back(), "<eos>");
  for (MapKind name : {MapKind::EncoderSelf, MapKind::DecoderSelf, MapKind::Cross}) {
    const AttentionMap& m = t.attention.at(name);
    EXPECT_EQ(m.layers, 2) << name;
    EXPECT_EQ(m.heads, 2) << name;
    EXPECT_EQ(m.queries, 5) << name;
    EXPECT_EQ(m.keys, 5) << name;
  }
  // PyTorch's causal mask: a target position never sees a later one, in any layer or head.
  const AttentionMap& self = t.attention.at(MapKind::DecoderSelf);
  for (int l = 0; l < 2; ++l)
    for (int h = 0; h < 2; ++h) {
      EXPECT_FLOAT_EQ(self.at(l, h, 0, 0), 1.0f);
      for (int q = 0; q < 5; ++q)
        for (int k = q + 1; k < 5; ++k) EXPECT_EQ(self.at(l, h, q, k), 0.0f);
    }
  // The heads differ (they were not averaged on the way out).
  const std::vector<float> h0 = t.attention.at(MapKind::Cross).matrix(1, 0);
  const std::vector<float> h1 = t.attention.at(MapKind::Cross).matrix(1, 1);
  EXPECT_NE(h0, h1);
  // log_probs rows are distributions over the model's 12 target ids.
  ASSERT_EQ(t.logProbs.size(), 5u);
  for (const auto& row : t.logProbs) {
    ASSERT_EQ(row.size(), 12u);
    double z = 0;
    for (float v : row) z += std::exp(v);
    EXPECT_NEAR(z, 1.0, 1e-5);
  }
  EXPECT_EQ(attentionCsv(t, MapKind::Cross, 1, 1).substr(0, 30), "query,le,chat,noir,dort,<eos>\n");
}

// ---- Map sizes against the token lists ----

using nlohmann::json;

// A [layers][heads][rows][keys] map whose rows are uniform distributions (valid in every other
// respect, so only the sizes can be wrong).
json uniformMap(int layers, int heads, int rows, int keys) {
  const json row(std::vector<double>(static_cast<size_t>(keys), 1.0 / keys));
  const json head(std::vector<json>(static_cast<size_t>(rows), row));
  const json layer(std::vector<json>(static_cast<size_t>(heads), head));
  return json(std::vector<json>(static_cast<size_t>(layers), layer));
}

json traceWith(std::vector<std::string> source, std::vector<std::string> target,
               const std::string& name, const json& map) {
  json j = {{"format", kTraceFormat}, {"source_tokens", source}, {"attention", {{name, map}}}};
  if (!target.empty()) j["target_tokens"] = target;
  return j;
}

// The message of the error traceFromJson throws, or "" when it accepts the trace.
std::string readError(const json& j) {
  return test::errorOf([&] { traceFromJson(j, "t.json"); });
}

TEST(TraceImport, CrossMapWithMoreKeysThanSourceTokensIsRefused) {
  // One source token, three keys: the heatmap would label two columns with nothing.
  const std::string e = readError(traceWith({"a"}, {"x"}, "cross", uniformMap(1, 1, 1, 3)));
  EXPECT_NE(e.find("t.json"), std::string::npos) << e;
  EXPECT_NE(e.find("attention map 'cross', layer 0, head 0 has 3 columns"), std::string::npos) << e;
  EXPECT_NE(e.find("the trace has 1 source token"), std::string::npos) << e;
  EXPECT_NE(e.find("[layer][head][target token][source token]"), std::string::npos) << e;
}

TEST(TraceImport, CrossMapRowsMustBeTheTargetTokens) {
  const std::string e =
      readError(traceWith({"a", "b"}, {"x", "y", "z"}, "cross", uniformMap(2, 2, 2, 2)));
  EXPECT_NE(e.find("'cross', layer 0, head 0 has 2 rows, but the trace has 3 target tokens"),
            std::string::npos)
      << e;
  // A cross map without target tokens has nothing to label its rows with.
  const std::string none = readError(traceWith({"a", "b"}, {}, "cross", uniformMap(1, 1, 2, 2)));
  EXPECT_NE(none.find("has 2 rows, but the trace has 0 target tokens"), std::string::npos) << none;
  EXPECT_EQ(readError(traceWith({"a", "b"}, {"x", "y", "z"}, "cross", uniformMap(2, 2, 3, 2))), "");
}

TEST(TraceImport, SelfAttentionMapsAreSquareOverTheirOwnTokens) {
  // encoder_self: source × source.
  EXPECT_EQ(readError(traceWith({"a", "b", "c"}, {"x"}, "encoder_self", uniformMap(1, 2, 3, 3))),
            "");
  std::string e =
      readError(traceWith({"a", "b", "c"}, {"x"}, "encoder_self", uniformMap(1, 2, 3, 2)));
  EXPECT_NE(e.find("'encoder_self', layer 0, head 0 has 2 columns, but the trace has 3 source "
                   "tokens"),
            std::string::npos)
      << e;
  e = readError(traceWith({"a", "b", "c"}, {"x"}, "encoder_self", uniformMap(1, 2, 1, 3)));
  EXPECT_NE(e.find("has 1 row, but the trace has 3 source tokens"), std::string::npos) << e;
  // decoder_self: target × target, whatever the source.
  EXPECT_EQ(readError(traceWith({"a"}, {"x", "y"}, "decoder_self", uniformMap(2, 1, 2, 2))), "");
  e = readError(traceWith({"a"}, {"x", "y"}, "decoder_self", uniformMap(2, 1, 2, 1)));
  EXPECT_NE(e.find("'decoder_self', layer 0, head 0 has 1 column, but the trace has 2 target "
                   "tokens"),
            std::string::npos)
      << e;
}

TEST(TraceImport, HopsAreOneRowPerHeadOverTheSource) {
  // The classifier's layout: one layer, a head per hop, one row each, a column per token.
  EXPECT_EQ(readError(traceWith({"a", "b", "c"}, {"positive"}, "hops", uniformMap(1, 4, 1, 3))),
            "");
  std::string e =
      readError(traceWith({"a", "b", "c"}, {"positive"}, "hops", uniformMap(1, 1, 4, 3)));
  EXPECT_NE(e.find("'hops', layer 0, head 0 has 4 rows, but a hops map has one row per head"),
            std::string::npos)
      << e;
  e = readError(traceWith({"a", "b", "c"}, {"positive"}, "hops", uniformMap(1, 4, 1, 5)));
  EXPECT_NE(e.find("has 5 columns, but the trace has 3 source tokens"), std::string::npos) << e;
}

// Every view, export and explanation is defined per map kind: a map of another name could be
// shown nowhere, so it is refused with the names the reader knows (map_kind_test: the message).
TEST(TraceImport, MapsOfOtherNamesAreRefused) {
  const std::string e = readError(traceWith({"a"}, {"x"}, "probe", uniformMap(1, 1, 4, 7)));
  EXPECT_NE(e.find("a map named 'probe'; the known maps are cross, decoder_self, encoder_self, "
                   "hops"),
            std::string::npos)
      << e;
}

TEST(TraceImport, ALaterHeadOfAnotherSizeNamesBothSizes) {
  json map = uniformMap(1, 2, 2, 2);
  map[0][1] = uniformMap(1, 1, 3, 2)[0][0];
  const std::string e = readError(traceWith({"a", "b"}, {"x", "y"}, "cross", map));
  EXPECT_NE(e.find("attention.cross[0][1] has 3 rows where attention.cross[0][0] has 2"),
            std::string::npos)
      << e;
}

// Every trace the repository ships, and every seed of the trace fuzzer, still reads.
TEST(TraceImport, EveryBundledAndFuzzCorpusTraceReads) {
  int files = 0;
  for (const char* folder : {"traces", "../../fuzz/corpus/trace"})
    for (const auto& entry : std::filesystem::directory_iterator(test::testDataPath(folder))) {
      if (entry.path().extension() != ".json") continue;
      ++files;
      EXPECT_NO_THROW(readTraceFile(entry.path().string())) << entry.path();
    }
  EXPECT_GE(files, 2);
}

}  // namespace
}  // namespace attn
