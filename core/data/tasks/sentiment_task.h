// The sentiment task, for the structured self-attention classifier (Lin et al. 2017): review
// sentences labelled positive or negative, built so that one word is never enough. Negation
// flips (not good, never boring), intensifiers do not (very dull), and after "but" or
// "although" only one clause counts, so different hops have different words to find. The label
// is sentiment::label() of the sentence, a function of its words: ~100% accuracy is reachable.
#pragma once

#include <memory>

#include "data/tasks/task.h"

namespace attn::data {

std::unique_ptr<Task> makeSentimentTask();

}  // namespace attn::data
