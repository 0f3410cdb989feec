// The sentencepiece tokenizer: trained in memory on a few hundred sentences, carried as bytes
// (through the model file's metadata), loaded back cutting text the same way, and covering a
// sentence it was not trained on without <unk>.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "data/text_tokenizer.h"
#include "util/check.h"

namespace attn::data {
namespace {

using Tokens = std::vector<std::string>;

// 360 English sentences from a small grammar; the held-out one below recombines their words.
std::vector<std::string> corpus() {
  const Tokens subjects = {"The cat",        "My brother",   "A teacher",
                           "Our neighbours", "The children", "Her friend"};
  const Tokens verbs = {"likes", "painted", "is watching", "wanted", "will visit", "remembered"};
  const Tokens objects = {"the old house.",     "a red bicycle.",        "the quiet garden?",
                          "their new kitchen!", "the yellow boat.",      "an interesting book.",
                          "the small station.", "a beautiful painting.", "the long river.",
                          "our happy dog."};
  std::vector<std::string> out;
  for (const auto& s : subjects)
    for (const auto& v : verbs)
      for (const auto& o : objects) out.push_back(s + " " + v + " " + o);
  return out;
}

SentencePieceOptions options(SubwordAlgorithm algorithm, int64_t vocab) {
  SentencePieceOptions o;
  o.algorithm = algorithm;
  o.vocabSize = vocab;
  return o;
}

TEST(SentencePieceTokenizer, TrainSaveLoadCutsTheSame) {
  const auto sentences = corpus();
  ASSERT_EQ(sentences.size(), 360u);
  for (SubwordAlgorithm algorithm : {SubwordAlgorithm::Unigram, SubwordAlgorithm::Bpe}) {
    const Tokenizer t = Tokenizer::trainSentencePiece(sentences, options(algorithm, 120));
    EXPECT_EQ(t.kind(), TokenizerKind::SentencePiece);
    std::map<std::string, std::string> meta;
    t.writeMetadata(meta);
    EXPECT_EQ(meta.at("tokenizer"), "sentencepiece");
    EXPECT_FALSE(meta.at("sentencepiece_model").empty());
    const Tokenizer back = Tokenizer::fromMetadata(meta);
    ASSERT_NE(back.sentencePiece(), nullptr);
    EXPECT_EQ(back.sentencePiece()->serialized(), t.sentencePiece()->serialized());
    for (size_t i = 0; i < sentences.size(); i += 37)
      EXPECT_EQ(back.tokenize(sentences[i]), t.tokenize(sentences[i])) << sentences[i];
    EXPECT_LE(t.sentencePiece()->pieceCount(), 120);
  }
}

TEST(SentencePieceTokenizer, PiecesCarryTheWordStartMarkAndDetokenize) {
  const Tokenizer t =
      Tokenizer::trainSentencePiece(corpus(), options(SubwordAlgorithm::Unigram, 100));
  const std::string held = "Her friend painted the yellow bicycle!";  // not in the corpus
  const Tokens pieces = t.tokenize(held);
  ASSERT_FALSE(pieces.empty());
  EXPECT_EQ(pieces.front().substr(0, kWordStartMark.size()), kWordStartMark);
  int words = 0;
  for (size_t i = 0; i < pieces.size(); ++i)
    words += t.startsWord(pieces[i], i == 0 ? std::string_view() : std::string_view(pieces[i - 1]));
  EXPECT_EQ(words, 6);  // Her friend painted the yellow bicycle!
  EXPECT_EQ(t.detokenize(pieces), held);
}

TEST(SentencePieceTokenizer, HeldOutSentenceHasNoUnknownPiece) {
  const auto sentences = corpus();
  const Tokenizer t = Tokenizer::trainSentencePiece(sentences, options(SubwordAlgorithm::Bpe, 150));
  std::set<std::string> seen;  // every piece the training text was cut into: the vocabulary
  for (const auto& s : sentences)
    for (const auto& p : t.tokenize(s)) seen.insert(p);
  for (const std::string held :
       {"Our neighbours remembered the quiet kitchen.", "A teacher will visit the red river?"})
    for (const auto& p : t.tokenize(held)) {
      EXPECT_NE(p, "<unk>") << held;
      EXPECT_TRUE(seen.count(p)) << p << " in " << held;
    }
}

TEST(SentencePieceTokenizer, NothingIsWrittenToDisk) {
  namespace fs = std::filesystem;
  const auto count = [](const fs::path& dir) {
    return std::distance(fs::directory_iterator(dir), fs::directory_iterator());
  };
  const auto before = count(fs::current_path());
  Tokenizer::trainSentencePiece(corpus(), options(SubwordAlgorithm::Unigram, 80));
  EXPECT_EQ(count(fs::current_path()), before);
}

TEST(SentencePieceTokenizer, BadInputIsAnError) {
  EXPECT_THROW(Tokenizer::trainSentencePiece({}, options(SubwordAlgorithm::Bpe, 100)), Error);
  EXPECT_THROW(Tokenizer::trainSentencePiece({"", ""}, options(SubwordAlgorithm::Bpe, 100)), Error);
  EXPECT_THROW(Tokenizer::trainSentencePiece(corpus(), options(SubwordAlgorithm::Bpe, 2)), Error);
  EXPECT_THROW(SentencePieceModel::load("not a model"), Error);
  EXPECT_THROW(Tokenizer::fromMetadata(
                   {{"tokenizer", "sentencepiece"}, {"sentencepiece_model", "not base64!"}}),
               Error);
  EXPECT_THROW(Tokenizer(TokenizerKind::SentencePiece), Error);
  EXPECT_EQ(parseSubwordAlgorithm("bpe"), SubwordAlgorithm::Bpe);
  EXPECT_THROW(parseSubwordAlgorithm("wordpiece"), Error);
}

}  // namespace
}  // namespace attn::data
