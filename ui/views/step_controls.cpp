#include "views/step_controls.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include "documents/trace_document.h"

namespace attn::ui {

StepControls::StepControls(TraceDocument* document, QWidget* parent)
    : QWidget(parent), mDocument(document), mPosition(new QLabel(this)) {
  auto make = [this](QStyle::StandardPixmap icon, const QString& text, const QKeySequence& key,
                     const char* name) {
    auto* action = new QAction(style()->standardIcon(icon), text, this);
    action->setShortcut(key);
    action->setObjectName(QString::fromLatin1(name));
    action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
    return action;
  };
  mFirst = make(QStyle::SP_MediaSkipBackward, tr("First step"), QKeySequence(Qt::Key_Home),
                "actionFirstStep");
  mPrevious = make(QStyle::SP_MediaSeekBackward, tr("Previous step"), QKeySequence(Qt::Key_Left),
                   "actionPreviousStep");
  mNext = make(QStyle::SP_MediaSeekForward, tr("Next step"), QKeySequence(Qt::Key_Right),
               "actionNextStep");
  mLast = make(QStyle::SP_MediaSkipForward, tr("Last step"), QKeySequence(Qt::Key_End),
               "actionLastStep");
  mPlay = make(QStyle::SP_MediaPlay, tr("Play"), QKeySequence(Qt::Key_Space), "actionPlay");
  mPlay->setCheckable(true);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  for (QAction* action : stepActions()) {
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);  // the button owns the action's shortcut in this window
    button->setAutoRaise(true);
    layout->addWidget(button);
  }
  layout->addSpacing(6);
  layout->addWidget(mPosition, 1);
  mPosition->setObjectName(QStringLiteral("stepPosition"));

  mTimer.setInterval(kPlayIntervalMs);
  connect(&mTimer, &QTimer::timeout, this, &StepControls::advance);
  connect(mFirst, &QAction::triggered, this, [this] { mDocument->setStep(0); });
  connect(mPrevious, &QAction::triggered, this,
          [this] { mDocument->setStep(mDocument->step() - 1); });
  connect(mNext, &QAction::triggered, this, [this] { mDocument->setStep(mDocument->step() + 1); });
  connect(mLast, &QAction::triggered, this,
          [this] { mDocument->setStep(mDocument->stepCount() - 1); });
  connect(mPlay, &QAction::toggled, this, &StepControls::setPlaying);
  connect(mDocument, &TraceDocument::stepChanged, this, &StepControls::refresh);
  connect(mDocument, &TraceDocument::traceChanged, this, [this] {
    setPlaying(false);
    refresh();
  });
  refresh();
}

QList<QAction*> StepControls::stepActions() const {
  return {mFirst, mPrevious, mNext, mLast, mPlay};
}

void StepControls::setPlaying(bool playing) {
  if (playing == mTimer.isActive()) return;
  if (playing) {
    // Play from the start when already at the end: what people mean by pressing play again.
    if (mDocument->step() >= mDocument->stepCount() - 1) mDocument->setStep(0);
    mTimer.start();
  } else {
    mTimer.stop();
  }
  mPlay->setChecked(playing);
  mPlay->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  mPlay->setText(playing ? tr("Pause") : tr("Play"));
}

void StepControls::advance() {
  if (mDocument->step() >= mDocument->stepCount() - 1) {
    setPlaying(false);
    return;
  }
  mDocument->setStep(mDocument->step() + 1);
}

QString StepControls::positionText() const {
  return mPosition->text();
}

void StepControls::refresh() {
  const int count = mDocument->stepCount();
  const int step = mDocument->step();
  const bool any = count > 1;
  mFirst->setEnabled(any && step > 0);
  mPrevious->setEnabled(any && step > 0);
  mNext->setEnabled(any && step < count - 1);
  mLast->setEnabled(any && step < count - 1);
  mPlay->setEnabled(any);
  if (count == 0) {
    mPosition->setText(tr("no output yet"));
  } else {
    const QString token = mDocument->targetTokens().value(step);
    mPosition->setText(tr("step %1 of %2: “%3”").arg(step + 1).arg(count).arg(token));
  }
}

}  // namespace attn::ui
