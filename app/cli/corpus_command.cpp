#include "cli/corpus_command.h"

#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/output_path.h"
#include "cli/run_guard.h"
#include "data/gettext_corpus.h"
#include "data/tsv.h"
#include "exit_codes.h"
#include "util/check.h"

namespace attn::app {

namespace {

struct GettextCommandOptions {
  std::string lang, out, localeDir = "/usr/share/locale";
  int64_t maxChars = 200;
};

int runGettext(const GettextCommandOptions& o, std::ostream& err) {
  checkOutputFile(o.out, "--out");
  data::GettextOptions options;
  options.maxChars = o.maxChars;
  data::GettextReport report;
  const std::vector<data::Example> pairs =
      data::gettextCorpus(o.localeDir, o.lang, options, report);
  for (const std::string& why : report.unreadable)
    err << kProgram << ": warning: skipped a catalog: " << why << '\n';
  if (pairs.empty())
    throw Error("the catalogs of \"" + o.lang + "\" give no pair: " + report.summary());
  data::writeTsv(o.out, pairs);
  err << o.out << ": " << report.summary() << '\n';
  return kExitOk;
}

}  // namespace

Command addCorpusCommand(CLI::App& cli) {
  CLI::App* cmd = cli.add_subcommand("corpus", "Build a corpus to train on");
  cmd->require_subcommand(1);
  CLI::App* gettext = cmd->add_subcommand(
      "gettext",
      "English -> LANG sentence pairs from the translation catalogs of this system's programs");
  auto options = std::make_shared<GettextCommandOptions>();
  gettext
      ->add_option("--lang", options->lang,
                   "The language to translate into, as the catalogs' folder names it (fr, es, "
                   "de, zh_CN, pt_BR, ...)")
      ->required();
  gettext->add_option("--out", options->out, "The TSV file to write (English<TAB>LANG lines)")
      ->required();
  gettext->add_option("--locale-dir", options->localeDir,
                      "Where the catalogs are: DIR/LANG/LC_MESSAGES/*.mo (default "
                      "/usr/share/locale)");
  gettext
      ->add_option("--max-chars", options->maxChars,
                   "Leave out messages longer than this many characters on either side "
                   "(default 200)")
      ->check(wholeNumber(1, 100'000));
  gettext->footer(
      "Each msgid becomes a source and its msgstr the target. Left out: the catalogs' headers, "
      "untranslated messages, plural forms after the singular, messages too long, messages "
      "whose msgid was already kept (from any catalog), catalogs not in UTF-8. Taken off: "
      "context prefixes and keyboard accelerators (_Open, &Save); printf directives (%d, "
      "%1$s) are all written %s; line breaks become spaces. Fuzzy entries are never in an "
      "installed catalog. A count of what was kept and why the rest was not goes to stderr. "
      "The strings keep their programs' licences: the corpus is for your own use.");
  return {cmd, [options](std::ostream&, std::ostream& err) { return runGettext(*options, err); }};
}

}  // namespace attn::app
