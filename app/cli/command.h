// What every attention-cli subcommand shares: how it registers itself with the parser, how it
// runs once the command line is parsed, and the one error that means "the command line is wrong".
// A job stopped at the user's request (Ctrl-C) throws attn::Cancelled (util/cancel.h).
#pragma once

#include <functional>
#include <iosfwd>
#include <stdexcept>

namespace CLI {
class App;
}

namespace attn::app {

// Runs a parsed subcommand and returns its exit code (exit_codes.h). Failures are thrown, not
// returned: runGuarded() (run_guard.h) turns them into one line on `err` and a status.
using CommandRun = std::function<int(std::ostream& out, std::ostream& err)>;

// A command-line mistake found after parsing, a combination CLI11 cannot express ("--init with
// --arch"): exit status 2, like CLI11's own parse errors. Nothing has been read or written yet.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A registered subcommand: its parser, and what runs it. `run` reads options that CLI11 fills
// in while parsing, so it is called only after a successful parse.
struct Command {
  CLI::App* parser = nullptr;
  CommandRun run;
};

// One per file of app/cli/: each adds its subcommand to `cli`.
Command addTrainCommand(CLI::App& cli);
Command addEvalCommand(CLI::App& cli);
Command addDecodeCommand(CLI::App& cli);
Command addInspectCommand(CLI::App& cli);
Command addExportCommand(CLI::App& cli);
Command addArchitecturesCommand(CLI::App& cli);

}  // namespace attn::app
