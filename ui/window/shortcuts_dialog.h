// Help ▸ Keyboard shortcuts: every key the window answers to, read from its actions when the
// dialog opens (the menus in their order, then the actions outside any menu, such as Alt+1…9),
// so that a new shortcut is listed without anyone editing a list.
#pragma once

#include <QDialog>
#include <QString>

#include <vector>

class QAction;
class QMainWindow;
class QTableWidget;

namespace attn::ui {

struct ShortcutRow {
  QString where;  // "File ▸ Open model…", or what the action does when it is in no menu
  QString keys;   // "Ctrl+O", several separated by ", "
  QAction* action;
};

// Every action of `window` that has a shortcut, once each.
std::vector<ShortcutRow> shortcutRows(QMainWindow* window);

class ShortcutsDialog : public QDialog {
  Q_OBJECT

 public:
  explicit ShortcutsDialog(QMainWindow* window);
  QTableWidget* table() const { return table_; }

 private:
  QTableWidget* table_;
};

}  // namespace attn::ui
