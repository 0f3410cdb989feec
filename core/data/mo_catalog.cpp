#include "data/mo_catalog.h"

#include "data/text_lines.h"
#include "util/check.h"

namespace attn::data {

namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr uint32_t kSwappedMagic = 0xde120495;

class MoReader {
 public:
  MoReader(std::string_view bytes, std::string_view name) : bytes_(bytes), name_(name) {
    if (bytes_.size() < 28) fail("too short to be a .mo catalog");
    const uint32_t magic = word(0);
    if (magic == kSwappedMagic) {
      swapped_ = true;
    } else if (magic != kMagic) {
      fail("not a gettext .mo catalog (no magic number)");
    }
    if ((word(4) >> 16) > 1) fail("a .mo format revision this reader does not know");
  }

  std::vector<MoMessage> messages() const {
    const uint32_t count = word(8), originals = word(12), translations = word(16);
    // Each message has two 8-byte table entries: a count the file cannot hold is refused
    // before anything is reserved.
    if (uint64_t(count) * 8 > bytes_.size()) fail("counts more messages than the file can hold");
    std::vector<MoMessage> out;
    out.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
      MoMessage m;
      std::string id = string(originals, i);
      const std::string str = string(translations, i);
      if (const size_t eot = id.find('\x04'); eot != std::string::npos) {
        m.context = id.substr(0, eot);
        id.erase(0, eot + 1);
      }
      const size_t nul = id.find('\0');
      m.id = id.substr(0, nul);
      if (nul != std::string::npos) m.idPlural = id.substr(nul + 1);
      size_t start = 0;
      while (true) {
        const size_t end = str.find('\0', start);
        m.translations.push_back(str.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
      }
      out.push_back(std::move(m));
    }
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(std::string(name_) + ": " + what);
  }

  uint32_t word(uint64_t offset) const {
    if (offset + 4 > bytes_.size()) fail("an offset points past the end of the file");
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b) {
      const auto byte = static_cast<uint8_t>(bytes_[offset + static_cast<uint64_t>(b)]);
      v |= uint32_t(byte) << (swapped_ ? 8 * (3 - b) : 8 * b);
    }
    return v;
  }

  // String i of the table at `table`: its length and offset, checked, with the NUL after it.
  std::string string(uint32_t table, uint32_t i) const {
    const uint64_t entry = uint64_t(table) + uint64_t(i) * 8;
    const uint64_t length = word(entry), offset = word(entry + 4);
    if (offset + length + 1 > bytes_.size() || bytes_[offset + length] != '\0')
      fail("string " + std::to_string(i + 1) + " lies outside the file");
    return std::string(bytes_.substr(offset, length));
  }

  std::string_view bytes_;
  std::string_view name_;
  bool swapped_ = false;
};

}  // namespace

std::vector<MoMessage> parseMoCatalog(std::string_view bytes, std::string_view name) {
  return MoReader(bytes, name).messages();
}

std::vector<MoMessage> readMoCatalog(const std::filesystem::path& path, int64_t maxBytes) {
  const std::string bytes = readTextFile(path, maxBytes);
  return parseMoCatalog(bytes, path.string());
}

}  // namespace attn::data
