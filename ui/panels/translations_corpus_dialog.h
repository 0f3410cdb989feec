// Train new… ▸ From this computer's translations: an English → L corpus built from the gettext
// catalogs of the programs installed here (core's data::gettextCorpus, as `attention-cli corpus
// gettext` does), written as TSV to a file the user chooses or to the cache, then used as the
// Train form's corpus. Shows what was kept and why the rest was not.
#pragma once

#include <QDialog>

#include "data/gettext_corpus.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace attn::ui {

class TranslationsCorpusDialog : public QDialog {
  Q_OBJECT

 public:
  // `localeDir`: where the catalogs are (LANG/LC_MESSAGES/*.mo); tests give their own.
  explicit TranslationsCorpusDialog(QWidget* parent = nullptr,
                                    const QString& localeDir = QStringLiteral("/usr/share/locale"));

  // The languages with catalogs under the locale folder, sorted; the UI language (else "fr")
  // is chosen first.
  QComboBox* languageBox() const { return language_; }
  QLineEdit* outputEdit() const { return output_; }
  QLabel* reportLabel() const { return report_; }
  QPushButton* buildButton() const { return build_; }
  // Builds and writes the corpus; false (and the report says why) when nothing could be built.
  bool buildCorpus();
  QString builtFile() const { return built_; }  // the TSV written, once buildCorpus() succeeded
  static QString reportText(const data::GettextReport& report);
  static QString defaultOutput(const QString& language);  // in the app's cache folder

 private:
  QString localeDir_;
  QComboBox* language_;
  QLineEdit* output_;
  QLabel* report_;
  QPushButton* build_;
  QDialogButtonBox* buttons_;
  QString built_;
  bool outputEdited_ = false;  // the user typed a path: a language change no longer replaces it
};

}  // namespace attn::ui
