// The centre's tabs as one table: each row says what a tab is (a stable id, its title, its
// tooltip), how its page is made, and when it can be used. The tab bar, View ▸ Tabs, the Alt+1…9
// shortcuts and the command line's --tab are all built from the rows, so a new tab is one row
// and no code anywhere counts positions.
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

class QAction;
class QMenu;
class QTabWidget;
class QWidget;

namespace attn::ui {

struct TabSpec {
  QString id;  // stable and untranslated ("computation"): --tab, settings, tests
  // English, marked with QT_TR_NOOP in the table's class; the table shows its translation and
  // --tab accepts both, so a script written against the English UI works in every language.
  const char* title;
  const char* context;  // the translation context of `title` ("attn::ui::MainWindow")
  QString tooltip;      // what the tab shows, in one line
  std::function<QWidget*(QWidget* parent)> make;  // the page, parented to `parent`
  std::function<bool()> enabled;                  // when the tab can be used; null: always
};

class TabTable : public QObject {
  Q_OBJECT

 public:
  // The table fills `tabs`, in order; `window` owns the Alt+digit shortcuts.
  TabTable(QTabWidget* tabs, QWidget* window);

  // Makes the page, names it `id` + "Tab" (findChild finds it so), adds its tab; returns it.
  QWidget* add(TabSpec spec);
  // The page of tab `id`, or null.
  QWidget* page(const QString& id) const;
  QString idOf(const QWidget* page) const;  // empty when the page is no tab
  // Enables each tab as its row says; a current tab that went unusable gives way to `fallback`.
  void refresh(const QString& fallback);
  // Shows the tab whose id, English title or title as shown (mnemonic aside, any case) is
  // `name`. Returns an empty string, or an error naming the tabs there are.
  QString show(const QString& name);
  // View ▸ Tabs: every tab, the current one checked, its Alt+digit after it; refilled when shown.
  void fillMenu(QMenu* menu);

 private:
  void addShortcuts(QWidget* window);
  int indexOf(const QString& id) const;

  QTabWidget* tabs_;
  std::vector<QAction*> jumps_;  // Alt+1…9, named after the tab they show once it is added
  struct Row {
    TabSpec spec;
    QWidget* page;
  };
  std::vector<Row> rows_;
};

}  // namespace attn::ui
