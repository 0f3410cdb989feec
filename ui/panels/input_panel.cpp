#include "panels/input_panel.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "data/tokenizer.h"
#include "documents/model_document.h"
#include "models/model.h"
#include "views/token_html.h"

namespace attn::ui {

InputPanel::InputPanel(ModelDocument* document, QWidget* parent)
    : QWidget(parent),
      mDocument(document),
      mSentence(new QLineEdit(this)),
      mTokens(new QLabel(this)),
      mGreedy(new QRadioButton(tr("Greedy"), this)),
      mBeam(new QRadioButton(tr("Beam search, width"), this)),
      mBeamWidth(new QSpinBox(this)),
      mForced(new QRadioButton(tr("Force this output:"), this)),
      mTarget(new QLineEdit(this)),
      mTargetTokens(new QLabel(this)),
      mDecode(new QPushButton(tr("Decode"), this)),
      mModeHint(new QLabel(this)) {
  mSentence->setObjectName(QStringLiteral("sentenceEdit"));
  mSentence->setPlaceholderText(tr("Type a sentence for the model…"));
  mSentence->setClearButtonEnabled(true);
  mTokens->setObjectName(QStringLiteral("sourceTokens"));
  mTokens->setWordWrap(true);
  mTokens->setTextFormat(Qt::RichText);
  mTarget->setObjectName(QStringLiteral("targetEdit"));
  mTarget->setPlaceholderText(tr("the output to inspect"));
  mTargetTokens->setWordWrap(true);
  mTargetTokens->setTextFormat(Qt::RichText);
  mBeamWidth->setRange(1, 64);
  mBeamWidth->setValue(4);
  mBeamWidth->setToolTip(tr("How many partial outputs beam search keeps at each step"));
  mGreedy->setToolTip(tr("At each step take the single most probable token"));
  mBeam->setToolTip(tr("Keep the best few partial outputs at each step; see the Beam search tab"));
  mForced->setToolTip(
      tr("Feed this output to the decoder (teacher forcing) and show what it "
         "attends to while producing it"));
  mGreedy->setChecked(true);
  mDecode->setObjectName(QStringLiteral("decodeButton"));
  mDecode->setDefault(true);
  mModeHint->setWordWrap(true);
  mModeHint->setStyleSheet(QStringLiteral("color:#606060"));
  auto* modes = new QButtonGroup(this);
  for (QRadioButton* b : {mGreedy, mBeam, mForced}) modes->addButton(b);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(mSentence);
  layout->addWidget(mTokens);
  auto* grid = new QGridLayout;
  grid->addWidget(mGreedy, 0, 0, 1, 2);
  grid->addWidget(mBeam, 1, 0);
  grid->addWidget(mBeamWidth, 1, 1, Qt::AlignLeft);
  grid->addWidget(mForced, 2, 0, 1, 2);
  grid->addWidget(mTarget, 3, 0, 1, 2);
  grid->addWidget(mTargetTokens, 4, 0, 1, 2);
  grid->setColumnStretch(1, 1);
  layout->addLayout(grid);
  layout->addWidget(mModeHint);
  layout->addWidget(mDecode);
  layout->addStretch(1);

  connect(mSentence, &QLineEdit::textChanged, this, &InputPanel::refreshTokens);
  connect(mTarget, &QLineEdit::textChanged, this, &InputPanel::refreshTokens);
  connect(mSentence, &QLineEdit::returnPressed, this, &InputPanel::requestDecode);
  connect(mTarget, &QLineEdit::returnPressed, this, &InputPanel::requestDecode);
  connect(mDecode, &QPushButton::clicked, this, [this] {
    if (mBusy)
      emit cancelRequested();
    else
      requestDecode();
  });
  for (QRadioButton* b : {mGreedy, mBeam, mForced})
    connect(b, &QRadioButton::toggled, this, &InputPanel::refreshMode);
  connect(mTarget, &QLineEdit::textEdited, this, [this] { mForced->setChecked(true); });
  connect(mBeamWidth, qOverload<int>(&QSpinBox::valueChanged), this,
          [this] { mBeam->setChecked(true); });
  connect(mDocument, &ModelDocument::modelChanged, this, [this] {
    refreshTokens();
    refreshMode();
  });
  refreshTokens();
  refreshMode();
}

void InputPanel::setSentence(const QString& text) {
  mSentence->setText(text);
  mSentence->setCursorPosition(0);  // a long sentence shows its beginning, not its end
}

DecodeRequest InputPanel::request() const {
  DecodeRequest r;
  r.source = mSentence->text().toStdString();
  r.mode = mBeam->isChecked()     ? DecodeMode::Beam
           : mForced->isChecked() ? DecodeMode::Forced
                                  : DecodeMode::Greedy;
  r.beamWidth = mBeamWidth->value();
  r.target = mTarget->text().toStdString();
  return r;
}

void InputPanel::requestDecode() {
  if (!mDecode->isEnabled()) return;
  emit decodeRequested(request());
}

void InputPanel::setBusy(bool busy) {
  mBusy = busy;
  const bool classifier = mDocument->model() && mDocument->model()->isClassifier();
  mDecode->setText(busy ? tr("Cancel decoding") : classifier ? tr("Classify") : tr("Decode"));
  mDecode->setToolTip(busy ? tr("Stop the decoding in progress") : QString());
}

void InputPanel::refreshMode() {
  const auto& model = mDocument->model();
  const bool classifier = model && model->isClassifier();
  for (QWidget* w :
       std::initializer_list<QWidget*>{mGreedy, mBeam, mBeamWidth, mForced, mTarget, mTargetTokens})
    w->setVisible(!classifier);
  mTarget->setEnabled(mForced->isChecked());
  mDecode->setEnabled(model != nullptr);
  mDecode->setText(classifier ? tr("Classify") : tr("Decode"));
  if (!model) {
    mModeHint->setText(tr("Open, pick or train a model to decode sentences."));
  } else if (classifier) {
    mModeHint->setText(
        tr("This model classifies the sentence; its attention hops show which "
           "words it read."));
  } else if (mForced->isChecked()) {
    mModeHint->setText(
        tr("Teacher forcing: the decoder is fed the output above, whatever it "
           "would have chosen."));
  } else {
    mModeHint->clear();
  }
  mModeHint->setVisible(!mModeHint->text().isEmpty());
}

void InputPanel::refreshTokens() {
  const auto& model = mDocument->model();
  if (!model || mSentence->text().trimmed().isEmpty()) {
    mTokens->setText(
        model ? tr("<span style='color:#606060'>The tokens the model reads will show here.</span>")
              : QString());
    mTargetTokens->clear();
    return;
  }
  try {
    QStringList tokens;
    QList<bool> unknown, added;
    int unknownCount = 0;
    for (const SeenToken& t : tokensAsSeen(*model, mSentence->text().toStdString())) {
      tokens << QString::fromStdString(t.text);
      unknown << t.unknown;
      added << t.added;
      unknownCount += t.unknown;
    }
    QString html = tr("Model reads: ") + seenTokensHtml(tokens, unknown, added);
    if (unknownCount > 0)
      html += QStringLiteral("<br><span style='color:#b00020'>%1</span>")
                  .arg(tr("%n unknown token(s), underlined: the model reads them as &lt;unk&gt;.",
                          nullptr, unknownCount));
    mTokens->setText(html);
    // The forced target, checked against the output vocabulary.
    QStringList targets;
    QList<bool> targetUnknown;
    int targetUnknownCount = 0;
    if (!mTarget->text().trimmed().isEmpty() && !model->isClassifier()) {
      for (const std::string& t : data::tokenize(mTarget->text().toStdString(), model->tokenizer)) {
        targets << QString::fromStdString(t);
        const bool u = !model->tgtVocab.contains(t);
        targetUnknown << u;
        targetUnknownCount += u;
      }
    }
    mTargetTokens->setText(targetUnknownCount == 0
                               ? QString()
                               : seenTokensHtml(targets, targetUnknown, {}) +
                                     tr("<br><span style='color:#b00020'>not in the output "
                                        "vocabulary: read as &lt;unk&gt;</span>"));
  } catch (const std::exception& e) {
    mTokens->setText(QStringLiteral("<span style='color:#b00020'>%1</span>")
                         .arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
  }
}

}  // namespace attn::ui
