// attention-studio: the desktop app. Parses the command line, shows the main window on a model
// with an example already decoded, or saves a screenshot of it and exits.
#include <QApplication>
#include <QPointer>
#include <QTimer>

#include <cstdio>

#include "exit_codes.h"
#include "gui/studio_options.h"
#include "main_window.h"
#include "settings.h"
#include "teach/classroom_mode.h"
#include "translations/language.h"
#include "window_capture.h"

int main(int argc, char** argv) {
  const attn::app::Platform platform = attn::app::choosePlatform(argc, argv);
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Attention Studio"));
  QApplication::setOrganizationName(QStringLiteral("AttentionStudio"));
  QApplication::setApplicationVersion(QStringLiteral(ATTN_VERSION));

  const attn::app::ParsedStudioOptions parsed = attn::app::parseStudioOptions(app.arguments());
  if (parsed.exitCode) return *parsed.exitCode;
  const attn::app::StudioOptions& options = parsed.options;
  if (const QString error = attn::app::noDisplayError(platform, options); !error.isEmpty()) {
    std::fputs(qPrintable(error), stderr);
    return attn::app::kExitFailure;
  }

  // A screenshot must look the same on every machine: it neither reads nor writes settings.
  const bool screenshot = !options.screenshotPath.isEmpty();
  attn::ui::Settings* settings =
      screenshot ? new attn::ui::Settings(&app) : attn::ui::Settings::forUser(&app);
  // Before the window exists: its widgets take their texts when they are made. --lang wins;
  // screenshots are in English unless asked, the same on every machine; else the user's choice.
  using attn::ui::Language;
  const Language language = attn::ui::languageFromKey(
      !options.language.isEmpty() ? options.language
                                  : (screenshot ? QStringLiteral("en") : settings->language()));
  if (!attn::ui::applyLanguage(language))
    std::fputs("attention-studio: warning: no French translation in this build\n", stderr);

  // On the heap: choosing another language replaces the window by a new one (View > Language).
  auto* windowPtr = new attn::ui::MainWindow(settings);
  windowPtr->setAttribute(Qt::WA_DeleteOnClose);
  attn::ui::MainWindow& window = *windowPtr;
  window.resize(options.size);
  if (options.classroom) window.classroomMode()->setActive(true);  // at the size it will have
  window.show();
  const QString startError = window.start(options.modelPath, options.input, /*wait=*/screenshot);
  if (screenshot) {
    if (!startError.isEmpty()) {
      std::fprintf(stderr, "attention-studio: error: %s\n", qPrintable(startError));
      return attn::app::kExitFailure;
    }
    // After the first event-loop turn, when the window has been laid out at its size.
    QTimer::singleShot(0, &window, [&window, &options] {
      const QString error = attn::ui::captureWidget(window, options.screenshotPath);
      if (!error.isEmpty())
        std::fprintf(stderr, "attention-studio: error: %s\n", qPrintable(error));
      QCoreApplication::exit(error.isEmpty() ? attn::app::kExitOk : attn::app::kExitFailure);
    });
  }
  const int code = app.exec();
  // Windows still open at the end (a screenshot, a quit from the menu) are deleted here.
  QList<QPointer<attn::ui::MainWindow>> windows;
  for (QWidget* widget : QApplication::topLevelWidgets())
    if (auto* w = qobject_cast<attn::ui::MainWindow*>(widget)) windows << w;
  for (const QPointer<attn::ui::MainWindow>& w : windows) delete w.data();
  return code;
}
