#include "panels/translations_corpus_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>

#include "data/tsv.h"
#include "translations/language.h"
#include "util/check.h"

namespace attn::ui {
namespace {

QStringList languagesWithCatalogs(const QString& localeDir) {
  QStringList out;
  for (const QString& lang : QDir(localeDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
    const QDir messages(localeDir + QStringLiteral("/") + lang + QStringLiteral("/LC_MESSAGES"));
    if (lang != QLatin1String("en") &&
        !messages.entryList({QStringLiteral("*.mo")}, QDir::Files).isEmpty())
      out << lang;
  }
  return out;
}

QString reportCount(int64_t n) {
  return QLocale().toString(qlonglong(n));
}

}  // namespace

TranslationsCorpusDialog::TranslationsCorpusDialog(QWidget* parent, const QString& localeDir)
    : QDialog(parent),
      localeDir_(localeDir),
      language_(new QComboBox(this)),
      output_(new QLineEdit(this)),
      report_(new QLabel(this)),
      build_(new QPushButton(tr("Build the corpus"), this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setWindowTitle(tr("A corpus from this computer's translations"));
  language_->setObjectName(QStringLiteral("translationsLanguage"));
  language_->setEditable(true);  // a language with catalogs elsewhere can be typed
  output_->setObjectName(QStringLiteral("translationsOutput"));
  report_->setObjectName(QStringLiteral("translationsReport"));
  report_->setWordWrap(true);
  report_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  build_->setObjectName(QStringLiteral("buildTranslations"));
  language_->addItems(languagesWithCatalogs(localeDir_));
  // The interface's language if the system has catalogs in it, else French.
  const QString ui = appliedLanguage() == Language::French ? QStringLiteral("fr")
                                                           : QLocale().name().section('_', 0, 0);
  const int preferred = language_->findText(ui == QLatin1String("en") ? QStringLiteral("fr") : ui);
  language_->setCurrentIndex(
      preferred >= 0 ? preferred : std::max(0, language_->findText(QStringLiteral("fr"))));
  output_->setText(defaultOutput(language_->currentText()));

  auto* browse = new QPushButton(tr("Browse…"), this);
  auto* outputRow = new QHBoxLayout;
  outputRow->addWidget(output_, 1);
  outputRow->addWidget(browse);
  auto* f = new QFormLayout;
  f->addRow(tr("translate English into"), language_);
  f->addRow(tr("write the corpus to"), outputRow);
  auto* note = new QLabel(tr("Each English message of a program becomes a source and its "
                             "translation the target. The strings keep their programs' licences: "
                             "the corpus is for your own use."),
                          this);
  note->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(note);
  layout->addLayout(f);
  layout->addWidget(build_, 0, Qt::AlignLeft);
  layout->addWidget(report_, 1);
  layout->addWidget(buttons_);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Train on it"));
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(false);

  connect(language_, &QComboBox::currentTextChanged, this, [this](const QString& lang) {
    if (!outputEdited_) output_->setText(defaultOutput(lang));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(false);
  });
  connect(output_, &QLineEdit::textEdited, this, [this] { outputEdited_ = true; });
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Write the corpus to"),
                                                      output_->text(), tr("TSV (*.tsv)"));
    if (path.isEmpty()) return;
    output_->setText(path);
    outputEdited_ = true;
  });
  connect(build_, &QPushButton::clicked, this, [this] { buildCorpus(); });
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString TranslationsCorpusDialog::defaultOutput(const QString& language) {
  const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
  return cache + QStringLiteral("/corpora/gettext-en-%1.tsv").arg(language);
}

QString TranslationsCorpusDialog::reportText(const data::GettextReport& r) {
  QStringList lines;
  lines << tr("Kept %1 pairs of %2 messages from %3 catalogs.")
               .arg(reportCount(r.kept), reportCount(r.messages), reportCount(r.catalogs));
  const std::pair<int64_t, QString> leftOut[] = {
      {r.untranslated, tr("%1 untranslated")},
      {r.duplicates, tr("%1 duplicates of a message already kept")},
      {r.tooLong, tr("%1 too long")},
      {r.empty, tr("%1 empty once accelerators and directives were taken off")},
      {r.notUtf8, tr("%1 in catalogs not in UTF-8")},
      {r.pluralForms, tr("%1 plural forms after the singular")},
  };
  QStringList parts;
  for (const auto& [n, text] : leftOut)
    if (n > 0) parts << text.arg(reportCount(n));
  if (!parts.isEmpty()) lines << tr("Left out: %1.").arg(parts.join(QStringLiteral(", ")));
  if (r.contexts > 0)
    lines << tr("Context prefixes taken off %1 messages (they are kept).")
                 .arg(reportCount(r.contexts));
  if (r.unreadableCatalogs > 0)
    lines << tr("%1 catalogs could not be read and were skipped.")
                 .arg(reportCount(r.unreadableCatalogs));
  return lines.join(QStringLiteral("\n"));
}

bool TranslationsCorpusDialog::buildCorpus() {
  const QString lang = language_->currentText().trimmed();
  const QString out = output_->text().trimmed();
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(false);
  built_.clear();
  if (lang.isEmpty() || out.isEmpty()) {
    report_->setText(tr("Choose a language and the file to write."));
    return false;
  }
  QApplication::setOverrideCursor(Qt::WaitCursor);  // a second or two: every catalog is read
  try {
    QDir().mkpath(QFileInfo(out).absolutePath());
    data::GettextReport report;
    const std::vector<data::Example> pairs = data::gettextCorpus(
        localeDir_.toStdString(), lang.toStdString(), data::GettextOptions{}, report);
    if (pairs.empty()) {
      QApplication::restoreOverrideCursor();
      report_->setText(tr("The catalogs of \"%1\" give no pair.").arg(lang) + QStringLiteral("\n") +
                       reportText(report));
      return false;
    }
    data::writeTsv(out.toStdString(), pairs);  // atomic: never a half-written corpus
    report_->setText(reportText(report) + QStringLiteral("\n") + tr("Written to %1.").arg(out));
  } catch (const std::exception& e) {
    QApplication::restoreOverrideCursor();
    report_->setText(tr("Could not build the corpus: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
  QApplication::restoreOverrideCursor();
  built_ = out;
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(true);
  return true;
}

}  // namespace attn::ui
