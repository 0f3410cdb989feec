// Whether the first line of a corpus names its columns ("source<TAB>target", "English<TAB>French",
// "text<TAB>label") instead of being an example. A header trained on as a sentence pair does
// little harm, but it is a sign the user forgot --skip-header, so readers warn about it.
#pragma once

#include <string_view>
#include <vector>

#include "data/dataset.h"

namespace attn::data {

// `first` is the first example read; `rest` the examples after it (classification uses their
// labels: a first label that no other line has, among labels that repeat, is a column name).
bool looksLikeHeader(const Example& first, const std::vector<Example>& rest, TaskKind kind);

// The warning readers add: "NAME:LINE: the first line looks like a header ("a", "b"); it was
// read as an example: pass --skip-header to leave it out".
std::string headerWarning(std::string_view name, int64_t line, const Example& first);

}  // namespace attn::data
