// The interface in English and French: the French translation is embedded and complete, the
// window speaks French when French is chosen (Qt's own buttons too) and English again after,
// the system locale decides by default, and View ▸ Language switches a running window.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/settings.h"
#include "find_widget.h"
#include "panels/input_panel.h"
#include "panels/training_panel.h"
#include "studio_test_support.h"
#include "test_paths.h"
#include "translations/language.h"
#include "views/alignment_view.h"
#include "views/beam_tree_view.h"
#include "views/head_grid.h"
#include "views/hops_view.h"
#include "window/main_window.h"

using attn::test::menuTitles;
using attn::test::named;
using attn::ui::Language;
using attn::ui::MainWindow;

namespace {

const char* const kSourceDir = ATTN_TEST_DATA_DIR "/../..";
const char* const kFrenchTs = ATTN_TEST_DATA_DIR "/../../ui/translations/attention_studio_fr.ts";

// Puts English back whatever a test does, so that the other suites see the source text.
struct LanguageGuard {
  ~LanguageGuard() { attn::ui::applyLanguage(Language::English); }
};

// The four menus this test knows, in order; other menus (new tools) may sit between them.
QStringList coreMenus(const MainWindow& window, const QStringList& expected) {
  QStringList titles;
  for (const QString& title : menuTitles(window))
    if (expected.contains(title)) titles << title;
  return titles;
}

QString tabTitle(const MainWindow& window, QWidget* page) {
  return named<QTabWidget>(window, "centralTabs")
      ->tabText(named<QTabWidget>(window, "centralTabs")->indexOf(page));
}

QString dockTitle(const MainWindow& window, const char* name) {
  return window.findChild<QDockWidget*>(QString::fromLatin1(name))->windowTitle();
}

MainWindow* otherMainWindow(const MainWindow* than) {
  for (QWidget* w : QApplication::topLevelWidgets())
    if (auto* m = qobject_cast<MainWindow*>(w); m && m != than && m->isVisible()) return m;
  return nullptr;
}

// One <message> of a .ts file.
struct TsMessage {
  QString context;
  QString source;
  QStringList translations;  // one, or one per plural form
  QString type;              // "", "unfinished", "vanished", "obsolete"
  int line = 0;
};

std::vector<TsMessage> readTs(const QString& path) {
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
  std::vector<TsMessage> messages;
  QXmlStreamReader xml(&file);
  QString context;
  TsMessage message;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    const auto name = xml.name();
    if (name == QLatin1String("name")) {
      context = xml.readElementText();
    } else if (name == QLatin1String("message")) {
      message = TsMessage{context, {}, {}, {}, int(xml.lineNumber())};
    } else if (name == QLatin1String("source")) {
      message.source = xml.readElementText();
    } else if (name == QLatin1String("translation")) {
      message.type = xml.attributes().value(QLatin1String("type")).toString();
      // Plural forms sit in <numerusform> children; a plain message has the text directly.
      QString text;
      while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))) {
        xml.readNext();
        if (xml.isCharacters()) text += xml.text();
        if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
          message.translations << xml.readElementText();
      }
      if (message.translations.isEmpty()) message.translations << text;
      messages.push_back(message);
    }
  }
  EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  return messages;
}

QSet<QString> placeholders(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
  QSet<QString> found;
  for (auto it = pattern.globalMatch(text); it.hasNext();) found.insert(it.next().captured(0));
  return found;
}

// A menu's "&File": an ampersand before a character, but not an entity such as "&lt;".
bool hasMnemonic(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("&(?!(?:[a-zA-Z]+|#\\d+);)[^\\s&]"));
  return pattern.match(text).hasMatch();
}

}  // namespace

TEST(Translation, TheFrenchTranslationIsEmbedded) {
  EXPECT_TRUE(QFile::exists(QStringLiteral(":/i18n/attention_studio_fr.qm")));
}

TEST(Translation, TheSystemLocaleDecidesByDefault) {
  using attn::ui::resolveLanguage;
  EXPECT_EQ(resolveLanguage(Language::System, QLocale(QStringLiteral("fr_FR"))), Language::French);
  EXPECT_EQ(resolveLanguage(Language::System, QLocale(QStringLiteral("fr_CA"))), Language::French);
  EXPECT_EQ(resolveLanguage(Language::System, QLocale(QStringLiteral("en_GB"))), Language::English);
  EXPECT_EQ(resolveLanguage(Language::System, QLocale(QStringLiteral("de_DE"))), Language::English);
  EXPECT_EQ(resolveLanguage(Language::French, QLocale(QStringLiteral("en_US"))), Language::French);
  EXPECT_EQ(resolveLanguage(Language::English, QLocale(QStringLiteral("fr_FR"))),
            Language::English);
  EXPECT_EQ(attn::ui::languageFromKey(QStringLiteral("fr")), Language::French);
  EXPECT_EQ(attn::ui::languageFromKey(QStringLiteral("klingon")), Language::System);
}

TEST(Translation, FrenchMenusTabsAndPanelsThenEnglishAgain) {
  LanguageGuard guard;
  ASSERT_TRUE(attn::ui::applyLanguage(Language::French));
  EXPECT_EQ(attn::ui::appliedLanguage(), Language::French);
  {
    MainWindow window;
    const QStringList french{"Fichier", "Décodage", "Affichage", "Aide"};
    EXPECT_EQ(coreMenus(window, french), french);
    EXPECT_EQ(menuTitles(window).first(), QStringLiteral("Fichier"));
    EXPECT_EQ(menuTitles(window).last(), QStringLiteral("Aide"));
    EXPECT_EQ(tabTitle(window, named<attn::ui::AlignmentView>(window, "alignmentTab")),
              QStringLiteral("Alignement"));
    EXPECT_EQ(tabTitle(window, named<attn::ui::HeadsPanel>(window, "headsTab")),
              QStringLiteral("Têtes"));
    EXPECT_EQ(tabTitle(window, named<attn::ui::HopsView>(window, "hopsTab")),
              QStringLiteral("Sauts"));
    EXPECT_EQ(tabTitle(window, named<attn::ui::BeamTreeView>(window, "beamTab")),
              QStringLiteral("Recherche en faisceau"));
    EXPECT_EQ(tabTitle(window, named<attn::ui::TrainingPanel>(window, "trainingTab")),
              QStringLiteral("Entraînement"));
    EXPECT_EQ(dockTitle(window, "modelDock"), QStringLiteral("Modèle"));
    EXPECT_EQ(dockTitle(window, "inputDock"), QStringLiteral("Entrée"));
    EXPECT_EQ(dockTitle(window, "stepDock"), QStringLiteral("Pas à pas"));
    EXPECT_EQ(named<attn::ui::InputPanel>(window, "inputPanel")->greedyButton()->text(),
              QStringLiteral("Glouton"));
  }
  ASSERT_TRUE(attn::ui::applyLanguage(Language::English));
  MainWindow window;
  const QStringList english{"File", "Decode", "View", "Help"};
  EXPECT_EQ(coreMenus(window, english), english);
  EXPECT_EQ(tabTitle(window, named<attn::ui::AlignmentView>(window, "alignmentTab")),
            QStringLiteral("Alignment"));
  EXPECT_EQ(dockTitle(window, "stepDock"), QStringLiteral("Step by step"));
}

TEST(Translation, QtsOwnButtonsAreFrenchToo) {
  LanguageGuard guard;
  ASSERT_TRUE(attn::ui::applyLanguage(Language::French));
  // Debian ships qtbase_fr.qm in qt6-translations-l10n (studio.sh installs it).
  ASSERT_TRUE(attn::ui::qtTranslationLoaded()) << "qtbase_fr.qm not found: install "
                                                  "qt6-translations-l10n";
  QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  EXPECT_EQ(box.button(QDialogButtonBox::Cancel)->text().remove('&'), QStringLiteral("Annuler"));
}

TEST(Translation, HelperContextsFallBackToTheirNamespace) {
  LanguageGuard guard;
  ASSERT_TRUE(attn::ui::applyLanguage(Language::French));
  // model_summary.cpp's tr() helper asks for its class's context; lupdate filed the text under
  // the namespace.
  EXPECT_EQ(QCoreApplication::translate("attn::ui::ModelSummary", "yes"), QStringLiteral("oui"));
  EXPECT_EQ(QCoreApplication::translate("attn::ui::ModelSummary", "no such text, anywhere"),
            QStringLiteral("no such text, anywhere"));
}

TEST(Translation, TheLanguageMenuSwitchesARunningWindowOnTheSameModel) {
  LanguageGuard guard;
  attn::ui::Settings settings;
  MainWindow window(&settings);
  window.resize(1000, 700);
  window.show();
  ASSERT_EQ(window.start(attn::test::bahdanauModelPath(), QStringLiteral("le chien dort"), true),
            QString());
  QAction* chooseFrench = window.findChild<QAction*>(QStringLiteral("actionLanguage_fr"));
  ASSERT_NE(chooseFrench, nullptr);
  chooseFrench->trigger();
  EXPECT_EQ(settings.language(), QStringLiteral("fr"));
  EXPECT_FALSE(window.isVisible());
  MainWindow* frenchWindow = otherMainWindow(&window);
  ASSERT_NE(frenchWindow, nullptr);
  const QStringList french{"Fichier", "Décodage", "Affichage", "Aide"};
  EXPECT_EQ(coreMenus(*frenchWindow, french), french);
  EXPECT_EQ(frenchWindow->session()->modelDocument()->path(), attn::test::bahdanauModelPath());
  EXPECT_EQ(named<attn::ui::InputPanel>(*frenchWindow, "inputPanel")->sentenceEdit()->text(),
            QStringLiteral("le chien dort"));
  EXPECT_TRUE(frenchWindow->findChild<QAction*>(QStringLiteral("actionLanguage_fr"))->isChecked());

  frenchWindow->findChild<QAction*>(QStringLiteral("actionLanguage_en"))->trigger();
  EXPECT_EQ(settings.language(), QStringLiteral("en"));
  EXPECT_EQ(attn::ui::appliedLanguage(), Language::English);
  const QPointer<MainWindow> frenchGone(frenchWindow);
  QApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
  EXPECT_TRUE(frenchGone.isNull());  // replaced windows are deleted, not just hidden
  MainWindow* englishWindow = otherMainWindow(&window);
  ASSERT_NE(englishWindow, nullptr);
  const QStringList english{"File", "Decode", "View", "Help"};
  EXPECT_EQ(coreMenus(*englishWindow, english), english);
  delete englishWindow;
}

TEST(Translation, ChoosingTheLanguageAlreadyShownKeepsTheWindow) {
  attn::ui::Settings settings;
  MainWindow window(&settings);
  window.show();
  EXPECT_EQ(window.switchLanguage(Language::English), nullptr);
  EXPECT_TRUE(window.isVisible());
  EXPECT_EQ(settings.language(), QStringLiteral("en"));
}

TEST(Translation, EveryStringOfTheFrenchFileIsTranslated) {
  const std::vector<TsMessage> messages = readTs(QString::fromUtf8(kFrenchTs));
  ASSERT_GT(messages.size(), 300u);
  int unfinished = 0;
  for (const TsMessage& m : messages) {
    if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete")) continue;
    const std::string where = (m.context + QStringLiteral(": ") + m.source).toStdString() +
                              " (line " + std::to_string(m.line) + ")";
    bool empty = false;
    for (const QString& t : m.translations) empty = empty || t.trimmed().isEmpty();
    if (m.type == QLatin1String("unfinished") || empty) {
      ++unfinished;
      ADD_FAILURE() << "not translated: " << where
                    << " — run tools/update_translations.sh and translate it";
      continue;
    }
    // Every %1, %2 … of the source must survive: a lost one silently drops a value.
    for (const QString& t : m.translations) {
      EXPECT_EQ(placeholders(t), placeholders(m.source)) << where << " → " << t.toStdString();
      if (hasMnemonic(m.source)) EXPECT_TRUE(hasMnemonic(t)) << "menu mnemonic (&) lost: " << where;
    }
  }
  EXPECT_EQ(unfinished, 0);
}

TEST(Translation, EveryStringInTheCodeIsInTheFrenchFile) {
  // lupdate over a copy of the .ts: anything it adds as unfinished is a tr() string of ui/ or
  // app/ that nobody has translated yet (or changed since), which French users would get in
  // English.
  const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + "/lupdate";
  ASSERT_TRUE(QFileInfo::exists(lupdate))
      << lupdate.toStdString() << " is missing: install qt6-l10n-tools (studio.sh does)";
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString copy = dir.filePath(QStringLiteral("fr.ts"));
  ASSERT_TRUE(QFile::copy(QString::fromUtf8(kFrenchTs), copy));
  QProcess run;
  run.setWorkingDirectory(QString::fromUtf8(kSourceDir));
  run.start(lupdate, {"-silent", "-locations", "none", "-no-obsolete", "ui", "app/gui",
                      "app/studio_main.cpp", "-ts", copy});
  ASSERT_TRUE(run.waitForFinished(60000));
  ASSERT_EQ(run.exitCode(), 0) << run.readAllStandardError().toStdString();
  QStringList untranslated;
  for (const TsMessage& m : readTs(copy))
    if (m.type == QLatin1String("unfinished")) untranslated << m.context + ": " + m.source;
  EXPECT_TRUE(untranslated.isEmpty())
      << untranslated.size() << " string(s) of the code have no French translation; run "
      << "tools/update_translations.sh and translate them in ui/translations/"
      << "attention_studio_fr.ts (docs/translating.md):\n  "
      << untranslated.join(QStringLiteral("\n  ")).toStdString();
}

namespace {

// Menu entries of one menu that share a mnemonic (Alt+letter reaches only one of them).
QStringList clashingMnemonics(QMenu* menu) {
  QMap<QChar, QStringList> byKey;
  for (QAction* action : menu->actions()) {
    const QString text = action->text();
    for (int i = 0; i + 1 < text.size(); ++i) {
      if (text.at(i) != QLatin1Char('&')) continue;
      if (text.at(i + 1) == QLatin1Char('&')) {
        ++i;  // "&&" is a literal ampersand
        continue;
      }
      byKey[text.at(i + 1).toLower()] << text;
      break;
    }
  }
  QStringList clashes;
  for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
    if (it.value().size() > 1) clashes << it.value().join(QStringLiteral(" / "));
  return clashes;
}

}  // namespace

TEST(Translation, MenuMnemonicsAreUniqueInBothLanguages) {
  LanguageGuard guard;
  for (Language language : {Language::English, Language::French}) {
    ASSERT_TRUE(attn::ui::applyLanguage(language));
    MainWindow window;
    QList<QMenu*> menus;
    for (QAction* top : window.menuBar()->actions())
      if (top->menu()) menus << top->menu();
    menus << nullptr;  // the menu bar itself, below
    for (QMenu* menu : menus) {
      QStringList clashes;
      if (menu) {
        clashes = clashingMnemonics(menu);
      } else {
        QMenu bar;  // the titles, gathered in a menu to reuse the check
        for (QAction* top : window.menuBar()->actions()) bar.addAction(top->text());
        clashes = clashingMnemonics(&bar);
      }
      EXPECT_TRUE(clashes.isEmpty())
          << attn::ui::languageKey(language).toStdString() << ", "
          << (menu ? menu->title() : QStringLiteral("menu bar")).toStdString() << ": "
          << clashes.join(QStringLiteral("; ")).toStdString();
    }
  }
}

TEST(Translation, TheMnemonicCheckFindsAClash) {
  QMenu menu;
  menu.addAction(QStringLiteral("&Open"));
  menu.addAction(QStringLiteral("&other"));
  menu.addAction(QStringLiteral("Save && &quit"));
  menu.addAction(QStringLiteral("&Quick"));
  EXPECT_EQ(clashingMnemonics(&menu), (QStringList{"&Open / &other", "Save && &quit / &Quick"}));
}
