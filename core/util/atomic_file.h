// Writing files so that a failure never leaves a half-written file or damages an existing one:
// the bytes go to a temporary file beside the target, which is flushed and then renamed over it.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace attn {

// Calls `write` with a stream on a temporary file next to `path`, then renames it over `path`.
// If `write` throws, or anything fails, the temporary file is removed, `path` is untouched,
// and attn::Error names the path and the reason.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);
void writeFileAtomically(const std::string& path, const std::string& bytes);

// The whole file, refusing files over maxBytes with attn::Error naming the file.
std::string readWholeFile(const std::string& path, size_t maxBytes);

}  // namespace attn
