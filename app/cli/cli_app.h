// attention-cli's command line: the top-level app, its subcommands, and parse errors as exit codes.
#pragma once

#include <iosfwd>

namespace attn::app {

// Parses argv and runs the chosen subcommand. --help and --version print to `out` and return 0; a
// command-line mistake prints one line, "attention-cli: error: ...", to `err` and returns 2.
int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace attn::app
