// libFuzzer target: the trace reader (JSON of docs/file-formats.md, Trace file) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "trace/trace_json.h"
#include "util/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  try {
    const attn::Trace t = attn::traceFromJson(j, "fuzz");
    for (const auto& [name, map] : t.attention)
      for (int l = 0; l < map.layers; ++l)
        for (int h = 0; h < map.heads; ++h) attn::attentionCsv(t, name, l, h);
  } catch (const attn::Error&) {
  }
  return 0;
}
