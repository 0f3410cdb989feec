// attention-cli's manual pages and bash completion, written from the same CLI11 tables that print
// --help, so that neither can drift from the program. The build runs the hidden commands below
// (cmake/docs.cmake); --help does not list them, they are not for users.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace attn::app {

// `attention-cli --write-manual-pages FOLDER DATE`, `attention-cli --write-bash-completion FILE`.
inline constexpr const char* kWriteManualPages = "--write-manual-pages";
inline constexpr const char* kWriteBashCompletion = "--write-bash-completion";

// One roff page per command and subcommand: attention-cli.1, attention-cli-train.1,
// attention-cli-corpus-gettext.1, ... `date` (yyyy-mm-dd) is the release's, so that a rebuild
// writes the same pages. Returns the pages' file names; throws attn::Error when one cannot be
// written.
std::vector<std::string> writeManualPages(const CLI::App& app, const std::string& folder,
                                          const std::string& version, const std::string& date);

// A bash completion script: the subcommands, each one's options, and the values of options that
// take one of a fixed list ("--decay none|linear|..."); files for the other values.
void writeBashCompletion(const CLI::App& app, std::ostream& out);

}  // namespace attn::app
