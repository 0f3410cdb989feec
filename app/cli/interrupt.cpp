#include "cli/interrupt.h"

#include <csignal>

namespace attn::app {
namespace {

// sig_atomic_t is the one type a handler may write and the program read without a data race.
volatile std::sig_atomic_t gRequested = 0;
struct sigaction gPreviousInt, gPreviousTerm;

void onSignal(int) {
  gRequested = 1;
}

void install(int signal, struct sigaction* previous) {
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  // SA_RESETHAND: the handler runs once, then the default action is back for a second signal.
  action.sa_flags = SA_RESETHAND;
  sigaction(signal, &action, previous);
}

}  // namespace

InterruptScope::InterruptScope() {
  gRequested = 0;
  install(SIGINT, &gPreviousInt);
  install(SIGTERM, &gPreviousTerm);
}

InterruptScope::~InterruptScope() {
  sigaction(SIGINT, &gPreviousInt, nullptr);
  sigaction(SIGTERM, &gPreviousTerm, nullptr);
}

bool InterruptScope::requested() const {
  return gRequested != 0;
}

}  // namespace attn::app
