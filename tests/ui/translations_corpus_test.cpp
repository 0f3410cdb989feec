// Train new… ▸ From this computer's translations: the dialog builds the English → L corpus with
// core's gettext reader from the catalogs under a locale folder, counts what it kept and why,
// and writes the TSV the form then trains on.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>

#include <string>

#include "../support/mo_file.h"
#include "panels/translations_corpus_dialog.h"

using namespace attn::ui;

namespace {

void writeCatalog(const QString& path, const std::vector<std::pair<std::string, std::string>>& m) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  const std::string bytes = attn::test::moFile(m);
  f.write(bytes.data(), qint64(bytes.size()));
}

TEST(TranslationsCorpus, BuildsTheCorpusAndCountsWhatItKept) {
  QTemporaryDir locale;
  ASSERT_TRUE(QDir(locale.path()).mkpath(QStringLiteral("fr/LC_MESSAGES")));
  ASSERT_TRUE(QDir(locale.path()).mkpath(QStringLiteral("de/LC_MESSAGES")));
  const std::pair<std::string, std::string> header{"", "Content-Type: text/plain; charset=UTF-8\n"};
  // Two catalogs: "Open" in both (the second is a duplicate), "Quit" untranslated, "_Save" with
  // its accelerator taken off: 4 messages, 2 pairs kept.
  writeCatalog(locale.filePath(QStringLiteral("fr/LC_MESSAGES/a.mo")),
               {header, {"Open", "Ouvrir"}, {"Quit", ""}});
  writeCatalog(locale.filePath(QStringLiteral("fr/LC_MESSAGES/b.mo")),
               {header, {"Open", "Ouvrir"}, {"_Save", "_Enregistrer"}});
  writeCatalog(locale.filePath(QStringLiteral("de/LC_MESSAGES/a.mo")),
               {header, {"Open", "Öffnen"}});

  TranslationsCorpusDialog dialog(nullptr, locale.path());
  QComboBox* language = dialog.languageBox();
  ASSERT_EQ(language->count(), 2);                          // de and fr: the folders with catalogs
  EXPECT_EQ(language->currentText(), QStringLiteral("fr"))  // tests run in English: French
      << language->currentText().toStdString();
  EXPECT_TRUE(dialog.outputEdit()->text().endsWith(QStringLiteral("gettext-en-fr.tsv")));

  QTemporaryDir out;
  const QString tsv = out.filePath(QStringLiteral("sub/en-fr.tsv"));  // a folder made for it
  dialog.outputEdit()->setText(tsv);
  ASSERT_TRUE(dialog.buildCorpus()) << dialog.reportLabel()->text().toStdString();
  EXPECT_EQ(dialog.builtFile(), tsv);
  const QString report = dialog.reportLabel()->text();
  EXPECT_TRUE(report.contains(QStringLiteral("Kept 2 pairs of 4 messages from 2 catalogs")))
      << report.toStdString();
  EXPECT_TRUE(report.contains(QStringLiteral("1 untranslated"))) << report.toStdString();
  EXPECT_TRUE(report.contains(QStringLiteral("1 duplicates"))) << report.toStdString();
  QFile file(tsv);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  EXPECT_EQ(QString::fromUtf8(file.readAll()), QStringLiteral("Open\tOuvrir\nSave\tEnregistrer\n"));
}

TEST(TranslationsCorpus, ALanguageWithoutCatalogsSaysSoAndWritesNothing) {
  QTemporaryDir locale, out;
  TranslationsCorpusDialog dialog(nullptr, locale.path());
  dialog.languageBox()->setEditText(QStringLiteral("xx"));
  const QString tsv = out.filePath(QStringLiteral("en-xx.tsv"));
  dialog.outputEdit()->setText(tsv);
  EXPECT_FALSE(dialog.buildCorpus());
  EXPECT_TRUE(dialog.builtFile().isEmpty());
  EXPECT_FALSE(QFile::exists(tsv));
  EXPECT_TRUE(dialog.reportLabel()->text().contains(QStringLiteral("Could not build")))
      << dialog.reportLabel()->text().toStdString();
}

}  // namespace
