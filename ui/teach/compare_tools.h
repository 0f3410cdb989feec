// What the main window needs for comparing: the Compare tab, File ▸ Compare with model… (the
// model on screen is A, the chosen file B, on the sentence in the Input panel), and the reference
// alignment shared by the Alignment and Compare tabs. Kept here so the window only places them.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

#include "views/colour_maps.h"

class QAction;
class QWidget;

namespace attn::ui {

class CompareView;
class HeatmapView;
class ReferenceAlignmentTool;
class ReferenceDocument;
class Session;
class Settings;
struct CompareSubject;

class CompareTools : public QObject {
  Q_OBJECT

 public:
  // `sentence` gives the sentence to compare on (the Input panel's). The view follows the colour
  // map of `settings` (may be null: the default map).
  CompareTools(QWidget* window, Session* session, const Settings* settings,
               HeatmapView* alignmentHeatmap, std::function<QString()> sentence);

  CompareView* view() const { return view_; }
  ReferenceAlignmentTool* referenceTool() const { return referenceTool_; }
  ReferenceDocument* reference() const { return reference_; }
  QAction* compareAction() const { return compare_; }

  // Dialog-free half of the action: starts the comparison in the background and returns an empty
  // string, or returns (and shows) what is missing.
  QString compareWithFile(const QString& path);
  void showSubject(const CompareSubject& subject);  // two snapshots of a training run

 signals:
  void showRequested();  // bring the Compare tab forward

 private:
  void compareInteractively();
  QString fail(const QString& problem, const QString& whatToDo);

  QWidget* window_;
  Session* session_;
  std::function<QString()> sentence_;
  ReferenceDocument* reference_;
  CompareView* view_;
  ReferenceAlignmentTool* referenceTool_;
  QAction* compare_;
};

}  // namespace attn::ui
