#include "util/cancel.h"

#include <string>

namespace attn {

std::string_view runStatusName(RunStatus status) {
  switch (status) {
    case RunStatus::Completed:
      return "completed";
    case RunStatus::Cancelled:
      return "cancelled";
    case RunStatus::StoppedEarly:
      return "stopped_early";
    case RunStatus::Diverged:
      return "diverged";
  }
  return "completed";
}

RunStatus parseRunStatus(std::string_view name) {
  for (RunStatus s :
       {RunStatus::Completed, RunStatus::Cancelled, RunStatus::StoppedEarly, RunStatus::Diverged})
    if (runStatusName(s) == name) return s;
  throw Error("unknown run status '" + std::string(name) +
              "' (completed, cancelled, stopped_early or diverged)");
}

}  // namespace attn
