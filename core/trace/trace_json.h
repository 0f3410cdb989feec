// The trace file (docs/file-formats.md, Trace file): JSON in and out, and CSV for one attention
// matrix. Reading never trusts the file: every field is type-checked and sized before use, and a
// problem is one attn::Error naming the file and what is wrong.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "trace/trace.h"

namespace attn {

inline constexpr const char* kTraceFormat = "attention-studio.trace/1";

nlohmann::json traceToJson(const Trace& trace);
// `what` names the source in error messages (a file path, "stdin").
Trace traceFromJson(const nlohmann::json& j, const std::string& what);

void writeTraceFile(const std::string& path, const Trace& trace);
Trace readTraceFile(const std::string& path);

// One [queries, keys] map as CSV: a header row of key tokens, then one row per query token.
// Tokens are quoted as RFC 4180 asks when they hold a comma, a quote or a line break.
std::string attentionCsv(const Trace& trace, MapKind kind, int layer, int head);

}  // namespace attn
