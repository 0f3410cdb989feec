// Where the programs find the files that ship with them: the bundled models and experiment
// settings (resources/ in the source tree, <prefix>/share/attention-studio/ once installed).
#pragma once

#include <string>
#include <vector>

namespace attn {

// The folders to search for one kind of bundled file ("models", "experiments"), best first:
//  1. the installed data folder found from the running program's own path
//     (<prefix>/bin/attention-cli -> <prefix>/share/attention-studio/<kind>), so an install is
//     relocatable: it works under /usr, /opt/x or a temporary prefix alike;
//  2. only when the program runs from the build tree it was compiled in: the source tree's
//     resources/<kind>. An installed program never falls back to the tree it was built from,
//     so a missing installed file shows up as missing instead of being read from elsewhere.
// The folders need not exist; callers take the first one that has what they look for.
std::vector<std::string> bundledDataFolders(const std::string& kind);

}  // namespace attn
