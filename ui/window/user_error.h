// Errors as the user reads them: what went wrong and what to do about it, shown in a message
// box that does not block the event loop (so that work in progress keeps reporting).
#pragma once

#include <QMetaType>
#include <QString>

#include <exception>

class QWidget;
class QMessageBox;

namespace attn::ui {

struct UserError {
  QString title;     // the dialog's title: what the user was doing ("Open model")
  QString what;      // what was wrong, in one or two sentences
  QString whatToDo;  // what to try next

  bool isEmpty() const { return what.isEmpty(); }
};

// attn::Error carries a message meant for people; anything else is a bug and says so.
UserError errorFrom(const std::exception& e, const QString& title, const QString& whatToDo);

// A window-modal warning; returns the box (deleted when closed) so tests can read and close it.
QMessageBox* showError(QWidget* parent, const UserError& error);

}  // namespace attn::ui

Q_DECLARE_METATYPE(attn::ui::UserError)
