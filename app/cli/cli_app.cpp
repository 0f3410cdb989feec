#include "cli/cli_app.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "cli/corpus_command.h"
#include "cli/experiment_command.h"
#include "cli/manual_pages.h"
#include "cli/parse_errors.h"
#include "cli/run_guard.h"
#include "exit_codes.h"
#include "util/check.h"

namespace attn::app {
namespace {

// The build's hidden commands (manual_pages.h): the manual pages and the completion script are
// written from `app` as it stands, every subcommand registered.
int writeDocumentation(const CLI::App& app, int argc, const char* const* argv, std::ostream& err) {
  const std::string_view what = argv[1];
  const int wanted = what == kWriteManualPages ? 4 : 3;
  if (argc != wanted) {
    printError(err, std::string(what) +
                        (what == kWriteManualPages ? " wants FOLDER DATE" : " wants FILE"));
    return kExitUsage;
  }
  try {
    if (what == kWriteManualPages) {
      writeManualPages(app, argv[2], ATTN_VERSION, argv[3]);
    } else {
      std::ofstream out(argv[2]);
      writeBashCompletion(app, out);
      out.close();
      if (!out) throw Error(std::string("cannot write ") + argv[2]);
    }
  } catch (const std::exception& e) {
    printError(err, e.what());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "Attention Studio on the command line: train, run and inspect attention models "
      "without the GUI.",
      kProgram};
  app.set_version_flag("--version", std::string(kProgram) + " " + ATTN_VERSION);
  app.require_subcommand(1);
  const std::vector<Command> commands{addTrainCommand(app),         addEvalCommand(app),
                                      addDecodeCommand(app),        addInspectCommand(app),
                                      addExportCommand(app),        addExperimentCommand(app),
                                      addArchitecturesCommand(app), addCorpusCommand(app)};
  app.footer(
      "Exit status: 0 done, 1 the job failed (a bad file, a cancelled run), 2 a mistake "
      "on the command line. Each command has its own --help.");
  if (argc >= 2 && (argv[1] == std::string_view(kWriteManualPages) ||
                    argv[1] == std::string_view(kWriteBashCompletion)))
    return writeDocumentation(app, argc, argv, err);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {  // --help, --help-all, --version
    app.exit(success, out, err);
    return kExitOk;
  } catch (const CLI::ParseError& error) {
    // CLI11's own exit codes (105-ish) and multi-line messages suit neither scripts nor people.
    // The deepest command parsed: its name points at the right --help, and its subcommands are
    // what to choose from when one is missing.
    const CLI::App* deepest = &app;
    std::string help = kProgram;
    for (bool deeper = true; deeper;) {
      deeper = false;
      for (const CLI::App* sub : deepest->get_subcommands({}))
        if (sub->parsed()) {
          deepest = sub;
          help += " " + sub->get_name();
          deeper = true;
          break;
        }
    }
    printError(err,
               describeParseError(error, *deepest, app.remaining()) + " (see " + help + " --help)");
    return kExitUsage;
  }
  for (const Command& command : commands)
    if (command.parser->parsed())
      return runGuarded(command.parser->get_name(), command.run, out, err);
  return kExitUsage;  // unreachable: require_subcommand(1)
}

}  // namespace attn::app
