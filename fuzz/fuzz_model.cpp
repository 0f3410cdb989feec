// libFuzzer target: the model loader (safetensors + metadata + config + vocabularies +
// parameter shapes) on arbitrary bytes; a model that loads is also run once on a short input.
#include <cstddef>
#include <cstdint>

#include "models/model.h"
#include "tensor/var.h"
#include "util/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    attn::Model m = attn::parseModel(data, size, "fuzz");
    attn::NoGradGuard noGrad;
    const attn::TokenBatch src = attn::TokenBatch::fromRows({{3}});
    if (m.seq2seq) m.seq2seq->forward(src, attn::TokenBatch::fromRows({{2}}));
    if (m.classifier) m.classifier->forward(src);
  } catch (const attn::Error&) {
  }
  return 0;
}
