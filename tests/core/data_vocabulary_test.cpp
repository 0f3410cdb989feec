// Vocabularies: the special indices of docs/file-formats.md, frequency and size cuts with a
// deterministic order, the round trip through the list a model file stores, and class labels.
#include <gtest/gtest.h>

#include "data/vocabulary.h"
#include "util/check.h"

namespace attn::data {
namespace {

using Tokens = std::vector<std::string>;

TEST(DataVocabulary, SpecialTokensHaveFixedIndices) {
  const Vocabulary v;
  EXPECT_EQ(v.size(), 4);
  EXPECT_EQ(v.id("<pad>"), 0);
  EXPECT_EQ(v.id("<unk>"), 1);
  EXPECT_EQ(v.id("<sos>"), 2);
  EXPECT_EQ(v.id("<eos>"), 3);
  EXPECT_EQ(Vocabulary::kPad, 0);
  EXPECT_EQ(Vocabulary::kEos, 3);
  EXPECT_EQ(v.toList(), (Tokens{"<pad>", "<unk>", "<sos>", "<eos>"}));
}

TEST(DataVocabulary, BuildOrdersByCountThenToken) {
  const Vocabulary v = Vocabulary::build({{"b", "a", "c", "b"}, {"c", "b", "d"}});
  // b x3, c x2, then a and d once each, in byte order.
  EXPECT_EQ(v.toList(), (Tokens{"<pad>", "<unk>", "<sos>", "<eos>", "b", "c", "a", "d"}));
}

TEST(DataVocabulary, MinFrequencyDropsRareTokens) {
  const Vocabulary v = Vocabulary::build({{"b", "a", "c", "b"}, {"c", "b", "d"}}, {2, 0});
  EXPECT_EQ(v.toList(), (Tokens{"<pad>", "<unk>", "<sos>", "<eos>", "b", "c"}));
  EXPECT_EQ(v.id("a"), Vocabulary::kUnk);
}

TEST(DataVocabulary, MaxSizeCountsSpecialsAndKeepsMostFrequent) {
  const Vocabulary v = Vocabulary::build({{"b", "a", "c", "b"}, {"c", "b", "d"}}, {1, 6});
  EXPECT_EQ(v.size(), 6);
  EXPECT_EQ(v.toList(), (Tokens{"<pad>", "<unk>", "<sos>", "<eos>", "b", "c"}));
  EXPECT_THROW(Vocabulary::build({{"a"}}, {1, 3}), Error);
  EXPECT_THROW(Vocabulary::build({{"a"}}, {0, 0}), Error);
}

TEST(DataVocabulary, TokensSpeltLikeSpecialsAreNotAddedTwice) {
  const Vocabulary v = Vocabulary::build({{"<unk>", "x", "<eos>"}});
  EXPECT_EQ(v.toList(), (Tokens{"<pad>", "<unk>", "<sos>", "<eos>", "x"}));
}

TEST(DataVocabulary, EncodeMapsUnknownToOneAndDecodeInverts) {
  const Vocabulary v = Vocabulary::build({{"le", "chat", "noir"}});
  const std::vector<int64_t> ids = v.encode({"le", "chien", "noir"});
  EXPECT_EQ(ids[1], Vocabulary::kUnk);
  EXPECT_EQ(v.decode(ids), (Tokens{"le", "<unk>", "noir"}));
  EXPECT_THROW(v.token(v.size()), Error);
  EXPECT_THROW(v.token(-1), Error);
}

TEST(DataVocabulary, DecodeOutputStopsAtEosAndSkipsPadAndSos) {
  const Vocabulary v = Vocabulary::build({{"a", "b"}});
  const int64_t a = v.id("a"), b = v.id("b");
  EXPECT_EQ(v.decodeOutput({Vocabulary::kSos, a, Vocabulary::kUnk, b, Vocabulary::kEos, a, 0}),
            (Tokens{"a", "<unk>", "b"}));
}

TEST(DataVocabulary, ListRoundTripKeepsEveryIndex) {
  const Vocabulary v = Vocabulary::build({{"ü", "注", " ", "a", "ü"}});
  const Vocabulary back = Vocabulary::fromList(v.toList());
  EXPECT_EQ(back, v);
  for (int64_t i = 0; i < v.size(); ++i) EXPECT_EQ(back.id(v.token(i)), i);
}

TEST(DataVocabulary, FromListRejectsBadLists) {
  EXPECT_THROW(Vocabulary::fromList({"<unk>", "<pad>", "<sos>", "<eos>"}), Error);
  EXPECT_THROW(Vocabulary::fromList({"<pad>", "<unk>", "<sos>"}), Error);
  EXPECT_THROW(Vocabulary::fromList({"<pad>", "<unk>", "<sos>", "<eos>", "a", "a"}), Error);
  EXPECT_THROW(Vocabulary::fromList({"<pad>", "<unk>", "<sos>", "<eos>", ""}), Error);
}

TEST(DataLabelVocabulary, IndexIsClassIdWithNoSpecialTokens) {
  const LabelVocabulary labels = LabelVocabulary::build({"positive", "negative", "positive"});
  EXPECT_EQ(labels.toList(), (Tokens{"negative", "positive"}));
  EXPECT_EQ(labels.id("negative"), 0);
  EXPECT_EQ(labels.id("positive"), 1);
  EXPECT_EQ(labels.name(1), "positive");
  EXPECT_EQ(LabelVocabulary::fromList(labels.toList()), labels);
}

TEST(DataLabelVocabulary, UnknownLabelErrorListsClasses) {
  const LabelVocabulary labels = LabelVocabulary::fromList({"neg", "pos"});
  try {
    labels.id("neutral");
    FAIL() << "expected attn::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("neg, pos"), std::string::npos) << e.what();
  }
  EXPECT_THROW(labels.name(2), Error);
  EXPECT_THROW(LabelVocabulary::fromList({"a", "a"}), Error);
}

}  // namespace
}  // namespace attn::data
