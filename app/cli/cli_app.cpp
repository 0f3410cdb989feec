#include "cli/cli_app.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "exit_codes.h"

namespace attn::app {
namespace {

constexpr const char* kProgram = "attention-cli";

// Subcommands register here, one file each in app/cli/ (for example train_command.cpp exposing
// addTrainCommand(CLI::App&)); until the engine can train or decode there are none, rather than
// placeholders that would pretend to work.
void addSubcommands(CLI::App& /*app*/) {}

std::string oneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// CLI11 checks that a subcommand was given before it complains about arguments it did not
// recognise, but the unrecognised argument is the mistake worth naming.
std::string describe(const CLI::ParseError& error, const std::vector<std::string>& unrecognised) {
  if (unrecognised.empty()) return oneLine(error.what());
  const std::string& first = unrecognised.front();
  return (first.rfind('-', 0) == 0 ? "unknown option '" : "unknown subcommand '") + first + "'";
}

}  // namespace

int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "Attention Studio on the command line: train, run and inspect attention models "
      "without the GUI.",
      kProgram};
  app.set_version_flag("--version", std::string(kProgram) + " " + ATTN_VERSION);
  app.require_subcommand(1);
  addSubcommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {  // --help, --help-all, --version
    app.exit(success, out, err);
    return kExitOk;
  } catch (const CLI::ParseError& error) {
    // CLI11's own exit codes (105-ish) and multi-line messages suit neither scripts nor people.
    err << kProgram << ": error: " << describe(error, app.remaining()) << " (see " << kProgram
        << " --help)\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace attn::app
