// attention-studio: the desktop app. Parses the command line, shows the main window on a model
// with an example already decoded, or saves a screenshot of it and exits.
#include <QApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>

#include "documents/session.h"
#include "documents/settings.h"
#include "exit_codes.h"
#include "gui/studio_manual_page.h"
#include "gui/studio_options.h"
#include "teach/classroom_mode.h"
#include "translations/language.h"
#include "window/main_window.h"
#include "window/window_capture.h"

namespace {

// How long a screenshot waits for the window's worker threads before it gives up.
constexpr qint64 kScreenshotWaitMs = 60'000;

// --trace: the trace file on screen, as File > Open trace does; the error as a dialog would say it.
QString openTraceAtStart(attn::ui::MainWindow& window, const QString& path) {
  QString error;
  // Only for this call: `error` is a local, and later failures go to the window's dialogs.
  const QMetaObject::Connection c =
      QObject::connect(window.session(), &attn::ui::Session::failed, &window,
                       [&error](const attn::ui::UserError& e) { error = e.what; });
  window.session()->openTrace(path);
  QObject::disconnect(c);
  return error;
}

}  // namespace

int main(int argc, char** argv) {
  // The build's hidden command (studio_manual_page.h): no window, no display needed.
  if (argc >= 2 && std::strcmp(argv[1], attn::app::kWriteManualPage) == 0) {
    if (argc != 4) {
      std::fprintf(stderr, "attention-studio: error: %s wants FILE DATE\n",
                   attn::app::kWriteManualPage);
      return attn::app::kExitUsage;
    }
    const QString error = attn::app::writeStudioManualPage(QString::fromLocal8Bit(argv[2]),
                                                           QStringLiteral(ATTN_VERSION),
                                                           QString::fromLocal8Bit(argv[3]));
    if (!error.isEmpty()) std::fprintf(stderr, "attention-studio: error: %s\n", qPrintable(error));
    return error.isEmpty() ? attn::app::kExitOk : attn::app::kExitFailure;
  }
  const attn::app::Platform platform = attn::app::choosePlatform(argc, argv);
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Attention Studio"));
  QApplication::setOrganizationName(QStringLiteral("AttentionStudio"));
  QApplication::setApplicationVersion(QStringLiteral(ATTN_VERSION));
  // The desktop entry's name (packaging/): on Wayland the window gets its icon through it.
  QGuiApplication::setDesktopFileName(QStringLiteral(ATTN_APP_ID));

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
  if (!options.tab.isEmpty()) {
    if (const QString error = window.showTab(options.tab); !error.isEmpty()) {
      std::fprintf(stderr, "attention-studio: error: --tab: %s\n", qPrintable(error));
      delete windowPtr;
      return attn::app::kExitUsage;
    }
  }
  window.show();
  const QString startError =
      options.tracePath.isEmpty()
          ? window.start(options.modelPath, options.input, /*wait=*/screenshot)
          : openTraceAtStart(window, options.tracePath);
  // Again once the first trace is on screen: its arrival leaves the Training tab for Alignment.
  // A screenshot waited for it; otherwise it comes from the decoding thread, later.
  if (!options.tab.isEmpty()) {
    window.showTab(options.tab);
    if (!screenshot && window.session()->isBusy()) {  // only the decode started here
      auto once = std::make_shared<QMetaObject::Connection>();
      *once = QObject::connect(window.session(), &attn::ui::Session::decoded, windowPtr,
                               [windowPtr, tab = options.tab, once] {
                                 QObject::disconnect(*once);
                                 windowPtr->showTab(tab);
                               });
    }
  }
  if (screenshot) {
    if (!startError.isEmpty()) {
      std::fprintf(stderr, "attention-studio: error: %s\n", qPrintable(startError));
      return attn::app::kExitFailure;
    }
    // After the window has been laid out at its size, and once nothing it shows is still being
    // computed on a worker thread (a tab such as Saliency starts when shown): checked on two
    // turns of the event loop in a row, so that work queued by the first has begun.
    auto* poll = new QTimer(&window);
    poll->setInterval(20);
    auto idleTicks = std::make_shared<int>(0);
    QElapsedTimer waited;
    waited.start();
    QObject::connect(poll, &QTimer::timeout, &window, [&window, &options, poll, idleTicks, waited] {
      *idleTicks = window.isComputing() ? 0 : *idleTicks + 1;
      const bool timedOut = waited.elapsed() > kScreenshotWaitMs;
      if (*idleTicks < 2 && !timedOut) return;
      poll->stop();
      const QString error = timedOut ? QStringLiteral("the window was still computing after %1 s")
                                           .arg(kScreenshotWaitMs / 1000)
                                     : attn::ui::captureWidget(window, options.screenshotPath);
      if (!error.isEmpty())
        std::fprintf(stderr, "attention-studio: error: %s\n", qPrintable(error));
      QCoreApplication::exit(error.isEmpty() ? attn::app::kExitOk : attn::app::kExitFailure);
    });
    poll->start();
  }
  const int code = app.exec();
  // Windows still open at the end (a screenshot, a quit from the menu) are deleted here.
  QList<QPointer<attn::ui::MainWindow>> windows;
  for (QWidget* widget : QApplication::topLevelWidgets())
    if (auto* w = qobject_cast<attn::ui::MainWindow*>(widget)) windows << w;
  for (const QPointer<attn::ui::MainWindow>& w : windows) delete w.data();
  return code;
}
