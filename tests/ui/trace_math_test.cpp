// The arithmetic the views share, against numbers worked by hand.
#include <gtest/gtest.h>

#include "documents/trace_math.h"
#include "studio_test_support.h"

using namespace attn;
using namespace attn::ui;

TEST(HopsPenalty, IsZeroForOneHotHopsOnDifferentTokens) {
  EXPECT_DOUBLE_EQ(hopsPenalty({1, 0, 0, 0, 1, 0}, 2, 3), 0.0);
}

TEST(HopsPenalty, IsRSquaredMinusRWhenEveryHopReadsTheSameToken) {
  EXPECT_DOUBLE_EQ(hopsPenalty({0, 1, 0, 0, 1, 0, 0, 1, 0}, 3, 3), 6.0);
}

TEST(HopsPenalty, MatchesAHandWorkedExample) {
  // A = [[.5 .5], [1 0]]: AAᵀ = [[.5 .5], [.5 1]]; AAᵀ − I = [[−.5 .5], [.5 0]]; sum of squares .75
  EXPECT_NEAR(hopsPenalty({0.5f, 0.5f, 1.0f, 0.0f}, 2, 2), 0.75, 1e-7);
}

TEST(HopsPenalty, RejectsAShapeMismatchWithZero) {
  EXPECT_EQ(hopsPenalty({1, 0, 0}, 2, 2), 0.0);
}

TEST(MapMatrix, HeadMinusOneIsTheMeanOverHeads) {
  AttentionMap map(1, 2, 1, 2);
  map.values = {1.0f, 0.0f, 0.5f, 0.5f};
  const std::vector<float> mean = mapMatrix(map, 0, -1);
  ASSERT_EQ(mean.size(), 2u);
  EXPECT_FLOAT_EQ(mean[0], 0.75f);
  EXPECT_FLOAT_EQ(mean[1], 0.25f);
  EXPECT_EQ(mapMatrix(map, 0, 1), (std::vector<float>{0.5f, 0.5f}));
  EXPECT_TRUE(mapMatrix(map, 1, 0).empty());
}

TEST(HopsMatrix, StacksEachHopsRow) {
  const Trace t = attn::test::classifierLikeTrace();
  EXPECT_EQ(hopsMatrix(t.attention.at(MapKind::Hops)), t.attention.at(MapKind::Hops).values);
}

TEST(DecoderInputTokens, AreSosThenEveryOutputButTheLast) {
  Trace t;
  t.targetTokens = {"the", "cat", "<eos>"};
  EXPECT_EQ(decoderInputTokens(t), (std::vector<std::string>{"<sos>", "the", "cat"}));
}
