// copy, reverse and sort: the sanity checks of sequence-to-sequence learning. Sources are
// sequences of single-character symbols written as word tokens ("3 1 4 1 5"); the alignment is
// the diagonal (copy), the anti-diagonal (reverse) or a permutation found by value (sort).
#pragma once

#include <memory>
#include <string>

#include "data/tasks/task.h"

namespace attn::data {

enum class SymbolTaskKind { Copy, Reverse, Sort };

// The first n symbols of 0-9 then a-z; sort orders them in that (byte) order.
std::string symbolAlphabet(int64_t n);

std::unique_ptr<Task> makeSymbolTask(SymbolTaskKind kind);

}  // namespace attn::data
