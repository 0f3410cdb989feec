#include "window/user_error.h"

#include <QCoreApplication>
#include <QMessageBox>

#include "util/check.h"

namespace attn::ui {

UserError errorFrom(const std::exception& e, const QString& title, const QString& whatToDo) {
  QString what = QString::fromUtf8(e.what());
  if (!what.isEmpty()) what[0] = what[0].toUpper();
  if (dynamic_cast<const attn::Error*>(&e) == nullptr) {
    // Not a user's mistake: an engine invariant broke, or memory ran out.
    return {title,
            QCoreApplication::translate("attn::ui", "Attention Studio hit an internal error: %1")
                .arg(what),
            QCoreApplication::translate(
                "attn::ui", "Nothing was saved over your files. Please report this message.")};
  }
  return {title, what, whatToDo};
}

QMessageBox* showError(QWidget* parent, const UserError& error) {
  auto* box =
      new QMessageBox(QMessageBox::Warning, error.title, error.what, QMessageBox::Ok, parent);
  box->setObjectName(QStringLiteral("errorBox"));
  box->setInformativeText(error.whatToDo);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
  box->open();
  return box;
}

}  // namespace attn::ui
