// Teacher-forced inspection (`attention-cli inspect --target`): the forced tokens plus <eos> as
// the target, unknown target words reported and kept as typed, and a trace equal to the one
// step-by-step decoding records for the same tokens (so greedy and forced traces compare).
#include <gtest/gtest.h>

#include <cmath>

#include "decode/decoder.h"
#include "decode_checks.h"
#include "decode_models.h"
#include "golden.h"

namespace attn {
namespace {

using test::rnnVariants;
using test::smallModel;

TEST(DecodeForced, TargetIsTheForcedTokensPlusEos) {
  Model m = smallModel(rnnVariants()[0], 2);
  DecodeResult r = inspectForced(m, "a b c", "w3 w1 w4");
  EXPECT_EQ(r.trace.sourceTokens, (std::vector<std::string>{"a", "b", "c", "<eos>"}));
  EXPECT_EQ(r.trace.targetTokens, (std::vector<std::string>{"w3", "w1", "w4", "<eos>"}));
  EXPECT_EQ(r.outputIds, (std::vector<int64_t>{m.tgtVocab.id("w3"), m.tgtVocab.id("w1"),
                                               m.tgtVocab.id("w4"), data::Vocabulary::kEos}));
  EXPECT_EQ(r.output, "w3 w1 w4");
  EXPECT_TRUE(r.finished);
  EXPECT_EQ(r.trace.logProbs.size(), 4u);
  EXPECT_EQ(r.trace.attention.at(MapKind::Cross).queries, 4);
  EXPECT_EQ(r.trace.attention.at(MapKind::Cross).keys, 4);
  EXPECT_NO_THROW(r.trace.validate());
  test::expectRowsAreDistributions(r.trace);
  test::expectTopKConsistent(r.trace, m.tgtVocab.toList(), 5);
  test::expectJsonRoundTrip(r.trace);
}

TEST(DecodeForced, UnknownTargetWordsAreReportedAndKeptAsTyped) {
  Model m = smallModel(rnnVariants()[0], 2);
  DecodeResult r = inspectForced(m, "a qq b", "w1 zebra w2");
  EXPECT_EQ(r.unknownSource, std::vector<int>{1});
  EXPECT_EQ(r.unknownTarget, std::vector<int>{1});
  EXPECT_EQ(r.trace.targetTokens[1], "zebra");
  EXPECT_EQ(r.outputIds[1], data::Vocabulary::kUnk);  // the model reads <unk>
  EXPECT_EQ(r.output, "w1 zebra w2");
  EXPECT_NEAR(r.logProb,
              r.trace.logProbs[0][static_cast<size_t>(m.tgtVocab.id("w1"))] +
                  r.trace.logProbs[1][data::Vocabulary::kUnk] +
                  r.trace.logProbs[2][static_cast<size_t>(m.tgtVocab.id("w2"))] +
                  r.trace.logProbs[3][data::Vocabulary::kEos],
              1e-5);
}

TEST(DecodeForced, TraceEqualsTheStepByStepTraceOfTheSameTokens) {
  // Force the words greedy produced (up to its first special token, which would not read back
  // as typed). Both runs then feed the same prefix at steps 0..n (forced: n words then <eos>),
  // so those steps' log-prob rows, scores and attention rows must agree.
  for (const nlohmann::json& config : rnnVariants())
    for (uint64_t seed = 10; seed < 16; ++seed) {
      SCOPED_TRACE(config.dump() + " seed " + std::to_string(seed));
      Model m = smallModel(config, seed);
      DecodeResult greedy = decodeGreedy(m, "d e f g");
      std::vector<std::string> words;
      for (int64_t id : greedy.outputIds) {
        if (id < data::Vocabulary::kSpecialCount) break;
        words.push_back(m.tgtVocab.token(id));
      }
      if (words.empty()) continue;
      DecodeResult forced =
          inspectForced(m, "d e f g", data::detokenize(words, data::TokenizerKind::Word));
      const size_t steps = std::min(forced.trace.steps.size(), greedy.trace.steps.size());
      for (size_t t = 0; t < steps; ++t) {
        if (t < words.size()) EXPECT_EQ(forced.trace.targetTokens[t], greedy.trace.targetTokens[t]);
        for (size_t v = 0; v < greedy.trace.logProbs[t].size(); ++v)
          EXPECT_NEAR(forced.trace.logProbs[t][v], greedy.trace.logProbs[t][v], 1e-5);
        const TraceStep& f = forced.trace.steps[t];
        const TraceStep& g = greedy.trace.steps[t];
        ASSERT_EQ(f.topK.size(), g.topK.size());
        for (size_t i = 0; i < f.topK.size(); ++i)
          EXPECT_NEAR(f.topK[i].prob, g.topK[i].prob, 1e-5);
        ASSERT_EQ(f.scores.size(), g.scores.size());
        for (const auto& [name, values] : g.scores) {
          ASSERT_EQ(f.scores.at(name).size(), values.size()) << name;
          for (size_t k = 0; k < values.size(); ++k)
            EXPECT_NEAR(f.scores.at(name)[k], values[k], 1e-4) << name;
        }
        EXPECT_TRUE(f.query.empty());  // the forward pass does not report them
      }
      ASSERT_EQ(forced.trace.attention.size(), greedy.trace.attention.size());
      for (const auto& [name, map] : greedy.trace.attention) {
        const AttentionMap& f = forced.trace.attention.at(name);
        ASSERT_EQ(f.keys, map.keys) << name;
        for (int q = 0; q < static_cast<int>(steps); ++q)
          for (int k = 0; k < map.keys; ++k)
            EXPECT_NEAR(f.at(0, 0, q, k), map.at(0, 0, q, k), 1e-5) << name;
      }
    }
}

TEST(DecodeForced, TargetLongerThanTheLimitIsRefused) {
  Model m = smallModel(rnnVariants()[0], 2);
  DecodeOptions o;
  o.maxInputTokens = 2;
  EXPECT_THROW(inspectForced(m, "a", "w1 w2 w3", o), Error);
  EXPECT_NO_THROW(inspectForced(m, "a", "w1 w2", o));
}

TEST(DecodeForced, TransformerTraceHasEveryMapWithCausalZeros) {
  const Model m =
      loadModel(test::testDataPath("golden/models/model_files/transformer_postnorm.safetensors"));
  DecodeResult r = inspectForced(m, "le chat noir", "the cat black");
  for (MapKind name : {MapKind::EncoderSelf, MapKind::DecoderSelf, MapKind::Cross})
    ASSERT_EQ(r.trace.attention.count(name), 1u) << name;
  const AttentionMap& enc = r.trace.attention.at(MapKind::EncoderSelf);
  EXPECT_EQ(enc.queries, 4);
  EXPECT_EQ(enc.keys, 4);
  EXPECT_EQ(enc.layers, 2);
  EXPECT_EQ(enc.heads, 2);
  const AttentionMap& self = r.trace.attention.at(MapKind::DecoderSelf);
  EXPECT_EQ(self.queries, 4);
  EXPECT_EQ(self.keys, 4);
  test::expectRowsAreDistributions(r.trace);  // includes the exact zeros above the diagonal
  // Step t's decoder self-attention scores cover the t + 1 positions it sees (2 layers, 2 heads).
  // The masked (future) keys are cut off, not carried as −∞, which JSON could not hold.
  ASSERT_EQ(r.trace.steps.size(), 4u);
  for (size_t t = 0; t < r.trace.steps.size(); ++t) {
    EXPECT_EQ(r.trace.steps[t].scores.at(MapKind::DecoderSelf).size(), 2 * 2 * (t + 1));
    EXPECT_EQ(r.trace.steps[t].scores.at(MapKind::Cross).size(), 2u * 2u * 4u);
    for (float v : r.trace.steps[t].scores.at(MapKind::DecoderSelf)) EXPECT_TRUE(std::isfinite(v));
  }
  EXPECT_NO_THROW(r.trace.validate());
  test::expectJsonRoundTrip(r.trace);
  test::expectMatchesTeacherForcedPass(m, decodeGreedy(m, "le chat noir"), true);
}

}  // namespace
}  // namespace attn
