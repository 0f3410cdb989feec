// --tab names a tab the same way in every language: by its stable id or by its English title
// (what the documentation and scripts say), and also by the title the window shows.
#include <gtest/gtest.h>

#include <QTabWidget>
#include <QTest>

#include "find_widget.h"
#include "translations/language.h"
#include "window/main_window.h"

using attn::test::named;
using attn::ui::Language;
using attn::ui::MainWindow;

namespace {

struct FrenchWindow {
  FrenchWindow() {
    EXPECT_TRUE(attn::ui::applyLanguage(Language::French));
    window = std::make_unique<MainWindow>();  // made in French
  }
  ~FrenchWindow() { attn::ui::applyLanguage(Language::English); }
  QString current() const {
    auto* tabs = named<QTabWidget>(*window, "centralTabs");
    return tabs->currentWidget()->objectName();
  }
  std::unique_ptr<MainWindow> window;
};

}  // namespace

TEST(TabOption, EnglishTitlesAndIdsWorkInTheFrenchWindow) {
  FrenchWindow f;
  auto* tabs = named<QTabWidget>(*f.window, "centralTabs");
  const int computation = tabs->indexOf(f.window->findChild<QWidget*>("computationTab"));
  ASSERT_EQ(tabs->tabText(computation), QStringLiteral("Calcul"));  // the window is French

  EXPECT_EQ(f.window->showTab(QStringLiteral("Computation")), QString());
  EXPECT_EQ(f.current(), QStringLiteral("computationTab"));
  EXPECT_EQ(f.window->showTab(QStringLiteral("saliency")), QString());  // English, any case
  EXPECT_EQ(f.current(), QStringLiteral("saliencyTab"));
  EXPECT_EQ(f.window->showTab(QStringLiteral("Intervene")), QString());
  EXPECT_EQ(f.current(), QStringLiteral("interveneTab"));
  EXPECT_EQ(f.window->showTab(QStringLiteral("Calcul")), QString());  // the title shown
  EXPECT_EQ(f.current(), QStringLiteral("computationTab"));
  EXPECT_EQ(f.window->showTab(QStringLiteral("rollout")), QString());  // the id
  EXPECT_EQ(f.current(), QStringLiteral("rolloutTab"));

  const QString error = f.window->showTab(QStringLiteral("Nowhere"));
  EXPECT_TRUE(error.contains(QStringLiteral("no tab 'Nowhere'"))) << error.toStdString();
  EXPECT_TRUE(error.contains(QStringLiteral("computation"))) << error.toStdString();
}
