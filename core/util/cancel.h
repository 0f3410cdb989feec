// How a long run ends, said one way everywhere. A run that returns a result says it in the
// result's RunStatus; a call that has nothing sensible to return when stopped (one decoding,
// one beam search) throws attn::Cancelled. The CLI and the GUI turn either into the same
// "cancelled" for people.
#pragma once

#include <string_view>

#include "util/check.h"

namespace attn {

// What a training or evaluation run came to. Only Completed and StoppedEarly mean the run did
// what was asked; Diverged keeps the last good weights, and a Cancelled run has no model to show.
enum class RunStatus {
  Completed,     // every step (or example) that was asked for
  Cancelled,     // the progress callback asked to stop
  StoppedEarly,  // validation stopped improving (the trainer's patience ran out)
  Diverged,      // too many steps had a loss or gradient that is not a number
};

// "completed", "cancelled", "stopped_early", "diverged": how files and logs spell it.
std::string_view runStatusName(RunStatus status);
// The inverse; throws attn::Error for any other name.
RunStatus parseRunStatus(std::string_view name);

// A run stopped by its progress callback. An attn::Error, so a caller that only reports errors
// still says something true; callers that tell cancelling apart catch this first. what() is
// "Cancelled", the word the GUI shows.
class Cancelled : public Error {
 public:
  Cancelled() : Error("Cancelled") {}
};

}  // namespace attn
