// The labelling rules of the sentiment task, written as a function of the words alone, so the
// label is a deterministic function of the sentence (a model can reach 100%) and hand-written
// sentences can be labelled the same way:
//  1. The deciding part is what follows the last "but"; failing that, what follows the first
//     comma after "although"; failing that, the whole sentence.
//  2. The deciding part is cut into clauses at "and" and ","; a clause takes the polarity of its
//     first polar word (good, boring, loved, hated...), flipped when a negator (not, never,
//     n't) comes before that word in the clause. Intensifiers (very, extremely) change nothing.
//  3. The clauses of the deciding part that have a polarity must agree: that is the label.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace attn::data::sentiment {

// +1 positive, -1 negative, 0 when no clause has a polarity or the clauses disagree.
int polarity(const std::vector<std::string>& words);

// "positive" / "negative"; throws attn::Error when the rules give no answer.
std::string label(std::string_view sentence);

}  // namespace attn::data::sentiment
