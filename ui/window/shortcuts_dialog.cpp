#include "window/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace attn::ui {
namespace {

QString commandText(QString text) {
  text.remove(QLatin1Char('&'));
  const qsizetype tab = text.indexOf(QLatin1Char('\t'));  // View ▸ Tabs shows keys after a tab
  return tab < 0 ? text : text.left(tab);
}

QString keysOf(const QAction* action) {
  QStringList keys;
  for (const QKeySequence& key : action->shortcuts())
    keys << key.toString(QKeySequence::NativeText);
  return keys.join(QStringLiteral(", "));
}

void collect(const QMenu* menu, const QString& path, std::vector<ShortcutRow>& rows,
             QSet<const QAction*>& seen) {
  for (QAction* action : menu->actions()) {
    if (action->isSeparator()) continue;
    const QString where = path + QStringLiteral(" ▸ ") + commandText(action->text());
    if (action->menu()) {
      collect(action->menu(), where, rows, seen);
      continue;
    }
    if (action->shortcuts().isEmpty() || seen.contains(action)) continue;
    seen.insert(action);
    rows.push_back({where, keysOf(action), action});
  }
}

}  // namespace

std::vector<ShortcutRow> shortcutRows(QMainWindow* window) {
  std::vector<ShortcutRow> rows;
  QSet<const QAction*> seen;
  for (QAction* top : window->menuBar()->actions())
    if (top->menu()) collect(top->menu(), commandText(top->text()), rows, seen);
  // Actions outside the menus (the Alt+digit tab keys, a panel's own keys): by what they say.
  for (QAction* action : window->findChildren<QAction*>()) {
    if (action->shortcuts().isEmpty() || seen.contains(action)) continue;
    seen.insert(action);
    QString what = commandText(action->text());
    if (what.isEmpty()) what = action->toolTip();
    if (what.isEmpty()) what = action->objectName();
    rows.push_back({what, keysOf(action), action});
  }
  return rows;
}

ShortcutsDialog::ShortcutsDialog(QMainWindow* window)
    : QDialog(window), table_(new QTableWidget(this)) {
  setWindowTitle(tr("Keyboard shortcuts"));
  setObjectName(QStringLiteral("shortcutsDialog"));
  table_->setObjectName(QStringLiteral("shortcutsTable"));
  const std::vector<ShortcutRow> rows = shortcutRows(window);
  table_->setColumnCount(2);
  table_->setRowCount(int(rows.size()));
  table_->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
  for (int i = 0; i < int(rows.size()); ++i) {
    table_->setItem(i, 0, new QTableWidgetItem(rows[size_t(i)].where));
    table_->setItem(i, 1, new QTableWidgetItem(rows[size_t(i)].keys));
  }
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_);
  layout->addWidget(buttons);
  resize(560, 520);
}

}  // namespace attn::ui
