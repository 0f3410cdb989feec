// Comparing two models on one input (core/explain/compare.h): a matrix out of a trace, the
// difference B − A with its per-row total variation worked by hand, and model B reading model
// A's output so that both maps share rows and columns.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "decode_models.h"
#include "errors.h"
#include "explain/compare.h"
#include "test_paths.h"
#include "util/check.h"

namespace attn {
namespace {

using test::rnnConfig;
using test::smallModel;

using test::errorOf;

// Two layers, two heads, 2 target × 3 source, every value set by hand.
Trace handTrace() {
  Trace t;
  t.sourceTokens = {"a", "b", "<eos>"};
  t.targetTokens = {"x", "<eos>"};
  AttentionMap cross(2, 2, 2, 3);
  const float v[2][2][2][3] = {{{{1, 0, 0}, {0, 1, 0}}, {{0, 0, 1}, {0.5f, 0.5f, 0}}},
                               {{{0.2f, 0.8f, 0}, {0, 0, 1}}, {{0.6f, 0.4f, 0}, {0, 0.5f, 0.5f}}}};
  for (int l = 0; l < 2; ++l)
    for (int h = 0; h < 2; ++h)
      for (int q = 0; q < 2; ++q)
        for (int k = 0; k < 3; ++k) cross.at(l, h, q, k) = v[l][h][q][k];
  t.attention[MapKind::Cross] = cross;
  AttentionMap self(2, 2, 2, 2);
  for (float& x : self.values) x = 0.5f;
  t.attention[MapKind::DecoderSelf] = self;
  AttentionMap hops(1, 2, 1, 3);
  hops.values = {0.1f, 0.2f, 0.7f, 0.3f, 0.3f, 0.4f};
  t.attention[MapKind::Hops] = hops;
  return t;
}

TEST(CompareSelect, LastLayerMeanByDefaultAHeadOnRequest) {
  const Trace t = handTrace();
  const LabelledMatrix mean = selectMatrix(t, {});
  EXPECT_EQ(mean.rows, 2);
  EXPECT_EQ(mean.cols, 3);
  // Layer 2: head 1 {0.2 0.8 0 | 0 0 1}, head 2 {0.6 0.4 0 | 0 0.5 0.5}.
  const std::vector<float> expected = {0.4f, 0.6f, 0, 0, 0.25f, 0.75f};
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_FLOAT_EQ(mean.values[i], expected[i]) << i;
  EXPECT_EQ(mean.rowTokens, (std::vector<std::string>{"x", "<eos>"}));
  EXPECT_EQ(mean.colTokens, (std::vector<std::string>{"a", "b", "<eos>"}));
  const LabelledMatrix head = selectMatrix(t, {MapKind::Cross, 0, 1});
  EXPECT_EQ(head.values, (std::vector<float>{0, 0, 1, 0.5f, 0.5f, 0}));
  const LabelledMatrix self = selectMatrix(t, {MapKind::DecoderSelf, 0, 0});
  EXPECT_EQ(self.colTokens, (std::vector<std::string>{"<sos>", "x"}));
  const LabelledMatrix hops = selectMatrix(t, {MapKind::Hops, 0, -1});
  EXPECT_EQ(hops.rows, 2);
  EXPECT_EQ(hops.rowTokens, (std::vector<std::string>{"hop 1", "hop 2"}));
  EXPECT_EQ(hops.values, t.attention.at(MapKind::Hops).values);
  const LabelledMatrix hop2 = selectMatrix(t, {MapKind::Hops, 0, 1});
  EXPECT_EQ(hop2.values, (std::vector<float>{0.3f, 0.3f, 0.4f}));
  EXPECT_EQ(hop2.rowTokens, (std::vector<std::string>{"hop 2"}));
}

TEST(CompareSelect, MissingMapLayerOrHeadIsAnError) {
  const Trace t = handTrace();
  EXPECT_EQ(errorOf([&] {
              selectMatrix(t, {MapKind::EncoderSelf, -1, -1});
            }),
            "the trace has no 'encoder_self' attention");
  EXPECT_EQ(errorOf([&] {
              selectMatrix(t, {MapKind::Cross, 2, -1});
            }),
            "layer 3 does not exist (the map has 2)");
  EXPECT_EQ(errorOf([&] {
              selectMatrix(t, {MapKind::Cross, 0, 2});
            }),
            "head 3 does not exist (the map has 2)");
}

LabelledMatrix matrix(std::vector<float> v) {
  LabelledMatrix m;
  m.rows = 2;
  m.cols = 3;
  m.values = std::move(v);
  m.rowTokens = {"x", "y"};
  m.colTokens = {"a", "b", "c"};
  return m;
}

TEST(CompareDifference, WorkedByHand) {
  const LabelledMatrix a = matrix({0.5f, 0.5f, 0, 0, 1, 0});
  const LabelledMatrix b = matrix({0.2f, 0.3f, 0.5f, 0, 1, 0});
  const MatrixDifference d = matrixDifference(a, b);
  const std::vector<float> diff = {-0.3f, -0.2f, 0.5f, 0, 0, 0};
  for (size_t i = 0; i < diff.size(); ++i) EXPECT_NEAR(d.values[i], diff[i], 1e-7) << i;
  // Row x: ½ (0.3 + 0.2 + 0.5) = 0.5; row y: 0.
  EXPECT_NEAR(d.rowTotalVariation[0], 0.5, 1e-7);
  EXPECT_EQ(d.rowTotalVariation[1], 0.0);
  EXPECT_NEAR(d.rowMaxAbs[0], 0.5, 1e-7);
  EXPECT_NEAR(d.meanTotalVariation, 0.25, 1e-7);
  EXPECT_NEAR(d.maxAbs, 0.5, 1e-7);
  EXPECT_EQ(d.maxRow, 0);
  EXPECT_EQ(d.maxCol, 2);
  EXPECT_EQ(d.argmaxA, (std::vector<int>{0, 1}));  // a tie goes to the first column
  EXPECT_EQ(d.argmaxB, (std::vector<int>{2, 1}));
  EXPECT_EQ(d.rowsArgmaxAgree, 1);
  // Disjoint one-hot rows are as far apart as distributions get.
  const MatrixDifference far =
      matrixDifference(matrix({1, 0, 0, 0, 1, 0}), matrix({0, 0, 1, 1, 0, 0}));
  EXPECT_EQ(far.rowTotalVariation, (std::vector<double>{1.0, 1.0}));
}

TEST(CompareDifference, DifferentTokensOrShapesAreRefused) {
  LabelledMatrix b = matrix({0, 0, 1, 0, 0, 1});
  b.colTokens[1] = "B";
  EXPECT_EQ(errorOf([&] {
              matrixDifference(matrix({0, 0, 1, 0, 0, 1}), b);
            }),
            "the two maps have different columns: 'b' against 'B' at position 1");
  LabelledMatrix shorter = matrix({0, 0, 1, 0, 0, 1});
  shorter.rows = 1;
  shorter.rowTokens = {"x"};
  shorter.values.resize(3);
  EXPECT_EQ(errorOf([&] {
              matrixDifference(matrix({0, 0, 1, 0, 0, 1}), shorter);
            }),
            "the two maps have different rows (2 against 1)");
}

TEST(CompareSteps, FirstStepsCutsRowsAndDecoderKeys) {
  Trace t = handTrace();
  t.logProbs = {{-0.1f}, {-0.2f}};
  t.steps.resize(2);
  const Trace cut = firstSteps(t, 1);
  EXPECT_EQ(cut.targetTokens, (std::vector<std::string>{"x"}));
  EXPECT_EQ(cut.logProbs.size(), 1u);
  EXPECT_EQ(cut.steps.size(), 1u);
  const AttentionMap& cross = cut.attention.at(MapKind::Cross);
  EXPECT_EQ(cross.queries, 1);
  EXPECT_EQ(cross.keys, 3);
  EXPECT_EQ(cross.at(1, 1, 0, 0), 0.6f);
  EXPECT_EQ(cut.attention.at(MapKind::DecoderSelf).keys, 1);
  EXPECT_EQ(cut.attention.at(MapKind::Hops).values,
            t.attention.at(MapKind::Hops).values);  // not step-indexed
}

void expectSameMaps(const Trace& x, const Trace& y, float tolerance) {
  ASSERT_EQ(x.attention.size(), y.attention.size());
  for (const auto& [name, map] : x.attention) {
    const AttentionMap& other = y.attention.at(name);
    ASSERT_EQ(map.values.size(), other.values.size()) << name;
    for (size_t i = 0; i < map.values.size(); ++i)
      ASSERT_NEAR(map.values[i], other.values[i], tolerance) << name << " " << i;
  }
}

TEST(CompareModels, BReadsAsOutputSoTheMapsShareRowsAndColumns) {
  const Model a = smallModel(rnnConfig("gru", "bahdanau", "additive", true, 1), 1);
  const Model b = smallModel(rnnConfig("lstm", "luong", "general", false, 2, true), 2);
  const ModelComparison c = compareModels(a, b, "a b c d");
  EXPECT_EQ(c.bForced.trace.targetTokens, c.a.trace.targetTokens);
  EXPECT_EQ(c.bForced.trace.sourceTokens, c.a.trace.sourceTokens);
  // B forced on A's output is B's teacher-forced trace of that output, computed on its own.
  // (An untrained A stops at the step limit: forcing adds an <eos> row, which is cut off.)
  const DecodeResult direct = inspectForced(b, "a b c d", c.a.output);
  const int rows = int(c.a.trace.targetTokens.size());
  EXPECT_EQ(int(direct.trace.targetTokens.size()), c.a.finished ? rows : rows + 1);
  expectSameMaps(c.bForced.trace, firstSteps(direct.trace, rows), 0);
  // B's own output is its greedy decode.
  EXPECT_EQ(c.bGreedy.output, decodeGreedy(b, "a b c d").output);
  // The cross maps differ (different models) over the same cells.
  const MatrixDifference d =
      matrixDifference(selectMatrix(c.a.trace, {}), selectMatrix(c.bForced.trace, {}));
  EXPECT_EQ(d.rows, int(c.a.trace.targetTokens.size()));
  EXPECT_EQ(d.cols, 5);
  EXPECT_GT(d.meanTotalVariation, 0.0);
}

TEST(CompareModels, AModelAgainstItselfDiffersNowhere) {
  // Teacher forcing on a model's own greedy output repeats greedy's arithmetic: same maps.
  const Model a = smallModel(rnnConfig("gru", "bahdanau", "additive", true, 1), 1);
  const ModelComparison c = compareModels(a, a, "b a d");
  ASSERT_GT(c.a.trace.targetTokens.size(), 2u);
  expectSameMaps(c.a.trace, c.bForced.trace, 1e-5f);
  const MatrixDifference d =
      matrixDifference(selectMatrix(c.a.trace, {}), selectMatrix(c.bForced.trace, {}));
  EXPECT_LT(d.maxAbs, 1e-5);
  EXPECT_EQ(d.rowsArgmaxAgree, d.rows);
}

TEST(CompareModels, AnOutputCutByTheStepLimitIsReadWithoutTheForcedEos) {
  DecodeOptions options;
  options.maxSteps = 2;
  const Model b = smallModel(rnnConfig("gru", "bahdanau", "additive", true, 1), 100);
  for (uint64_t seed = 1; seed < 40; ++seed) {
    const Model a = smallModel(rnnConfig("rnn", "luong", "dot", false, 1), seed);
    if (decodeGreedy(a, "a b c", options).finished) continue;
    const ModelComparison c = compareModels(a, b, "a b c", options);
    ASSERT_FALSE(c.a.finished);
    ASSERT_EQ(c.a.trace.targetTokens.size(), 2u);
    EXPECT_EQ(c.bForced.trace.targetTokens, c.a.trace.targetTokens);
    EXPECT_EQ(c.bForced.trace.attention.at(MapKind::Cross).queries, 2);
    EXPECT_NO_THROW(
        matrixDifference(selectMatrix(c.a.trace, {}), selectMatrix(c.bForced.trace, {})));
    return;
  }
  FAIL() << "no seed gave an unfinished output";
}

TEST(CompareModels, ModelsThatCannotBeComparedSaySo) {
  // This untrained model writes <eos> first on "b a d": nothing for B to read.
  const Model silent = smallModel(rnnConfig("gru", "bahdanau", "additive", true, 1), 3);
  ASSERT_TRUE(decodeGreedy(silent, "b a d").output.empty());
  EXPECT_EQ(errorOf([&] { compareModels(silent, silent, "b a d"); }),
            "model A wrote nothing (<eos> first), so there is no output for model B to read: "
            "swap the two models, or decode a longer sentence");

  const Model words = smallModel(rnnConfig("gru", "bahdanau", "additive", true, 1), 1);
  const Model chars = createModel(rnnConfig("gru", "bahdanau", "additive", true, 1),
                                  data::TokenizerKind::Char, test::vocabularyOf({"a", "b", " "}),
                                  test::vocabularyOf({"a", "b"}), data::LabelVocabulary(), 1);
  const std::string message = errorOf([&] { compareModels(words, chars, "a b"); });
  EXPECT_NE(message.find("read the sentence differently (3 tokens against 4)"), std::string::npos)
      << message;
}

}  // namespace
}  // namespace attn

namespace attn {
namespace {

const char* const kBundled = ATTN_TEST_DATA_DIR "/../../resources/models/";

TEST(CompareModels, TwoClassifiersCompareTheirHops) {
  const Model lin = loadModel(std::string(kBundled) + "sentiment-lin.safetensors");
  const ModelComparison c = compareModels(lin, lin, "the film was not good");
  EXPECT_TRUE(c.classifier);
  EXPECT_EQ(c.bForced.output, c.a.output);
  const LabelledMatrix hops = selectMatrix(c.a.trace, {MapKind::Hops, 0, -1});
  EXPECT_EQ(hops.rows, 4);  // the bundled model's four hops
  EXPECT_EQ(hops.rowTokens.front(), "hop 1");
  const MatrixDifference d =
      matrixDifference(hops, selectMatrix(c.bForced.trace, {MapKind::Hops, 0, -1}));
  EXPECT_EQ(d.maxAbs, 0.0);
  const Model seq = loadModel(std::string(kBundled) + "toyfr-luong.safetensors");
  EXPECT_EQ(errorOf([&] { compareModels(seq, lin, "the film"); }),
            "model A is a seq2seq model and model B a classifier: compare two models of the same "
            "kind");
}

}  // namespace
}  // namespace attn
