#include "panels/input_panel.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include "data/tokenizer.h"
#include "documents/model_document.h"
#include "jobs/evaluation_job.h"
#include "models/model.h"
#include "views/token_html.h"

namespace attn::ui {

InputPanel::InputPanel(ModelDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      sentence_(new QLineEdit(this)),
      tokens_(new QLabel(this)),
      unknownWarning_(new QLabel(this)),
      greedy_(new QRadioButton(tr("Greedy"), this)),
      beam_(new QRadioButton(tr("Beam search, width"), this)),
      beamWidth_(new QSpinBox(this)),
      forced_(new QRadioButton(tr("Force this output:"), this)),
      target_(new QLineEdit(this)),
      targetTokens_(new QLabel(this)),
      decode_(new QPushButton(tr("Decode"), this)),
      modeHint_(new QLabel(this)) {
  sentence_->setObjectName(QStringLiteral("sentenceEdit"));
  sentence_->setPlaceholderText(tr("Type a sentence for the model…"));
  sentence_->setClearButtonEnabled(true);
  tokens_->setObjectName(QStringLiteral("sourceTokens"));
  tokens_->setWordWrap(true);
  tokens_->setTextFormat(Qt::RichText);
  unknownWarning_->setObjectName(QStringLiteral("unknownWarning"));
  unknownWarning_->setWordWrap(true);
  unknownWarning_->setTextFormat(Qt::PlainText);
  unknownWarning_->setStyleSheet(
      QStringLiteral("color:#7a3e00; background:#fff3cd; border:1px solid #e0b252; padding:3px"));
  unknownWarning_->setVisible(false);
  target_->setObjectName(QStringLiteral("targetEdit"));
  target_->setPlaceholderText(tr("the output to inspect"));
  targetTokens_->setWordWrap(true);
  targetTokens_->setTextFormat(Qt::RichText);
  beamWidth_->setRange(1, 64);
  beamWidth_->setValue(4);
  beamWidth_->setToolTip(tr("How many partial outputs beam search keeps at each step"));
  greedy_->setToolTip(tr("At each step take the single most probable token"));
  beam_->setToolTip(tr("Keep the best few partial outputs at each step; see the Beam search tab"));
  forced_->setToolTip(
      tr("Feed this output to the decoder (teacher forcing) and show what it "
         "attends to while producing it"));
  greedy_->setChecked(true);
  decode_->setObjectName(QStringLiteral("decodeButton"));
  decode_->setDefault(true);
  modeHint_->setWordWrap(true);
  modeHint_->setStyleSheet(QStringLiteral("color:#606060"));
  auto* modes = new QButtonGroup(this);
  for (QRadioButton* b : {greedy_, beam_, forced_}) modes->addButton(b);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(sentence_);
  layout->addWidget(tokens_);
  layout->addWidget(unknownWarning_);
  auto* grid = new QGridLayout;
  grid->addWidget(greedy_, 0, 0, 1, 2);
  grid->addWidget(beam_, 1, 0);
  grid->addWidget(beamWidth_, 1, 1, Qt::AlignLeft);
  grid->addWidget(forced_, 2, 0, 1, 2);
  grid->addWidget(target_, 3, 0, 1, 2);
  grid->addWidget(targetTokens_, 4, 0, 1, 2);
  grid->setColumnStretch(1, 1);
  layout->addLayout(grid);
  layout->addWidget(modeHint_);
  layout->addWidget(decode_);
  layout->addStretch(1);

  connect(sentence_, &QLineEdit::textChanged, this, &InputPanel::refreshTokens);
  connect(target_, &QLineEdit::textChanged, this, &InputPanel::refreshTokens);
  connect(sentence_, &QLineEdit::returnPressed, this, &InputPanel::requestDecode);
  connect(target_, &QLineEdit::returnPressed, this, &InputPanel::requestDecode);
  connect(decode_, &QPushButton::clicked, this, [this] {
    if (busy_)
      emit cancelRequested();
    else
      requestDecode();
  });
  for (QRadioButton* b : {greedy_, beam_, forced_})
    connect(b, &QRadioButton::toggled, this, &InputPanel::refreshMode);
  connect(target_, &QLineEdit::textEdited, this, [this] { forced_->setChecked(true); });
  connect(beamWidth_, qOverload<int>(&QSpinBox::valueChanged), this,
          [this] { beam_->setChecked(true); });
  connect(document_, &ModelDocument::modelChanged, this, [this] {
    refreshTokens();
    refreshMode();
  });
  refreshTokens();
  refreshMode();
}

void InputPanel::setSentence(const QString& text) {
  sentence_->setText(text);
  sentence_->setCursorPosition(0);  // a long sentence shows its beginning, not its end
}

void InputPanel::showRequest(const DecodeRequest& request) {
  if (document_->model() && document_->model()->isClassifier()) return;  // no modes shown
  setBeamWidth(request.beamWidth);
  switch (request.mode) {
    case DecodeMode::Greedy:
      greedy_->setChecked(true);
      break;
    case DecodeMode::Beam:
      beam_->setChecked(true);
      break;
    case DecodeMode::Forced:
      forced_->setChecked(true);
      break;
  }
}

void InputPanel::setBeamWidth(int width) {
  const QSignalBlocker quiet(beamWidth_);
  beamWidth_->setValue(width);
}

DecodeRequest InputPanel::request() const {
  DecodeRequest r;
  r.source = sentence_->text().toStdString();
  r.mode = beam_->isChecked()     ? DecodeMode::Beam
           : forced_->isChecked() ? DecodeMode::Forced
                                  : DecodeMode::Greedy;
  r.beamWidth = beamWidth_->value();
  r.target = target_->text().toStdString();
  return r;
}

void InputPanel::requestDecode() {
  if (!decode_->isEnabled()) return;
  emit decodeRequested(request());
}

void InputPanel::setBusy(bool busy) {
  busy_ = busy;
  const bool classifier = document_->model() && document_->model()->isClassifier();
  decode_->setText(busy ? tr("Cancel decoding") : classifier ? tr("Classify") : tr("Decode"));
  decode_->setToolTip(busy ? tr("Stop the decoding in progress") : QString());
}

void InputPanel::refreshMode() {
  const auto& model = document_->model();
  const bool classifier = model && model->isClassifier();
  for (QWidget* w :
       std::initializer_list<QWidget*>{greedy_, beam_, beamWidth_, forced_, target_, targetTokens_})
    w->setVisible(!classifier);
  target_->setEnabled(forced_->isChecked());
  decode_->setEnabled(model != nullptr);
  decode_->setText(classifier ? tr("Classify") : tr("Decode"));
  if (!model) {
    modeHint_->setText(tr("Open, pick or train a model to decode sentences."));
  } else if (classifier) {
    modeHint_->setText(
        tr("This model classifies the sentence; its attention hops show which "
           "words it read."));
  } else if (forced_->isChecked()) {
    modeHint_->setText(
        tr("Teacher forcing: the decoder is fed the output above, whatever it "
           "would have chosen."));
  } else {
    modeHint_->clear();
  }
  modeHint_->setVisible(!modeHint_->text().isEmpty());
}

void InputPanel::refreshTokens() {
  unknownWarning_->setVisible(false);
  const auto& model = document_->model();
  if (!model || sentence_->text().trimmed().isEmpty()) {
    tokens_->setText(
        model ? tr("<span style='color:#606060'>The tokens the model reads will show here.</span>")
              : QString());
    targetTokens_->clear();
    return;
  }
  try {
    QStringList tokens;
    QList<bool> unknown, added;
    int unknownCount = 0;
    for (const SeenToken& t : tokensAsSeen(*model, sentence_->text().toStdString())) {
      tokens << QString::fromStdString(t.text);
      unknown << t.unknown;
      added << t.added;
      unknownCount += t.unknown;
    }
    QString html = tr("Model reads: ") + seenTokensHtml(tokens, unknown, added);
    const int typed = int(added.count(false));
    if (typed > 0 && unknownCount > jobs::kUnknownWarningShare * typed) {
      unknownWarning_->setText(
          tr("%1 of the %2 tokens (%3%) are unknown to the model: it cannot translate this "
             "sentence well. Is it in the language the model was trained on?")
              .arg(unknownCount)
              .arg(typed)
              .arg(qRound(100.0 * unknownCount / typed)));
      unknownWarning_->setVisible(true);
    }
    if (unknownCount > 0)
      html += QStringLiteral("<br><span style='color:#b00020'>%1</span>")
                  .arg(tr("%n unknown token(s), underlined: the model reads them as &lt;unk&gt;.",
                          nullptr, unknownCount));
    tokens_->setText(html);
    // The forced target, checked against the output vocabulary.
    QStringList targets;
    QList<bool> targetUnknown;
    int targetUnknownCount = 0;
    if (!target_->text().trimmed().isEmpty() && !model->isClassifier()) {
      for (const std::string& t : data::tokenize(target_->text().toStdString(), model->tokenizer)) {
        targets << QString::fromStdString(t);
        const bool u = !model->tgtVocab.contains(t);
        targetUnknown << u;
        targetUnknownCount += u;
      }
    }
    targetTokens_->setText(targetUnknownCount == 0
                               ? QString()
                               : seenTokensHtml(targets, targetUnknown, {}) +
                                     tr("<br><span style='color:#b00020'>not in the output "
                                        "vocabulary: read as &lt;unk&gt;</span>"));
  } catch (const std::exception& e) {
    tokens_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>")
                         .arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
  }
}

}  // namespace attn::ui
