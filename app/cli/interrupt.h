// Ctrl-C during a long job. The first SIGINT (or SIGTERM) only raises a flag that the job polls,
// so it can stop between two steps, say "cancelled" and leave every output file untouched; a
// second one gets the default action, so a job that stopped polling can still be killed.
#pragma once

namespace attn::app {

class InterruptScope {
 public:
  InterruptScope();   // installs the handlers and clears the flag
  ~InterruptScope();  // puts the previous handlers back
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

  bool requested() const;
};

}  // namespace attn::app
