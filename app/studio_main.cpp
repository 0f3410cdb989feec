// attention-studio: the desktop app. Parses the command line, shows the main window on a model
// with an example already decoded, or saves a screenshot of it and exits.
#include <QApplication>
#include <QTimer>

#include <cstdio>

#include "exit_codes.h"
#include "gui/studio_options.h"
#include "main_window.h"
#include "settings.h"
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
  attn::ui::MainWindow window(settings);
  window.resize(options.size);
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
  return app.exec();
}
