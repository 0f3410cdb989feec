#include "data/text_lines.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "data/tokenizer.h"
#include "data/utf8.h"
#include "util/check.h"

namespace attn::data {

namespace {

// Latin-1 and Windows-1252 text is the usual reason for invalid UTF-8 in a corpus: accented
// letters are single bytes in 0xA0..0xFF, followed by an ASCII byte where UTF-8 would need a
// continuation byte. Saying so tells the user which encoding to convert from.
bool looksLikeLatin1(std::string_view line, int64_t offset) {
  const auto b = static_cast<unsigned char>(line[static_cast<size_t>(offset)]);
  const bool next = static_cast<size_t>(offset) + 1 < line.size();
  const auto after = next ? static_cast<unsigned char>(line[static_cast<size_t>(offset) + 1]) : 0;
  return b >= 0x80 && (!next || after < 0x80 || after >= 0xC0);
}

}  // namespace

std::string readTextFile(const std::filesystem::path& path, int64_t maxBytes) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw Error("cannot read \"" + path.string() + "\": " +
                (std::filesystem::exists(path, ec) ? "not a regular file" : "no such file"));
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error("cannot read \"" + path.string() + "\": " + ec.message());
  if (static_cast<int64_t>(size) > maxBytes)
    throw Error("\"" + path.string() + "\" is " + std::to_string(size) +
                " bytes, more than the limit of " + std::to_string(maxBytes) +
                " bytes for a corpus");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open \"" + path.string() + "\"");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error("error while reading \"" + path.string() + "\"");
  return buffer.str();
}

void forEachLine(std::string_view content, std::string_view name, int64_t maxLineBytes,
                 const std::function<void(int64_t, std::string_view)>& fn) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // byte order mark
  int64_t lineNo = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++lineNo;
    const std::string where = std::string(name) + ":" + std::to_string(lineNo) + ": ";
    if (static_cast<int64_t>(line.size()) > maxLineBytes)
      throw Error(where + "the line is " + std::to_string(line.size()) +
                  " bytes long, more than the limit of " + std::to_string(maxLineBytes));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (auto problem = findUtf8Problem(line)) {
      const std::string advice =
          looksLikeLatin1(line, problem->byteOffset)
              ? "; the file looks like Latin-1 or Windows-1252: save it as UTF-8 (or convert "
                "it, e.g. iconv -f WINDOWS-1252 -t UTF-8)"
              : "; save the file as UTF-8";
      throw Error(where + describe(*problem) + advice);
    }
    fn(lineNo, line);
  }
}

int64_t countLines(std::string_view content) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  int64_t n = 0;
  for (char c : content) n += c == '\n';
  if (!content.empty() && content.back() != '\n') ++n;
  return n;
}

std::string_view trimSpace(std::string_view s) {
  // Decode only at the ends: ASCII white space is the common case.
  while (!s.empty()) {
    const auto b = static_cast<unsigned char>(s.front());
    size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (len > s.size()) break;
    if (!isWhiteSpace(decodeUtf8(s.substr(0, len))[0])) break;
    s.remove_prefix(len);
  }
  while (!s.empty()) {
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (!isWhiteSpace(decodeUtf8(s.substr(start))[0])) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

bool isBlank(std::string_view s) {
  for (char32_t c : decodeUtf8(s))
    if (!isWhiteSpace(c)) return false;
  return true;
}

}  // namespace attn::data
