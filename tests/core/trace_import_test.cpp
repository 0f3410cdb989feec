// A trace exported from PyTorch by the recipe of docs/pytorch-traces.md
// (tools/export_attention_trace.py, on a seeded nn.Transformer): the app reads what the recipe
// writes, with every head of every layer and the causal zeros PyTorch computed.
#include <gtest/gtest.h>

#include <cmath>

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

}  // namespace
}  // namespace attn
