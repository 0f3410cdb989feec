// Exit codes shared by attention-cli and attention-studio, so scripts can tell the cases apart.
#pragma once

namespace attn::app {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailure =
      1,           // the job itself failed: a file could not be read or written, training diverged
  kExitUsage = 2,  // the command line was wrong; nothing was done
};

}  // namespace attn::app
