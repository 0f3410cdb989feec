// A reader of GNU gettext's compiled message catalogs (.mo files, as installed under
// /usr/share/locale/L/LC_MESSAGES/), written for files nobody vouches for: every count and offset
// is checked against the file's size before it is used, and a malformed file is one attn::Error
// naming it. Format: the GNU gettext manual, "The Format of GNU MO Files".
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace attn::data {

struct MoMessage {
  std::string context;                    // msgctxt ("" for none)
  std::string id;                         // msgid (the singular for a plural message)
  std::string idPlural;                   // msgid_plural ("" for none)
  std::vector<std::string> translations;  // msgstr, or msgstr[0], msgstr[1], ... of a plural
};

// The messages in file order, the header entry (empty msgid) included. Either byte order.
std::vector<MoMessage> parseMoCatalog(std::string_view bytes, std::string_view name);
// Throws attn::Error for a missing file or one over `maxBytes`.
std::vector<MoMessage> readMoCatalog(const std::filesystem::path& path,
                                     int64_t maxBytes = 64LL * 1024 * 1024);

}  // namespace attn::data
