#include "data/tokenizer.h"

#include "data/utf8.h"
#include "util/check.h"

namespace attn::data {

std::string_view tokenizerName(TokenizerKind kind) {
  return kind == TokenizerKind::Word ? "word" : "char";
}

TokenizerKind parseTokenizerKind(std::string_view name) {
  if (name == "word") return TokenizerKind::Word;
  if (name == "char") return TokenizerKind::Char;
  throw Error("unknown tokenizer \"" + std::string(name) + "\"; the tokenizers are: word, char");
}

bool isWhiteSpace(char32_t c) {
  // Python's str.isspace(): bidirectional class WS, B or S, or general category Zs.
  if (c == U' ' || (c >= U'\t' && c <= U'\r') || (c >= 0x1C && c <= 0x1F)) return true;
  if (c < 0x85) return false;
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

std::vector<std::string> tokenize(std::string_view text, TokenizerKind kind) {
  std::vector<std::string> chars = splitCodePoints(text);
  if (kind == TokenizerKind::Char) return chars;
  std::vector<std::string> words;
  std::string current;
  const auto codePointOf = [](const std::string& bytes) { return decodeUtf8(bytes)[0]; };
  for (const std::string& ch : chars) {
    // Multi-byte characters are rarely spaces; only decode the few that could be.
    const bool space = ch.size() == 1 ? isWhiteSpace(static_cast<unsigned char>(ch[0]))
                                      : isWhiteSpace(codePointOf(ch));
    if (space) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current += ch;
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::string detokenize(const std::vector<std::string>& tokens, TokenizerKind kind) {
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (kind == TokenizerKind::Word && i > 0) out += ' ';
    out += tokens[i];
  }
  return out;
}

}  // namespace attn::data
