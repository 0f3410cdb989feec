// The `words` tokenizer (ICU word segmentation) on English, French, Chinese and emoji text, its
// options, and detokenisation that puts each language's spaces back.
#include <gtest/gtest.h>

#include <set>

#include "data/text_tokenizer.h"
#include "util/check.h"

namespace attn::data {
namespace {

using Tokens = std::vector<std::string>;

Tokenizer words(Spacing spacing = Spacing::English, bool lowercase = false, bool nfkc = false) {
  TokenizerOptions o;
  o.spacing = spacing;
  o.lowercase = lowercase;
  o.nfkc = nfkc;
  return Tokenizer(TokenizerKind::Words, o);
}

TEST(WordsTokenizer, EnglishPunctuationIsSeparate) {
  EXPECT_EQ(words().tokenize("Save changes before closing?"),
            (Tokens{"Save", "changes", "before", "closing", "?"}));
  EXPECT_EQ(words().tokenize("Go."), (Tokens{"Go", "."}));
  // Contractions, decimals and thousands stay whole (UAX #29's MidLetter / MidNum rules).
  EXPECT_EQ(words().tokenize("It's 3.14, not 1,000!"),
            (Tokens{"It's", "3.14", ",", "not", "1,000", "!"}));
}

TEST(WordsTokenizer, FrenchElisionsStayAndNoBreakSpacesGo) {
  // "l'homme" is one word for UAX #29; U+00A0 and U+202F (French no-break spaces before ? and !)
  // separate tokens like a space.
  EXPECT_EQ(words().tokenize("L'homme est-il là\xC2\xA0?"),
            (Tokens{"L'homme", "est", "-", "il", "là", "?"}));
  EXPECT_EQ(words().tokenize("« Va\xE2\x80\xAF! »"), (Tokens{"«", "Va", "!", "»"}));
}

TEST(WordsTokenizer, ChineseIsCutIntoWords) {
  // No spaces in the text: ICU's dictionary finds the words. A whole sentence is never one token.
  const Tokens t = words().tokenize("我爱北京天安门。");
  EXPECT_GE(t.size(), 4u);
  EXPECT_EQ(t.back(), "。");
  std::string joined;
  for (const std::string& w : t) joined += w;
  EXPECT_EQ(joined, "我爱北京天安门。");
  EXPECT_EQ(words().tokenize("北京"), (Tokens{"北京"}));
}

TEST(WordsTokenizer, EmojiSequencesAreOneToken) {
  // A family (man ZWJ woman ZWJ girl) and a thumbs-up with a skin tone are single tokens.
  const std::string family =
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
  const std::string thumbs = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";
  EXPECT_EQ(words().tokenize("my family " + family + " " + thumbs + "!"),
            (Tokens{"my", "family", family, thumbs, "!"}));
}

TEST(WordsTokenizer, LowercaseAndNfkc) {
  EXPECT_EQ(words(Spacing::English, true).tokenize("ÉCOLE Straße"), (Tokens{"école", "straße"}));
  // NFKC: the "ﬁ" ligature is "fi", a fullwidth Ａ is A, a circled 1 is 1.
  EXPECT_EQ(words(Spacing::English, false, true).tokenize("ﬁne Ａ ①"), (Tokens{"fine", "A", "1"}));
  EXPECT_EQ(words().tokenize("ﬁne"), (Tokens{"ﬁne"}));  // off by default
}

TEST(WordsTokenizer, InvalidUtf8IsAnError) {
  EXPECT_THROW(words().tokenize("bad \xC3("), Error);
}

// detokenize(tokenize(s)) == s for sentences written by each language's conventions.
TEST(WordsTokenizer, RoundTripsEnglish) {
  for (const std::string s :
       {"Save changes before closing?", "Hello, world! It's 3.14 (roughly) and \"quoted\" too.",
        "A well-known fact: 50% of it; the rest... and/or more.", "Go.",
        "Meet me at 10:30, then call Bob."}) {
    EXPECT_EQ(words().detokenize(words().tokenize(s)), s);
  }
}

TEST(WordsTokenizer, RoundTripsFrench) {
  const Tokenizer fr = words(Spacing::French);
  for (const std::string s :
       {"Va !", "Enregistrer les modifications avant de fermer ?",
        "« Bonjour », dit-il : « Ça va ? »", "Qu'est-ce que c'est ; rien.", "Il est 10:30."}) {
    EXPECT_EQ(fr.detokenize(fr.tokenize(s)), s);
  }
  // The same tokens, English spacing: no space before the mark.
  EXPECT_EQ(words().detokenize({"Va", "!"}), "Va!");
}

TEST(WordsTokenizer, RoundTripsChineseAndEmoji) {
  for (const std::string s : {"我爱北京天安门。", "你好，世界！", "東京に行きます。"})
    EXPECT_EQ(words().detokenize(words().tokenize(s)), s);
  const std::string pizza = "\xF0\x9F\x8D\x95";
  const std::string s = "I love " + pizza + " and my family.";
  EXPECT_EQ(words().detokenize(words().tokenize(s)), s);
}

TEST(WordsTokenizer, SpacingIsGuessedFromTheTargetText) {
  EXPECT_EQ(guessSpacing({"Va !", "Qui ?", "Non.", "Salut !"}), Spacing::French);
  EXPECT_EQ(guessSpacing({"Go!", "Who?", "No.", "Hi! a : b"}), Spacing::English);
  EXPECT_EQ(guessSpacing({"我爱你。"}), Spacing::English);
  EXPECT_EQ(guessSpacing({"Il est 10:30 ."}), Spacing::English);  // a time is not a colon mark
}

TEST(WordsTokenizer, MetadataRoundTripAndOldKinds) {
  const Tokenizer t = words(Spacing::French, true, true);
  std::map<std::string, std::string> meta;
  t.writeMetadata(meta);
  EXPECT_EQ(meta.at("tokenizer"), "words");
  const Tokenizer back = Tokenizer::fromMetadata(meta);
  EXPECT_EQ(back.kind(), TokenizerKind::Words);
  EXPECT_EQ(back.options(), t.options());
  // An old model file names only "word" or "char", and reads as before.
  const Tokenizer old = Tokenizer::fromMetadata({{"tokenizer", "word"}});
  EXPECT_EQ(old.kind(), TokenizerKind::Word);
  EXPECT_EQ(old.tokenize("Go. now"), (Tokens{"Go.", "now"}));
  std::map<std::string, std::string> charMeta;
  Tokenizer(TokenizerKind::Char).writeMetadata(charMeta);
  EXPECT_EQ(charMeta, (std::map<std::string, std::string>{{"tokenizer", "char"}}));
  EXPECT_THROW(Tokenizer::fromMetadata({{"tokenizer", "words"}, {"tokenizer_options", "[1]"}}),
               Error);
  EXPECT_THROW(Tokenizer::fromMetadata({{"tokenizer", "bpe"}}), Error);
  EXPECT_THROW(Tokenizer::fromMetadata({{"tokenizer", "sentencepiece"}}), Error);
}

}  // namespace
}  // namespace attn::data

namespace attn::data {
namespace {

TEST(BuildTokenizer, WordsTakesItsSpacingFromTheTargets) {
  const std::vector<Example> enFr = {{"Go.", "Va !"}, {"Who?", "Qui ?"}, {"Run!", "Cours !"}};
  TokenizerChoice c;
  c.kind = TokenizerKind::Words;
  c.lowercase = true;
  const Tokenizer t = buildTokenizer(c, enFr, TaskKind::Seq2Seq);
  EXPECT_EQ(t.options().spacing, Spacing::French);
  EXPECT_TRUE(t.options().lowercase);
  EXPECT_EQ(t.detokenize(t.tokenize("Qui ?")), "qui ?");
  const std::vector<Example> frEn = {{"Va !", "Go!"}, {"Qui ?", "Who?"}};
  EXPECT_EQ(buildTokenizer(c, frEn, TaskKind::Seq2Seq).options().spacing, Spacing::English);
  c.kind = TokenizerKind::Char;
  EXPECT_EQ(buildTokenizer(c, enFr, TaskKind::Seq2Seq).kind(), TokenizerKind::Char);
}

TEST(BuildTokenizer, SentencePieceLearnsBothSidesButNotLabels) {
  // The pieces a vocabulary built from the training text would hold.
  const auto piecesOf = [](const Tokenizer& t, const std::vector<std::string>& texts) {
    std::set<std::string> seen;
    for (const auto& s : texts)
      for (const auto& p : t.tokenize(s)) seen.insert(p);
    return seen;
  };
  std::vector<Example> train;
  for (int i = 0; i < 40; ++i) train.push_back({"the cat sleeps", "le chat dort"});
  TokenizerChoice c;
  c.kind = TokenizerKind::SentencePiece;
  c.vocabSize = 60;
  const Tokenizer t = buildTokenizer(c, train, TaskKind::Seq2Seq);
  const auto seen = piecesOf(t, {"the cat sleeps", "le chat dort"});
  for (const std::string& p : t.tokenize("le chat")) EXPECT_TRUE(seen.count(p)) << p;
  std::vector<Example> labelled;
  for (int i = 0; i < 40; ++i) labelled.push_back({"good film", "positive"});
  const Tokenizer l = buildTokenizer(c, labelled, TaskKind::Classification);
  // "p", "s", "v", "t", "e" occur only in the label: not learnt, SentencePiece passes them through
  // as pieces of their own, which no vocabulary built from the text holds.
  const auto learnt = piecesOf(l, {"good film"});
  int unknown = 0;
  for (const std::string& p : l.tokenize("positive")) unknown += learnt.count(p) == 0;
  EXPECT_GE(unknown, 4);
}

}  // namespace
}  // namespace attn::data
