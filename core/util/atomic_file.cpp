#include "util/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "util/check.h"

namespace attn {

namespace fs = std::filesystem;

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error(path + ": the folder " + dir.string() + " does not exist");
  // A unique name in the same folder, so the final rename stays on one file system.
  std::random_device rd;
  const fs::path tmp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(rd()));
  try {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(path + ": cannot write here (" + std::strerror(errno) + ")");
    write(out);
    out.flush();
    if (!out) throw Error(path + ": writing failed (disk full?)");
    out.close();
    fs::rename(tmp, target, ec);
    if (ec) throw Error(path + ": cannot replace the file (" + ec.message() + ")");
  } catch (...) {
    fs::remove(tmp, ec);
    throw;
  }
}

void writeFileAtomically(const std::string& path, const std::string& bytes) {
  writeFileAtomically(path, [&](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
}

std::string readWholeFile(const std::string& path, size_t maxBytes) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw Error(path + ": no such file");
  const auto size = fs::file_size(path, ec);
  if (ec) throw Error(path + ": cannot read the file size (" + ec.message() + ")");
  if (size > maxBytes)
    throw Error(path + ": the file is " + std::to_string(size) + " bytes, more than the limit of " +
                std::to_string(maxBytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open the file (" + std::strerror(errno) + ")");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<uint64_t>(in.gcount()) != size) throw Error(path + ": the file could not be read whole");
  return bytes;
}

}  // namespace attn
