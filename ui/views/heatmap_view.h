// HeatmapView: one attention matrix, output tokens down the side and source tokens on top.
#pragma once

#include <QSize>
#include <QStringList>
#include <QWidget>

#include <vector>

#include "views/colour_maps.h"

class QCPAxis;
class QCPColorMap;
class QCPColorScale;
class QCPItemRect;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QMouseEvent;

namespace attn::ui {

class TokenTicker;

class HeatmapView : public QWidget {
  Q_OBJECT

 public:
  explicit HeatmapView(QWidget* parent = nullptr);
  ~HeatmapView() override;

  // Shows a rows x cols matrix given row by row. Empty label lists mean "number the tokens".
  // Returns false, leaving the view as it was, if the value or label counts do not match the shape.
  [[nodiscard]] bool setMatrix(int rows, int cols, const std::vector<float>& rowMajorValues,
                               const QStringList& rowLabels, const QStringList& colLabels);
  void setTitle(const QString& title);  // drawn inside the plot, so exported figures carry it
  void setAxisTitles(const QString& sourceTitle, const QString& outputTitle);
  void setValueTitle(const QString& title);  // the colour scale's label
  void setColourMap(ColourMap map);
  ColourMap colourMap() const { return colourMap_; }
  // How thick the frame around the selected row is, in pixels (2; thicker for a projector).
  void setRowMarkerWidth(double pixels);
  double rowMarkerWidth() const { return rowMarkerWidth_; }

  // Zoom with the wheel, pan by dragging; a double click or resetZoom() shows the whole matrix.
  void resetZoom();
  bool isZoomed() const;

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  double value(int row, int col) const;  // NaN outside the matrix
  QString title() const;
  QString hoverText() const;
  QStringList rowLabels() const;  // as drawn on the output axis (before thinning)
  int selectedRow() const { return selectedRow_; }
  void setSelectedRow(int row);  // -1 clears the selection

  // Figures at width x height pixels (0 x 0: the size on screen). False if the file can't be
  // written.
  bool savePng(const QString& path, int width = 0, int height = 0);
  bool savePdf(const QString& path, int width = 0, int height = 0);

  // Lays out and draws now, until the token labels are thinned for the current size. For captures
  // and tests; on screen the view settles by itself one queued replot later.
  void replotNow();

  // For tests and for views that build on this one.
  QCustomPlot* plot() const { return plot_; }
  QCPColorMap* colorMap() const { return map_; }
  QCPColorScale* colorScale() const { return scale_; }
  QCPAxis* sourceAxis() const { return sourceAxis_; }
  QCPAxis* outputAxis() const { return outputAxis_; }

 signals:
  void cellHovered(int row, int col, double value);
  void rowClicked(int row);
  void zoomChanged(bool zoomed);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  // Enough to settle a resize (the ticker measures the previous layout), a turn of the source
  // labels (QCustomPlot sizes margins from the previous draw) and the final draw.
  static constexpr int kMaxLayoutPasses = 4;

  void setUpAxes();
  void setUpColorMap();
  void connectMouse();
  bool cellAt(const QPointF& pos, int* row, int* col) const;
  void updateHover(const QPointF& pos);
  void clearHover();
  void clampRanges();
  void onAfterReplot();
  bool ticksStale() const;
  QSize exportSize(int width, int height) const;
  void layOutFor(QSize size);

  QCustomPlot* plot_;
  QLabel* hoverLabel_;
  QCPAxis* sourceAxis_ = nullptr;
  QCPAxis* outputAxis_ = nullptr;
  QCPColorMap* map_ = nullptr;
  QCPColorScale* scale_ = nullptr;
  QCPItemRect* rowMarker_ = nullptr;
  QCPTextElement* title_ = nullptr;      // null while there is no title, so it takes no space
  TokenTicker* sourceTicker_ = nullptr;  // owned by the axes
  TokenTicker* outputTicker_ = nullptr;
  int rows_ = 0;
  int cols_ = 0;
  int hoverRow_ = -1;
  int hoverCol_ = -1;
  int selectedRow_ = -1;
  ColourMap colourMap_ = ColourMap::Viridis;
  double rowMarkerWidth_ = 2;
  bool clamping_ = false;
  bool wasZoomed_ = false;
  QPointF pressPos_;
  bool pressed_ = false;
  bool syncReplot_ = false;  // replotNow() is running: it settles the layout itself
  int corrections_ = 0;      // corrective replots queued in a row, see onAfterReplot()
};

}  // namespace attn::ui
