#include "gui/studio_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>
#include <cstring>

#include "exit_codes.h"

namespace attn::app {
namespace {

constexpr const char* kProgram = "attention-studio";

void printTo(FILE* stream, const QString& text) {
  std::fputs(text.toLocal8Bit().constData(), stream);
  std::fflush(stream);
}

std::optional<QSize> parseSize(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})[xX](\\d{1,5})$"));
  const QRegularExpressionMatch match = pattern.match(text.trimmed());
  if (!match.hasMatch()) return std::nullopt;
  const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
  // Below this the menus and the colour scale cannot fit; above it the image stops being useful.
  if (size.width() < 200 || size.height() < 150 || size.width() > 10000 || size.height() > 10000)
    return std::nullopt;
  return size;
}

ParsedStudioOptions usageError(const QString& message) {
  printTo(stderr, QStringLiteral("%1: error: %2 (see %1 --help)\n").arg(kProgram, message));
  return {{}, kExitUsage};
}

}  // namespace

Platform choosePlatform(int argc, char** argv) {
  if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) return Platform::AsConfigured;
  for (int i = 1; i < argc; ++i) {
    const char* arg = argv[i];
    if (std::strncmp(arg, "--screenshot", 12) == 0 || std::strcmp(arg, "--help") == 0 ||
        std::strcmp(arg, "-h") == 0 || std::strcmp(arg, "--help-all") == 0 ||
        std::strcmp(arg, "--version") == 0 || std::strcmp(arg, "-v") == 0) {
      qputenv("QT_QPA_PLATFORM", "offscreen");
      return Platform::Offscreen;
    }
  }
#ifdef __linux__
  if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    return Platform::NoDisplay;
  }
#endif
  return Platform::AsConfigured;
}

QString noDisplayError(Platform platform, const StudioOptions& options) {
  if (platform != Platform::NoDisplay || !options.screenshotPath.isEmpty()) return {};
  return QStringLiteral(
             "%1: error: no display to open a window on (DISPLAY is not set); run it "
             "under xvfb-run, or save a picture with --screenshot FILE.png\n")
      .arg(kProgram);
}

QString studioDescription() {
  return QStringLiteral(
      "Attention Studio: train, run and take apart attention models, and see what they attend "
      "to.");
}

QString studioFileArgumentHelp() {
  return QStringLiteral(
      "A model (.safetensors) or a trace (.json) to open, as --model or --trace would.");
}

QList<QCommandLineOption> studioOptionTable() {
  return {
      QCommandLineOption(
          QStringLiteral("screenshot"),
          QStringLiteral(
              "Render the main window offscreen, save it as a PNG image to <file> and exit."),
          QStringLiteral("file")),
      QCommandLineOption(QStringLiteral("lang"),
                         QStringLiteral("Interface language: en, fr or system (default: as chosen "
                                        "in View > Language; screenshots: en)."),
                         QStringLiteral("language")),
      QCommandLineOption(
          QStringLiteral("classroom"),
          QStringLiteral(
              "Start in classroom mode: large text and high contrast, for a projector.")),
      QCommandLineOption(QStringLiteral("size"),
                         QStringLiteral("Window size as WIDTHxHEIGHT (default 1280x800)."),
                         QStringLiteral("size"), QStringLiteral("1280x800")),
      QCommandLineOption(
          QStringLiteral("model"),
          QStringLiteral("Open this model file (.safetensors) instead of the first bundled model."),
          QStringLiteral("file")),
      QCommandLineOption(
          QStringLiteral("input"),
          QStringLiteral("Decode this sentence at start instead of the model's example sentence."),
          QStringLiteral("sentence")),
      QCommandLineOption(
          QStringLiteral("trace"),
          QStringLiteral(
              "Show this trace file (.json, e.g. exported from PyTorch) instead of a model."),
          QStringLiteral("file")),
      QCommandLineOption(
          QStringLiteral("tab"),
          QStringLiteral(
              "Show this tab of the window at start, by its id (e.g. computation, beam) "
              "or its English title (e.g. \"Beam search\"), whatever the language; the title shown "
              "works too."),
          QStringLiteral("tab")),
  };
}

ParsedStudioOptions parseStudioOptions(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(studioDescription());
  const QCommandLineOption helpOption = parser.addHelpOption();
  const QCommandLineOption versionOption = parser.addVersionOption();
  parser.addOptions(studioOptionTable());
  parser.addPositionalArgument(QStringLiteral("file"), studioFileArgumentHelp(),
                               QStringLiteral("[file]"));
  const QString screenshotOption = QStringLiteral("screenshot");
  const QString sizeOption = QStringLiteral("size");
  const QString modelOption = QStringLiteral("model");
  const QString inputOption = QStringLiteral("input");
  const QString traceOption = QStringLiteral("trace");
  const QString tabOption = QStringLiteral("tab");
  const QString langOption = QStringLiteral("lang");
  const QString classroomOption = QStringLiteral("classroom");

  // parse(), not process(): process() exits by itself with code 1 and a multi-line message.
  if (!parser.parse(arguments)) {
    QString error = parser.errorText();  // "Unknown option 'x'.": the period reads oddly mid-line
    if (error.endsWith('.')) error.chop(1);
    return usageError(error);
  }
  if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"))) {
    printTo(stdout, parser.helpText());
    return {{}, kExitOk};
  }
  if (parser.isSet(versionOption)) {
    printTo(stdout,
            QStringLiteral("%1 %2\n").arg(kProgram, QCoreApplication::applicationVersion()));
    return {{}, kExitOk};
  }
  // One file, as a file manager passes it (the desktop entry's %f): a model or a trace, told
  // apart by the model's extension.
  const QStringList files = parser.positionalArguments();
  if (files.size() > 1)
    return usageError(
        QStringLiteral("unexpected argument '%1' (one file at a time)").arg(files[1]));
  if (!files.isEmpty() && (parser.isSet(modelOption) || parser.isSet(traceOption)))
    return usageError(
        QStringLiteral("'%1': give the file alone, or with --model or --trace, not both")
            .arg(files[0]));

  ParsedStudioOptions parsed;
  const std::optional<QSize> size = parseSize(parser.value(sizeOption));
  if (!size) {
    return usageError(QStringLiteral("--size wants WIDTHxHEIGHT between 200x150 and 10000x10000, "
                                     "not '%1'")
                          .arg(parser.value(sizeOption)));
  }
  parsed.options.size = *size;
  parsed.options.screenshotPath = parser.value(screenshotOption);
  if (parser.isSet(screenshotOption) && parsed.options.screenshotPath.isEmpty())
    return usageError(QStringLiteral("--screenshot needs a file name"));
  parsed.options.modelPath = parser.value(modelOption);
  parsed.options.input = parser.value(inputOption);
  if (parser.isSet(modelOption) && parsed.options.modelPath.isEmpty())
    return usageError(QStringLiteral("--model needs a file name"));
  parsed.options.tracePath = parser.value(traceOption);
  if (!files.isEmpty()) {
    if (files[0].endsWith(QStringLiteral(".safetensors"), Qt::CaseInsensitive))
      parsed.options.modelPath = files[0];
    else
      parsed.options.tracePath = files[0];
  }
  if (parser.isSet(traceOption) && parsed.options.tracePath.isEmpty())
    return usageError(QStringLiteral("--trace needs a file name"));
  if (!parsed.options.tracePath.isEmpty() &&
      (!parsed.options.modelPath.isEmpty() || parser.isSet(inputOption)))
    return usageError(QStringLiteral("--trace shows a trace as it is: no --model or --input"));
  parsed.options.tab = parser.value(tabOption).trimmed();
  if (parser.isSet(tabOption) && parsed.options.tab.isEmpty())
    return usageError(QStringLiteral("--tab needs a tab's id or title"));
  if (parser.isSet(langOption)) {
    parsed.options.language = parser.value(langOption).trimmed().toLower();
    static const QStringList kLanguages = {QStringLiteral("en"), QStringLiteral("fr"),
                                           QStringLiteral("system")};
    if (!kLanguages.contains(parsed.options.language))
      return usageError(
          QStringLiteral("--lang wants en, fr or system, not '%1'").arg(parser.value(langOption)));
  }
  parsed.options.classroom = parser.isSet(classroomOption);
  return parsed;
}

}  // namespace attn::app
