// The line layer under every corpus reader: a whole text file read with a size limit, then cut
// into lines that are checked one by one. A UTF-8 byte order mark and Windows line ends (\r\n)
// are taken silently; a line that is not UTF-8 is an attn::Error naming the file, the line and
// the byte, and saying what to do (a Latin-1 or Windows-1252 file is recognised as such).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace attn::data {

// Throws attn::Error for a missing file, a directory, or a file over `maxBytes`.
std::string readTextFile(const std::filesystem::path& path, int64_t maxBytes);

// Calls `fn(lineNumber, line)` for every line of `content` (1-based numbers; the last line needs
// no final newline; a final newline does not make an extra empty line). The BOM and each line's
// \r are removed first. `name` stands for the file in messages such as
// "fra.txt:12: invalid UTF-8 at byte 5 (character 4): ...; save the file as UTF-8".
void forEachLine(std::string_view content, std::string_view name, int64_t maxLineBytes,
                 const std::function<void(int64_t, std::string_view)>& fn);

// The number of lines forEachLine() would visit.
int64_t countLines(std::string_view content);

// `s` without white space at either end (ASCII and Unicode white space; `s` is valid UTF-8).
std::string_view trimSpace(std::string_view s);

// True when the text holds only white space (Unicode white space included).
bool isBlank(std::string_view s);

}  // namespace attn::data
