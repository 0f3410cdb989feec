// MainWindow: assembles the panels into docks and tabs, builds the menus, and routes errors to
// dialogs. It holds no logic of its own: the Session holds the state and the work, and each
// view observes the documents.
#pragma once

#include <QMainWindow>

#include <functional>
#include <memory>

#include "models/model_fwd.h"
#include "translations/language.h"
#include "views/colour_maps.h"

class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace attn::ui {

class AlignmentView;
class BeamTreeView;
class CompareTools;
class ClassroomMode;
class HeadsPanel;
class HeatmapView;
class HopsView;
class InputPanel;
class ModelPanel;
class Session;
class Settings;
class StepView;
class TabTable;
class TrainingPanel;
struct UserError;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // Without settings the window uses defaults and remembers nothing (screenshots, tests).
  explicit MainWindow(Settings* settings = nullptr, QWidget* parent = nullptr);
  ~MainWindow() override;

  // What to show first: `modelPath` (else the model opened last, else the first bundled model,
  // else the hand-made example),
  // decoding `input` (else the model's example sentence). `wait`: decode on this thread, so that
  // the window is complete when this returns. Returns an empty string or what went wrong.
  QString start(const QString& modelPath = {}, const QString& input = {}, bool wait = false);

  // The documents. Widgets are not handed out: each has an object name to find it by
  // (findChild<StepView*>("stepView"); a tab's page is named after its id, "computationTab").
  Session* session() const { return session_; }
  // Shows the centre's tab whose stable id ("computation") or title is `name` (any case).
  // Returns an empty string, or what went wrong, naming the tabs there are (for --tab).
  QString showTab(const QString& name);
  Settings* settings() const { return settings_; }
  ClassroomMode* classroomMode() const { return classroom_; }
  // Whether a worker thread is still computing what the window shows: a decode, or a tab that
  // computes once shown (Saliency). A screenshot waits until this is false.
  bool isComputing() const;

  // View ▸ Language. Stores the choice; when it changes the language on screen, a new window in
  // that language replaces this one (after the usual questions about unsaved work), on the same
  // model and sentence. Returns that window, or null when nothing was replaced.
  MainWindow* switchLanguage(Language language);

  // File actions, also used by the menus and drag and drop. Dialog-free variants take the path.
  bool exportFigureTo(const QString& path);
  bool exportCsvTo(const QString& path);
  bool saveTraceTo(const QString& path);
  // Asked when closing over an unsaved trained model; tests replace the question (and with it,
  // the one about a training in progress, which is then answered "stop it").
  void setUnsavedModelQuestion(std::function<int()> ask) { askUnsaved_ = std::move(ask); }

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildCentre();
  void buildDocks();
  void buildFileMenu();
  void buildDecodeMenu();
  void buildViewMenu();
  void buildHelpMenu();
  void connectSession();
  void applyShowOptions();  // the settings' merge and replace options to the trace on screen
  void rebuildRecentMenu();
  void refreshTabs();
  void refreshTitle();
  void showError(const UserError& error);
  void showStatus(const QString& message);

  void openModelInteractively();
  void openTraceInteractively();
  void saveModelInteractively();
  void saveTraceInteractively();
  void exportFigureInteractively();
  void exportCsvInteractively();
  QWidget* currentFigure() const;
  // Before an unsaved trained model is replaced or closed: save it, discard it, or stop (false).
  bool maySetAsideModel(const QString& question = {});
  void showAbout();
  void showShortcuts();
  void showQuickGuide();

  Settings* settings_;
  Session* session_;
  QTabWidget* tabs_;
  TabTable* tabTable_;
  AlignmentView* alignment_;
  HeadsPanel* heads_;
  HopsView* hops_;
  BeamTreeView* beamTree_;
  TrainingPanel* training_;
  StepView* stepView_;
  InputPanel* input_;
  ModelPanel* modelPanel_;
  QDockWidget* modelDock_ = nullptr;
  QDockWidget* inputDock_ = nullptr;
  QDockWidget* stepDock_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  QMenu* viewMenu_ = nullptr;
  QActionGroup* colourGroup_ = nullptr;
  ClassroomMode* classroom_ = nullptr;
  CompareTools* compare_ = nullptr;
  QLabel* sourceNote_;  // permanent status-bar note: where the data on screen comes from
  QLabel* busy_;
  QByteArray defaultState_;
  std::function<int()> askUnsaved_;
};

}  // namespace attn::ui
