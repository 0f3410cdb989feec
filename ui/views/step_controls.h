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
  QAction* firstAction() const { return first_; }
  QAction* previousAction() const { return previous_; }
  QAction* nextAction() const { return next_; }
  QAction* lastAction() const { return last_; }
  QAction* playAction() const { return play_; }
  bool isPlaying() const { return timer_.isActive(); }
  void setPlaying(bool playing);
  QString positionText() const;

 private:
  void refresh();
  void advance();

  TraceDocument* document_;
  QAction* first_;
  QAction* previous_;
  QAction* next_;
  QAction* last_;
  QAction* play_;
  QLabel* position_;
  QTimer timer_;
};

}  // namespace attn::ui
