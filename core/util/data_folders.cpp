#include "util/data_folders.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "install_layout.h"    // ATTN_DATA_FROM_BIN, ATTN_BUILD_TREE (cmake/install.cmake)
#include "source_resources.h"  // ATTN_RESOURCES_DIR (top-level CMakeLists.txt)

namespace attn {
namespace {

namespace fs = std::filesystem;

// The folder of the running executable, symbolic links resolved (a /usr/local/bin link to an
// /opt install still finds /opt's data). Linux only, like the rest of the programs.
fs::path programFolder() {
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : exe.parent_path();
}

bool isWithin(const fs::path& path, const fs::path& root) {
  std::error_code error;
  const fs::path p = fs::weakly_canonical(path, error);
  if (error) return false;
  const fs::path r = fs::weakly_canonical(root, error);
  if (error) return false;
  return std::mismatch(r.begin(), r.end(), p.begin(), p.end()).first == r.end();
}

}  // namespace

std::vector<std::string> bundledDataFolders(const std::string& kind) {
  std::vector<std::string> folders;
  const fs::path program = programFolder();
  if (program.empty()) return folders;
  folders.push_back((program / ATTN_DATA_FROM_BIN / kind).lexically_normal().string());
#ifdef ATTN_RESOURCES_DIR
  if (isWithin(program, ATTN_BUILD_TREE))
    folders.push_back((fs::path(ATTN_RESOURCES_DIR) / kind).string());
#endif
  return folders;
}

}  // namespace attn
