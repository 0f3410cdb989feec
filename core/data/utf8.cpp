#include "data/utf8.h"

#include <cstdio>

#include "util/check.h"

namespace attn::data {

namespace {

std::string hexByte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

// Decodes one code point starting at text[i]; on success stores it and its byte count.
// On failure returns the reason. Implements the well-formed table of Unicode §3.9 (D92).
std::optional<std::string> decodeOne(std::string_view text, size_t i, char32_t& cp, int& len) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    cp = b0;
    len = 1;
    return std::nullopt;
  }
  if (b0 >= 0x80 && b0 < 0xC0) return "unexpected continuation byte " + hexByte(b0);
  if (b0 == 0xC0 || b0 == 0xC1) return "overlong encoding (lead byte " + hexByte(b0) + ")";
  if (b0 > 0xF4) return "byte " + hexByte(b0) + " never appears in UTF-8";
  len = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  if (i + static_cast<size_t>(len) > text.size())
    return "truncated sequence (lead byte " + hexByte(b0) + " needs " + std::to_string(len - 1) +
           " continuation byte" + (len > 2 ? "s" : "") + ")";
  // The second byte's allowed range depends on the lead byte: this is what rules out overlong
  // forms, surrogates and values above U+10FFFF.
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 == 0xE0) lo = 0xA0;
  if (b0 == 0xED) hi = 0x9F;
  if (b0 == 0xF0) lo = 0x90;
  if (b0 == 0xF4) hi = 0x8F;
  cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
    const unsigned char kLo = k == 1 ? lo : 0x80, kHi = k == 1 ? hi : 0xBF;
    if (b < kLo || b > kHi) {
      if (b < 0x80 || b > 0xBF)
        return "truncated sequence (lead byte " + hexByte(b0) + " followed by " + hexByte(b) + ")";
      if (b0 == 0xED) return "UTF-16 surrogate encoded in UTF-8";
      if (b0 == 0xF4) return "code point above U+10FFFF";
      return "overlong encoding (lead byte " + hexByte(b0) + ")";
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  return std::nullopt;
}

template <class Fn>
void forEachCodePoint(std::string_view text, std::string_view what, Fn&& fn) {
  int64_t count = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    int len = 0;
    if (auto reason = decodeOne(text, i, cp, len))
      throw Error(std::string(what) + ": " +
                  describe(Utf8Problem{static_cast<int64_t>(i), count + 1, *reason}));
    fn(cp, text.substr(i, static_cast<size_t>(len)));
    i += static_cast<size_t>(len);
    ++count;
  }
}

}  // namespace

std::optional<Utf8Problem> findUtf8Problem(std::string_view text) {
  int64_t count = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    int len = 0;
    if (auto reason = decodeOne(text, i, cp, len))
      return Utf8Problem{static_cast<int64_t>(i), count + 1, *reason};
    i += static_cast<size_t>(len);
    ++count;
  }
  return std::nullopt;
}

std::string describe(const Utf8Problem& p) {
  return "invalid UTF-8 at byte " + std::to_string(p.byteOffset + 1) + " (character " +
         std::to_string(p.codePoint) + "): " + p.reason;
}

std::vector<std::string> splitCodePoints(std::string_view text, std::string_view what) {
  std::vector<std::string> out;
  out.reserve(text.size());
  forEachCodePoint(text, what, [&](char32_t, std::string_view bytes) { out.emplace_back(bytes); });
  return out;
}

std::vector<char32_t> decodeUtf8(std::string_view text, std::string_view what) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  forEachCodePoint(text, what, [&](char32_t cp, std::string_view) { out.push_back(cp); });
  return out;
}

std::string encodeUtf8(char32_t cp) {
  ATTN_CHECK(cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF), "encodeUtf8: not a scalar value");
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

}  // namespace attn::data
