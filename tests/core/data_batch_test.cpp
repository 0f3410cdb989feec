// Batches: padding with 0, lengths, the teacher-forcing shift between decoder input and target,
// <eos> on seq2seq sources only, labels for the classifier, seeded shuffling, length limits.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "data/batch.h"
#include "util/check.h"

namespace attn::data {
namespace {

using Ids = std::vector<int64_t>;

Dataset seq2seqData() {
  Dataset d;
  d.kind = TaskKind::Seq2Seq;
  d.tokenizer = TokenizerKind::Word;
  d.train = {{"a b c", "x y"}, {"b", "y z z"}, {"c a", "x"}};
  return d;
}

TEST(DataBatch, Seq2SeqPaddingLengthsAndShift) {
  const Dataset d = seq2seqData();
  const Vocabularies v = buildVocabularies(d);
  // Source: b x2, a x2, c x2 -> a, b, c by token order at equal counts.
  ASSERT_EQ(v.source.toList(),
            (std::vector<std::string>{"<pad>", "<unk>", "<sos>", "<eos>", "a", "b", "c"}));
  // Target: y x2, z x2, x x2 -> x, y, z.
  const int64_t a = 4, b = 5, c = 6, x = 4, y = 5, z = 6, E = 3, S = 2;
  const EncodedSplit split = encodeExamples(d.train, v);
  BatchOptions o;
  o.batchSize = 3;
  o.shuffle = false;
  const std::vector<Batch> batches = makeBatches(split, o);
  ASSERT_EQ(batches.size(), 1u);
  const Batch& bt = batches[0];
  EXPECT_EQ(bt.size, 3);
  EXPECT_EQ(bt.sourceLength, 4);  // "a b c" + <eos>
  EXPECT_EQ(bt.targetLength, 4);  // "y z z" + <eos>
  EXPECT_EQ(bt.source, (Ids{a, b, c, E, /**/ b, E, 0, 0, /**/ c, a, E, 0}));
  EXPECT_EQ(bt.sourceLengths, (Ids{4, 2, 3}));
  EXPECT_EQ(bt.decoderInput, (Ids{S, x, y, 0, /**/ S, y, z, z, /**/ S, x, 0, 0}));
  EXPECT_EQ(bt.decoderTarget, (Ids{x, y, E, 0, /**/ y, z, z, E, /**/ x, E, 0, 0}));
  EXPECT_EQ(bt.targetLengths, (Ids{3, 4, 2}));
  EXPECT_EQ(bt.targetTokenCount(), 9);
  EXPECT_EQ(bt.indices, (Ids{0, 1, 2}));
  EXPECT_TRUE(bt.labels.empty());
  EXPECT_EQ(bt.sourceMask(), (std::vector<uint8_t>{1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0}));
  EXPECT_EQ(bt.sourceAt(2, 1), a);
}

TEST(DataBatch, ClassifierSourceHasNoEosAndCarriesLabels) {
  Dataset d;
  d.kind = TaskKind::Classification;
  d.train = {{"good film", "pos"}, {"bad", "neg"}};
  d.test = {{"good", "neutral"}};  // a class seen only in test is still a class
  const Vocabularies v = buildVocabularies(d);
  EXPECT_EQ(v.labels.toList(), (std::vector<std::string>{"neg", "neutral", "pos"}));
  BatchOptions o;
  o.shuffle = false;
  const Batch bt = makeBatches(encodeExamples(d.train, v), o).at(0);
  EXPECT_EQ(bt.sourceLength, 2);
  EXPECT_EQ(bt.source, (Ids{v.source.id("good"), v.source.id("film"), v.source.id("bad"), 0}));
  EXPECT_EQ(bt.sourceLengths, (Ids{2, 1}));
  EXPECT_EQ(bt.labels, (Ids{2, 0}));
  EXPECT_EQ(bt.targetLength, 0);
  EXPECT_TRUE(bt.decoderInput.empty());
}

TEST(DataBatch, UnseenTokensBecomeUnkAndUnknownClassIsAnError) {
  const Dataset d = seq2seqData();
  const Vocabularies v = buildVocabularies(d);
  const EncodedSplit e = encodeExamples({{"a q", "x w"}}, v);
  EXPECT_EQ(e.examples[0].source, (Ids{4, Vocabulary::kUnk, Vocabulary::kEos}));
  EXPECT_EQ(e.examples[0].target, (Ids{4, Vocabulary::kUnk}));

  Dataset c;
  c.kind = TaskKind::Classification;
  c.train = {{"good", "pos"}};
  const Vocabularies cv = buildVocabularies(c);
  try {
    encodeExamples({{"good", "pos"}, {"bad", "neg"}}, cv, {}, "test");
    FAIL() << "expected attn::Error";
  } catch (const Error& err) {
    EXPECT_NE(std::string(err.what()).find("test example 2"), std::string::npos) << err.what();
  }
}

TEST(DataBatch, ShuffleIsSeededPerEpochAndCoversEveryExample) {
  Dataset d;
  d.kind = TaskKind::Seq2Seq;
  for (int i = 0; i < 50; ++i) d.train.push_back({"a", "x"});
  const EncodedSplit split = encodeExamples(d.train, buildVocabularies(d));
  BatchOptions o;
  o.batchSize = 8;
  o.seed = 11;
  const auto rows = [&](int64_t epoch) {
    Ids all;
    for (const Batch& b : makeBatches(split, o, epoch))
      all.insert(all.end(), b.indices.begin(), b.indices.end());
    return all;
  };
  const Ids e0 = rows(0), e1 = rows(1);
  EXPECT_EQ(rows(0), e0);  // same seed and epoch, same order
  EXPECT_NE(e0, e1);       // a new order each epoch
  Ids sorted = e0;
  std::sort(sorted.begin(), sorted.end());
  for (int64_t i = 0; i < 50; ++i) EXPECT_EQ(sorted[static_cast<size_t>(i)], i);
  EXPECT_EQ(batchCount(split, o), 7);
  o.dropLast = true;
  EXPECT_EQ(makeBatches(split, o).size(), 6u);
  o.batchSize = 0;
  EXPECT_THROW(makeBatches(split, o), Error);
}

TEST(DataBatch, LengthLimitErrorTruncateOrSkip) {
  const Dataset d = seq2seqData();
  const Vocabularies v = buildVocabularies(d);
  LengthLimits limits;
  limits.maxSource = 3;  // "a b c" + <eos> is 4
  try {
    encodeExamples(d.train, v, limits, "train");
    FAIL() << "expected attn::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("train example 1: the source has 4 tokens, more than the "
                                         "limit of 3"),
              std::string::npos)
        << e.what();
  }
  limits.onTooLong = TooLong::Truncate;
  limits.maxTarget = 3;  // "y z z" + <eos> is 4
  const EncodedSplit t = encodeExamples(d.train, v, limits);
  EXPECT_EQ(t.truncated, 2);
  EXPECT_EQ(t.examples[0].source, (Ids{4, 5, Vocabulary::kEos}));  // keeps its <eos>
  EXPECT_EQ(t.examples[1].target, (Ids{5, 6}));                    // + <eos> = 3
  limits.onTooLong = TooLong::Skip;
  const EncodedSplit s = encodeExamples(d.train, v, limits);
  EXPECT_EQ(s.skipped, 2);
  ASSERT_EQ(s.examples.size(), 1u);
  EXPECT_EQ(s.examples[0].index, 2);
}

TEST(DataBatch, EncodeSourceForOneSentence) {
  const Vocabularies v = buildVocabularies(seq2seqData());
  EXPECT_EQ(encodeSource("c b", v), (Ids{6, 5, Vocabulary::kEos}));
  EXPECT_THROW(encodeSource("   ", v), Error);
}

}  // namespace
}  // namespace attn::data
