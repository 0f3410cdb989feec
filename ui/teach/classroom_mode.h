// Classroom mode: the window as the back row of a lecture hall needs it on a projector. Text
// everywhere is larger (the application font times a scale, plots included), the palette is
// black on white with strong edges, the heatmaps use the colour map a projector keeps best and
// frame the current row more thickly, buttons' icons grow, and the secondary panels are put
// away so that the attention map and the step-by-step view get the room. Leaving it puts back
// the font, palette, colour map and layout the window had.
#pragma once

#include <QByteArray>
#include <QFont>
#include <QList>
#include <QObject>
#include <QPalette>
#include <QPointer>

#include "views/colour_maps.h"

class QAction;
class QActionGroup;
class QCustomPlot;
class QDockWidget;
class QMenu;

namespace attn::ui {

class MainWindow;

// Multiplies the size of every font a plot keeps for itself (axis labels and tick labels, colour
// scales, text elements, legends and their items, text items) and its colour scales' bar width
// by `factor`. QCustomPlot copies the widget font when each element is made, so a new
// application font does not reach them by itself.
void scalePlotFonts(QCustomPlot* plot, double factor);

// Black text on white, a saturated selection colour, dark frames, and disabled text that is
// still legible: what survives a washed-out projector image.
QPalette highContrastPalette();

class ClassroomMode : public QObject {
  Q_OBJECT

 public:
  static constexpr double kDefaultScale = 1.6;
  // A projector keeps lightness far better than hue: a black-to-white ramp uses all of it.
  static constexpr ColourMap kColourMap = ColourMap::Greys;
  static constexpr double kRowMarkerWidth = 5;  // pixels; 2 outside classroom mode
  static QList<double> offeredScales();         // the View menu's text sizes

  // `kept`: the docks that stay open in classroom mode (the step view). Every other dock of the
  // window, including ones added later, is put away. Reads and writes the window's settings.
  ClassroomMode(MainWindow* window, QList<QDockWidget*> kept);
  ~ClassroomMode() override;

  bool isActive() const { return active_; }
  double scale() const { return scale_; }
  void setActive(bool on);
  void setScale(double scale);  // at once when active; remembered in the settings either way

  // The window layout to remember when closing: the one from before classroom mode while it is
  // on, so that the next start has the usual layout (and re-enters classroom mode over it).
  QByteArray normalState() const;

  // "Classroom mode" (checkable, F11 or Ctrl+Shift+P) and the "Classroom text size" submenu.
  void addActionsTo(QMenu* menu);
  QAction* toggleAction() const { return toggle_; }

 signals:
  void activeChanged(bool on);

 private:
  void enter();
  void leave();
  // Sets the application font to the saved one times `scale` and brings everything that keeps
  // its own copy of a font or size (plots, icons) from the scale they are at to `scale`.
  void applyScale(double scale);
  void scaleButtonIcons(double scale);
  void scaleExplicitFonts(double scale);
  void setDockTitleFonts(bool large);
  void fitKeptDocks(bool growOnly);
  int keptDockWidth(QDockWidget* dock) const;
  void setHeatmapsForClassroom(bool on);
  void syncActions();

  MainWindow* window_;
  QList<QPointer<QDockWidget>> kept_;
  bool active_ = false;
  double scale_ = kDefaultScale;
  double applied_ = 1.0;  // the scale the application font is at now
  QFont savedFont_;
  QPalette savedPalette_;
  QByteArray savedState_;
  QAction* toggle_ = nullptr;
  QActionGroup* scaleGroup_ = nullptr;
};

}  // namespace attn::ui
