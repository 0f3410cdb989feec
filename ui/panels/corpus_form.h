// CorpusForm: the Train form's corpus-file section, with the options of `attention-cli train`'s
// data flags: one TSV file and its columns (SRC,TGT, 1-based), or two parallel files; a header
// line to skip; the length bounds in tokens and --dedup; the tokenizer and its options; the
// vocabulary's --min-frequency / --max-vocab; the held-out shares. spec() fills the same
// jobs::TsvFile the command line builds, and the checks are core's (data::parseColumns).
#pragma once

#include <QWidget>

#include "data/vocabulary.h"
#include "jobs/data_source.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace attn::ui {

class CorpusForm : public QWidget {
  Q_OBJECT

 public:
  explicit CorpusForm(QWidget* parent = nullptr);

  // The file as the job reads it. Throws attn::Error for a column choice core refuses.
  jobs::TsvFile spec() const;
  data::VocabularyOptions vocabulary() const;
  // Empty when spec() names files that exist; otherwise what to fix, in one sentence.
  QString problem() const;
  bool hasFile() const;  // a path is filled in (for parallel files: both)

  void setTsvFile(const QString& path);  // one TSV file, default columns
  QLineEdit* tsvEdit() const { return tsvPath_; }
  QComboBox* kindBox() const { return kind_; }
  QPushButton* translationsButton() const { return fromTranslations_; }

 signals:
  void changed();  // any field: the preview follows
  // A path was typed (picked false) or picked in a file dialog, or set: the form switches to
  // the file, and a file picked that cannot be read gets a dialog (one per choice, not per key).
  void fileChosen(bool picked);
  void kindChanged(bool classification);
  void translationsRequested();  // Train new… ▸ From this computer's translations

 private:
  QWidget* buildFileRows();
  QWidget* buildTokenizerRows();
  QWidget* buildFilterRows();
  QString browse(const QString& title, const QString& current);
  void refreshEnabled();

  QComboBox* layout_ = nullptr;  // one TSV file, or parallel files
  QLineEdit* tsvPath_ = nullptr;
  QSpinBox* sourceColumn_ = nullptr;
  QSpinBox* targetColumn_ = nullptr;
  QLineEdit* sourcePath_ = nullptr;
  QLineEdit* targetPath_ = nullptr;
  QCheckBox* skipHeader_ = nullptr;
  QComboBox* kind_ = nullptr;
  QComboBox* tokenizer_ = nullptr;
  QCheckBox* lowercase_ = nullptr;
  QCheckBox* nfkc_ = nullptr;
  QComboBox* subwordType_ = nullptr;
  QSpinBox* subwordVocab_ = nullptr;
  QSpinBox* maxSourceTokens_ = nullptr;
  QSpinBox* maxTargetTokens_ = nullptr;
  QCheckBox* dedup_ = nullptr;
  QSpinBox* minFrequency_ = nullptr;
  QSpinBox* maxVocab_ = nullptr;
  QSpinBox* splitSeed_ = nullptr;
  QDoubleSpinBox* validationFraction_ = nullptr;
  QDoubleSpinBox* testFraction_ = nullptr;
  QPushButton* fromTranslations_ = nullptr;
  QList<QWidget*> tsvOnly_, parallelOnly_;
};

}  // namespace attn::ui
