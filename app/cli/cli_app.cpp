#include "cli/cli_app.h"

#include <CLI/CLI.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/experiment_command.h"
#include "cli/run_guard.h"
#include "exit_codes.h"

namespace attn::app {
namespace {

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
  const std::vector<Command> commands{addTrainCommand(app),        addEvalCommand(app),
                                      addDecodeCommand(app),       addInspectCommand(app),
                                      addExportCommand(app),       addExperimentCommand(app),
                                      addArchitecturesCommand(app)};
  app.footer(
      "Exit status: 0 done, 1 the job failed (a bad file, a cancelled run), 2 a mistake "
      "on the command line. Each command has its own --help.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {  // --help, --help-all, --version
    app.exit(success, out, err);
    return kExitOk;
  } catch (const CLI::ParseError& error) {
    // CLI11's own exit codes (105-ish) and multi-line messages suit neither scripts nor people.
    std::string help = kProgram;
    for (const Command& command : commands)
      if (command.parser->parsed()) help += " " + command.parser->get_name();
    printError(err, describe(error, app.remaining()) + " (see " + help + " --help)");
    return kExitUsage;
  }
  for (const Command& command : commands)
    if (command.parser->parsed())
      return runGuarded(command.parser->get_name(), command.run, out, err);
  return kExitUsage;  // unreachable: require_subcommand(1)
}

}  // namespace attn::app
