#include "documents/model_document.h"

#include <QFileInfo>

#include "models/model.h"

namespace attn::ui {

ModelDocument::ModelDocument(QObject* parent) : QObject(parent) {}
ModelDocument::~ModelDocument() = default;

QString ModelDocument::displayName() const {
  if (!mModel) return tr("no model");
  if (mPath.isEmpty()) return tr("trained model (unsaved)");
  return QFileInfo(mPath).fileName() + (mUnsaved ? tr(" (unsaved changes)") : QString());
}

void ModelDocument::setModel(std::shared_ptr<const Model> model, const QString& path,
                             bool unsaved) {
  mModel = std::move(model);
  mPath = path;
  const bool changed = mUnsaved != unsaved;
  mUnsaved = unsaved;
  emit modelChanged();
  if (changed) emit unsavedChanged(mUnsaved);
}

void ModelDocument::markSaved(const QString& path) {
  mPath = path;
  if (mUnsaved) {
    mUnsaved = false;
    emit unsavedChanged(false);
  }
  emit modelChanged();
}

void ModelDocument::clear() {
  setModel(nullptr, QString(), false);
}

}  // namespace attn::ui
