// The .mo reader (either byte order, every offset checked) and the English -> L pairs made from
// catalogs: what is kept, what is normalised, what is left out and counted.
#include <gtest/gtest.h>

#include <string>

#include "data/gettext_corpus.h"
#include "data/mo_catalog.h"
#include "mo_file.h"
#include "util/check.h"

namespace attn::data {
namespace {

using namespace std::string_literals;
using test::moFile;

const std::vector<std::pair<std::string, std::string>> kMessages = {
    {"", "Content-Type: text/plain; charset=UTF-8\n"},
    {"Save changes before closing?", "Enregistrer les modifications avant de fermer ?"},
    {"menu\x04_Open", "_Ouvrir"},
    {"%d file"s + '\0' + "%d files", "%d fichier"s + '\0' + "%d fichiers"},
    {"Quit", ""},
    {"Copying %1$s to\n%2$s", "Copie de %1$s vers\n%2$s"},
    {"&Save && Exit", "&Enregistrer && quitter"},
    {"Quit", "Quitter"},
};

TEST(MoCatalog, ReadsMessagesContextsAndPluralsInEitherByteOrder) {
  for (bool bigEndian : {false, true}) {
    const std::vector<MoMessage> m = parseMoCatalog(moFile(kMessages, bigEndian), "fr.mo");
    ASSERT_EQ(m.size(), kMessages.size());
    EXPECT_EQ(m[0].id, "");
    EXPECT_EQ(m[1].id, "Save changes before closing?");
    EXPECT_EQ(m[1].translations,
              std::vector<std::string>{"Enregistrer les modifications avant de fermer ?"});
    EXPECT_EQ(m[2].context, "menu");
    EXPECT_EQ(m[2].id, "_Open");
    EXPECT_EQ(m[3].id, "%d file");
    EXPECT_EQ(m[3].idPlural, "%d files");
    EXPECT_EQ(m[3].translations, (std::vector<std::string>{"%d fichier", "%d fichiers"}));
  }
}

TEST(MoCatalog, MalformedFilesAreOneErrorNamingTheFile) {
  const std::string good = moFile(kMessages);
  std::string badOffset = good;
  badOffset[28 + 4] = '\x7f';  // the first msgid's offset far past the end
  badOffset[28 + 7] = '\x7f';
  std::string hugeCount = good;
  hugeCount[8] = hugeCount[9] = hugeCount[10] = '\xff';
  std::string noNul = good;
  noNul.back() = 'x';  // the last msgstr is not terminated
  for (const std::string& bytes : {std::string("hello"), std::string(40, '\0'), good.substr(0, 60),
                                   badOffset, hugeCount, noNul}) {
    try {
      parseMoCatalog(bytes, "broken.mo");
      ADD_FAILURE() << "no error for " << bytes.size() << " bytes";
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()).rfind("broken.mo: ", 0), 0u) << e.what();
    }
  }
}

TEST(GettextCorpus, NormalisesAcceleratorsDirectivesAndSpaces) {
  EXPECT_EQ(normaliseMessage("_Open"), "Open");
  EXPECT_EQ(normaliseMessage("&Save && Exit"), "Save & Exit");
  EXPECT_EQ(normaliseMessage("Copying %1$s to\n%2$s"), "Copying %s to %s");
  EXPECT_EQ(normaliseMessage("%-10.3lf%% done, %'d left"), "%s% done, %s left");
  EXPECT_EQ(normaliseMessage("  a\t\tb  "), "a b");
  EXPECT_EQ(normaliseMessage("file_name"), "filename");  // an accelerator before a letter
  EXPECT_EQ(normaliseMessage("50% off"), "50% off");     // no directive: kept as it is
}

TEST(GettextCorpus, KeepsTranslatedSingularsOnceAndCountsTheRest) {
  GettextReport report;
  std::vector<Example> pairs;
  std::unordered_set<std::string> seen;
  GettextOptions options;
  options.maxChars = 40;
  addGettextPairs(parseMoCatalog(moFile(kMessages), "fr.mo"), options, pairs, seen, report);
  // A second catalog repeating a msgid already kept, and a message over 40 characters.
  addGettextPairs(
      parseMoCatalog(
          moFile({{"Quit", "Fermer"}, {std::string(41, 'a'), "b"}, {"Caf\xe9", "Caf\xe9"}}),
          "other.mo"),
      options, pairs, seen, report);
  const std::vector<Example> expected = {
      {"Open", "Ouvrir"},
      {"%s file", "%s fichier"},
      {"Copying %s to %s", "Copie de %s vers %s"},
      {"Save & Exit", "Enregistrer & quitter"},
      {"Quit", "Quitter"},
  };
  EXPECT_EQ(pairs, expected);
  EXPECT_EQ(report.messages, 10);  // 7 + 3, headers aside
  EXPECT_EQ(report.kept, 5);
  EXPECT_EQ(report.untranslated, 1);
  EXPECT_EQ(report.duplicates, 1);  // "Quit" from the second catalog
  EXPECT_EQ(report.tooLong, 2);     // "Save changes before closing?" is 47 characters in French
  EXPECT_EQ(report.notUtf8, 1);
  EXPECT_EQ(report.pluralForms, 1);
  EXPECT_EQ(report.contexts, 1);
  report.catalogs = 2;
  EXPECT_EQ(report.summary(),
            "kept 5 pairs of 10 messages from 2 catalogs; left out 1 untranslated, 1 duplicates, "
            "2 too long, 1 not in UTF-8; 1 extra plural forms left out; 1 context prefixes "
            "taken off");
}

}  // namespace
}  // namespace attn::data
