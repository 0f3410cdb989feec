#include "cli/output_path.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "util/check.h"

namespace attn::app {

namespace fs = std::filesystem;

void checkOutputFile(const std::string& path, const std::string& flag) {
  if (path.empty()) throw Error(flag + " needs a file name");
  const fs::path target(path);
  std::error_code ec;
  if (fs::is_directory(target, ec))
    throw Error(path + ": is a folder; " + flag + " needs a file name");
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, ec))
    throw Error(path + ": cannot write " + flag + " there: the folder " + folder.string() +
                " does not exist");
  // The file is written beside itself and renamed, so the folder must be writable.
  if (access(folder.c_str(), W_OK) != 0)
    throw Error(path + ": cannot write " + flag + " in " + folder.string() + " (" +
                std::strerror(errno) + ")");
}

}  // namespace attn::app
