// Writing several files as one: either all of them appear (or are replaced) or none does, so a
// failed export never leaves a folder half old, half new.
#pragma once

#include <string>
#include <vector>

namespace attn::app {

struct StagedFile {
  std::string name;  // a plain file name, no folder
  std::string bytes;
};

// Writes `files` into `folder` (created when missing; its parent must exist). Every file is
// first written under a temporary name, and only when all are complete are they renamed into
// place. On failure the temporary files, and a folder this call created, are removed, and
// attn::Error says why. Returns the paths written.
std::vector<std::string> writeFilesIntoFolder(const std::string& folder,
                                              const std::vector<StagedFile>& files);

}  // namespace attn::app
