#include "data/tokenizer.h"

#include "data/utf8.h"
#include "util/check.h"

namespace attn::data {

std::string_view tokenizerName(TokenizerKind kind) {
  switch (kind) {
    case TokenizerKind::Word:
      return "word";
    case TokenizerKind::Char:
      return "char";
    case TokenizerKind::Words:
      return "words";
    case TokenizerKind::SentencePiece:
      return "sentencepiece";
  }
  return "?";
}

TokenizerKind parseTokenizerKind(std::string_view name) {
  if (name == "word") return TokenizerKind::Word;
  if (name == "char") return TokenizerKind::Char;
  if (name == "words") return TokenizerKind::Words;
  if (name == "sentencepiece") return TokenizerKind::SentencePiece;
  throw Error("unknown tokenizer \"" + std::string(name) +
              "\"; the tokenizers are: word, char, words, sentencepiece");
}

namespace {

void requireSimpleKind(TokenizerKind kind) {
  if (kind != TokenizerKind::Word && kind != TokenizerKind::Char)
    throw Error("the " + std::string(tokenizerName(kind)) +
                " tokenizer needs its options or model: use data::Tokenizer (text_tokenizer.h)");
}

}  // namespace

bool isWhiteSpace(char32_t c) {
  // Python's str.isspace(): bidirectional class WS, B or S, or general category Zs.
  if (c == U' ' || (c >= U'\t' && c <= U'\r') || (c >= 0x1C && c <= 0x1F)) return true;
  if (c < 0x85) return false;
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

std::vector<std::string> tokenize(std::string_view text, TokenizerKind kind) {
  requireSimpleKind(kind);
  if (kind == TokenizerKind::Char) return splitCodePoints(text);
  if (auto problem = findUtf8Problem(text)) throw Error("text: " + describe(*problem));
  // The text is valid UTF-8 now: walk it by code point without copying characters one by one,
  // and only decode the multi-byte ones, which could be Unicode spaces.
  std::vector<std::string> words;
  size_t wordStart = 0;
  bool inWord = false;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const bool space =
        len == 1 ? isWhiteSpace(lead) : isWhiteSpace(decodeUtf8(text.substr(i, len))[0]);
    if (space && inWord) words.emplace_back(text.substr(wordStart, i - wordStart));
    if (!space && !inWord) wordStart = i;
    inWord = !space;
    i += len;
  }
  if (inWord) words.emplace_back(text.substr(wordStart));
  return words;
}

std::string detokenize(const std::vector<std::string>& tokens, TokenizerKind kind) {
  requireSimpleKind(kind);
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (kind == TokenizerKind::Word && i > 0) out += ' ';
    out += tokens[i];
  }
  return out;
}

}  // namespace attn::data
