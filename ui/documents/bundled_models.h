// The models that ship with the app (resources/models/*.safetensors) and a first sentence for
// each, so that the app opens on something already decoded.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "models/model_fwd.h"

namespace attn::ui {

struct BundledModel {
  QString path;
  QString name;  // "dates gru bahdanau" from dates_gru_bahdanau.safetensors
};

// Where to look, first match wins: $ATTN_MODELS_DIR, then bundledDataFolders("models") (the
// installed share/attention-studio/models, or the source tree for a program in its build tree).
QStringList bundledModelDirs();
QList<BundledModel> findBundledModels();

// A sentence to decode at once: the example recorded at training, else a chosen sentence of the
// task it was trained on (typical of its data, decoded right by the bundled model), else one
// drawn from that task, else a few words of its vocabulary.
QString exampleInputFor(const Model& model);

}  // namespace attn::ui
