// The one place where a subcommand's failure becomes an exit status and a single line on stderr,
// so that nothing a user can cause ever escapes attention-cli as a crash or a stack of messages.
#pragma once

#include <iosfwd>
#include <string>

#include "cli/command.h"

namespace attn::app {

inline constexpr const char* kProgram = "attention-cli";

// Runs `run`; attn::Cancelled → "attention-cli: error: cancelled", status 1; attn::Error →
// "attention-cli: error: <message>", status 1; UsageError → the same line with status 2; anything
// else → "attention-cli: internal error: <message>", status 1. `name` ("train") points the usage
// hint at the right --help.
int runGuarded(const std::string& name, const CommandRun& run, std::ostream& out,
               std::ostream& err);

// `text` on one line: line breaks become spaces and trailing blanks go, so an error stays the
// single line scripts can read.
std::string oneLine(std::string text);

// Prints "attention-cli: error: <message>" as one line.
void printError(std::ostream& err, const std::string& message);

}  // namespace attn::app
