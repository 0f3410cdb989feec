// BLEU and chrF against the numbers sacreBLEU's own test suite expects
// (github.com/mjpost/sacrebleu, test/test_bleu.py, test/test_sentence_bleu.py and
// test/test_chrf.py, sacreBLEU 2.x), plus the 13a tokenisation worked out by hand from
// mteval-v13a's rules.
#include <gtest/gtest.h>

#include "train/sacrebleu.h"
#include "util/check.h"

namespace attn {
namespace {

// test_bleu.py's README example: three outputs, two reference streams.
const std::vector<std::string> kHyps = {"The dog bit the man.", "It wasn't surprising.",
                                        "The man had just bitten him."};
const std::vector<std::vector<std::string>> kRefs = {
    {"The dog bit the man.", "It was not unexpected.", "The man bit him first."},
    {"The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."}};

TEST(Tokenize13a, SplitsPunctuationButNotInsideNumbers) {
  EXPECT_EQ(tokenize13a("The dog bit the man."), "The dog bit the man .");
  EXPECT_EQ(tokenize13a("It wasn't surprising."), "It wasn't surprising .");
  EXPECT_EQ(tokenize13a("Pi is 3.14, or 3,14 in France; (roughly)!"),
            "Pi is 3.14 , or 3,14 in France ; ( roughly ) !");
  EXPECT_EQ(tokenize13a("well-known 1990-1995"), "well-known 1990 - 1995");
  EXPECT_EQ(tokenize13a("a &amp; b &lt;x&gt; &quot;q&quot;"), "a & b < x > \" q \"");
  EXPECT_EQ(tokenize13a("Va !  Ça va ?"), "Va ! Ça va ?");
  EXPECT_EQ(tokenize13a("end.."), "end . .");
  EXPECT_EQ(tokenize13a(""), "");
}

TEST(SacreBleu, CorpusBleuOfTheReadmeExample) {
  // test_corpus_bleu_cases: default settings 48.530827, tokenize='none' 49.1919566, and
  // empty hypotheses are scored (0), not dropped.
  EXPECT_NEAR(corpusBleu(kHyps, kRefs).score, 48.530827, 1e-6);
  BleuOptions none;
  none.tokenize = false;
  EXPECT_NEAR(corpusBleu(kHyps, kRefs, none).score, 49.1919566, 1e-6);
  EXPECT_EQ(corpusBleu({"", "", ""}, kRefs).score, 0.0);
}

TEST(SacreBleu, MaxOrders) {
  // test_bleu_max_order, printed with two decimals.
  const std::vector<std::pair<int, double>> expected = {{1, 77.65}, {2, 60.50}, {3, 53.93},
                                                        {4, 48.53}, {5, 46.14}, {6, 43.28}};
  for (const auto& [order, score] : expected) {
    BleuOptions o;
    o.maxOrder = order;
    EXPECT_NEAR(corpusBleu(kHyps, kRefs, o).score, score, 0.005) << order;
  }
}

TEST(SacreBleu, Statistics) {
  // test_case_statistics: matches [4, 2, 1, 0] of totals [6, 5, 4, 3].
  const BleuScore b =
      corpusBleu({"am I am a character sequence"}, {{"I am a symbol string sequence a a"}});
  EXPECT_EQ(b.matches, (std::vector<int64_t>{4, 2, 1, 0}));
  EXPECT_EQ(b.totals, (std::vector<int64_t>{6, 5, 4, 3}));
  EXPECT_EQ(b.hypothesisLength, 6);
  EXPECT_EQ(b.referenceLength, 8);
  // test_case_scoring: 0.8375922397 (as a fraction) from [9,7,5,3] / [10,8,6,4], lengths 11, 11.
  EXPECT_NEAR(bleuFromStatistics({9, 7, 5, 3}, {10, 8, 6, 4}, 11, 11).score, 83.75922397, 1e-6);
}

TEST(SacreBleu, SentenceWithExpSmoothingAndUnicode) {
  // test_sentence_bleu.py: 'exp' smoothing, 13a -> 8.493; tokenize 'none' -> 7.347; an output
  // sharing no word with its reference -> 0.
  const std::string ref = "producţia de zahăr brut se exprimă în zahăr alb;";
  const std::string sys =
      "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";
  EXPECT_NEAR(corpusBleu({sys}, {{ref}}).score, 8.493, 1e-3);
  BleuOptions none;
  none.tokenize = false;
  EXPECT_NEAR(corpusBleu({sys}, {{ref}}, none).score, 7.347, 1e-3);
  EXPECT_EQ(corpusBleu({"this is a cat"}, {{"okay thanks"}}).score, 0.0);
}

TEST(SacreBleu, UnknownTokenNeverMatchesAReference) {
  // Scored on text, "<unk>" is split by 13a into "< unk >" and matches nothing real: the old
  // id-based BLEU counted <unk> against <unk> as a match.
  const BleuScore b = corpusBleu({"le <unk> est noir ."}, {{"le chat est noir ."}});
  EXPECT_EQ(b.matches[0], 4);  // le est noir .
  EXPECT_EQ(b.totals[0], 7);   // le < unk > est noir .
}

TEST(SacreBleu, MismatchedStreamsAreAnError) {
  EXPECT_THROW(corpusBleu({"a", "b"}, {{"a"}}), Error);
  EXPECT_THROW(corpusBleu({"a"}, {}), Error);
  EXPECT_THROW(corpusChrf({"a", "b"}, {{"a"}}), Error);
}

TEST(SacreChrf, DefaultsAreChrF2WithEffectiveOrder) {
  // test_chrf.py's test_cases_effective_order (eps_smoothing False, the default): with equal
  // precision and recall beta does not matter, so these hold for chrF2 too.
  EXPECT_NEAR(corpusChrf({"a"}, {{"a"}}), 100.0, 1e-4);
  EXPECT_NEAR(corpusChrf({""}, {{"reference"}}), 0.0, 1e-4);
  EXPECT_NEAR(corpusChrf({"a b c"}, {{"a b c"}}), 100.0, 1e-4);
  EXPECT_NEAR(corpusChrf({"a b c"}, {{"abc"}}), 100.0, 1e-4);
  EXPECT_NEAR(corpusChrf({"a", "b"}, {{"a", "c"}}), 50.0, 1e-4);
  // "aa" vs "ab": order 1 P = R = 1/2, order 2 P = R = 0, higher orders have no n-gram:
  // averages 1/4 and 1/4, F = 25 whatever beta.
  EXPECT_NEAR(corpusChrf({"aa"}, {{"ab"}}), 25.0, 1e-4);
}

TEST(SacreChrf, PublishedCasesWithBeta3) {
  ChrfOptions eps;  // test_chrf.py's test_cases: beta 3, eps smoothing
  eps.beta = 3;
  eps.epsSmoothing = true;
  EXPECT_NEAR(corpusChrf({"aa"}, {{"ab"}}, eps), 8.3333, 1e-4);
  EXPECT_NEAR(corpusChrf({"a", "b"}, {{"a", "c"}}, eps), 8.3333, 1e-4);
  EXPECT_NEAR(corpusChrf({"a"}, {{"a"}}, eps), 16.6667, 1e-4);
  EXPECT_NEAR(corpusChrf({"a b c"}, {{"abc"}}, eps), 50.0, 1e-4);
  EXPECT_NEAR(corpusChrf({"abcdefg"}, {{"hijklmnop"}}, eps), 0.0, 1e-4);
  EXPECT_NEAR(corpusChrf({" risk assessment must be made of those who are qualified and expertise "
                          "in the sector - these are the scientists ."},
                         {{"risk assessment has to be undertaken by those who are qualified and "
                           "expert in that area - that is the scientists ."}},
                         eps),
              63.361730, 1e-4);
  EXPECT_NEAR(corpusChrf({" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  "
                          "freundlich. "},
                         {{"Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade "
                           "freundschaftlich."}},
                         eps),
              64.1302698, 1e-4);
  ChrfOptions spaces;  // test_cases_keep_whitespace: beta 3, white space kept
  spaces.beta = 3;
  spaces.keepWhitespace = true;
  EXPECT_NEAR(corpusChrf({"Die Beziehung zwischen Obama und Netanjahu ist nicht gerade "
                          "freundlich."},
                         {{"Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade "
                           "freundschaftlich."}},
                         spaces),
              67.3481606, 1e-4);
}

TEST(SacreChrf, SentenceLevelChrF2) {
  // test_sentence_level_chrf: chrF2 (beta 2) with eps smoothing, Czech.
  ChrfOptions eps;
  eps.epsSmoothing = true;
  EXPECT_NEAR(corpusChrf({"Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo "
                          "zemře."},
                         {{"Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a "
                           "kdo zemře."}},
                         eps),
              39.14078509, 1e-4);
  EXPECT_NEAR(corpusChrf({"Lapali po dechu, jejich životy skončily dřív, než skutečně začaly."},
                         {{"Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl "
                           "začít, připomněli."}},
                         eps),
              57.15704367, 1e-4);
}

}  // namespace
}  // namespace attn
