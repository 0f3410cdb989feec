// ModelDocument: the model the app works with, where it came from and whether it is saved. The
// model is shared read-only with the decoding thread; a newly trained one is unsaved until the
// user saves it, and the window asks before closing over it.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

#include "models/model_fwd.h"

namespace attn::ui {

class ModelDocument : public QObject {
  Q_OBJECT

 public:
  explicit ModelDocument(QObject* parent = nullptr);
  ~ModelDocument() override;

  const std::shared_ptr<const Model>& model() const { return model_; }
  bool hasModel() const { return model_ != nullptr; }
  QString path() const { return path_; }  // empty for a model trained in this session
  QString displayName() const;            // the file name, or "trained model (unsaved)"
  bool isUnsaved() const { return unsaved_; }

  void setModel(std::shared_ptr<const Model> model, const QString& path, bool unsaved);
  void markSaved(const QString& path);
  void clear();

 signals:
  void modelChanged();
  void unsavedChanged(bool unsaved);

 private:
  std::shared_ptr<const Model> model_;
  QString path_;
  bool unsaved_ = false;
};

}  // namespace attn::ui
