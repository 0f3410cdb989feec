// Beam search: width 1 is exactly greedy; a wider beam finds what greedy misses on a model built
// so that greedy must go wrong; the hypothesis tree is consistent and its chosen path is the
// output; and the returned trace, gathered from the beam's reordered rows, is the trace of the
// output's own teacher-forced pass.
#include <gtest/gtest.h>

#include <set>

#include "decode/decoder.h"
#include "decode_checks.h"
#include "decode_models.h"
#include "golden.h"

namespace attn {
namespace {

using test::bigramModel;
using test::rnnVariants;
using test::smallModel;

// Greedy takes "a" (0.6) and then finishes with 0.5 at best; "b <eos>" has 0.4 × 0.99.
Model gardenPathModel() {
  return bigramModel({{"<sos>", {{"a", 0.6}, {"b", 0.4}}},
                      {"a", {{"<eos>", 0.5}, {"a", 0.26}, {"b", 0.24}}},
                      {"b", {{"<eos>", 0.99}, {"a", 0.01}}}});
}

void expectSameTrace(const DecodeResult& a, const DecodeResult& b) {
  EXPECT_EQ(a.outputIds, b.outputIds);
  EXPECT_EQ(a.output, b.output);
  EXPECT_EQ(a.finished, b.finished);
  EXPECT_EQ(a.logProb, b.logProb);
  EXPECT_EQ(a.score, b.score);
  EXPECT_EQ(a.trace.sourceTokens, b.trace.sourceTokens);
  EXPECT_EQ(a.trace.targetTokens, b.trace.targetTokens);
  EXPECT_EQ(a.trace.logProbs, b.trace.logProbs);  // exactly: the same arithmetic
  ASSERT_EQ(a.trace.attention.size(), b.trace.attention.size());
  for (const auto& [name, map] : a.trace.attention)
    EXPECT_EQ(map.values, b.trace.attention.at(name).values) << name;
  ASSERT_EQ(a.trace.steps.size(), b.trace.steps.size());
  for (size_t t = 0; t < a.trace.steps.size(); ++t) {
    EXPECT_EQ(a.trace.steps[t].scores, b.trace.steps[t].scores);
    EXPECT_EQ(a.trace.steps[t].query, b.trace.steps[t].query);
    EXPECT_EQ(a.trace.steps[t].context, b.trace.steps[t].context);
  }
}

// Parents exist and come one step earlier, scores add up, finished nodes end in <eos> and have
// no children, no step keeps more than `width` live hypotheses, and the chosen nodes are one
// path from the root whose tokens are the output.
void expectConsistentTree(const Trace& t, int width) {
  EXPECT_EQ(t.beamWidth, width);
  ASSERT_FALSE(t.beam.empty());
  std::map<int, int> liveAtStep;
  std::vector<int> chosen;
  for (size_t i = 0; i < t.beam.size(); ++i) {
    const BeamNode& n = t.beam[i];
    EXPECT_EQ(n.id, static_cast<int>(i));
    EXPECT_EQ(n.finished, n.token == "<eos>");
    EXPECT_LE(n.logProb, 0.0f);
    if (n.parent < 0) {
      EXPECT_EQ(n.step, 0);
      EXPECT_FLOAT_EQ(n.score, n.logProb);
    } else {
      ASSERT_LT(n.parent, n.id);
      const BeamNode& p = t.beam[static_cast<size_t>(n.parent)];
      EXPECT_EQ(p.step + 1, n.step);
      EXPECT_FALSE(p.finished) << "a finished hypothesis was extended";
      EXPECT_NEAR(n.score, p.score + n.logProb, 1e-4);
    }
    if (!n.finished) ++liveAtStep[n.step];
    if (n.chosen) chosen.push_back(n.id);
  }
  for (const auto& [step, live] : liveAtStep) EXPECT_LE(live, width) << "step " << step;
  ASSERT_EQ(chosen.size(), t.targetTokens.size());
  for (size_t i = 0; i < chosen.size(); ++i) {
    const BeamNode& n = t.beam[static_cast<size_t>(chosen[i])];
    EXPECT_EQ(n.step, static_cast<int>(i));
    EXPECT_EQ(n.parent, i == 0 ? -1 : chosen[i - 1]);
    EXPECT_EQ(n.token, t.targetTokens[i]);
  }
}

TEST(DecodeBeam, WidthOneIsExactlyGreedy) {
  for (const nlohmann::json& config : rnnVariants())
    for (uint64_t seed : {1, 2}) {
      Model m = smallModel(config, seed);
      for (const std::string& s : test::decodeSentences()) {
        SCOPED_TRACE(config.dump() + " '" + s + "'");
        DecodeOptions o;
        o.beamWidth = 1;
        expectSameTrace(decodeBeam(m, s, o), decodeGreedy(m, s, o));
      }
    }
  Model garden = gardenPathModel();
  DecodeOptions o;
  o.beamWidth = 1;
  expectSameTrace(decodeBeam(garden, "x", o), decodeGreedy(garden, "x", o));
  Model endless = bigramModel({{"<sos>", {{"a", 1.0}}}, {"a", {{"a", 0.9}, {"b", 0.1}}}});
  o.maxSteps = 5;  // at the step limit, unfinished
  expectSameTrace(decodeBeam(endless, "x", o), decodeGreedy(endless, "x", o));
}

TEST(DecodeBeam, WiderBeamFindsTheBetterHypothesisGreedyMisses) {
  Model m = gardenPathModel();
  for (double alpha : {0.0, 0.5, 1.0}) {
    SCOPED_TRACE(alpha);
    DecodeOptions o;
    o.lengthPenalty = alpha;
    DecodeResult greedy = decodeGreedy(m, "x", o);
    EXPECT_EQ(greedy.output, "a");
    EXPECT_NEAR(greedy.logProb, std::log(0.6 * 0.5), 1e-5);
    for (int width : {2, 3, 8}) {
      o.beamWidth = width;
      DecodeResult beam = decodeBeam(m, "x", o);
      EXPECT_EQ(beam.output, "b");
      EXPECT_TRUE(beam.finished);
      EXPECT_NEAR(beam.logProb, std::log(0.4 * 0.99), 1e-5);
      EXPECT_NEAR(beam.score, beam.logProb / std::pow(2.0, alpha), 1e-9);
      EXPECT_GT(beam.score, greedy.score);
      expectConsistentTree(beam.trace, width);
    }
  }
}

TEST(DecodeBeam, LengthPenaltyDecidesBetweenShortAndLongFinishedHypotheses) {
  // Width 3 finishes "b <eos>" (0.4 × 0.95 = 0.38) and "a <eos>" (0.3) at step 2, then
  // "a b <eos>" (0.6 × 0.5 × 0.95 = 0.285) at step 3. Plain log-prob prefers the short "b";
  // log-prob per token (α = 1) prefers the longer "a b".
  Model m = bigramModel({{"<sos>", {{"a", 0.6}, {"b", 0.4}}},
                         {"a", {{"<eos>", 0.5}, {"b", 0.5}}},
                         {"b", {{"<eos>", 0.95}, {"b", 0.05}}}});
  DecodeOptions o;
  o.beamWidth = 3;
  o.lengthPenalty = 0;
  DecodeResult plain = decodeBeam(m, "x", o);
  EXPECT_EQ(plain.output, "b");
  EXPECT_NEAR(plain.score, std::log(0.38), 1e-5);
  o.lengthPenalty = 1;
  DecodeResult perToken = decodeBeam(m, "x", o);
  EXPECT_EQ(perToken.output, "a b");
  EXPECT_NEAR(perToken.score, std::log(0.285) / 3, 1e-5);
  int finished = 0;
  for (const BeamNode& n : perToken.trace.beam) finished += n.finished;
  EXPECT_GE(finished, 3);  // the search stops once the beam's width has finished
}

TEST(DecodeBeam, TreeIsConsistentAndChosenPathIsTheOutput) {
  for (const nlohmann::json& config : rnnVariants()) {
    Model m = smallModel(config, 9);
    for (int width : {2, 5, 64}) {
      DecodeOptions o;
      o.beamWidth = width;
      DecodeResult r = decodeBeam(m, "b c d e", o);
      SCOPED_TRACE(config.dump() + " width " + std::to_string(width));
      expectConsistentTree(r.trace, width);
      EXPECT_NO_THROW(r.trace.validate());
      test::expectJsonRoundTrip(r.trace);
    }
  }
}

TEST(DecodeBeam, ReturnedTraceIsTheTeacherForcedTraceOfItsOutput) {
  // The beam reorders its rows at every step; the attention and log-probs gathered along the
  // chosen path must still be that hypothesis' own.
  for (const nlohmann::json& config : rnnVariants())
    for (uint64_t seed : {1, 4}) {
      Model m = smallModel(config, seed);
      for (const std::string& s : test::decodeSentences()) {
        SCOPED_TRACE(config.dump() + " '" + s + "'");
        DecodeOptions o;
        o.beamWidth = 4;
        DecodeResult r = decodeBeam(m, s, o);
        test::expectRowsAreDistributions(r.trace);
        test::expectTopKConsistent(r.trace, m.tgtVocab.toList(), 5);
        test::expectMatchesTeacherForcedPass(m, r, /*outputIsArgmax=*/false);
      }
    }
}

TEST(DecodeBeam, ScoreIsTheSumOfTheChosenLogProbsNormalised) {
  Model m = smallModel(rnnVariants()[1], 3);
  DecodeOptions o;
  o.beamWidth = 3;
  o.lengthPenalty = 0.7;
  DecodeResult r = decodeBeam(m, "a b c", o);
  double sum = 0;
  for (size_t t = 0; t < r.outputIds.size(); ++t)
    sum += r.trace.logProbs[t][static_cast<size_t>(r.outputIds[t])];
  EXPECT_NEAR(r.logProb, sum, 1e-9);
  EXPECT_NEAR(r.score, sum / std::pow(static_cast<double>(r.outputIds.size()), 0.7), 1e-9);
  const BeamNode* last = nullptr;
  for (const BeamNode& n : r.trace.beam)
    if (n.chosen) last = &n;
  ASSERT_NE(last, nullptr);
  EXPECT_NEAR(last->score, r.logProb, 1e-4);
  // The trace keeps α, and a node's step + 1 is its length: enough to redo the ranking.
  EXPECT_EQ(r.trace.beamLengthPenalty, 0.7);
  EXPECT_EQ(last->step + 1, static_cast<int>(r.outputIds.size()));
  EXPECT_NEAR(normalisedScore(last->score, last->step + 1, r.trace.beamLengthPenalty), r.score,
              1e-4);
}

TEST(DecodeBeam, PyTorchModelFilesGiveBeamTracesOfTheirOwnOutput) {
  // The transformer's state caches every layer's keys: reordering must carry them along.
  int decoded = 0;
  for (const char* name : {"seq2seq_lstm_2layer_luong_general_feeding", "transformer_postnorm",
                           "transformer_prenorm"}) {
    SCOPED_TRACE(name);
    Model m;
    try {
      m = loadModel(
          test::testDataPath(std::string("golden/models/model_files/") + name + ".safetensors"));
    } catch (const Error& e) {
      ASSERT_NE(std::string(e.what()).find("not built yet"), std::string::npos) << e.what();
      continue;
    }
    for (const char* s : {"le chat noir dort", "un chat"}) {
      DecodeOptions o;
      o.beamWidth = 1;
      expectSameTrace(decodeBeam(m, s, o), decodeGreedy(m, s, o));
      o.beamWidth = 3;
      DecodeResult r = decodeBeam(m, s, o);
      expectConsistentTree(r.trace, 3);
      EXPECT_NO_THROW(r.trace.validate());
      test::expectRowsAreDistributions(r.trace);
      test::expectMatchesTeacherForcedPass(m, r, /*outputIsArgmax=*/false);
    }
    ++decoded;
  }
  EXPECT_GE(decoded, 1);
}

}  // namespace
}  // namespace attn
