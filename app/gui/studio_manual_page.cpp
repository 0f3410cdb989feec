#include "gui/studio_manual_page.h"

#include <QFile>
#include <QTextStream>

#include "gui/studio_options.h"

namespace attn::app {
namespace {

// Text for roff: backslashes as \e, and no line starting with a control character.
QString roffText(QString text) {
  text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
  if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
    text.prepend(QStringLiteral("\\&"));
  return text;
}

void writeOption(QTextStream& out, const QString& names, const QString& value,
                 const QString& description) {
  QString flags = names;
  flags.replace(QLatin1Char('-'), QStringLiteral("\\-"));
  out << ".TP\n\\fB" << flags << "\\fR";
  if (!value.isEmpty()) out << " \\fI" << roffText(value) << "\\fR";
  out << '\n' << roffText(description) << '\n';
}

}  // namespace

QString writeStudioManualPage(const QString& file, const QString& version, const QString& date) {
  QFile page(file);
  if (!page.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
    return QStringLiteral("cannot write %1: %2").arg(file, page.errorString());
  QTextStream out(&page);
  out << ".\\\" Written by attention-studio " << kWriteManualPage
      << " from the table behind --help; do not edit.\n"
      << ".TH ATTENTION-STUDIO 1 \"" << date << "\" \"attention-studio " << version
      << "\" \"Attention Studio\"\n"
      << ".SH NAME\nattention-studio \\- train attention models and see what they attend to\n"
      << ".SH SYNOPSIS\n.B attention-studio\n[\\fIOPTIONS\\fR] [\\fIfile\\fR]\n"
      << ".SH DESCRIPTION\n"
      << roffText(studioDescription()) << '\n'
      << ".PP\nWithout a file it opens on the first bundled model with an example already "
         "decoded. Without a display (no DISPLAY or WAYLAND_DISPLAY), only "
         "\\fB\\-\\-screenshot\\fR, "
         "\\fB\\-\\-help\\fR and \\fB\\-\\-version\\fR work.\n"
      << ".SH ARGUMENTS\n.TP\n.I file\n"
      << roffText(studioFileArgumentHelp()) << '\n'
      << ".SH OPTIONS\n";
  writeOption(out, QStringLiteral("-h, --help"), {}, QStringLiteral("Print the options and exit."));
  writeOption(out, QStringLiteral("-v, --version"), {},
              QStringLiteral("Print the version and exit."));
  for (const QCommandLineOption& option : studioOptionTable()) {
    QString names;
    for (const QString& name : option.names())
      names += (names.isEmpty() ? QString() : QStringLiteral(", ")) +
               (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    writeOption(out, names, option.valueName(), option.description());
  }
  out << ".SH EXIT STATUS\n0 on success, 1 when a screenshot could not be made or its model or "
         "trace could not be opened, 2 for a mistake on the command line; each failure is one "
         "line on standard error.\n"
      << ".SH FILES\n.TP\n.I ../share/attention-studio/models/\nThe bundled models, found from "
         "the program's own folder (/usr/share/attention-studio/models for /usr/bin).\n"
      << ".SH ENVIRONMENT\n.TP\n.B ATTN_MODELS_DIR\nA folder of models to offer instead of the "
         "bundled ones.\n.TP\n.B QT_QPA_PLATFORM\nQt's platform; \\fBoffscreen\\fR draws "
         "without a display.\n"
      << ".SH SEE ALSO\n\\fBattention-cli\\fR(1)\n";
  out.flush();
  page.close();
  if (page.error() != QFileDevice::NoError)
    return QStringLiteral("cannot write %1: %2").arg(file, page.errorString());
  return {};
}

}  // namespace attn::app
