// A gettext .mo catalog written byte by byte, as the GNU gettext manual lays it out ("The Format
// of GNU MO Files"), for the tests of the .mo reader and of `attention-cli corpus gettext`.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace attn::test {

// (msgid, msgstr) pairs as they go into the file: a context is "ctxt\x04id", a plural's msgid
// "singular\0plural" and its msgstr the forms joined by '\0' (write them with std::string's
// length constructor or a literal with "s"). `bigEndian` writes the other byte order.
inline std::string moFile(const std::vector<std::pair<std::string, std::string>>& messages,
                          bool bigEndian = false) {
  std::string out;
  const auto word = [&](uint32_t v) {
    for (int b = 0; b < 4; ++b)
      out += static_cast<char>(bigEndian ? (v >> (8 * (3 - b))) & 0xff : (v >> (8 * b)) & 0xff);
  };
  const auto n = static_cast<uint32_t>(messages.size());
  const uint32_t originals = 28, translations = originals + 8 * n, strings = translations + 8 * n;
  word(0x950412de);
  word(0);  // revision
  word(n);
  word(originals);
  word(translations);
  word(0);  // no hash table
  word(strings);
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> ids, strs;
  for (const auto& [id, str] : messages) {
    ids.emplace_back(static_cast<uint32_t>(id.size()),
                     strings + static_cast<uint32_t>(text.size()));
    text += id + '\0';
  }
  for (const auto& [id, str] : messages) {
    strs.emplace_back(static_cast<uint32_t>(str.size()),
                      strings + static_cast<uint32_t>(text.size()));
    text += str + '\0';
  }
  for (const auto& [length, offset] : ids) {
    word(length);
    word(offset);
  }
  for (const auto& [length, offset] : strs) {
    word(length);
    word(offset);
  }
  return out + text;
}

}  // namespace attn::test
