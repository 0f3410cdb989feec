// Tests reach a window's widgets the way a user or a script names them: by object name, under a
// root (the window, a panel). A missing or ambiguous name fails the test where it is asked for,
// naming what was looked for, instead of crashing on a null pointer later.
#pragma once

#include <gtest/gtest.h>

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QObject>
#include <QString>
#include <QStringList>

namespace attn::test {

template <class T>
T* named(const QObject& root, const QString& name) {
  const QList<T*> found = root.findChildren<T*>(name);
  if (found.size() != 1) {
    ADD_FAILURE() << found.size() << " objects named '" << name.toStdString() << "' under '"
                  << root.objectName().toStdString() << "' (expected exactly one)";
    return nullptr;
  }
  return found.first();
}

// The titles of a window's menus, in order, without their '&' accelerator marks.
inline QStringList menuTitles(const QMainWindow& window) {
  QStringList titles;
  for (QAction* menu : window.menuBar()->actions()) titles << menu->text().remove('&');
  return titles;
}

}  // namespace attn::test
