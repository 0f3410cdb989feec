// CLI11's parse errors in the project's words. CLI11 says "--steps: At Most 1 required but
// received 2" or "--out is required"; a person needs the option named and what to do about it
// ("--steps was given 2 times: give it once"). Only the wording changes: every parse error is
// still one line and exit status 2.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace attn::app {

// The message for `error`, raised while parsing for `command` (the deepest subcommand parsed, or
// the program itself). `unrecognised` holds the arguments CLI11 left over: CLI11 checks that a
// subcommand was given before it complains about them, but an unknown option is the mistake
// worth naming. Messages CLI11 may add in a later version pass through as they are.
std::string describeParseError(const CLI::ParseError& error, const CLI::App& command,
                               const std::vector<std::string>& unrecognised);

}  // namespace attn::app
