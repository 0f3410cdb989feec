// attention-studio: the desktop app. Parses the command line, shows the main window, or saves a
// screenshot of it and exits.
#include <QApplication>
#include <QTimer>

#include <cstdio>

#include "exit_codes.h"
#include "gui/studio_options.h"
#include "main_window.h"
#include "window_capture.h"

int main(int argc, char** argv) {
  const attn::app::Platform platform = attn::app::choosePlatform(argc, argv);
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Attention Studio"));
  QApplication::setApplicationVersion(QStringLiteral(ATTN_VERSION));

  const attn::app::ParsedStudioOptions parsed = attn::app::parseStudioOptions(app.arguments());
  if (parsed.exitCode) return *parsed.exitCode;
  const attn::app::StudioOptions& options = parsed.options;
  if (const QString error = attn::app::noDisplayError(platform, options); !error.isEmpty()) {
    std::fputs(qPrintable(error), stderr);
    return attn::app::kExitFailure;
  }

  attn::ui::MainWindow window;
  window.resize(options.size);
  window.show();
  if (!options.screenshotPath.isEmpty()) {
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
