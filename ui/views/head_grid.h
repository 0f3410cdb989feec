// The heads at a glance: for one kind of attention, a layers × heads grid of small heatmaps plus
// each layer's mean over heads; a click enlarges one in the alignment view. Painted from images
// (one pixel per weight, scaled without smoothing), so a 6 × 8 grid of 100 × 100 maps redraws in
// a few milliseconds, far below what 54 plot widgets would cost.
#pragma once

#include <QImage>
#include <QString>
#include <QVector>
#include <QWidget>

#include <vector>

#include "trace/map_kind.h"
#include "views/colour_maps.h"

class QComboBox;
class QLabel;

namespace attn::ui {

class Settings;
class TraceDocument;

class HeadGrid : public QWidget {
  Q_OBJECT

 public:
  explicit HeadGrid(TraceDocument* document, QWidget* parent = nullptr);

  void setKind(MapKind kind);  // cross, encoder or decoder self-attention
  MapKind kind() const { return kind_; }
  void setColourMap(ColourMap map);
  int layers() const { return layers_; }
  int heads() const { return heads_; }
  // The rectangle of a small map (head -1: the layer's mean), empty outside the grid.
  QRect cellRect(int layer, int head) const;
  // The image of a small map: one pixel per weight, queries down, keys across.
  QImage image(int layer, int head) const;

 signals:
  void headActivated(attn::MapKind kind, int layer, int head);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  void rebuild();
  bool cellAt(const QPoint& pos, int* layer, int* head) const;
  int slot(int layer, int head) const { return layer * (heads_ + 1) + (head < 0 ? heads_ : head); }

  TraceDocument* document_;
  MapKind kind_ = MapKind::Cross;
  ColourMap colourMap_ = ColourMap::Viridis;
  QVector<QRgb> table_;
  int layers_ = 0;
  int heads_ = 0;
  std::vector<QImage> images_;  // layers × (heads + 1): each layer's heads, then its mean
  int hoverLayer_ = -1;
  int hoverHead_ = -2;
};

// The grid with its choice of attention kind and a line saying how to read it.
class HeadsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit HeadsPanel(TraceDocument* document, const Settings* settings = nullptr,
                      QWidget* parent = nullptr);
  HeadGrid* grid() const { return grid_; }
  QComboBox* kindBox() const { return kindBox_; }

 private:
  void rebuildKinds();

  TraceDocument* document_;
  QComboBox* kindBox_;
  QLabel* hint_;
  HeadGrid* grid_;
};

}  // namespace attn::ui
