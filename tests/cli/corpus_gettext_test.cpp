// attention-cli corpus gettext: a TSV of English -> LANG pairs from a folder of .mo catalogs
// (written here byte by byte), with the count of what was kept and why, and one error line when
// the language has no catalog.
#include "cli_fixture.h"
#include "mo_file.h"

namespace attn::test {
namespace {

using namespace std::string_literals;

class CorpusGettext : public CliTest {
 protected:
  void writeCatalog(const std::string& lang, const std::string& file,
                    const std::vector<std::pair<std::string, std::string>>& messages) const {
    std::filesystem::create_directories(path("locale/" + lang + "/LC_MESSAGES"));
    writeText("locale/" + lang + "/LC_MESSAGES/" + file, moFile(messages));
  }
};

TEST_F(CorpusGettext, WritesPairsFromEveryCatalogAndCountsWhatItLeftOut) {
  writeCatalog("fr", "app.mo",
               {{"", "Content-Type: text/plain; charset=UTF-8\n"},
                {"_Open", "_Ouvrir"},
                {"Quit", "Quitter"},
                {"%d file"s + '\0' + "%d files", "%d fichier"s + '\0' + "%d fichiers"},
                {"Help", ""}});
  writeCatalog("fr", "tool.mo", {{"Quit", "Fermer"}, {"Copy %s", "Copier %s"}});
  writeCatalog("fr", "broken.mo", {});
  writeText("locale/fr/LC_MESSAGES/broken.mo", "not a catalog");
  const ProgramRun run = runCli("corpus gettext --lang fr --locale-dir " + quoted(path("locale")) +
                                " --out " + quoted(path("en-fr.tsv")));
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(slurp(path("en-fr.tsv")),
            "Open\tOuvrir\nQuit\tQuitter\n%s file\t%s fichier\nCopy %s\tCopier %s\n");
  EXPECT_NE(run.err.find("kept 4 pairs of 6 messages from 2 catalogs; left out 1 untranslated, "
                         "1 duplicates; 1 extra plural forms left out; 1 catalogs unreadable"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("warning: skipped a catalog: " + path("locale/fr/LC_MESSAGES/broken.mo")),
            std::string::npos)
      << run.err;
  // The file trains as it is.
  const ProgramRun train = runCli("train --data " + quoted(path("en-fr.tsv")) +
                                  " --val-fraction 0 --test-fraction 0 --arch rnn_seq2seq "
                                  "--embed-dim 8 --hidden-dim 8 --steps 2 --out " +
                                  quoted(path("m.safetensors")));
  EXPECT_EQ(train.exitCode, 0) << train.err;
}

TEST_F(CorpusGettext, ALanguageWithoutCatalogsIsOneErrorLine) {
  const ProgramRun run = runCli("corpus gettext --lang xx --locale-dir " + quoted(path("locale")) +
                                " --out " + quoted(path("o.tsv")));
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_EQ(lineCount(run.err), 1) << run.err;
  EXPECT_NE(run.err.find("no gettext catalog (.mo) in"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(path("o.tsv")));
  EXPECT_EQ(runCli("corpus gettext --out " + quoted(path("o.tsv"))).exitCode, 2);  // no --lang
}

}  // namespace
}  // namespace attn::test
