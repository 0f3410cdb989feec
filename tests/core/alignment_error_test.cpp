// Alignment error rate (core/explain/alignment_error.h): the Pharaoh/Moses parser and its error
// messages, the links read off an attention matrix, and AER, precision and recall worked by hand;
// then a bundled model whose alignment the README describes scores 0 against it.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "decode/decoder.h"
#include "errors.h"
#include "explain/alignment_error.h"
#include "explain/compare.h"
#include "models/model.h"
#include "test_paths.h"
#include "util/check.h"

namespace attn {
namespace {

AlignmentLinks links(std::initializer_list<AlignmentLink> l) {
  return AlignmentLinks(l);
}

using test::errorOf;

TEST(AlignmentParse, SureAndPossibleLinksSourceFirst) {
  const ReferenceAlignment r = parseAlignmentLine("0-0 1-2\t2?1  ");
  EXPECT_EQ(r.sure, links({{0, 0}, {1, 2}}));
  EXPECT_EQ(r.possible, links({{0, 0}, {1, 2}, {2, 1}}));  // S ⊆ P
  EXPECT_EQ(formatAlignment(r), "0-0 1-2 2?1");
}

TEST(AlignmentParse, TargetFirstOrderSwapsTheNumbers) {
  const ReferenceAlignment r = parseAlignmentLine("0-3 2?1", 1, AlignmentOrder::TargetSource);
  EXPECT_EQ(r.sure, links({{3, 0}}));
  EXPECT_EQ(r.possible, links({{3, 0}, {1, 2}}));
}

TEST(AlignmentParse, AlinkBothSureAndPossibleIsSure) {
  const ReferenceAlignment r = parseAlignmentLine("1?1 1-1");
  EXPECT_EQ(r.sure, links({{1, 1}}));
  EXPECT_EQ(r.possible, links({{1, 1}}));
  EXPECT_EQ(formatAlignment(r), "1-1");
}

TEST(AlignmentParse, LinesWithCrlfEmptyLinesAndAFinalNewline) {
  const auto all = parseAlignments("0-0 1-1\r\n\r\n2?0\n");
  ASSERT_EQ(all.size(), 3u);  // the final newline ends line 3; it adds no fourth sentence
  EXPECT_EQ(all[0].sure, links({{0, 0}, {1, 1}}));
  EXPECT_TRUE(all[1].possible.empty());
  EXPECT_EQ(all[2].possible, links({{2, 0}}));
  EXPECT_TRUE(all[2].sure.empty());
  EXPECT_TRUE(parseAlignments("").empty());
}

TEST(AlignmentParse, ErrorsNameTheLineTheLinkAndTheProblem) {
  EXPECT_EQ(errorOf([] { parseAlignmentLine("0-0 1x2", 4); }),
            "line 4, link 2 '1x2': expected i-j (a sure link) or i?j (a possible one)");
  EXPECT_EQ(errorOf([] { parseAlignmentLine("0-a"); }),
            "line 1, link 1 '0-a': the target position 'a' is not a whole number from 0");
  EXPECT_EQ(errorOf([] { parseAlignmentLine("-1"); }),
            "line 1, link 1 '-1': the source position is missing");
  EXPECT_EQ(errorOf([] { parseAlignmentLine("3-"); }),
            "line 1, link 1 '3-': the target position is missing");
  EXPECT_EQ(errorOf([] { parseAlignmentLine("1-2-3"); }),
            "line 1, link 1 '1-2-3': one link per word, i-j or i?j; separate links with spaces");
  EXPECT_EQ(errorOf([] { parseAlignmentLine("0-0,1-1"); }),
            "line 1, link 1 '0-0,1-1': one link per word, i-j or i?j; separate links with spaces");
  EXPECT_EQ(errorOf([] { parseAlignmentLine("0-+1"); }),
            "line 1, link 1 '0-+1': the target position '+1' is not a whole number from 0");
  EXPECT_EQ(errorOf([] { parseAlignmentLine("0-9999999"); }),
            "line 1, link 1 '0-9999999': the target position 9999999 is too large (100000 at "
            "most)");
  EXPECT_EQ(errorOf([] { parseAlignmentLine("x-0", 1, AlignmentOrder::TargetSource); }),
            "line 1, link 1 'x-0': the target position 'x' is not a whole number from 0");
  EXPECT_EQ(errorOf([] { parseAlignments("0-0\n1-1 2:2\n"); }),
            "line 2, link 2 '2:2': expected i-j (a sure link) or i?j (a possible one)");
}

TEST(AlignmentParse, AFileThatIsNotThereIsNamed) {
  const std::string message = errorOf([] { readAlignmentFile("/nonexistent/ref.align"); });
  EXPECT_NE(message.find("/nonexistent/ref.align"), std::string::npos) << message;
}

TEST(AlignmentParse, ALinkOutsideTheSentenceIsNamed) {
  const ReferenceAlignment r = parseAlignmentLine("0-0 4-1");
  EXPECT_NO_THROW(checkAlignmentFits(r, 5, 2));
  EXPECT_EQ(errorOf([&] { checkAlignmentFits(r, 4, 2); }),
            "the reference link 4-1 names source token 4, but the source has 4 tokens (0 to 3): "
            "is it for another sentence?");
  EXPECT_EQ(errorOf([&] { checkAlignmentFits(parseAlignmentLine("0?2"), 4, 2); }),
            "the reference link 0-2 names target token 2, but the output has 2 tokens (0 to 1): "
            "is it for another sentence?");
}

TEST(AlignmentErrorRate, WorkedByHand) {
  // S = {0-0, 1-1}, P = S ∪ {2-1}; A = {0-0, 2-1, 2-2}.
  // |A ∩ S| = 1 (0-0), |A ∩ P| = 2 (0-0, 2-1): AER = 1 − (1 + 2) / (3 + 2) = 0.4,
  // precision |A ∩ P| / |A| = 2/3, recall |A ∩ S| / |S| = 1/2.
  const ReferenceAlignment ref = parseAlignmentLine("0-0 1-1 2?1");
  const AlignmentScore s = alignmentErrorRate(links({{0, 0}, {2, 1}, {2, 2}}), ref);
  EXPECT_EQ(s.hypothesis, 3);
  EXPECT_EQ(s.sure, 2);
  EXPECT_EQ(s.possible, 3);
  EXPECT_EQ(s.sureHits, 1);
  EXPECT_EQ(s.possibleHits, 2);
  EXPECT_DOUBLE_EQ(s.aer, 0.4);
  EXPECT_DOUBLE_EQ(s.precision, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
}

TEST(AlignmentErrorRate, LimitsAndPossibleOnlyHits) {
  const ReferenceAlignment ref = parseAlignmentLine("0-0 1-1");
  EXPECT_DOUBLE_EQ(alignmentErrorRate(links({{0, 0}, {1, 1}}), ref).aer, 0.0);
  EXPECT_DOUBLE_EQ(alignmentErrorRate(links({{0, 1}, {1, 0}}), ref).aer, 1.0);
  // Missing one sure link of two: 1 − (1 + 1) / (1 + 2) = 1/3.
  EXPECT_DOUBLE_EQ(alignmentErrorRate(links({{0, 0}}), ref).aer, 1.0 / 3.0);
  // Only possible links in the reference, all found: 1 − (0 + 2) / (2 + 0) = 0 (recall undefined).
  const AlignmentScore p =
      alignmentErrorRate(links({{0, 0}, {1, 1}}), parseAlignmentLine("0?0 1?1"));
  EXPECT_DOUBLE_EQ(p.aer, 0.0);
  EXPECT_DOUBLE_EQ(p.precision, 1.0);
  EXPECT_TRUE(std::isnan(p.recall));
  // Nothing on either side: undefined, not a perfect score.
  EXPECT_TRUE(std::isnan(alignmentErrorRate({}, ReferenceAlignment{}).aer));
  // A hand-built reference whose P lacks its sure links still has S ⊆ P.
  ReferenceAlignment bare;
  bare.sure = links({{0, 0}});
  EXPECT_DOUBLE_EQ(alignmentErrorRate(links({{0, 0}}), bare).aer, 0.0);
}

TEST(AlignmentErrorRate, ACorpusAddsCountsNotRates) {
  // Sentence 1: AER 0.4 as above (3 + 2 in the denominator); sentence 2: A = {0-0}, S = {0-0,
  // 1-1}: 1 − 2/3. Corpus: 1 − (3 + 2) / (5 + 3) = 3/8, not the mean of the two rates.
  const AlignmentScore s1 =
      alignmentErrorRate(links({{0, 0}, {2, 1}, {2, 2}}), parseAlignmentLine("0-0 1-1 2?1"));
  const AlignmentScore s2 = alignmentErrorRate(links({{0, 0}}), parseAlignmentLine("0-0 1-1"));
  const AlignmentScore total = sumScores({s1, s2});
  EXPECT_EQ(total.hypothesis, 4);
  EXPECT_EQ(total.sure, 4);
  EXPECT_DOUBLE_EQ(total.aer, 1.0 - 5.0 / 8.0);
  EXPECT_DOUBLE_EQ(total.precision, 3.0 / 4.0);
  EXPECT_DOUBLE_EQ(total.recall, 2.0 / 4.0);
}

TEST(AlignmentHypothesis, ArgmaxPerRowWithEosLeftOut) {
  // 3 typed target tokens + <eos> (rows), 3 typed source tokens + <eos> (columns).
  const std::vector<float> w = {
      0.7f, 0.1f, 0.1f, 0.1f,  // t0 → s0
      0.1f, 0.2f, 0.2f, 0.5f,  // t1 peaks on <eos>: unaligned
      0.0f, 0.4f, 0.4f, 0.2f,  // t2: a tie between s1 and s2 goes to the first
      0.0f, 0.0f, 0.9f, 0.1f,  // the <eos> row: never linked
  };
  EXPECT_EQ(hypothesisFromAttention(w, 4, 4, 3, 3), links({{0, 0}, {1, 2}}));
  // A threshold: every typed cell that reaches it, several or none per row.
  EXPECT_EQ(hypothesisFromAttention(w, 4, 4, 3, 3, {0.35}), links({{0, 0}, {1, 2}, {2, 2}}));
  EXPECT_EQ(hypothesisFromAttention(w, 4, 4, 3, 3, {0.2}),
            links({{0, 0}, {1, 1}, {2, 1}, {1, 2}, {2, 2}}));
  EXPECT_THROW(hypothesisFromAttention(w, 4, 4, 3, 3, {1.5}), Error);
}

// The toy-fr Luong model as bundled: the README says "the big black dog" → "le grand chien noir"
// crosses (chien → dog, noir → black). People would align it 0-0 1-1 3-2 2-3.
TEST(AlignmentErrorRate, BundledToyFrModelMatchesThePeoplesAlignment) {
  const Model model =
      loadModel(ATTN_TEST_DATA_DIR "/../../resources/models/toyfr-luong.safetensors");
  const DecodeResult r = decodeGreedy(model, "the big black dog");
  ASSERT_EQ(r.output, "le grand chien noir");
  const LabelledMatrix m = selectMatrix(r.trace, {});
  ASSERT_EQ(m.rows, 5);  // four words and <eos>
  ASSERT_EQ(m.cols, 5);
  const ReferenceAlignment ref = parseAlignmentLine("0-0 1-1 3-2 2-3");
  checkAlignmentFits(ref, 4, 4);
  const AlignmentLinks hyp = hypothesisFromAttention(m.values, m.rows, m.cols, 4, 4);
  EXPECT_EQ(hyp, ref.sure);
  EXPECT_DOUBLE_EQ(alignmentErrorRate(hyp, ref).aer, 0.0);
  // The monotone alignment a model without reordering would give is half wrong:
  // A ∩ S = {0-0, 1-1}: 1 − 4/8.
  EXPECT_DOUBLE_EQ(alignmentErrorRate(hyp, parseAlignmentLine("0-0 1-1 2-2 3-3")).aer, 0.5);
}

}  // namespace
}  // namespace attn
