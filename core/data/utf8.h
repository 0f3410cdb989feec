// Strict UTF-8 decoding. Every text that enters the data layer (a TSV line, a sentence typed in
// the app) is decoded here first, so a bad byte becomes one clear message instead of a garbled
// token that silently ends up in a vocabulary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attn::data {

// Why a byte string is not valid UTF-8, and where: byteOffset is 0-based into the text,
// codePoint the 1-based number of the character that is broken (what an editor's column shows).
struct Utf8Problem {
  int64_t byteOffset = 0;
  int64_t codePoint = 0;
  std::string reason;  // e.g. "unexpected continuation byte 0x80"
};

// The first problem in the text, or nothing if it is valid UTF-8. Overlong forms, surrogates
// (U+D800..U+DFFF) and values above U+10FFFF are rejected, as the Unicode standard requires.
std::optional<Utf8Problem> findUtf8Problem(std::string_view text);

// "invalid UTF-8 at byte 3 (character 2): unexpected continuation byte 0x80"
std::string describe(const Utf8Problem& problem);

// The text cut into code points, each one kept as its UTF-8 bytes. Throws attn::Error with
// `what` (e.g. "the source text") and the problem if the text is not valid UTF-8.
std::vector<std::string> splitCodePoints(std::string_view text, std::string_view what = "text");

// The text as Unicode scalar values; throws attn::Error as above.
std::vector<char32_t> decodeUtf8(std::string_view text, std::string_view what = "text");

// One code point as UTF-8 bytes (the caller guarantees it is a Unicode scalar value).
std::string encodeUtf8(char32_t codePoint);

}  // namespace attn::data
