// Help ▸ Keyboard shortcuts lists every shortcut the window has, read from its actions (so a
// new one cannot be forgotten), and Help ▸ About names the version CMake gives the project, the
// build, the licence and the libraries.
#include <gtest/gtest.h>

#include <QAction>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTableWidget>
#include <QTest>

#include "find_widget.h"
#include "studio_test_support.h"
#include "test_paths.h"
#include "window/about_box.h"
#include "window/main_window.h"
#include "window/shortcuts_dialog.h"

using attn::test::named;
using namespace attn::ui;

TEST(HelpMenu, KeyboardShortcutsListsEveryShortcutOfTheWindow) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  QAction* open = named<QAction>(window, "actionShortcuts");
  ASSERT_NE(open, nullptr);
  open->trigger();
  auto* dialog = window.findChild<ShortcutsDialog*>();
  ASSERT_NE(dialog, nullptr);
  QTableWidget* table = dialog->table();

  QSet<QString> listed;  // "command|keys"
  for (int r = 0; r < table->rowCount(); ++r) {
    ASSERT_FALSE(table->item(r, 0)->text().isEmpty()) << "row " << r << " names no command";
    listed.insert(table->item(r, 0)->text() + QLatin1Char('|') + table->item(r, 1)->text());
  }
  int withKeys = 0;
  QSet<QString> keysListed;
  for (int r = 0; r < table->rowCount(); ++r) keysListed.insert(table->item(r, 1)->text());
  for (QAction* action : window.findChildren<QAction*>()) {
    if (action->shortcuts().isEmpty()) continue;
    ++withKeys;
    const QString key = action->shortcuts().first().toString(QKeySequence::NativeText);
    bool found = false;
    for (const QString& keys : keysListed)
      found = found || keys.split(QStringLiteral(", ")).contains(key);
    EXPECT_TRUE(found) << action->objectName().toStdString() << " " << key.toStdString()
                       << " is missing";
  }
  EXPECT_EQ(table->rowCount(), withKeys) << "each action with a shortcut is listed once";
  // A few the user reads about in the quick guide, by their menu path.
  EXPECT_TRUE(listed.contains(QStringLiteral("Decode ▸ Decode the sentence|Ctrl+Return")));
  EXPECT_TRUE(listed.contains(QStringLiteral("Show the Alignment tab|Alt+1")));
  EXPECT_TRUE(listed.contains(QStringLiteral("Decode ▸ Next step|Right")));
  attn::test::maybeCapture(*dialog, "shortcuts_dialog");
  dialog->close();
}

TEST(HelpMenu, AboutNamesTheVersionTheBuildTheLicenceAndTheLibraries) {
  // The version as the top-level CMakeLists.txt declares it.
  QFile cmake(QStringLiteral(ATTN_TEST_DATA_DIR "/../../CMakeLists.txt"));
  ASSERT_TRUE(cmake.open(QIODevice::ReadOnly));
  const QRegularExpressionMatch m =
      QRegularExpression(QStringLiteral(R"(project\(AttentionStudio VERSION ([0-9.]+))"))
          .match(QString::fromUtf8(cmake.readAll()));
  ASSERT_TRUE(m.hasMatch());
  EXPECT_EQ(appVersion(), m.captured(1));

  const QString html = aboutHtml();
  EXPECT_TRUE(html.contains(QStringLiteral("Attention Studio ") + m.captured(1)));
  EXPECT_TRUE(html.contains(buildLine().toHtmlEscaped()));
  EXPECT_TRUE(buildLine().contains(QStringLiteral(" build · ")));
  EXPECT_TRUE(buildLine().contains(QString::fromLatin1(qVersion())));
  EXPECT_TRUE(html.contains(QStringLiteral("Licence")));
  for (const char* library : {"Qt ", "QCustomPlot", "Eigen 3.", "nlohmann/json 3."})
    EXPECT_TRUE(html.contains(QLatin1String(library))) << library << " in " << html.toStdString();
}
