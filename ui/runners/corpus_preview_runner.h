// The corpus preview computed off the GUI thread (a LatestRunner, newest request wins): choosing
// another file, column or tokenizer while a large file is being read stops the older run at its
// next stage, and the window never freezes.
#pragma once

#include "documents/corpus_preview.h"
#include "runners/latest_runner.h"

namespace attn::ui {

class CorpusPreviewRunner : public LatestRunner<PreviewRequest, CorpusPreview> {
  Q_OBJECT

 public:
  explicit CorpusPreviewRunner(QObject* parent = nullptr);

 signals:
  void finished(const attn::ui::CorpusPreview& preview);

 private:
  void deliver(CorpusPreview preview) override;
};

}  // namespace attn::ui
