#include "window/write_error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace attn::ui {

QString explainWriteFailure(const QString& path) {
  const QFileInfo file(path);
  const QFileInfo folder(file.absolutePath());
  QString reason;
  if (!folder.exists()) {
    reason = QCoreApplication::translate("attn::ui", "the folder '%1' does not exist")
                 .arg(QDir::toNativeSeparators(folder.filePath()));
  } else if (!folder.isDir()) {
    reason = QCoreApplication::translate("attn::ui", "'%1' is not a folder")
                 .arg(QDir::toNativeSeparators(folder.filePath()));
  } else if (file.isDir()) {
    reason = QCoreApplication::translate("attn::ui", "it is a folder");
  } else if (file.exists() ? !file.isWritable() : !folder.isWritable()) {
    reason = QCoreApplication::translate("attn::ui", "permission denied");
  } else {
    reason = QCoreApplication::translate("attn::ui", "the file could not be written");
  }
  return QCoreApplication::translate("attn::ui", "cannot write '%1': %2")
      .arg(QDir::toNativeSeparators(path), reason);
}

}  // namespace attn::ui
