// `attention-cli architectures`: every architecture's config keys, their defaults and ranges,
// from the one table of models/config_keys.h. --markdown prints the tables docs/file-formats.md
// holds between its config-keys markers (a test keeps the two the same).
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/arch_options.h"
#include "cli/command.h"
#include "exit_codes.h"
#include "models/config_keys.h"

namespace attn::app {

namespace {

void printPlain(std::ostream& out) {
  for (Arch arch : kAllArchs) {
    out << archName(arch) << '\n';
    for (const ConfigKey* k : configKeys(arch)) {
      out << "  " << k->name << " = " << defaultText(*k) << "  (" << rangeText(*k);
      if (k->scope != KeyScope::Always) out << "; only with " << scopeText(k->scope);
      out << ")";
      if (k->flag) out << "  " << ArchOptions::flagName(k->name);
      out << "\n      " << k->help << '\n';
    }
  }
}

}  // namespace

Command addArchitecturesCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand(
      "architectures", "List every architecture's config keys with their defaults and ranges");
  auto markdown = std::make_shared<bool>(false);
  cmd->add_flag("--markdown", *markdown,
                "Print the Markdown tables of docs/file-formats.md (Config keys)");
  return {cmd, [markdown](std::ostream& out, std::ostream&) {
            if (*markdown)
              out << configKeysMarkdown();
            else
              printPlain(out);
            return kExitOk;
          }};
}

}  // namespace attn::app
