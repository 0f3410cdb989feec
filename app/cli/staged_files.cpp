#include "cli/staged_files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "util/check.h"

namespace attn::app {

namespace fs = std::filesystem;

std::vector<std::string> writeFilesIntoFolder(const std::string& folder,
                                              const std::vector<StagedFile>& files) {
  // "maps/" names the folder maps: drop the trailing separator, whose empty last element would
  // make parent_path() the folder itself.
  fs::path dir = fs::path(folder).lexically_normal();
  if (dir.filename().empty() && dir.has_parent_path()) dir = dir.parent_path();
  std::error_code ec;
  bool created = false;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) throw Error(folder + ": exists and is not a folder");
  } else {
    const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    if (!fs::is_directory(parent, ec))
      throw Error(folder + ": the folder " + parent.string() + " does not exist");
    if (!fs::create_directory(dir, ec))
      throw Error(folder + ": cannot create the folder (" + ec.message() + ")");
    created = true;
  }
  std::vector<fs::path> staged;
  auto cleanUp = [&] {
    for (const fs::path& p : staged) fs::remove(p, ec);
    if (created) fs::remove(dir, ec);
  };
  try {
    for (const StagedFile& f : files) {
      const fs::path tmp = dir / ("." + f.name + ".tmp");
      staged.push_back(tmp);
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out)
        throw Error((dir / f.name).string() + ": cannot write here (" + std::strerror(errno) + ")");
      out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
      out.close();
      if (!out) throw Error((dir / f.name).string() + ": writing failed (disk full?)");
    }
  } catch (...) {
    cleanUp();
    throw;
  }
  std::vector<std::string> written;
  for (size_t i = 0; i < files.size(); ++i) {
    const fs::path target = dir / files[i].name;
    fs::rename(staged[i], target, ec);
    if (ec) throw Error(target.string() + ": cannot replace the file (" + ec.message() + ")");
    written.push_back(target.string());
  }
  return written;
}

}  // namespace attn::app
