// Moving through the decoding one output token at a time: first, previous, next, last and play,
// as buttons and as the keys ←, →, Home, End and Space (the actions also sit in the Decode menu,
// so the keys are discoverable).
#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;

namespace attn::ui {

class TraceDocument;

class StepControls : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kPlayIntervalMs = 700;  // slow enough to read each step's attention

  explicit StepControls(TraceDocument* document, QWidget* parent = nullptr);

  QList<QAction*> stepActions() const;  // first, previous, next, last, play
  QAction* firstAction() const { return mFirst; }
  QAction* previousAction() const { return mPrevious; }
  QAction* nextAction() const { return mNext; }
  QAction* lastAction() const { return mLast; }
  QAction* playAction() const { return mPlay; }
  bool isPlaying() const { return mTimer.isActive(); }
  void setPlaying(bool playing);
  QString positionText() const;

 private:
  void refresh();
  void advance();

  TraceDocument* mDocument;
  QAction* mFirst;
  QAction* mPrevious;
  QAction* mNext;
  QAction* mLast;
  QAction* mPlay;
  QLabel* mPosition;
  QTimer mTimer;
};

}  // namespace attn::ui
