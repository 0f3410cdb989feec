// Putting the spaces back between word tokens, the inverse of the `words` tokenizer for text
// written as people write it: "Save changes before closing ?" -> "Save changes before closing?",
// and in French "Va !" keeps its space. What the tokenizer dropped cannot be known for sure, so
// these are the typographic conventions of the language, which round-trip ordinary sentences.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace attn::data {

enum class Spacing {
  English,  // no space before , . ? ! : ; ) ] } % and closing quotes; none after ( [ { ¿ ¡
  French,   // as English, but a space before ? ! : ; and inside « »
};

std::string_view spacingName(Spacing spacing);  // "english" / "french"
Spacing parseSpacing(std::string_view name);    // throws attn::Error listing the names

// Tokens joined with the spaces the convention puts between them. Between two characters of
// scripts written without spaces (Chinese, Japanese, Thai, ...) there is none; a hyphen, a slash
// or an apostrophe attaches on both sides; a straight double quote alternates between opening
// and closing.
std::string joinWords(const std::vector<std::string>& tokens, Spacing spacing);

// Which convention a language's sentences follow: French when, more often than not, a space
// (or a no-break space) comes before ? ! : ; in them. English when they have none of these marks.
Spacing guessSpacing(const std::vector<std::string>& sentences);

}  // namespace attn::data
