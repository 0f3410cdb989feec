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
  ColourMap colourMap() const { return mColourMap; }
  // How thick the frame around the selected row is, in pixels (2; thicker for a projector).
  void setRowMarkerWidth(double pixels);
  double rowMarkerWidth() const { return mRowMarkerWidth; }

  // Zoom with the wheel, pan by dragging; a double click or resetZoom() shows the whole matrix.
  void resetZoom();
  bool isZoomed() const;

  int rows() const { return mRows; }
  int cols() const { return mCols; }
  double value(int row, int col) const;  // NaN outside the matrix
  QString title() const;
  QString hoverText() const;
  QStringList rowLabels() const;  // as drawn on the output axis (before thinning)
  int selectedRow() const { return mSelectedRow; }
  void setSelectedRow(int row);  // -1 clears the selection

  // Figures at width x height pixels (0 x 0: the size on screen). False if the file can't be
  // written.
  bool savePng(const QString& path, int width = 0, int height = 0);
  bool savePdf(const QString& path, int width = 0, int height = 0);

  // Lays out and draws now, until the token labels are thinned for the current size. For captures
  // and tests; on screen the view settles by itself one queued replot later.
  void replotNow();

  // For tests and for views that build on this one.
  QCustomPlot* plot() const { return mPlot; }
  QCPColorMap* colorMap() const { return mMap; }
  QCPColorScale* colorScale() const { return mScale; }
  QCPAxis* sourceAxis() const { return mSourceAxis; }
  QCPAxis* outputAxis() const { return mOutputAxis; }

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

  QCustomPlot* mPlot;
  QLabel* mHoverLabel;
  QCPAxis* mSourceAxis = nullptr;
  QCPAxis* mOutputAxis = nullptr;
  QCPColorMap* mMap = nullptr;
  QCPColorScale* mScale = nullptr;
  QCPItemRect* mRowMarker = nullptr;
  QCPTextElement* mTitle = nullptr;      // null while there is no title, so it takes no space
  TokenTicker* mSourceTicker = nullptr;  // owned by the axes
  TokenTicker* mOutputTicker = nullptr;
  int mRows = 0;
  int mCols = 0;
  int mHoverRow = -1;
  int mHoverCol = -1;
  int mSelectedRow = -1;
  ColourMap mColourMap = ColourMap::Viridis;
  double mRowMarkerWidth = 2;
  bool mClamping = false;
  bool mWasZoomed = false;
  QPointF mPressPos;
  bool mPressed = false;
  bool mSyncReplot = false;  // replotNow() is running: it settles the layout itself
  int mCorrections = 0;      // corrective replots queued in a row, see onAfterReplot()
};

}  // namespace attn::ui
