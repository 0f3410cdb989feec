// The main window's reference alignment: File ▸ Load reference alignment (a Pharaoh/Moses file,
// one sentence pair per line), type one, or clear it. The links are drawn on the alignment
// heatmap and the map on screen is scored (AER, precision, recall) in the status bar, again each
// time the trace or the chosen map changes.
#pragma once

#include <QObject>
#include <QString>

#include "reference_alignment.h"

class QAction;
class QLabel;
class QWidget;

namespace attn::ui {

class HeatmapView;
class ReferenceOverlay;
class TraceDocument;

class ReferenceAlignmentTool : public QObject {
  Q_OBJECT

 public:
  ReferenceAlignmentTool(QWidget* window, TraceDocument* trace, HeatmapView* heatmap,
                         ReferenceDocument* reference);

  QAction* loadAction() const { return load_; }
  QAction* typeAction() const { return type_; }
  QAction* clearAction() const { return clear_; }
  QLabel* statusLabel() const { return label_; }  // for the status bar
  ReferenceOverlay* overlay() const { return overlay_; }
  const AlignmentReport& report() const { return report_; }

  // Dialog-free variants (tests, the dialogs' second half). `line` is 1-based; 0 asks which line
  // when the file has several. Each returns an empty string or the problem, also shown.
  QString loadFile(const QString& path, int line = 0);
  QString setText(const QString& text);
  void followColourMap();  // after the heatmap's colour map changed

 private:
  void refresh();
  void loadInteractively();
  void typeInteractively();
  QString fail(const QString& problem);

  QWidget* window_;
  TraceDocument* trace_;
  HeatmapView* heatmap_;
  ReferenceDocument* reference_;
  ReferenceOverlay* overlay_;
  QAction* load_;
  QAction* type_;
  QAction* clear_;
  QLabel* label_;
  AlignmentReport report_;
};

}  // namespace attn::ui
