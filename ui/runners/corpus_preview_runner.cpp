#include "runners/corpus_preview_runner.h"

namespace attn::ui {

CorpusPreviewRunner::CorpusPreviewRunner(QObject* parent)
    : LatestRunner(
          QStringLiteral("corpus preview"), Policy::NewestWins, tr("Corpus preview"),
          tr("Check the file, its columns and the tokenizer."),
          [](const PreviewRequest& request,
             const RunContext& context) -> std::optional<CorpusPreview> {
            CorpusPreview preview = computeCorpusPreview(request, context.keepGoingFunction());
            if (!context.keepGoing()) return std::nullopt;
            return preview;
          },
          parent) {}

void CorpusPreviewRunner::deliver(CorpusPreview preview) {
  emit finished(preview);
}

}  // namespace attn::ui
