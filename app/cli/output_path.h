// Checks made before a long job starts, so that an output that cannot be written fails in a
// second with a clear message rather than after an hour of training.
#pragma once

#include <string>

namespace attn::app {

// Throws attn::Error when `path` cannot become a file: its folder is missing or not writable,
// or `path` is a folder. `flag` ("--out") names the option in the message.
void checkOutputFile(const std::string& path, const std::string& flag);

}  // namespace attn::app
