// The tokenizers and the UTF-8 decoder under them: ASCII, accented Latin, Chinese, emoji,
// Python's notion of white space, and a clear error for every kind of invalid UTF-8.
#include <gtest/gtest.h>

#include "data/tokenizer.h"
#include "data/utf8.h"
#include "util/check.h"

namespace attn::data {
namespace {

using Tokens = std::vector<std::string>;

std::string errorOf(std::string_view text, TokenizerKind kind) {
  try {
    tokenize(text, kind);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(DataTokenizer, WordSplitsOnRunsOfWhiteSpace) {
  EXPECT_EQ(tokenize("  the cat\tsat \n on\r\nthe mat  ", TokenizerKind::Word),
            (Tokens{"the", "cat", "sat", "on", "the", "mat"}));
  EXPECT_TRUE(tokenize("", TokenizerKind::Word).empty());
  EXPECT_TRUE(tokenize(" \t\n", TokenizerKind::Word).empty());
}

TEST(DataTokenizer, WordSplitsOnUnicodeSpacesLikePython) {
  // U+00A0 no-break space and U+3000 ideographic space split, as in Python's str.split().
  EXPECT_EQ(tokenize("a\u00A0b\u3000c", TokenizerKind::Word), (Tokens{"a", "b", "c"}));
}

TEST(DataTokenizer, WordKeepsNonAsciiWordsWhole) {
  EXPECT_EQ(tokenize("ünïcødé 注意力 机制 l' école", TokenizerKind::Word),
            (Tokens{"ünïcødé", "注意力", "机制", "l'", "école"}));
}

TEST(DataTokenizer, CharGivesOneTokenPerCodePointWithSpaces) {
  EXPECT_EQ(tokenize("ab c", TokenizerKind::Char), (Tokens{"a", "b", " ", "c"}));
  EXPECT_EQ(tokenize("ünï", TokenizerKind::Char), (Tokens{"ü", "n", "ï"}));
  EXPECT_EQ(tokenize("注意力", TokenizerKind::Char), (Tokens{"注", "意", "力"}));
  EXPECT_EQ(tokenize("a😀", TokenizerKind::Char), (Tokens{"a", "😀"}));  // 4-byte sequence
  EXPECT_EQ(tokenize("ünïcødé", TokenizerKind::Char).size(), 7u);
}

TEST(DataTokenizer, CharDoesNotNormalise) {
  // e + combining acute accent stays two code points, as Python's list(str) gives.
  EXPECT_EQ(tokenize("e\u0301", TokenizerKind::Char), (Tokens{"e", "\u0301"}));
}

TEST(DataTokenizer, DetokenizeInvertsTokenize) {
  EXPECT_EQ(detokenize({"le", "chat", "noir"}, TokenizerKind::Word), "le chat noir");
  const std::string text = "samedi 21 novembre 2026, 注意力";
  EXPECT_EQ(detokenize(tokenize(text, TokenizerKind::Char), TokenizerKind::Char), text);
  EXPECT_EQ(detokenize({}, TokenizerKind::Word), "");
}

TEST(DataTokenizer, NamesRoundTripAndUnknownNameListsValidOnes) {
  EXPECT_EQ(parseTokenizerKind(tokenizerName(TokenizerKind::Word)), TokenizerKind::Word);
  EXPECT_EQ(parseTokenizerKind(tokenizerName(TokenizerKind::Char)), TokenizerKind::Char);
  try {
    parseTokenizerKind("bpe");
    FAIL() << "expected attn::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("word, char"), std::string::npos) << e.what();
  }
}

TEST(DataTokenizer, InvalidUtf8IsAnErrorNamingByteAndProblem) {
  for (TokenizerKind kind : {TokenizerKind::Word, TokenizerKind::Char}) {
    const std::string lone = errorOf("ab\x80", kind);
    EXPECT_NE(lone.find("invalid UTF-8 at byte 3"), std::string::npos) << lone;
    EXPECT_NE(lone.find("continuation byte 0x80"), std::string::npos) << lone;
  }
  EXPECT_NE(errorOf("\xC3", TokenizerKind::Char).find("truncated"), std::string::npos);
  EXPECT_NE(errorOf("\xC3(", TokenizerKind::Char).find("truncated"), std::string::npos);
  EXPECT_NE(errorOf("\xC0\xAF", TokenizerKind::Char).find("overlong"), std::string::npos);
  EXPECT_NE(errorOf("\xE0\x80\xAF", TokenizerKind::Char).find("overlong"), std::string::npos);
  EXPECT_NE(errorOf("\xED\xA0\x80", TokenizerKind::Char).find("surrogate"), std::string::npos);
  EXPECT_NE(errorOf("\xF4\x90\x80\x80", TokenizerKind::Char).find("U+10FFFF"), std::string::npos);
  EXPECT_NE(errorOf("\xFF", TokenizerKind::Word).find("never appears"), std::string::npos);
}

TEST(DataUtf8, ProblemReportsCharacterPosition) {
  // "éa" then a bad byte: byte offset 3 (0-based), third character.
  const auto p = findUtf8Problem(
      "\xC3\xA9"
      "a\xFE");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->byteOffset, 3);
  EXPECT_EQ(p->codePoint, 3);
  EXPECT_FALSE(findUtf8Problem("ünïcødé 注意力 😀").has_value());
}

TEST(DataUtf8, EncodeDecodeRoundTripOverEveryLength) {
  for (char32_t cp : {U'A', U'é', U'注', U'😀', char32_t{0x10FFFF}}) {
    const std::string bytes = encodeUtf8(cp);
    EXPECT_EQ(decodeUtf8(bytes), std::vector<char32_t>{cp});
  }
}

}  // namespace
}  // namespace attn::data
