// Unknown-word replacement (Luong et al. 2015, "Addressing the Rare Word Problem in Neural Machine
// Translation", ACL; the attention-based form of Jean et al. 2015): each <unk> a model writes is
// replaced by the source token it attends to most at that step, which for names, numbers and
// rare words is usually the word to copy. `decode --replace-unk` applies it.
#pragma once

#include <string>
#include <vector>

#include "tensor/precision.h"
#include "trace/trace.h"

namespace attn::inline ATTN_PRECISION {

struct UnknownReplacement {
  int target = 0;  // position in the output
  int source = 0;  // position in Trace::sourceTokens it was copied from
};

struct ReplacedOutput {
  std::vector<std::string> tokens;  // the output up to <eos>, each <unk> replaced
  std::vector<UnknownReplacement> replacements;
};

// The trace's target tokens up to the first <eos>, each "<unk>" replaced by the source token of
// the highest weight in its row of the cross-attention map (the mean over heads of the last
// layer; the source's own <eos> and <unk> tokens are never copied, and a row with only those
// keeps its <unk>). A trace without a cross map (a classifier) comes back unchanged.
ReplacedOutput replaceUnknownTokens(const Trace& trace);

}  // namespace attn::inline ATTN_PRECISION
