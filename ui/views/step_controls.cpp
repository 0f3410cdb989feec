#include "views/step_controls.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include "documents/trace_document.h"

namespace attn::ui {

StepControls::StepControls(TraceDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), position_(new QLabel(this)) {
  auto make = [this](QStyle::StandardPixmap icon, const QString& text, const QKeySequence& key,
                     const char* name) {
    auto* action = new QAction(style()->standardIcon(icon), text, this);
    action->setShortcut(key);
    action->setObjectName(QString::fromLatin1(name));
    action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
    return action;
  };
  first_ = make(QStyle::SP_MediaSkipBackward, tr("First step"), QKeySequence(Qt::Key_Home),
                "actionFirstStep");
  previous_ = make(QStyle::SP_MediaSeekBackward, tr("Previous step"), QKeySequence(Qt::Key_Left),
                   "actionPreviousStep");
  next_ = make(QStyle::SP_MediaSeekForward, tr("Next step"), QKeySequence(Qt::Key_Right),
               "actionNextStep");
  last_ = make(QStyle::SP_MediaSkipForward, tr("Last step"), QKeySequence(Qt::Key_End),
               "actionLastStep");
  play_ = make(QStyle::SP_MediaPlay, tr("Play"), QKeySequence(Qt::Key_Space), "actionPlay");
  play_->setCheckable(true);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  for (QAction* action : stepActions()) {
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);  // the button owns the action's shortcut in this window
    button->setAutoRaise(true);
    layout->addWidget(button);
  }
  layout->addSpacing(6);
  layout->addWidget(position_, 1);
  position_->setObjectName(QStringLiteral("stepPosition"));

  timer_.setInterval(kPlayIntervalMs);
  connect(&timer_, &QTimer::timeout, this, &StepControls::advance);
  connect(first_, &QAction::triggered, this, [this] { document_->setStep(0); });
  connect(previous_, &QAction::triggered, this,
          [this] { document_->setStep(document_->step() - 1); });
  connect(next_, &QAction::triggered, this, [this] { document_->setStep(document_->step() + 1); });
  connect(last_, &QAction::triggered, this,
          [this] { document_->setStep(document_->stepCount() - 1); });
  connect(play_, &QAction::toggled, this, &StepControls::setPlaying);
  connect(document_, &TraceDocument::stepChanged, this, &StepControls::refresh);
  connect(document_, &TraceDocument::traceChanged, this, [this] {
    setPlaying(false);
    refresh();
  });
  refresh();
}

QList<QAction*> StepControls::stepActions() const {
  return {first_, previous_, next_, last_, play_};
}

void StepControls::setPlaying(bool playing) {
  if (playing == timer_.isActive()) return;
  if (playing) {
    // Play from the start when already at the end: what people mean by pressing play again.
    if (document_->step() >= document_->stepCount() - 1) document_->setStep(0);
    timer_.start();
  } else {
    timer_.stop();
  }
  play_->setChecked(playing);
  play_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  play_->setText(playing ? tr("Pause") : tr("Play"));
}

void StepControls::advance() {
  if (document_->step() >= document_->stepCount() - 1) {
    setPlaying(false);
    return;
  }
  document_->setStep(document_->step() + 1);
}

QString StepControls::positionText() const {
  return position_->text();
}

void StepControls::refresh() {
  const int count = document_->stepCount();
  const int step = document_->step();
  const bool any = count > 1;
  first_->setEnabled(any && step > 0);
  previous_->setEnabled(any && step > 0);
  next_->setEnabled(any && step < count - 1);
  last_->setEnabled(any && step < count - 1);
  play_->setEnabled(any);
  if (count == 0) {
    position_->setText(tr("no output yet"));
  } else {
    const QString token = document_->targetTokens().value(step);
    position_->setText(tr("step %1 of %2: “%3”").arg(step + 1).arg(count).arg(token));
  }
}

}  // namespace attn::ui
