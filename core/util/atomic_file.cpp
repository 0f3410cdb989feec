#include "util/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include <fcntl.h>
#include <unistd.h>

#include "util/check.h"

namespace attn {

namespace fs = std::filesystem;

namespace {

// Forces a file's (or a folder's) data to the disk. Without it, a power cut just after the
// rename can leave the new name pointing at an empty file on some file systems (ext4's
// delayed allocation), which is the very loss the rename was meant to prevent.
bool syncToDisk(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error(path + ": the folder " + dir.string() + " does not exist");
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
    if (!syncToDisk(tmp))
      throw Error(path + ": the data could not be written to the disk (" + std::strerror(errno) +
                  ")");
    fs::rename(tmp, target, ec);
    if (ec) throw Error(path + ": cannot replace the file (" + ec.message() + ")");
    // The rename itself lives in the folder; a folder that cannot be synced (some network file
    // systems) still holds a complete file under one name or the other, so this is best effort.
    syncToDisk(dir);
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
  if (static_cast<uint64_t>(in.gcount()) != size)
    throw Error(path + ": the file could not be read whole");
  return bytes;
}

}  // namespace attn
