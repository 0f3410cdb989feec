// The trace as the views show it, from the trace a model produced: with View ▸ Merge subwords
// into words, its maps at the word level (core's explain::mergeSubwords, Clark et al. 2019's
// rule: summed over a word's source pieces, averaged over its target pieces); with Decode ▸
// Replace unknown words, each <unk> of the output replaced by the source token it attends to
// most (core's replaceUnknownTokens, Luong et al. 2015). Qt-free: a plain function of values.
#pragma once

#include <vector>

#include "data/text_tokenizer.h"
#include "explain/unknown_replacement.h"
#include "trace/trace.h"

namespace attn::ui {

struct ShowOptions {
  bool mergeSubwords = false;
  bool replaceUnknown = false;
};

struct ShownTrace {
  Trace trace;
  // Positions in the shown target tokens (after merging) of the words copied in for an <unk>,
  // and the source token each came from (its text, since merging renumbers the source).
  struct Copied {
    int target = 0;
    std::string from;
  };
  std::vector<Copied> replaced;
  bool merged = false;  // false also when the tokenizer makes no pieces (every token a word)
};

// `tokenizer` is the model's (null for a trace opened from a file: nothing to merge by).
// Replacement runs on the pieces, before merging, as the model wrote them.
ShownTrace shownTrace(const Trace& decoded, const data::Tokenizer* tokenizer,
                      const ShowOptions& options);

}  // namespace attn::ui
