// The dates task: one date written in one of many human ways, English or French, to be
// translated to ISO 8601 ("samedi 21 novembre 2026" -> "2026-11-21"). Character level. The
// attention map is the point: the year moves from the end to the front and the month name must
// be read as a whole, so the alignment is far from the diagonal.
#pragma once

#include <memory>

#include "data/tasks/task.h"

namespace attn::data {

std::unique_ptr<Task> makeDatesTask();

}  // namespace attn::data
