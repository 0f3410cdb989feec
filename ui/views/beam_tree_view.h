// BeamTreeView: the hypotheses beam search kept, as a tree growing left to right one step per
// column. The path of the returned output is orange; a click on one of its nodes selects that
// step everywhere (heatmap row, step view), a click elsewhere reads that hypothesis out.
#pragma once

#include <QRectF>
#include <QString>
#include <QWidget>

#include <vector>

class QLabel;
class QScrollArea;

namespace attn::ui {

class TraceDocument;

class BeamTreeCanvas : public QWidget {
  Q_OBJECT

 public:
  explicit BeamTreeCanvas(TraceDocument* document, QWidget* parent = nullptr);

  QSize sizeHint() const override;
  QRectF nodeRect(int id) const;  // empty for an unknown node
  int nodeCount() const { return int(rects_.size()); }

 signals:
  void nodeClicked(int id);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;  // tooltips

 private:
  void layOut();
  int nodeAt(const QPointF& pos) const;

  TraceDocument* document_;
  std::vector<QRectF> rects_;  // by node id
  QRectF rootRect_;
  QSize size_;
};

class BeamTreeView : public QWidget {
  Q_OBJECT

 public:
  explicit BeamTreeView(TraceDocument* document, QWidget* parent = nullptr);
  BeamTreeCanvas* canvas() const { return canvas_; }
  QString hypothesisText() const;

 private:
  void refresh();
  void showNode(int id);
  void followStep(int step);  // keeps the output's node at the current step in view

  TraceDocument* document_;
  QLabel* header_;
  QLabel* hypothesis_;
  QScrollArea* scroll_;
  BeamTreeCanvas* canvas_;
};

}  // namespace attn::ui
