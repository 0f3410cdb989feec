// attention-studio's command line: what to show, and whether to just save a screenshot and exit.
#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace attn::app {

struct StudioOptions {
  QString screenshotPath;  // empty: run interactively
  QSize size{1280, 800};   // the window's size, on screen or in the screenshot
  QString modelPath;       // --model: open this model (else a bundled one, else an example)
  QString input;           // --input: decode this sentence (else the model's example)
  QString tracePath;       // --trace: show this trace file (no model) instead of a model
  QString tab;             // --tab: the centre's tab to show (its id or title, any case)
  QString language;        // --lang: "system", "en" or "fr"; empty: the settings' choice
  bool classroom = false;  // --classroom: start in classroom mode (large text, for a projector)
};

struct ParsedStudioOptions {
  StudioOptions options;
  std::optional<int> exitCode;  // set when main() should exit at once (--help, --version, an error)
};

enum class Platform {
  AsConfigured,  // QT_QPA_PLATFORM or Qt's default: a real window
  Offscreen,     // nothing to show on screen: a screenshot, --help, --version
  NoDisplay,     // offscreen because there is no display; an interactive run must say so
};

// Call before QApplication exists. Unless QT_QPA_PLATFORM says otherwise, runs that need no window
// use the offscreen platform: headless machines and CI need no xvfb, and screenshots come out the
// same everywhere. Without any display it goes offscreen too, so that a bad argument still gets
// its one-line error instead of Qt's abort about the missing display.
Platform choosePlatform(int argc, char** argv);

// The one-line error for an interactive run with Platform::NoDisplay, or empty.
QString noDisplayError(Platform platform, const StudioOptions& options);

// The options --help lists, in its order, and what it says of the program and of its one
// positional argument: the manual page (studio_manual_page.h) is written from the same.
QString studioDescription();
QString studioFileArgumentHelp();
QList<QCommandLineOption> studioOptionTable();

// Needs the QApplication (for the program name and version). Prints help, the version or a
// one-line error ("attention-studio: error: ...", then exit code 2) itself.
ParsedStudioOptions parseStudioOptions(const QStringList& arguments);

}  // namespace attn::app
