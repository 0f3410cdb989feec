#include "documents/model_document.h"

#include <QFileInfo>

#include "models/model.h"

namespace attn::ui {

ModelDocument::ModelDocument(QObject* parent) : QObject(parent) {}
ModelDocument::~ModelDocument() = default;

QString ModelDocument::displayName() const {
  if (!model_) return tr("no model");
  if (path_.isEmpty()) return tr("trained model (unsaved)");
  return QFileInfo(path_).fileName() + (unsaved_ ? tr(" (unsaved changes)") : QString());
}

void ModelDocument::setModel(std::shared_ptr<const Model> model, const QString& path,
                             bool unsaved) {
  model_ = std::move(model);
  path_ = path;
  const bool changed = unsaved_ != unsaved;
  unsaved_ = unsaved;
  emit modelChanged();
  if (changed) emit unsavedChanged(unsaved_);
}

void ModelDocument::markSaved(const QString& path) {
  path_ = path;
  if (unsaved_) {
    unsaved_ = false;
    emit unsavedChanged(false);
  }
  emit modelChanged();
}

void ModelDocument::clear() {
  setModel(nullptr, QString(), false);
}

}  // namespace attn::ui
