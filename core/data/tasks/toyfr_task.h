// The toy-fr task: English -> French sentences from the toy-fr grammar, word level. The space of
// sentences is in the billions, so a model only does well on the (unseen) test split if it has
// learnt the rules: agreement, adjective placement, conjugation, ne ... pas.
// minLength / maxLength (English words) choose how many clauses a sentence has, for experiments
// on sentence length such as the fixed-vector bottleneck of seq2seq without attention.
#pragma once

#include <memory>

#include "data/tasks/task.h"

namespace attn::data {

std::unique_ptr<Task> makeToyFrTask();

}  // namespace attn::data
