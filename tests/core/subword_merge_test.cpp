// Piece-level attention shown at the word level: grouping by the "▁" mark, keys summed and
// queries averaged, rows still distributions, and numbers worked out by hand.
#include <gtest/gtest.h>

#include "data/text_tokenizer.h"
#include "explain/subword_merge.h"
#include "tiny_sentencepiece.h"
#include "util/check.h"

namespace attn {
namespace {

using explain::groupWords;
using explain::mergeSubwords;
using explain::WordGrouping;

const data::Tokenizer& pieces() {
  return test::tinySentencePiece();
}

TEST(SubwordMerge, GroupsPiecesByTheWordStartMark) {
  const WordGrouping g =
      groupWords({"▁the", "▁trans", "la", "tion", "▁cat", "s", "<eos>"}, pieces());
  EXPECT_EQ(g.wordOfToken, (std::vector<int>{0, 1, 1, 1, 2, 2, 3}));
  EXPECT_EQ(g.words, (std::vector<std::string>{"the", "translation", "cats", "<eos>"}));
  // Word tokenizers: one token, one word.
  const WordGrouping w =
      groupWords({"Go", ".", "<eos>"}, data::Tokenizer(data::TokenizerKind::Words));
  EXPECT_EQ(w.wordOfToken, (std::vector<int>{0, 1, 2}));
}

TEST(SubwordMerge, SumsOverKeysAndAveragesOverQueries) {
  // Queries: "▁le" | "▁ch" "at"; keys: "▁the" | "▁c" "at" | "<eos>".
  AttentionMap m(1, 1, 3, 4);
  const float rows[3][4] = {{0.7f, 0.1f, 0.1f, 0.1f},   // ▁le
                            {0.1f, 0.4f, 0.4f, 0.1f},   // ▁ch
                            {0.2f, 0.2f, 0.5f, 0.1f}};  // at
  for (int q = 0; q < 3; ++q)
    for (int k = 0; k < 4; ++k) m.at(0, 0, q, k) = rows[q][k];
  const WordGrouping queries = groupWords({"▁le", "▁ch", "at"}, pieces());
  const WordGrouping keys = groupWords({"▁the", "▁c", "at", "<eos>"}, pieces());
  const AttentionMap w = mergeSubwords(m, queries, keys);
  ASSERT_EQ(w.queries, 2);
  ASSERT_EQ(w.keys, 3);
  // "le": its one row, "c"+"at" summed: 0.7, 0.2, 0.1.
  EXPECT_NEAR(w.at(0, 0, 0, 0), 0.7f, 1e-6);
  EXPECT_NEAR(w.at(0, 0, 0, 1), 0.2f, 1e-6);
  EXPECT_NEAR(w.at(0, 0, 0, 2), 0.1f, 1e-6);
  // "chat": the mean of its two rows, keys summed: (0.1+0.2)/2, (0.8+0.7)/2, (0.1+0.1)/2.
  EXPECT_NEAR(w.at(0, 0, 1, 0), 0.15f, 1e-6);
  EXPECT_NEAR(w.at(0, 0, 1, 1), 0.75f, 1e-6);
  EXPECT_NEAR(w.at(0, 0, 1, 2), 0.10f, 1e-6);
}

TEST(SubwordMerge, MergedRowsStillSumToOne) {
  // Random distributions over 9 pieces from 7 queries, 2 layers × 3 heads.
  const std::vector<std::string> src = {"▁a", "b", "c", "▁d", "▁e", "f", "▁g", "h", "<eos>"};
  const std::vector<std::string> tgt = {"▁x", "y", "▁z", "▁u", "v", "w", "<eos>"};
  AttentionMap m(2, 3, static_cast<int>(tgt.size()), static_cast<int>(src.size()));
  uint32_t seed = 12345;
  for (int l = 0; l < 2; ++l)
    for (int h = 0; h < 3; ++h)
      for (int q = 0; q < m.queries; ++q) {
        float sum = 0;
        for (int k = 0; k < m.keys; ++k) {
          seed = seed * 1664525u + 1013904223u;
          sum += m.at(l, h, q, k) = 0.01f + static_cast<float>(seed >> 8) / 16777216.0f;
        }
        for (int k = 0; k < m.keys; ++k) m.at(l, h, q, k) /= sum;
      }
  const AttentionMap w = mergeSubwords(m, groupWords(tgt, pieces()), groupWords(src, pieces()));
  EXPECT_EQ(w.queries, 4);  // xy z uvw <eos>
  EXPECT_EQ(w.keys, 5);     // abc d ef gh <eos>
  for (int l = 0; l < 2; ++l)
    for (int h = 0; h < 3; ++h)
      for (int q = 0; q < w.queries; ++q) {
        float sum = 0;
        for (int k = 0; k < w.keys; ++k) sum += w.at(l, h, q, k);
        EXPECT_NEAR(sum, 1.0f, 1e-5) << l << " " << h << " " << q;
      }
}

TEST(SubwordMerge, MismatchedGroupingIsAnError) {
  AttentionMap m(1, 1, 2, 2);
  const WordGrouping three = groupWords({"a", "b", "c"}, data::Tokenizer());
  const WordGrouping two = groupWords({"a", "b"}, data::Tokenizer());
  EXPECT_THROW(mergeSubwords(m, three, two), Error);
  EXPECT_NO_THROW(mergeSubwords(m, two, two));
}

}  // namespace
}  // namespace attn
