// Session: the app's state and the work on it, without any widget: the model, the trace on
// screen, decoding on its worker thread, opening and saving files. The window and the tests
// drive the same object; errors come out as UserError signals for the window to show.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

#include "documents/decoding_metatypes.h"
#include "models/model_fwd.h"
#include "window/user_error.h"

namespace attn {
struct Trace;
}  // namespace attn

namespace attn::ui {

class DecodeRunner;
class ModelDocument;
class TraceDocument;

class Session : public QObject {
  Q_OBJECT

 public:
  explicit Session(QObject* parent = nullptr);
  ~Session() override;

  ModelDocument* modelDocument() const { return model_; }
  TraceDocument* traceDocument() const { return trace_; }
  bool isBusy() const;

  // Each returns false and emits failed() when it cannot; on success openModel/openTrace emit
  // fileOpened(), and a model's example sentence is suggested and decoded at once.
  bool openModel(const QString& path, bool decodeExample = true);
  bool openTrace(const QString& path);
  bool openFile(const QString& path);  // by its suffix: .safetensors or .json
  bool saveModel(const QString& path);
  // A model trained in this session: unsaved until saveModel(); `example` is decoded at once.
  void adoptTrainedModel(std::shared_ptr<const Model> model, const QString& example);
  void showExample();  // the hand-made alignment, labelled as such

  void decode(const DecodeRequest& request);     // on the worker thread
  bool decodeNow(const DecodeRequest& request);  // on this thread (command line, screenshots)
  void cancelDecode();                           // the decode in progress stops: "Cancelled"

 signals:
  void failed(const attn::ui::UserError& error);
  void fileOpened(const QString& path);
  void exampleSuggested(const QString& sentence);
  void busyChanged(bool busy);
  void decoded();  // a new trace from the model is on screen
  // The request behind that trace: how it was decoded, for the controls to say what ran.
  void decodedWith(const attn::ui::DecodeRequest& request);
  void status(const QString& message);

 private:
  void showDecoded(std::shared_ptr<const Trace> trace, const DecodeRequest& request);
  QString describe(const DecodeRequest& request) const;
  // A model's example decoded the way the last decode ran (greedy or beam, same width); a forced
  // output belongs to the old model's sentence, so it falls back to greedy.
  DecodeRequest exampleRequest(const QString& example) const;

  ModelDocument* model_;
  TraceDocument* trace_;
  DecodeRunner* runner_;
  DecodeRequest lastStyle_;  // the mode and width of the last decode asked for
};

}  // namespace attn::ui
