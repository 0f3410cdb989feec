// CorpusPreviewPanel: what the Train form's corpus looks like before training on it (the data
// comes from documents/corpus_preview.h, computed on CorpusPreviewRunner's thread): the first
// examples split into the chosen columns and cut by the chosen tokenizer, the counts, the reader's
// warnings and a histogram of lengths.
#pragma once

#include <QWidget>

#include "documents/corpus_preview.h"

class QLabel;
class QTableWidget;

namespace attn::ui {

class LengthHistogram;

class CorpusPreviewPanel : public QWidget {
  Q_OBJECT

 public:
  explicit CorpusPreviewPanel(QWidget* parent = nullptr);

  void showWorking();
  void showPreview(const CorpusPreview& preview, const data::VocabularyOptions& vocabulary);
  void showProblem(const QString& problem);  // nothing to preview, or the file's error

  QLabel* countsLabel() const { return counts_; }
  QTableWidget* table() const { return table_; }
  LengthHistogram* histogram() const { return histogram_; }

 private:
  QLabel* status_;
  QLabel* counts_;
  QLabel* warnings_;
  QTableWidget* table_;
  LengthHistogram* histogram_;
};

}  // namespace attn::ui
