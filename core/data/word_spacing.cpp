#include "data/word_spacing.h"

#include <algorithm>
#include <array>

#include "data/icu_words.h"
#include "data/tokenizer.h"
#include "data/utf8.h"
#include "util/check.h"

namespace attn::data {

namespace {

bool isOneOf(std::string_view token, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), token) != set.end();
}

// Marks written against the word before them, whatever the language.
bool attachesToPrevious(std::string_view t) {
  return isOneOf(t, {",", ".",  ")",  "]",  "}",  "%",  "…",  "...", "”",  "’",  "»",
                     "›", "、", "。", "，", "？", "！", "：", "；",  "）", "」", "』"});
}

// Marks written against the word after them.
bool attachesToNext(std::string_view t) {
  return isOneOf(t, {"(", "[", "{", "“", "‘", "¿", "¡", "«", "‹", "（", "「", "『"});
}

// Marks that join the words on both sides: "well-known", "and/or", "rock'n'roll".
bool joinsBothSides(std::string_view t) {
  return isOneOf(t, {"-", "/", "'", "’", "‐", "‑"});
}

char32_t firstCodePoint(std::string_view s) {
  const std::vector<char32_t> cps = decodeUtf8(s);
  return cps.empty() ? U'\0' : cps.front();
}

char32_t lastCodePoint(std::string_view s) {
  size_t start = s.empty() ? 0 : s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  const std::vector<char32_t> cps = decodeUtf8(s.substr(start));
  return cps.empty() ? U'\0' : cps.front();
}

bool isDigitToken(std::string_view s) {
  return !s.empty() && s.front() >= '0' && s.front() <= '9';
}

}  // namespace

std::string_view spacingName(Spacing spacing) {
  return spacing == Spacing::French ? "french" : "english";
}

Spacing parseSpacing(std::string_view name) {
  if (name == "english") return Spacing::English;
  if (name == "french") return Spacing::French;
  throw Error("unknown spacing \"" + std::string(name) + "\"; the spacings are: english, french");
}

std::string joinWords(const std::vector<std::string>& tokens, Spacing spacing) {
  const bool french = spacing == Spacing::French;
  std::string out;
  bool quoteOpen = false;  // inside a straight "…" pair
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    bool space = i > 0;
    const bool quote = t == "\"";
    if (i > 0) {
      const std::string& prev = tokens[i - 1];
      const bool prevOpenQuote = prev == "\"" && quoteOpen;
      if (french && isOneOf(t, {"?", "!", ":", ";", "»", "›"}))
        space = !(t == ":" && isDigitToken(prev) && i + 1 < tokens.size() &&
                  isDigitToken(tokens[i + 1]));  // 10:30
      else if (attachesToPrevious(t) || isOneOf(t, {"?", "!", ":", ";"}))
        space = false;
      if (quote && quoteOpen) space = false;  // a closing quote
      if (attachesToNext(prev) || prevOpenQuote) space = false;
      if (french && isOneOf(prev, {"«", "‹"})) space = true;
      if (joinsBothSides(t) || joinsBothSides(prev)) space = false;
      if (isSpacelessScript(lastCodePoint(prev)) && isSpacelessScript(firstCodePoint(t)))
        space = false;
      if (!french && t == ":" && isDigitToken(prev)) space = false;
      // A time or a ratio (10:30): the digits after the colon attach too.
      if (prev == ":" && i >= 2 && isDigitToken(tokens[i - 2]) && isDigitToken(t)) space = false;
    }
    if (quote) quoteOpen = !quoteOpen;
    if (space) out += ' ';
    out += t;
  }
  return out;
}

Spacing guessSpacing(const std::vector<std::string>& sentences) {
  int64_t spaced = 0, attached = 0;
  for (const std::string& s : sentences) {
    const std::vector<char32_t> cps = decodeUtf8(s, "a sentence");
    for (size_t i = 1; i < cps.size(); ++i) {
      const char32_t c = cps[i];
      if (c != U'?' && c != U'!' && c != U':' && c != U';') continue;
      if (isWhiteSpace(cps[i - 1]))
        ++spaced;
      else if (c != U':' || !(cps[i - 1] >= U'0' && cps[i - 1] <= U'9'))
        ++attached;
    }
  }
  return spaced > attached ? Spacing::French : Spacing::English;
}

}  // namespace attn::data
