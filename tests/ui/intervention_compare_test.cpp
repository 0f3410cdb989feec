// What the intervention panel reports, from two decode results made by hand: the first step
// whose token changed, each run's log p of its own tokens (a step only one run has counts as a
// change), and after − before of a map over the rows both runs have.
#include <gtest/gtest.h>

#include "teach/intervention_compare.h"
#include "trace/trace.h"

using namespace attn;
using namespace attn::ui;

namespace {

// A run over a vocabulary of 3 tokens "a", "b", "c": `ids` chosen, log-prob rows given, and a
// cross map of one layer and `heads` heads over 2 keys whose rows are `rows` (per head).
DecodeResult run(const std::vector<int64_t>& ids, const std::vector<std::vector<float>>& logProbs,
                 int heads, const std::vector<float>& crossValues) {
  const std::vector<std::string> names = {"a", "b", "c"};
  DecodeResult r;
  r.outputIds = ids;
  for (int64_t id : ids) r.trace.targetTokens.push_back(names[size_t(id)]);
  r.trace.sourceTokens = {"x", "<eos>"};
  r.trace.logProbs = logProbs;
  for (size_t t = 0; t < ids.size(); ++t) r.logProb += logProbs[t][size_t(ids[t])];
  AttentionMap m(1, heads, int(ids.size()), 2);
  m.values = crossValues;
  r.trace.attention[MapKind::Cross] = m;
  return r;
}

TEST(InterventionCompare, FirstChangeAndLogProbsOfEachRunsOwnTokens) {
  const DecodeResult before = run({0, 1, 2}, {{-0.1f, -2, -3}, {-2, -0.2f, -3}, {-3, -2, -0.3f}}, 1,
                                  {1, 0, 0, 1, 0.5f, 0.5f});
  const DecodeResult after =
      run({0, 2}, {{-0.1f, -2, -3}, {-2, -1.5f, -0.4f}}, 1, {1, 0, 0.25f, 0.75f});
  const InterventionComparison c = compareRuns(before, after);
  ASSERT_EQ(c.steps.size(), 3u);
  EXPECT_EQ(c.firstChange, 1);
  EXPECT_TRUE(c.outputChanged());
  EXPECT_FALSE(c.steps[0].tokenChanged);
  EXPECT_EQ(c.steps[1].before, "b");
  EXPECT_EQ(c.steps[1].after, "c");
  EXPECT_FLOAT_EQ(c.steps[1].logProbBefore, -0.2f);
  EXPECT_FLOAT_EQ(c.steps[1].logProbAfter, -0.4f);
  EXPECT_TRUE(c.steps[2].tokenChanged);  // only "before" has a third step
  EXPECT_TRUE(c.steps[2].hasBefore);
  EXPECT_FALSE(c.steps[2].hasAfter);
  EXPECT_NEAR(c.logProbBefore, -0.6, 1e-6);
  EXPECT_NEAR(c.logProbAfter, -0.5, 1e-6);

  int rows = -1;
  const std::vector<float> d =
      attentionDifference(before.trace, after.trace, MapKind::Cross, 0, 0, &rows);
  EXPECT_EQ(rows, 2);
  EXPECT_EQ(d, (std::vector<float>{0, 0, 0.25f, -0.25f}));
  EXPECT_TRUE(
      attentionDifference(before.trace, after.trace, MapKind::EncoderSelf, 0, 0, &rows).empty());
  EXPECT_EQ(rows, 0);
}

TEST(InterventionCompare, SameOutputsAndTheMeanOverHeads) {
  // Two heads; step 0 rows: head 0 [1, 0] → [0, 1], head 1 [0.5, 0.5] unchanged.
  const DecodeResult before = run({1}, {{-2, -0.1f, -3}}, 2, {1, 0, 0.5f, 0.5f});
  const DecodeResult after = run({1}, {{-2, -0.3f, -3}}, 2, {0, 1, 0.5f, 0.5f});
  const InterventionComparison c = compareRuns(before, after);
  EXPECT_EQ(c.firstChange, -1);
  EXPECT_FALSE(c.outputChanged());
  int rows = 0;
  EXPECT_EQ(attentionDifference(before.trace, after.trace, MapKind::Cross, 0, -1, &rows),
            (std::vector<float>{-0.5f, 0.5f}));
  EXPECT_EQ(attentionDifference(before.trace, after.trace, MapKind::Cross, 0, 1, &rows),
            (std::vector<float>{0, 0}));
  EXPECT_TRUE(attentionDifference(before.trace, after.trace, MapKind::Cross, 1, 0, &rows).empty());
}

}  // namespace
