// The decoding bridge: greedy, beam and forced traces from a real (PyTorch-made) model hold
// distributions, agree with each other, and record a consistent beam tree.
#include <gtest/gtest.h>

#include <cmath>

#include "documents/decoding.h"
#include "documents/trace_math.h"
#include "models/model.h"
#include "studio_test_support.h"
#include "trace/trace.h"
#include "util/check.h"

using namespace attn;
using namespace attn::ui;

namespace {

class DecodingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model = new Model(loadModel(attn::test::bahdanauModelPath().toStdString()));
  }
  static void TearDownTestSuite() {
    delete model;
    model = nullptr;
  }
  static Model* model;
};
Model* DecodingTest::model = nullptr;

DecodeRequest request(DecodeMode mode, const std::string& source = "le chat noir dort") {
  DecodeRequest r;
  r.source = source;
  r.mode = mode;
  return r;
}

}  // namespace

TEST_F(DecodingTest, GreedyTraceIsValidWithOneCrossRowPerOutputToken) {
  const Trace t = decodeToTrace(*model, request(DecodeMode::Greedy));
  EXPECT_NO_THROW(t.validate());
  EXPECT_EQ(t.sourceTokens, (std::vector<std::string>{"le", "chat", "noir", "dort", "<eos>"}));
  ASSERT_FALSE(t.targetTokens.empty());
  const AttentionMap& cross = t.attention.at(MapKind::Cross);
  EXPECT_EQ(cross.layers, 1);
  EXPECT_EQ(cross.heads, 1);
  EXPECT_EQ(cross.queries, int(t.targetTokens.size()));
  EXPECT_EQ(cross.keys, 5);
  ASSERT_EQ(t.steps.size(), t.targetTokens.size());
  ASSERT_EQ(t.logProbs.size(), t.targetTokens.size());
  for (size_t i = 0; i < t.steps.size(); ++i) {
    // Greedy: the output is the argmax, which is the first of the top-k.
    ASSERT_FALSE(t.steps[i].topK.empty());
    EXPECT_EQ(t.steps[i].topK.front().token, t.targetTokens[i]);
    EXPECT_EQ(model->tgtVocab.token(argmaxIndex(t.logProbs[i])), t.targetTokens[i]);
    for (size_t k = 1; k < t.steps[i].topK.size(); ++k)
      EXPECT_GE(t.steps[i].topK[k - 1].prob, t.steps[i].topK[k].prob);
    EXPECT_EQ(t.steps[i].context.size(), 10u);  // H·D = 5 · 2
  }
  // Output stops at <eos> or at the length limit (an untrained model rarely says <eos>).
  EXPECT_TRUE(t.targetTokens.back() == "<eos>" ||
              int(t.targetTokens.size()) ==
                  effectiveMaxLength(*model, request(DecodeMode::Greedy), 4));
}

TEST_F(DecodingTest, ForcingTheGreedyOutputReproducesTheGreedyTrace) {
  const Trace greedy = decodeToTrace(*model, request(DecodeMode::Greedy));
  DecodeRequest forced = request(DecodeMode::Forced);
  std::vector<std::string> output = greedy.targetTokens;
  if (output.back() == "<eos>") output.pop_back();
  for (const std::string& token : output) forced.target += token + " ";
  const Trace t = decodeToTrace(*model, forced);
  ASSERT_GE(t.targetTokens.size(), output.size());
  for (size_t i = 0; i < output.size(); ++i) EXPECT_EQ(t.targetTokens[i], output[i]);
  EXPECT_EQ(t.targetTokens.back(), "<eos>");
  const auto& a = greedy.attention.at(MapKind::Cross).values;
  const auto& b = t.attention.at(MapKind::Cross).values;
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) ASSERT_FLOAT_EQ(a[i], b[i]) << i;
}

TEST_F(DecodingTest, ForcedTargetsKeepTheWordsAsTypedEvenWhenUnknown) {
  DecodeRequest r = request(DecodeMode::Forced);
  r.target = "the dog sleeps";
  const Trace t = decodeToTrace(*model, r);
  EXPECT_EQ(t.targetTokens, (std::vector<std::string>{"the", "dog", "sleeps", "<eos>"}));
  EXPECT_NO_THROW(t.validate());
}

TEST_F(DecodingTest, BeamOfWidthOneIsGreedy) {
  const Trace greedy = decodeToTrace(*model, request(DecodeMode::Greedy));
  DecodeRequest r = request(DecodeMode::Beam);
  r.beamWidth = 1;
  const Trace beam = decodeToTrace(*model, r);
  EXPECT_EQ(beam.targetTokens, greedy.targetTokens);
}

TEST_F(DecodingTest, BeamTreeMarksOnePathFromTheRootToTheOutput) {
  DecodeRequest r = request(DecodeMode::Beam);
  r.beamWidth = 3;
  const Trace t = decodeToTrace(*model, r);
  EXPECT_EQ(t.beamWidth, 3);
  ASSERT_FALSE(t.beam.empty());
  std::vector<const BeamNode*> chosen;
  for (const BeamNode& n : t.beam) {
    EXPECT_EQ(&t.beam[size_t(n.id)], &n);
    EXPECT_LT(n.parent, n.id);
    if (n.parent >= 0) {
      EXPECT_EQ(t.beam[size_t(n.parent)].step, n.step - 1);
      EXPECT_NEAR(n.score, t.beam[size_t(n.parent)].score + n.logProb, 1e-4);
    }
    if (n.chosen) chosen.push_back(&n);
  }
  ASSERT_EQ(chosen.size(), t.targetTokens.size());
  for (size_t i = 0; i < chosen.size(); ++i) {
    EXPECT_EQ(chosen[i]->step, int(i));
    EXPECT_EQ(chosen[i]->token, t.targetTokens[i]);
  }
  // At most `width` hypotheses go on from each step (finished ones are set aside).
  std::map<int, int> perStep;
  for (const BeamNode& n : t.beam)
    if (!n.finished) ++perStep[n.step];
  for (const auto& [step, count] : perStep) EXPECT_LE(count, 3) << "step " << step;
}

TEST_F(DecodingTest, TokensAsSeenMarkUnknownWordsAndTheAddedEos) {
  const std::vector<SeenToken> seen = tokensAsSeen(*model, "le loup dort");
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_FALSE(seen[0].unknown);
  EXPECT_TRUE(seen[1].unknown);
  EXPECT_EQ(seen[3].text, "<eos>");
  EXPECT_TRUE(seen[3].added);
}

TEST_F(DecodingTest, AnEmptySentenceIsAnErrorThatSaysWhatWasWrong) {
  try {
    decodeToTrace(*model, request(DecodeMode::Greedy, "   "));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("empty"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(tokensAsSeen(*model, "  ").empty());
}

TEST_F(DecodingTest, ARunThatIsNoLongerWantedStopsAtItsNextStep) {
  int asked = 0;
  DecodeRequest r = request(DecodeMode::Beam);
  r.beamWidth = 8;
  r.maxLength = 200;
  try {
    decodeToTrace(*model, r, [&asked] { return ++asked < 3; });
    FAIL() << "not cancelled";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "Cancelled");
  }
  EXPECT_EQ(asked, 3);
}

TEST(DecodingWithoutAttention, GivesATraceWithNoCrossMap) {
  const Model model = loadModel(attn::test::noAttentionModelPath().toStdString());
  DecodeRequest r;
  r.source = "le chat";
  const Trace t = decodeToTrace(model, r);
  EXPECT_EQ(t.attention.count(MapKind::Cross), 0u);
  EXPECT_FALSE(t.targetTokens.empty());
}
