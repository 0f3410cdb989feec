// Decoding's input side: a typed sentence as the model reads it (unknown words reported at their
// positions and kept as typed, <eos> appended for seq2seq), the length limit, and the option
// checks every entry point makes before touching the model.
#include <gtest/gtest.h>

#include "decode/decoder.h"
#include "decode/text_input.h"
#include "decode_models.h"
#include "errors.h"

namespace attn {
namespace {

using test::rnnVariants;
using test::smallModel;

using test::errorOf;

TEST(DecodeInput, SourceGetsEosAndUnknownWordsAreReportedAsTyped) {
  Model m = smallModel(rnnVariants()[0], 1);
  EncodedText s = encodeSourceText(m, "a zebra c  quux", 512);
  EXPECT_EQ(s.tokens, (std::vector<std::string>{"a", "zebra", "c", "quux", "<eos>"}));
  EXPECT_EQ(s.ids,
            (std::vector<int64_t>{m.srcVocab.id("a"), data::Vocabulary::kUnk, m.srcVocab.id("c"),
                                  data::Vocabulary::kUnk, data::Vocabulary::kEos}));
  EXPECT_EQ(s.unknown, (std::vector<int>{1, 3}));
  EXPECT_EQ(s.typedCount(), 4);
}

TEST(DecodeInput, GreedyResultReportsUnknownSourcePositionsInTheTrace) {
  Model m = smallModel(rnnVariants()[0], 1);
  DecodeResult r = decodeGreedy(m, "b unknownword a");
  EXPECT_EQ(r.trace.sourceTokens, (std::vector<std::string>{"b", "unknownword", "a", "<eos>"}));
  EXPECT_EQ(r.unknownSource, std::vector<int>{1});
}

TEST(DecodeInput, TypedSpecialTokenIsKnown) {
  Model m = smallModel(rnnVariants()[0], 1);
  EncodedText s = encodeSourceText(m, "a <unk>", 512);
  EXPECT_TRUE(s.unknown.empty());
  EXPECT_EQ(s.ids[1], data::Vocabulary::kUnk);
}

TEST(DecodeInput, CharTokenizerCutsCodePointsAndSpaces) {
  data::Vocabulary v = test::vocabularyOf({"é", "t", " "});
  EncodedText s = encodeText("té x", data::TokenizerKind::Char, v, true, 512, "the source");
  EXPECT_EQ(s.tokens, (std::vector<std::string>{"t", "é", " ", "x", "<eos>"}));
  EXPECT_EQ(s.unknown, std::vector<int>{3});
}

TEST(DecodeInput, OverLongInputIsRefusedWithTheCountAndTheLimit) {
  Model m = smallModel(rnnVariants()[0], 1);
  std::string text;
  for (int i = 0; i < 600; ++i) text += "a ";
  const std::string msg = errorOf([&] { decodeGreedy(m, text); });
  EXPECT_NE(msg.find("600 tokens"), std::string::npos) << msg;
  EXPECT_NE(msg.find("512"), std::string::npos) << msg;
  DecodeOptions o;
  o.maxInputTokens = 3;
  EXPECT_NE(errorOf([&] { decodeBeam(m, "a b c d", o); }).find("limit of 3"), std::string::npos);
  EXPECT_EQ(errorOf([&] { decodeGreedy(m, "a b c", o); }), "");  // exactly at the limit is fine
  EXPECT_NE(errorOf([&] { inspectForced(m, "a", "w1 w2 w3 w4", o); }).find("target sentence"),
            std::string::npos);
}

TEST(DecodeInput, EmptyAndInvalidSentencesAreClearErrors) {
  Model m = smallModel(rnnVariants()[0], 1);
  EXPECT_NE(errorOf([&] { decodeGreedy(m, "   "); }).find("empty"), std::string::npos);
  EXPECT_NE(errorOf([&] { decodeGreedy(m, "a \xff b"); }), "");
  EXPECT_NE(errorOf([&] { inspectForced(m, "a", ""); }).find("empty"), std::string::npos);
}

TEST(DecodeInput, BeamWidthOutOfRangeIsAClearError) {
  Model m = smallModel(rnnVariants()[0], 1);
  for (int width : {0, -3, 65, 1000}) {
    DecodeOptions o;
    o.beamWidth = width;
    const std::string msg = errorOf([&] { decodeBeam(m, "a b", o); });
    EXPECT_NE(msg.find("beam width must be between 1 and 64"), std::string::npos) << msg;
    EXPECT_NE(msg.find(std::to_string(width)), std::string::npos) << msg;
  }
  DecodeOptions o;
  o.beamWidth = 64;
  EXPECT_EQ(errorOf([&] { decodeBeam(m, "a b", o); }), "");
}

TEST(DecodeInput, OtherOptionsOutOfRangeAreClearErrors) {
  Model m = smallModel(rnnVariants()[0], 1);
  auto with = [](auto set) {
    DecodeOptions o;
    set(o);
    return o;
  };
  const std::vector<std::pair<DecodeOptions, std::string>> bad = {
      {with([](DecodeOptions& o) { o.topK = -1; }), "top-k"},
      {with([](DecodeOptions& o) { o.topK = 5000; }), "top-k"},
      {with([](DecodeOptions& o) { o.lengthPenalty = -0.5; }), "length penalty"},
      {with([](DecodeOptions& o) { o.lengthPenalty = std::nan(""); }), "length penalty"},
      {with([](DecodeOptions& o) { o.maxSteps = -1; }), "output length"},
      {with([](DecodeOptions& o) { o.maxSteps = kMaxDecodeSteps + 1; }), "output length"},
      {with([](DecodeOptions& o) { o.maxInputTokens = 0; }), "input token limit"}};
  for (const auto& [options, what] : bad) {
    EXPECT_NE(errorOf([&] { decodeGreedy(m, "a", options); }).find(what), std::string::npos)
        << what;
    EXPECT_NE(errorOf([&] { decodeBeam(m, "a", options); }).find(what), std::string::npos);
    EXPECT_NE(errorOf([&] { inspectForced(m, "a", "w1", options); }).find(what), std::string::npos);
  }
}

TEST(DecodeInput, ClassifierAndSeq2SeqEntryPointsRefuseTheOtherKindOfModel) {
  Model seq = smallModel(rnnVariants()[0], 1);
  EXPECT_NE(errorOf([&] { classifyWithTrace(seq, "a b"); }).find("structured_self_attention"),
            std::string::npos);
  Model clf;
  clf.arch = Arch::StructuredSelfAttention;
  clf.srcVocab = test::vocabularyOf({"a"});
  EXPECT_NE(errorOf([&] { decodeGreedy(clf, "a"); }).find("classifier"), std::string::npos);
  EXPECT_NE(errorOf([&] { decodeBeam(clf, "a"); }).find("classifier"), std::string::npos);
  EXPECT_NE(errorOf([&] { inspectForced(clf, "a", "b"); }).find("classifier"), std::string::npos);
  // A classifier's source has no <eos> (docs/file-formats.md, structured_self_attention).
  EXPECT_EQ(encodeSourceText(clf, "a b", 512).tokens, (std::vector<std::string>{"a", "b"}));
}

TEST(DecodeInput, ProgressCallbackSeesEveryStepAndCanCancel) {
  // Never says <eos>, so every run lasts maxSteps steps.
  Model m = test::bigramModel({{"<sos>", {{"a", 1.0}}}, {"a", {{"a", 1.0}}}});
  DecodeOptions o;
  o.maxSteps = 7;
  std::vector<int64_t> seen;
  o.progress = [&](int64_t step, int64_t maxSteps) {
    EXPECT_EQ(maxSteps, 7);
    seen.push_back(step);
    return true;
  };
  DecodeResult r = decodeGreedy(m, "x y", o);
  EXPECT_EQ(r.output, "a a a a a a a");
  EXPECT_FALSE(r.finished);
  ASSERT_EQ(seen.size(), 7u);
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], static_cast<int64_t>(i));
  o.progress = [](int64_t step, int64_t) { return step < 2; };
  EXPECT_THROW(decodeGreedy(m, "x y", o), Cancelled);
  EXPECT_THROW(decodeBeam(m, "x y", o), Cancelled);
  EXPECT_EQ(errorOf([&] { decodeBeam(m, "x y", o); }), "Cancelled");
}

}  // namespace
}  // namespace attn
