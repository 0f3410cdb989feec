// MainWindow: menus, status bar and the central heatmap; it wires views together and owns no logic.
#pragma once

#include <QMainWindow>

class QLabel;

namespace attn::ui {

class HeatmapView;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);

  HeatmapView* heatmap() const { return mHeatmap; }

 private:
  void buildFileMenu();
  void buildViewMenu();
  void buildHelpMenu();
  void showExample();
  void sayNotAvailableYet(const QString& feature);
  void exportFigureInteractively();
  void showAbout();

  HeatmapView* mHeatmap;
  QLabel* mSourceNote;  // permanent status-bar note: where the data on screen comes from
};

}  // namespace attn::ui
