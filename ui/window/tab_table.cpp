#include "window/tab_table.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>
#include <QMenu>
#include <QStringList>
#include <QTabWidget>

namespace attn::ui {
namespace {
constexpr int kShortcutTabs = 9;  // Alt+1 … Alt+9

QString plain(QString title) {
  return title.remove(QLatin1Char('&'));
}

QKeySequence altDigit(int index) {
  return QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + index));
}
}  // namespace

TabTable::TabTable(QTabWidget* tabs, QWidget* window) : QObject(tabs), tabs_(tabs) {
  addShortcuts(window);
}

QWidget* TabTable::add(TabSpec spec) {
  QWidget* page = spec.make(tabs_);
  // Named after the row, for tests and scripts: findChild<QWidget*>("computationTab").
  page->setObjectName(spec.id + QStringLiteral("Tab"));
  const int index = tabs_->addTab(page, QCoreApplication::translate(spec.context, spec.title));
  tabs_->setTabToolTip(index, spec.tooltip);
  if (index < int(jumps_.size()))  // what Help ▸ Keyboard shortcuts lists for Alt+digit
    jumps_[size_t(index)]->setText(tr("Show the %1 tab").arg(plain(tabs_->tabText(index))));
  rows_.push_back({std::move(spec), page});
  return page;
}

int TabTable::indexOf(const QString& id) const {
  for (const Row& row : rows_)
    if (row.spec.id == id) return tabs_->indexOf(row.page);
  return -1;
}

QWidget* TabTable::page(const QString& id) const {
  for (const Row& row : rows_)
    if (row.spec.id == id) return row.page;
  return nullptr;
}

QString TabTable::idOf(const QWidget* page) const {
  for (const Row& row : rows_)
    if (row.page == page) return row.spec.id;
  return {};
}

void TabTable::refresh(const QString& fallback) {
  for (const Row& row : rows_)
    tabs_->setTabEnabled(tabs_->indexOf(row.page), !row.spec.enabled || row.spec.enabled());
  if (!tabs_->currentWidget()->isEnabled() || !tabs_->isTabEnabled(tabs_->currentIndex()))
    tabs_->setCurrentIndex(indexOf(fallback));
}

QString TabTable::show(const QString& name) {
  QStringList names;
  for (const Row& row : rows_) {
    const QString english = plain(QString::fromUtf8(row.spec.title));
    const QString shown = plain(tabs_->tabText(tabs_->indexOf(row.page)));
    if (row.spec.id.compare(name, Qt::CaseInsensitive) == 0 ||
        english.compare(name, Qt::CaseInsensitive) == 0 ||
        shown.compare(name, Qt::CaseInsensitive) == 0) {
      tabs_->setCurrentWidget(row.page);
      return {};
    }
    names << row.spec.id;
  }
  // For the command line, whose messages are in English like its options.
  return QStringLiteral("no tab '%1'; there are: %2").arg(name, names.join(QStringLiteral(", ")));
}

void TabTable::fillMenu(QMenu* menu) {
  // The tab bar scrolls when the window is narrow: this list is where a tab out of sight can
  // still be found. Rebuilt when shown, so it follows what is enabled and current.
  connect(menu, &QMenu::aboutToShow, this, [this, menu] {
    menu->clear();
    for (int i = 0; i < tabs_->count(); ++i) {
      // The key is shown after a tab, not registered: the window-wide actions own it.
      const QString key = i < kShortcutTabs
                              ? QLatin1Char('\t') + altDigit(i).toString(QKeySequence::NativeText)
                              : QString();
      QAction* a = menu->addAction(tabs_->tabText(i) + key);
      a->setCheckable(true);
      a->setChecked(i == tabs_->currentIndex());
      a->setEnabled(tabs_->isTabEnabled(i));
      a->setObjectName(QStringLiteral("actionShowTab_") + idOf(tabs_->widget(i)));
      connect(a, &QAction::triggered, this, [this, i] { tabs_->setCurrentIndex(i); });
    }
  });
}

void TabTable::addShortcuts(QWidget* window) {
  // They work with the menu closed: one window-wide action per position.
  for (int i = 0; i < kShortcutTabs; ++i) {
    auto* jump = new QAction(window);
    jump->setShortcut(altDigit(i));
    jump->setObjectName(QStringLiteral("actionTab%1").arg(i + 1));
    connect(jump, &QAction::triggered, this, [this, i] {
      if (i < tabs_->count() && tabs_->isTabEnabled(i)) tabs_->setCurrentIndex(i);
    });
    window->addAction(jump);
    jumps_.push_back(jump);
  }
}

}  // namespace attn::ui
