#include "cli/run_guard.h"

#include <algorithm>
#include <new>
#include <ostream>

#include "exit_codes.h"
#include "util/cancel.h"
#include "util/check.h"

namespace attn::app {

std::string oneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

void printError(std::ostream& err, const std::string& message) {
  err << kProgram << ": error: " << oneLine(message) << '\n' << std::flush;
}

int runGuarded(const std::string& name, const CommandRun& run, std::ostream& out,
               std::ostream& err) {
  try {
    const int status = run(out, err);
    out.flush();
    return status;
  } catch (const Cancelled&) {
    printError(err, "cancelled");
    return kExitFailure;
  } catch (const UsageError& e) {
    printError(err, std::string(e.what()) + " (see " + kProgram + " " + name + " --help)");
    return kExitUsage;
  } catch (const Error& e) {
    printError(err, e.what());
    return kExitFailure;
  } catch (const std::bad_alloc&) {
    printError(err, "out of memory (try smaller sizes)");
    return kExitFailure;
  } catch (const std::exception& e) {
    // An engine invariant or a library failure: a bug, reported as such rather than as a crash.
    err << kProgram << ": internal error: " << oneLine(e.what()) << '\n' << std::flush;
    return kExitFailure;
  } catch (...) {
    err << kProgram << ": internal error: unknown exception\n" << std::flush;
    return kExitFailure;
  }
}

}  // namespace attn::app
