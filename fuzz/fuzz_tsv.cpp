// libFuzzer target: the TSV corpus reader, both kinds, then tokenizing what it accepted.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "data/tokenizer.h"
#include "data/tsv.h"
#include "util/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto kind : {attn::data::TaskKind::Seq2Seq, attn::data::TaskKind::Classification}) {
    try {
      for (const auto& e : attn::data::parseTsv(text, "fuzz.tsv", kind)) {
        attn::data::tokenize(e.source, attn::data::TokenizerKind::Word);
        attn::data::tokenize(e.source, attn::data::TokenizerKind::Char);
      }
    } catch (const attn::Error&) {
    }
  }
  return 0;
}
