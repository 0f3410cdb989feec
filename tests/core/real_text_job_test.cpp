// What real text adds to the model, the data spec and the scores: the tokenizer stored in the
// model file, a SentencePiece model's pieces as the vocabulary, unknown tokens counted, a file's
// columns, parallel files and filters recorded and read back, scores on detokenized text where
// an <unk> never matches, macro-F1, and unknown-word replacement from the cross-attention.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>

#include "data/encoding.h"
#include "data/text_tokenizer.h"
#include "explain/unknown_replacement.h"
#include "jobs/data_source.h"
#include "models/model.h"
#include "train/evaluate.h"
#include "train/metrics.h"

namespace attn {
namespace {

using Tokens = std::vector<std::string>;

std::vector<std::string> sentences() {
  std::vector<std::string> out;
  for (const char* s : {"the cat", "a dog", "my bird", "the horse"})
    for (const char* v : {"sees", "likes", "wants"})
      for (const char* o : {"the bread.", "a red apple.", "the water!"})
        out.push_back(std::string(s) + " " + v + " " + o);
  return out;
}

data::Dataset datasetOf(const std::vector<std::string>& text) {
  data::Dataset d;
  for (const std::string& s : text) d.train.push_back({s, s});
  return d;
}

Model smallModel(const data::Tokenizer& tokenizer, const data::Vocabularies& v) {
  const nlohmann::json config = {{"arch", "rnn_seq2seq"}, {"embed_dim", 4}, {"hidden_dim", 4}};
  return createModel(config, tokenizer, v.source, v.target, {}, 1);
}

TEST(RealTextModel, ASentencePieceTokenizerTravelsInTheModelFile) {
  data::SentencePieceOptions sp;
  sp.vocabSize = 60;
  const data::Tokenizer tokenizer = data::Tokenizer::trainSentencePiece(sentences(), sp);
  const data::Vocabularies v = data::buildVocabularies(datasetOf(sentences()), tokenizer);
  const Model model = smallModel(tokenizer, v);
  const std::string file = (std::filesystem::temp_directory_path() /
                            ("attn-sp-model-" + std::to_string(getpid()) + ".safetensors"))
                               .string();
  saveModel(file, model);
  const Model loaded = loadModel(file);
  std::filesystem::remove(file);
  ASSERT_EQ(loaded.tokenizer.kind(), data::TokenizerKind::SentencePiece);
  ASSERT_NE(loaded.tokenizer.sentencePiece(), nullptr);
  EXPECT_EQ(loaded.tokenizer.sentencePiece()->serialized(),
            tokenizer.sentencePiece()->serialized());
  for (const char* text : {"the horse wants a red apple.", "my cat likes the water!"})
    EXPECT_EQ(loaded.tokenizer.tokenize(text), tokenizer.tokenize(text)) << text;
}

TEST(RealTextModel, SentencePieceVocabulariesAreItsPiecesOnBothSides) {
  data::SentencePieceOptions sp;
  sp.vocabSize = 60;
  const data::Tokenizer tokenizer = data::Tokenizer::trainSentencePiece(sentences(), sp);
  data::VocabularyOptions strict;
  strict.minFrequency = 1000;  // would leave only the specials if counts decided
  const data::Vocabularies v =
      data::buildVocabularies(datasetOf(sentences()), tokenizer, strict, strict);
  const Tokens pieces = tokenizer.sentencePiece()->pieces();
  ASSERT_FALSE(pieces.empty());
  EXPECT_EQ(v.source.size(), data::Vocabulary::kSpecialCount + int64_t(pieces.size()));
  EXPECT_EQ(v.source, v.target);
  for (size_t i = 0; i < pieces.size(); ++i)  // in SentencePiece's own order
    EXPECT_EQ(v.source.token(data::Vocabulary::kSpecialCount + int64_t(i)), pieces[i]);
  // A sentence of new combinations: every piece known.
  const data::EncodedSplit e =
      data::encodeExamples({{"a horse likes my water.", "the red bird sees a dog!"}}, v);
  EXPECT_EQ(e.unknownTokens, 0);
}

TEST(RealTextModel, EncodingCountsUnknownTokensOfBothSides) {
  data::Dataset d;
  d.train = {{"a b", "x y"}, {"b a", "y x"}};
  const data::Vocabularies v = data::buildVocabularies(d);
  const data::EncodedSplit e = data::encodeExamples({{"a c d", "x z"}, {"b", "y"}}, v);
  EXPECT_EQ(e.tokens, 7);         // 3 + 2 and 1 + 1, <eos> not counted
  EXPECT_EQ(e.unknownTokens, 3);  // c, d, z
  EXPECT_DOUBLE_EQ(e.unknownShare(), 3.0 / 7.0);
  EXPECT_EQ(e.examples[0].reference, "x z");  // the text, not the vocabulary's <unk>
}

TEST(RealTextScores, AnUnkOfTheOutputNeverMatchesTheReference) {
  data::Dataset d;
  d.train = {{"the cat is here", "le chat est ici"}, {"the dog is here", "le chien est ici"}};
  const data::Vocabularies v = data::buildVocabularies(d);
  const Model model = smallModel(data::Tokenizer(data::TokenizerKind::Word), v);
  // "zèbre" is unknown: the reference's ids hold an <unk> where the text has the word.
  const data::EncodedSplit split =
      data::encodeExamples({{"the zebra is here", "le zèbre est ici"}}, v);
  const TokenIds sameIds = split.examples[0].target;  // le <unk> est ici
  ASSERT_EQ(sameIds[1], data::Vocabulary::kUnk);
  EXPECT_DOUBLE_EQ(corpusBleu({sameIds}, {sameIds}), 1.0);  // ids: <unk> matched <unk>

  Metrics m;
  scoreOutputs(model, {sameIds}, split.examples, m);
  EXPECT_EQ(*m.exactMatch, 1.0);  // the ids the model was trained to produce
  // On text, "le <unk> est ici" against "le zèbre est ici" (13a: "<unk>" is "< unk >"):
  // 1-grams le, est, ici of 6; 2-grams "est ici" of 5; no 3- or 4-gram; sacreBLEU's exp
  // smoothing gives the orders without a match 1/2 and 1/4 of a count: precisions 3/6, 1/5,
  // 0.5/4, 0.25/3, the brevity penalty 1 (6 tokens against 4).
  const double expected = std::exp(
      (std::log(3.0 / 6) + std::log(1.0 / 5) + std::log(0.5 / 4) + std::log(0.25 / 3)) / 4);
  EXPECT_NEAR(*m.bleu, expected, 1e-12);
  EXPECT_LT(*m.chrf, 1.0);

  const data::EncodedSplit known =
      data::encodeExamples({{"the cat is here", "le chat est ici"}}, v);
  scoreOutputs(model, {known.examples[0].target}, known.examples, m);
  EXPECT_DOUBLE_EQ(*m.bleu, 1.0);
  EXPECT_DOUBLE_EQ(*m.chrf, 1.0);
}

TEST(RealTextScores, MacroF1AveragesTheClassesF1) {
  // Class 0: tp 2, fp 1 (the 4th), fn 1 (the 5th) -> 4/6. Class 1: tp 1, fp 0, fn 1 -> 2/3.
  // Class 2: predicted once, wrongly, never right: 0. Mean: (2/3 + 2/3 + 0) / 3 = 4/9.
  EXPECT_NEAR(macroF1({0, 0, 1, 0, 2}, {0, 0, 1, 1, 0}), 4.0 / 9, 1e-12);
  EXPECT_DOUBLE_EQ(macroF1({1, 0, 1}, {1, 0, 1}), 1.0);
  EXPECT_DOUBLE_EQ(macroF1({}, {}), 0.0);
}

TEST(RealTextDataSource, ColumnsParallelFilesTokenizerAndFiltersAreRecorded) {
  jobs::TsvFile f;
  f.path = "/data/x.en";
  f.targetPath = "/data/x.fr";
  f.tokenizer = data::TokenizerKind::SentencePiece;
  f.lowercase = true;
  f.subwordAlgorithm = data::SubwordAlgorithm::Bpe;
  f.subwordVocabSize = 500;
  f.filter.maxSourceTokens = 12;
  f.filter.maxTargetTokens = 14;
  f.filter.dedup = true;
  const nlohmann::json j = jobs::dataSourceToJson(f);
  EXPECT_EQ(j["data_config"]["target_data"], "/data/x.fr");
  const auto back = jobs::recordedDataSource(j);
  ASSERT_TRUE(back && std::holds_alternative<jobs::TsvFile>(*back));
  const jobs::TsvFile& g = std::get<jobs::TsvFile>(*back);
  EXPECT_EQ(g.targetPath, "/data/x.fr");
  EXPECT_EQ(g.tokenizer, data::TokenizerKind::SentencePiece);
  EXPECT_TRUE(g.lowercase);
  EXPECT_EQ(g.subwordAlgorithm, data::SubwordAlgorithm::Bpe);
  EXPECT_EQ(g.subwordVocabSize, 500);
  EXPECT_EQ(g.filter.maxSourceTokens, 12);
  EXPECT_EQ(g.filter.maxTargetTokens, 14);
  EXPECT_TRUE(g.filter.dedup);

  jobs::TsvFile tsv;
  tsv.path = "/data/fra.txt";
  tsv.columns = {3, 1};
  const jobs::TsvFile read =
      std::get<jobs::TsvFile>(*jobs::recordedDataSource(jobs::dataSourceToJson(tsv)));
  EXPECT_EQ(read.columns, (data::Columns{3, 1}));
  EXPECT_TRUE(read.targetPath.empty());
  // A file written before these keys reads with the defaults; nonsense keeps them too.
  jobs::TsvFile plain;
  plain.path = "/data/old.tsv";
  nlohmann::json old = jobs::dataSourceToJson(plain);
  old["data_config"]["columns"] = {0, 0};
  old["data_config"]["max_source_tokens"] = -3;
  const auto oldSpec = jobs::recordedDataSource(old);
  ASSERT_TRUE(oldSpec.has_value());
  const jobs::TsvFile defaults = std::get<jobs::TsvFile>(*oldSpec);
  EXPECT_EQ(defaults.columns, data::Columns{});
  EXPECT_EQ(defaults.filter.maxSourceTokens, 0);
}

// A trace by hand: source "the zebra sleeps <eos>", output "le <unk> dort <eos>".
Trace unknownTrace() {
  Trace t;
  t.sourceTokens = {"the", "zebra", "sleeps", "<eos>"};
  t.targetTokens = {"le", "<unk>", "dort", "<eos>"};
  AttentionMap cross(1, 2, 4, 4);
  const float head0[4][4] = {
      {.7f, .1f, .1f, .1f}, {.1f, .3f, .2f, .4f}, {.1f, .1f, .7f, .1f}, {.1f, .1f, .1f, .7f}};
  const float head1[4][4] = {
      {.7f, .1f, .1f, .1f}, {.1f, .5f, .0f, .4f}, {.1f, .1f, .7f, .1f}, {.1f, .1f, .1f, .7f}};
  for (int q = 0; q < 4; ++q)
    for (int k = 0; k < 4; ++k) {
      cross.at(0, 0, q, k) = head0[q][k];
      cross.at(0, 1, q, k) = head1[q][k];
    }
  t.attention[MapKind::Cross] = cross;
  return t;
}

TEST(UnknownReplacement, CopiesTheSourceTokenOfTheHighestMeanWeightNeverEos) {
  // Row 1, mean of the heads: the .2, zebra .4, sleeps .1, <eos> .4: "zebra" (the <eos> tie
  // and any larger <eos> weight never count).
  const ReplacedOutput out = replaceUnknownTokens(unknownTrace());
  EXPECT_EQ(out.tokens, (Tokens{"le", "zebra", "dort"}));
  ASSERT_EQ(out.replacements.size(), 1u);
  EXPECT_EQ(out.replacements[0].target, 1);
  EXPECT_EQ(out.replacements[0].source, 1);

  Trace noCross = unknownTrace();
  noCross.attention.clear();
  EXPECT_EQ(replaceUnknownTokens(noCross).tokens, (Tokens{"le", "<unk>", "dort"}));
}

}  // namespace
}  // namespace attn
