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
  Session* session() const { return mSession; }
  // Shows the centre's tab whose stable id ("computation") or title is `name` (any case).
  // Returns an empty string, or what went wrong, naming the tabs there are (for --tab).
  QString showTab(const QString& name);
  Settings* settings() const { return mSettings; }
  ClassroomMode* classroomMode() const { return mClassroom; }
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
  void setUnsavedModelQuestion(std::function<int()> ask) { mAskUnsaved = std::move(ask); }

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
  void showQuickGuide();

  Settings* mSettings;
  Session* mSession;
  QTabWidget* mTabs;
  TabTable* mTabTable;
  AlignmentView* mAlignment;
  HeadsPanel* mHeads;
  HopsView* mHops;
  BeamTreeView* mBeamTree;
  TrainingPanel* mTraining;
  StepView* mStepView;
  InputPanel* mInput;
  ModelPanel* mModelPanel;
  QDockWidget* mModelDock = nullptr;
  QDockWidget* mInputDock = nullptr;
  QDockWidget* mStepDock = nullptr;
  QMenu* mRecentMenu = nullptr;
  QMenu* mViewMenu = nullptr;
  QActionGroup* mColourGroup = nullptr;
  ClassroomMode* mClassroom = nullptr;
  CompareTools* mCompare = nullptr;
  QLabel* mSourceNote;  // permanent status-bar note: where the data on screen comes from
  QLabel* mBusy;
  QByteArray mDefaultState;
  std::function<int()> mAskUnsaved;
};

}  // namespace attn::ui
