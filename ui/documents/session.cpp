#include "documents/session.h"

#include <QFileInfo>

#include "documents/bundled_models.h"
#include "documents/example_alignment.h"
#include "documents/model_document.h"
#include "documents/trace_document.h"
#include "models/model.h"
#include "runners/decode_runner.h"
#include "trace/trace.h"
#include "trace/trace_json.h"

namespace attn::ui {

Session::Session(QObject* parent)
    : QObject(parent),
      model_(new ModelDocument(this)),
      trace_(new TraceDocument(this)),
      runner_(new DecodeRunner(this)) {
  connect(runner_, &DecodeRunner::finished, this, &Session::showDecoded);
  connect(runner_, &DecodeRunner::failed, this, &Session::failed);
  connect(runner_, &DecodeRunner::busyChanged, this, &Session::busyChanged);
  connect(runner_, &DecodeRunner::cancelled, this, [this] { emit status(tr("Cancelled")); });
}

Session::~Session() = default;

bool Session::isBusy() const {
  return runner_->isBusy();
}

bool Session::openModel(const QString& path, bool decodeExample) {
  std::shared_ptr<const Model> model;
  try {
    model = std::make_shared<const Model>(loadModel(path.toStdString()));
  } catch (const std::exception& e) {
    emit failed(errorFrom(e, tr("Open model"),
                          tr("Choose an Attention Studio model file (.safetensors), such as one "
                             "saved after training here or exported from PyTorch with the "
                             "metadata described in docs/file-formats.md (Model file).")));
    return false;
  }
  model_->setModel(model, QFileInfo(path).absoluteFilePath(), false);
  emit fileOpened(path);
  emit status(tr("Opened %1").arg(QFileInfo(path).fileName()));
  const QString example = exampleInputFor(*model);
  emit exampleSuggested(example);
  if (decodeExample && !example.isEmpty()) decode(exampleRequest(example));
  return true;
}

bool Session::openTrace(const QString& path) {
  try {
    auto trace = std::make_shared<const Trace>(readTraceFile(path.toStdString()));
    trace_->setTrace(trace, tr("Trace file %1").arg(QFileInfo(path).fileName()));
  } catch (const std::exception& e) {
    emit failed(errorFrom(e, tr("Open trace"),
                          tr("Choose a trace written by Attention Studio or attention-cli, or a "
                             "JSON file in the format of docs/file-formats.md (Trace file).")));
    return false;
  }
  emit fileOpened(path);
  emit status(tr("Opened trace %1").arg(QFileInfo(path).fileName()));
  return true;
}

bool Session::openFile(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("json")) return openTrace(path);
  if (suffix == QLatin1String("safetensors")) return openModel(path);
  emit failed({tr("Open"),
               tr("Cannot open '%1': Attention Studio opens models (.safetensors) and "
                  "traces (.json).")
                   .arg(QFileInfo(path).fileName()),
               tr("Drop or choose a .safetensors model or a .json trace.")});
  return false;
}

bool Session::saveModel(const QString& path) {
  const auto& model = model_->model();
  if (!model) return false;
  try {
    attn::saveModel(path.toStdString(), *model);  // core's atomic writer: complete or untouched
  } catch (const std::exception& e) {
    emit failed(errorFrom(e, tr("Save model"),
                          tr("Choose a folder you can write to, with enough free space.")));
    return false;
  }
  // The trace on screen was described by the model's name then ("trained model (unsaved) ·
  // greedy decoding"); it now names the saved file, so nothing still says "unsaved".
  const QString before = model_->displayName();
  model_->markSaved(QFileInfo(path).absoluteFilePath());
  const QString origin = trace_->origin();
  if (!trace_->isExample() && origin.startsWith(before))
    trace_->setOrigin(model_->displayName() + origin.mid(before.size()));
  emit fileOpened(path);
  emit status(tr("Saved the model to %1").arg(path));
  return true;
}

void Session::adoptTrainedModel(std::shared_ptr<const Model> model, const QString& example) {
  model_->setModel(std::move(model), QString(), true);
  emit exampleSuggested(example);
  if (!example.isEmpty()) decode(exampleRequest(example));
}

void Session::showExample() {
  trace_->setTrace(std::make_shared<const Trace>(exampleTrace()), exampleAlignment().title, true);
}

void Session::decode(const DecodeRequest& request) {
  if (!model_->hasModel()) {
    emit failed({tr("Decode"), tr("There is no model to decode with."),
                 tr("Open a model file, pick a bundled model, or train one first.")});
    return;
  }
  lastStyle_ = request;
  emit status(tr("Decoding…"));
  runner_->start(model_->model(), request);
}

bool Session::decodeNow(const DecodeRequest& request) {
  if (!model_->hasModel()) return false;
  lastStyle_ = request;
  try {
    showDecoded(DecodeRunner::decodeNow(*model_->model(), request), request);
    return true;
  } catch (const std::exception& e) {
    emit failed(
        errorFrom(e, tr("Decode"), tr("Check the sentence and the options, then decode again.")));
    return false;
  }
}

void Session::cancelDecode() {
  runner_->cancel();
}

DecodeRequest Session::exampleRequest(const QString& example) const {
  DecodeRequest request;
  request.source = example.toStdString();
  if (lastStyle_.mode == DecodeMode::Beam) request.mode = DecodeMode::Beam;
  request.beamWidth = lastStyle_.beamWidth;
  return request;
}

QString Session::describe(const DecodeRequest& request) const {
  QString how;
  switch (request.mode) {
    case DecodeMode::Greedy:
      how = tr("greedy decoding");
      break;
    case DecodeMode::Beam:
      how = tr("beam search (width %1)").arg(request.beamWidth);
      break;
    case DecodeMode::Forced:
      how = tr("forced output (teacher forcing)");
      break;
  }
  if (model_->model() && model_->model()->isClassifier()) how = tr("classification");
  return tr("%1 · %2").arg(model_->displayName(), how);
}

void Session::showDecoded(std::shared_ptr<const Trace> trace, const DecodeRequest& request) {
  // The model's tokenizer goes with the trace: it groups the pieces into words when asked.
  std::optional<data::Tokenizer> tokenizer;
  if (model_->hasModel()) tokenizer = model_->model()->tokenizer;
  trace_->setTrace(std::move(trace), describe(request), false, std::move(tokenizer));
  emit status(tr("Decoded: %1 output tokens").arg(trace_->stepCount()));
  emit decodedWith(request);
  emit decoded();
}

}  // namespace attn::ui
