#include "panels/corpus_form.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "data/sentencepiece_model.h"
#include "data/tsv.h"
#include "panels/form_fields.h"

namespace attn::ui {
namespace {

// A path field with its Browse… button, as one row.
QWidget* corpusPathRow(QWidget* parent, QLineEdit* edit, QPushButton* button) {
  auto* row = new QWidget(parent);
  auto* h = new QHBoxLayout(row);
  h->setContentsMargins(0, 0, 0, 0);
  h->addWidget(edit, 1);
  h->addWidget(button);
  return row;
}

QCheckBox* optionCheck(QWidget* parent, const QString& objectName, const QString& tip) {
  auto* box = new QCheckBox(parent);
  box->setObjectName(objectName);
  box->setToolTip(tip);
  return box;
}

}  // namespace

CorpusForm::CorpusForm(QWidget* parent) : QWidget(parent) {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(0);
  v->addWidget(buildFileRows());
  v->addWidget(buildTokenizerRows());
  v->addWidget(buildFilterRows());
  // Every field feeds the preview; the owner waits for typing to pause before recomputing.
  for (QSpinBox* s : findChildren<QSpinBox*>())
    connect(s, qOverload<int>(&QSpinBox::valueChanged), this, &CorpusForm::changed);
  for (QDoubleSpinBox* s : findChildren<QDoubleSpinBox*>())
    connect(s, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &CorpusForm::changed);
  for (QComboBox* c : findChildren<QComboBox*>())
    connect(c, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
      refreshEnabled();
      emit changed();
    });
  for (QCheckBox* c : findChildren<QCheckBox*>())
    connect(c, &QCheckBox::toggled, this, &CorpusForm::changed);
  for (QLineEdit* e : {tsvPath_, sourcePath_, targetPath_}) {
    connect(e, &QLineEdit::textChanged, this, &CorpusForm::changed);
    connect(e, &QLineEdit::textEdited, this, [this] { emit fileChosen(false); });
  }
  connect(kind_, qOverload<int>(&QComboBox::currentIndexChanged), this,
          [this](int index) { emit kindChanged(index == 1); });
  refreshEnabled();
}

QWidget* CorpusForm::buildFileRows() {
  auto* w = new QWidget(this);
  auto* f = form(w);
  layout_ = choice(w, {tr("One TSV file"), tr("Parallel files")}, tr("One TSV file"),
                   tr("A TSV file with the source and the target in two of its columns, or two "
                      "text files of one sentence a line (line N of each makes example N)"));
  layout_->setObjectName(QStringLiteral("corpusLayout"));
  tsvPath_ = new QLineEdit(w);
  tsvPath_->setObjectName(QStringLiteral("corpusPath"));
  tsvPath_->setPlaceholderText(tr("source<TAB>target lines"));
  tsvPath_->setMinimumWidth(60);
  auto* browseTsv = new QPushButton(tr("Browse…"), w);
  sourceColumn_ = spin(w, 1, 1000, 1, tr("The column (1-based) of the source, or of the text"));
  sourceColumn_->setObjectName(QStringLiteral("sourceColumn"));
  targetColumn_ = spin(w, 1, 1000, 2, tr("The column (1-based) of the target, or of the label"));
  targetColumn_->setObjectName(QStringLiteral("targetColumn"));
  auto* columns = new QWidget(w);
  auto* h = new QHBoxLayout(columns);
  h->setContentsMargins(0, 0, 0, 0);
  h->addWidget(sourceColumn_);
  h->addWidget(targetColumn_);
  sourcePath_ = new QLineEdit(w);
  sourcePath_->setObjectName(QStringLiteral("sourceFilePath"));
  sourcePath_->setPlaceholderText(tr("one source sentence a line"));
  targetPath_ = new QLineEdit(w);
  targetPath_->setObjectName(QStringLiteral("targetFilePath"));
  targetPath_->setPlaceholderText(tr("as many target lines"));
  auto* browseSource = new QPushButton(tr("Browse…"), w);
  auto* browseTarget = new QPushButton(tr("Browse…"), w);
  skipHeader_ =
      optionCheck(w, QStringLiteral("skipHeader"),
                  tr("The first line names the columns or the language: do not train on it"));
  kind_ = choice(w, {QStringLiteral("seq2seq"), QStringLiteral("classification")},
                 QStringLiteral("seq2seq"),
                 tr("seq2seq: source → target; classification: text → label"));
  kind_->setObjectName(QStringLiteral("corpusKind"));
  fromTranslations_ = new QPushButton(tr("From this computer's translations…"), w);
  fromTranslations_->setObjectName(QStringLiteral("fromTranslations"));
  fromTranslations_->setToolTip(
      tr("Build an English → language corpus from the translation catalogs of the programs "
         "installed here"));

  QWidget* tsvRow = corpusPathRow(w, tsvPath_, browseTsv);
  QWidget* sourceRow = corpusPathRow(w, sourcePath_, browseSource);
  QWidget* targetRow = corpusPathRow(w, targetPath_, browseTarget);
  f->addRow(tr("layout"), layout_);
  f->addRow(tr("file"), tsvRow);
  f->addRow(tr("columns (source, target)"), columns);
  f->addRow(tr("source file"), sourceRow);
  f->addRow(tr("target file"), targetRow);
  f->addRow(tr("skip header"), skipHeader_);
  f->addRow(tr("kind"), kind_);
  f->addRow(QString(), fromTranslations_);
  tsvOnly_ = {tsvRow, columns, f->labelForField(tsvRow), f->labelForField(columns)};
  parallelOnly_ = {sourceRow, targetRow, f->labelForField(sourceRow), f->labelForField(targetRow)};

  const auto browseInto = [this](QPushButton* button, QLineEdit* edit, const QString& title) {
    connect(button, &QPushButton::clicked, this, [this, edit, title] {
      const QString path = browse(title, edit->text());
      if (path.isEmpty()) return;
      edit->setText(path);
      emit fileChosen(true);
    });
  };
  browseInto(browseTsv, tsvPath_, tr("Training data"));
  browseInto(browseSource, sourcePath_, tr("Source sentences"));
  browseInto(browseTarget, targetPath_, tr("Target sentences"));
  connect(fromTranslations_, &QPushButton::clicked, this, &CorpusForm::translationsRequested);
  return w;
}

QWidget* CorpusForm::buildTokenizerRows() {
  auto* w = new QWidget(this);
  auto* f = form(w);
  tokenizer_ = choice(
      w,
      {QStringLiteral("word"), QStringLiteral("char"), QStringLiteral("words"),
       QStringLiteral("sentencepiece")},
      QStringLiteral("word"),
      tr("word: split at spaces (\"Go.\" is one token); char: one token per character; words: "
         "Unicode words and punctuation apart, Chinese and Japanese cut into words; "
         "sentencepiece: subwords learned from the train split, so rare words become known "
         "pieces"));
  tokenizer_->setObjectName(QStringLiteral("tokenizerBox"));
  lowercase_ = optionCheck(w, QStringLiteral("lowercase"),
                           tr("words, sentencepiece: fold the text to lower case first"));
  nfkc_ = optionCheck(w, QStringLiteral("nfkc"),
                      tr("words: normalise the text to Unicode NFKC first (full-width letters and "
                         "ligatures become plain ones)"));
  subwordType_ = choice(w, {QStringLiteral("unigram"), QStringLiteral("bpe")},
                        QStringLiteral("unigram"), tr("sentencepiece: how pieces are learned"));
  subwordType_->setObjectName(QStringLiteral("spModelType"));
  subwordVocab_ = spin(w, 8, 1'000'000, 8000,
                       tr("sentencepiece: the most pieces to learn (a small corpus gets fewer)"));
  subwordVocab_->setObjectName(QStringLiteral("spVocabSize"));
  minFrequency_ = spin(w, 1, 1'000'000, 1, tr("Tokens seen fewer times become <unk>"));
  minFrequency_->setObjectName(QStringLiteral("minFrequency"));
  maxVocab_ = spin(w, 0, 10'000'000, 0,
                   tr("The most tokens per vocabulary, the special tokens included (0: no limit)"));
  maxVocab_->setObjectName(QStringLiteral("maxVocab"));
  f->addRow(tr("tokenizer"), tokenizer_);
  f->addRow(tr("lower case"), lowercase_);
  f->addRow(tr("NFKC"), nfkc_);
  f->addRow(tr("subword model"), subwordType_);
  f->addRow(tr("subword vocabulary"), subwordVocab_);
  f->addRow(tr("min frequency"), minFrequency_);
  f->addRow(tr("max vocabulary"), maxVocab_);
  return w;
}

QWidget* CorpusForm::buildFilterRows() {
  auto* w = new QWidget(this);
  auto* f = form(w);
  maxSourceTokens_ =
      spin(w, 0, 100'000, 0, tr("Leave out examples whose source has more tokens (0: keep all)"));
  maxSourceTokens_->setObjectName(QStringLiteral("maxSourceTokens"));
  maxTargetTokens_ =
      spin(w, 0, 100'000, 0, tr("Leave out examples whose target has more tokens (0: keep all)"));
  maxTargetTokens_->setObjectName(QStringLiteral("maxTargetTokens"));
  dedup_ = optionCheck(w, QStringLiteral("dedup"),
                       tr("Keep only the first of examples with the same source and target"));
  splitSeed_ = spin(w, 0, 1'000'000, 1, tr("The seed of the split into train, validation, test"));
  validationFraction_ =
      dspin(w, 0, 0.9, 0.1, 2, 0.05, tr("Share of the file held out for validation"));
  testFraction_ = dspin(w, 0, 0.9, 0.1, 2, 0.05, tr("Share of the file held out for testing"));
  f->addRow(tr("max source tokens"), maxSourceTokens_);
  f->addRow(tr("max target tokens"), maxTargetTokens_);
  f->addRow(tr("drop duplicates"), dedup_);
  f->addRow(tr("split seed"), splitSeed_);
  f->addRow(tr("validation share"), validationFraction_);
  f->addRow(tr("test share"), testFraction_);
  return w;
}

QString CorpusForm::browse(const QString& title, const QString& current) {
  return QFileDialog::getOpenFileName(this, title, current,
                                      tr("Text files (*.tsv *.txt *.en *.fr);;All files (*)"));
}

void CorpusForm::refreshEnabled() {
  const bool parallel = layout_->currentIndex() == 1;
  for (QWidget* w : tsvOnly_)
    if (w) w->setVisible(!parallel);
  for (QWidget* w : parallelOnly_)
    if (w) w->setVisible(parallel);
  // The options a tokenizer does not read are greyed out, as the CLI refuses them.
  const QString t = tokenizer_->currentText();
  const bool pieces = t == QLatin1String("sentencepiece");
  lowercase_->setEnabled(pieces || t == QLatin1String("words"));
  nfkc_->setEnabled(t == QLatin1String("words"));
  subwordType_->setEnabled(pieces);
  subwordVocab_->setEnabled(pieces);
  const bool classify = kind_->currentIndex() == 1;
  maxTargetTokens_->setEnabled(!classify);
}

bool CorpusForm::hasFile() const {
  if (layout_->currentIndex() == 1)
    return !sourcePath_->text().trimmed().isEmpty() && !targetPath_->text().trimmed().isEmpty();
  return !tsvPath_->text().trimmed().isEmpty();
}

void CorpusForm::setTsvFile(const QString& path) {
  layout_->setCurrentIndex(0);
  tsvPath_->setText(path);
  emit fileChosen(true);
}

jobs::TsvFile CorpusForm::spec() const {
  jobs::TsvFile f;
  const bool parallel = layout_->currentIndex() == 1;
  f.path = (parallel ? sourcePath_ : tsvPath_)->text().trimmed().toStdString();
  if (parallel) f.targetPath = targetPath_->text().trimmed().toStdString();
  // Core's reading of "SRC,TGT", so that the GUI refuses what --columns refuses.
  f.columns = data::parseColumns(QStringLiteral("%1,%2")
                                     .arg(sourceColumn_->value())
                                     .arg(targetColumn_->value())
                                     .toStdString());
  f.kind = kind_->currentIndex() == 1 ? data::TaskKind::Classification : data::TaskKind::Seq2Seq;
  f.tokenizer = data::parseTokenizerKind(tokenizer_->currentText().toStdString());
  f.lowercase = lowercase_->isEnabled() && lowercase_->isChecked();
  f.nfkc = nfkc_->isEnabled() && nfkc_->isChecked();
  f.subwordAlgorithm = data::parseSubwordAlgorithm(subwordType_->currentText().toStdString());
  f.subwordVocabSize = subwordVocab_->value();
  f.split.seed = uint64_t(splitSeed_->value());
  f.split.validationFraction = validationFraction_->value();
  f.split.testFraction = testFraction_->value();
  f.skipHeader = skipHeader_->isChecked();
  f.filter.maxSourceTokens = maxSourceTokens_->value();
  f.filter.maxTargetTokens = maxTargetTokens_->isEnabled() ? maxTargetTokens_->value() : 0;
  f.filter.dedup = dedup_->isChecked();
  return f;
}

data::VocabularyOptions CorpusForm::vocabulary() const {
  data::VocabularyOptions v;
  v.minFrequency = minFrequency_->value();
  v.maxSize = maxVocab_->value();
  return v;
}

QString CorpusForm::problem() const {
  const bool parallel = layout_->currentIndex() == 1;
  const QList<QLineEdit*> paths =
      parallel ? QList<QLineEdit*>{sourcePath_, targetPath_} : QList<QLineEdit*>{tsvPath_};
  for (QLineEdit* edit : paths) {
    const QString path = edit->text().trimmed();
    if (path.isEmpty())
      return parallel ? tr("Choose the source file and the target file to train on.")
                      : tr("Choose the TSV file to train on, or a built-in task.");
    if (!QFileInfo(path).isFile()) return tr("The file '%1' does not exist.").arg(path);
  }
  if (sourceColumn_->value() == targetColumn_->value() && !parallel)
    return tr("The source and the target are both column %1: choose two different columns.")
        .arg(sourceColumn_->value());
  if (parallel && kind_->currentIndex() == 1)
    return tr(
        "Parallel files hold sentence pairs: choose seq2seq, or one TSV file for a "
        "classification task.");
  if (validationFraction_->value() + testFraction_->value() >= 0.95)
    return tr("The validation and test shares leave almost nothing to train on.");
  return {};
}

}  // namespace attn::ui
