#include "window/main_window.h"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>

#include "documents/bundled_models.h"
#include "documents/decoding.h"
#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/settings.h"
#include "documents/trace_document.h"
#include "panels/input_panel.h"
#include "panels/model_panel.h"
#include "panels/training_panel.h"
#include "teach/alignment_forming_view.h"
#include "teach/bottleneck_dialog.h"
#include "teach/classroom_mode.h"
#include "teach/compare_tools.h"
#include "teach/compare_view.h"
#include "teach/computation_view.h"
#include "teach/intervention_panel.h"
#include "teach/reference_alignment_tool.h"
#include "teach/rollout_view.h"
#include "teach/saliency_view.h"
#include "trace/trace.h"
#include "translations/language_menu.h"
#include "views/alignment_view.h"
#include "views/beam_tree_view.h"
#include "views/head_grid.h"
#include "views/heatmap_view.h"
#include "views/hops_view.h"
#include "views/step_controls.h"
#include "views/step_view.h"
#include "window/tab_table.h"
#include "window/user_error.h"

namespace attn::ui {
namespace {
constexpr int kStatusMillis = 6000;
}

MainWindow::MainWindow(Settings* settings, QWidget* parent)
    : QMainWindow(parent),
      mSettings(settings ? settings : new Settings(this)),
      mSession(new Session(this)),
      mSourceNote(new QLabel(this)),
      mBusy(new QLabel(this)) {
  setWindowTitle(tr("Attention Studio"));
  setAcceptDrops(true);
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
  buildCentre();
  buildDocks();
  buildFileMenu();
  buildDecodeMenu();
  buildViewMenu();
  addExperimentsMenu(this);  // teach/bottleneck_dialog.h
  buildHelpMenu();
  statusBar()->addPermanentWidget(mBusy);
  statusBar()->addPermanentWidget(mCompare->referenceTool()->statusLabel());
  statusBar()->addPermanentWidget(mSourceNote);
  mSourceNote->setObjectName(QStringLiteral("sourceNote"));
  mSourceNote->setMinimumWidth(60);  // a long origin must not set the window's minimum width
  connectSession();
  mDefaultState = saveState();
  if (!mSettings->windowGeometry().isEmpty()) restoreGeometry(mSettings->windowGeometry());
  if (!mSettings->windowState().isEmpty()) restoreState(mSettings->windowState());
  mInput->beamWidthBox()->setValue(mSettings->beamWidth());
  mInput->greedyButton()->setChecked(true);
  refreshTabs();
  refreshTitle();
  if (mSettings->classroomMode()) mClassroom->setActive(true);  // over the restored layout
}

MainWindow::~MainWindow() = default;

bool MainWindow::isComputing() const {
  if (mSession->isBusy()) return true;
  const QList<SaliencyView*> saliency = findChildren<SaliencyView*>();
  return std::any_of(saliency.begin(), saliency.end(),
                     [](const SaliencyView* v) { return v->isComputing(); });
}

void MainWindow::buildDocks() {
  ModelDocument* model = mSession->modelDocument();
  mModelPanel = new ModelPanel(model, this);
  mInput = new InputPanel(model, this);
  mStepView = new StepView(mSession->traceDocument(), mSettings, this);
  mModelPanel->setObjectName(QStringLiteral("modelPanel"));
  mInput->setObjectName(QStringLiteral("inputPanel"));
  mStepView->setObjectName(QStringLiteral("stepView"));

  auto dock = [this](const QString& title, const char* name, QWidget* widget,
                     Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(QString::fromLatin1(name));  // saveState() needs names
    // In a scroll area, so that a small window (or a tall panel) never forces the window's size.
    auto* scroll = new QScrollArea(d);
    scroll->setWidget(widget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    d->setWidget(scroll);
    d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                   QDockWidget::DockWidgetClosable);
    addDockWidget(area, d);
    return d;
  };
  mModelDock = dock(tr("Model"), "modelDock", mModelPanel, Qt::LeftDockWidgetArea);
  mInputDock = dock(tr("Input"), "inputDock", mInput, Qt::LeftDockWidgetArea);
  mStepDock = dock(tr("Step by step"), "stepDock", mStepView, Qt::RightDockWidgetArea);
  resizeDocks({mModelDock, mStepDock}, {300, 330}, Qt::Horizontal);
  resizeDocks({mModelDock, mInputDock}, {330, 300}, Qt::Vertical);

  connect(mModelPanel, &ModelPanel::openRequested, this, &MainWindow::openModelInteractively);
  connect(mModelPanel, &ModelPanel::saveRequested, this, &MainWindow::saveModelInteractively);
  connect(mModelPanel, &ModelPanel::trainRequested, this,
          [this] { mTabs->setCurrentWidget(mTraining); });
  connect(mModelPanel, &ModelPanel::bundledRequested, this, [this](const QString& path) {
    if (maySetAsideModel()) mSession->openModel(path);
  });
  connect(mInput, &InputPanel::decodeRequested, this, [this](const DecodeRequest& request) {
    mSettings->setLastInput(QString::fromStdString(request.source));
    mSettings->setBeamWidth(request.beamWidth);
    mSession->decode(request);
  });
  connect(mInput, &InputPanel::cancelRequested, mSession, &Session::cancelDecode);
}

void MainWindow::connectSession() {
  connect(mSession, &Session::failed, this, &MainWindow::showError);
  connect(mSession, &Session::status, this, &MainWindow::showStatus);
  connect(mSession, &Session::fileOpened, mSettings, &Settings::addRecentFile);
  connect(mSession, &Session::exampleSuggested, mInput, &InputPanel::setSentence);
  connect(mSession, &Session::busyChanged, this, [this](bool busy) {
    mInput->setBusy(busy);
    mBusy->setText(busy ? tr("decoding…") : QString());
  });
  connect(mSession, &Session::decoded, this, [this] {
    // Beam search's tree is what people came to see; otherwise stay where they are.
    const auto& trace = mSession->traceDocument()->trace();
    if (trace && !trace->beam.empty() && mTabs->currentWidget() == mAlignment) return;
    if (mTabs->currentWidget() == mTraining) mTabs->setCurrentWidget(mAlignment);
  });
  connect(mSession->traceDocument(), &TraceDocument::traceChanged, this, [this] {
    refreshTabs();
    const QString origin = mSession->traceDocument()->origin();
    mSourceNote->setText(mSourceNote->fontMetrics().elidedText(origin, Qt::ElideMiddle, 460));
    mSourceNote->setToolTip(origin);
  });
  connect(mSession->modelDocument(), &ModelDocument::modelChanged, this, &MainWindow::refreshTitle);
  connect(mSession->modelDocument(), &ModelDocument::unsavedChanged, this,
          &MainWindow::refreshTitle);
  connect(mSettings, &Settings::recentFilesChanged, this, &MainWindow::rebuildRecentMenu);
  connect(mTraining, &TrainingPanel::trained, this,
          [this](std::shared_ptr<const Model> model, const QString& example) {
            if (!maySetAsideModel()) return;  // keeps the unsaved model the user chose to keep
            mSession->adoptTrainedModel(std::move(model), example);
            mTabs->setCurrentWidget(mAlignment);
          });
  connect(mTraining, &TrainingPanel::failed, this, &MainWindow::showError);
  connect(mTraining->formingView(), &AlignmentFormingView::compareRequested, mCompare,
          &CompareTools::showSubject);
  connect(mCompare, &CompareTools::showRequested, this,
          [this] { mTabs->setCurrentWidget(mCompare->view()); });
  connect(mTraining, &TrainingPanel::status, this, &MainWindow::showStatus);
}

void MainWindow::buildDecodeMenu() {
  QMenu* menu = menuBar()->addMenu(tr("&Decode"));
  QAction* decode = menu->addAction(tr("&Decode the sentence"));
  decode->setObjectName(QStringLiteral("actionDecode"));
  decode->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  connect(decode, &QAction::triggered, mInput, &InputPanel::requestDecode);
  if (auto* intervene =
          qobject_cast<InterventionPanel*>(mTabTable->page(QStringLiteral("intervene")))) {
    QAction* again = menu->addAction(tr("Decode &again with the edits"));
    again->setObjectName(QStringLiteral("actionDecodeIntervention"));
    again->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    connect(again, &QAction::triggered, this, [this, intervene] {
      mTabs->setCurrentWidget(intervene);
      intervene->decodeAgain();
    });
  }
  menu->addSeparator();
  // The step actions live on the step view's buttons (where their shortcuts are registered);
  // listing them here shows the keys.
  for (QAction* action : mStepView->controls()->stepActions()) menu->addAction(action);
}

void MainWindow::buildViewMenu() {
  mViewMenu = menuBar()->addMenu(tr("&View"));
  QMenu* colours = mViewMenu->addMenu(tr("&Colour map"));
  mColourGroup = new QActionGroup(this);
  for (ColourMap map : allColourMaps()) {
    QAction* a = colours->addAction(colourMapLabel(map));
    a->setCheckable(true);
    a->setData(colourMapKey(map));
    a->setObjectName(QStringLiteral("actionColour_") + colourMapKey(map));
    mColourGroup->addAction(a);
    connect(a, &QAction::triggered, this, [this, map] { mSettings->setColourMap(map); });
  }
  // The views follow the settings themselves; the menu marks the map they show.
  mSettings->followColourMap(this, [this](ColourMap map) {
    for (QAction* a : mColourGroup->actions())
      a->setChecked(a->data().toString() == colourMapKey(map));
  });
  // Every tab of the centre, with its Alt+digit (the shortcuts are the table's).
  QMenu* tabs = mViewMenu->addMenu(tr("Ta&bs"));
  tabs->setObjectName(QStringLiteral("menuTabs"));
  mTabTable->fillMenu(tabs);
  QAction* resetZoom = mViewMenu->addAction(tr("Show the &whole map"));
  resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  connect(resetZoom, &QAction::triggered, this, [this] { mAlignment->heatmap()->resetZoom(); });
  mViewMenu->addSeparator();
  for (QDockWidget* d : {mModelDock, mInputDock, mStepDock})
    mViewMenu->addAction(d->toggleViewAction());
  QAction* statusBarToggle = mViewMenu->addAction(tr("&Status bar"));
  statusBarToggle->setObjectName(QStringLiteral("actionStatusBar"));
  statusBarToggle->setCheckable(true);
  statusBarToggle->setChecked(true);
  connect(statusBarToggle, &QAction::toggled, statusBar(), &QWidget::setVisible);
  QAction* resetLayout = mViewMenu->addAction(tr("&Reset layout"));
  resetLayout->setObjectName(QStringLiteral("actionResetLayout"));
  connect(resetLayout, &QAction::triggered, this, [this] {
    restoreState(mDefaultState);
    for (QDockWidget* d : {mModelDock, mInputDock, mStepDock}) d->show();
  });
  mViewMenu->addSeparator();
  mClassroom = new ClassroomMode(this, {mStepDock});
  mClassroom->addActionsTo(mViewMenu);
  addLanguageMenu(mViewMenu, languageFromKey(mSettings->language()),
                  [this](Language language) { switchLanguage(language); });
}

void MainWindow::buildHelpMenu() {
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* guide = help->addAction(tr("&Quick guide"));
  guide->setObjectName(QStringLiteral("actionQuickGuide"));
  guide->setShortcut(QKeySequence::HelpContents);
  connect(guide, &QAction::triggered, this, &MainWindow::showQuickGuide);
  QAction* about = help->addAction(tr("&About Attention Studio"));
  about->setObjectName(QStringLiteral("actionAbout"));
  about->setMenuRole(QAction::AboutRole);
  connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::refreshTitle() {
  const ModelDocument* m = mSession->modelDocument();
  // [*] is where Qt puts the "modified" mark while a trained model is unsaved.
  setWindowTitle(m->hasModel() ? tr("%1[*] — Attention Studio").arg(m->displayName())
                               : tr("Attention Studio"));
  setWindowModified(m->isUnsaved());
}

void MainWindow::showError(const UserError& error) {
  attn::ui::showError(this, error);
  statusBar()->showMessage(error.what, kStatusMillis);
}

void MainWindow::showStatus(const QString& message) {
  statusBar()->showMessage(message, kStatusMillis);
}

QString MainWindow::start(const QString& modelPath, const QString& input, bool wait) {
  QString path = modelPath;
  if (path.isEmpty()) {
    // A returning user finds the model they last opened; a new one, the first bundled model.
    for (const QString& recent : mSettings->recentFiles()) {
      if (recent.endsWith(QLatin1String(".safetensors")) && QFileInfo::exists(recent)) {
        path = recent;
        break;
      }
    }
  }
  if (path.isEmpty()) {
    const QList<BundledModel> bundled = findBundledModels();
    if (!bundled.isEmpty()) path = bundled.first().path;
  }
  if (path.isEmpty()) {
    mSession->showExample();
    return {};
  }
  QString error;
  QMetaObject::Connection c =
      connect(mSession, &Session::failed, this, [&error](const UserError& e) { error = e.what; });
  const bool opened = mSession->openModel(path, false);
  if (opened) {
    if (!input.isEmpty()) mInput->setSentence(input);
    DecodeRequest request = mInput->request();
    request.mode = DecodeMode::Greedy;
    if (request.source.empty()) {
      mSession->showExample();
    } else if (wait) {
      mSession->decodeNow(request);
    } else {
      mSession->decode(request);
    }
  } else {
    mSession->showExample();
  }
  disconnect(c);
  return error;
}

MainWindow* MainWindow::switchLanguage(Language language) {
  mSettings->setLanguage(languageKey(language));
  if (resolveLanguage(language) == appliedLanguage()) return nullptr;
  // Every widget sets its text when it is made, so a new window in the new language replaces
  // this one. close() asks about a training or an unsaved model first, and saves the layout.
  const QString model = mSession->modelDocument()->path();
  const QString sentence = mInput->sentenceEdit()->text();
  const bool classroom = mClassroom->isActive();
  const bool quitOnClose = QGuiApplication::quitOnLastWindowClosed();
  QGuiApplication::setQuitOnLastWindowClosed(false);  // the new window follows at once
  const bool closed = close();
  QGuiApplication::setQuitOnLastWindowClosed(quitOnClose);
  if (!closed) {
    showStatus(tr("%1 will be used from the next start.").arg(languageLabel(language)));
    return nullptr;
  }
  // Gives the application its font and palette back; the new window scales them again if on.
  mClassroom->setActive(false);
  mSettings->setClassroomMode(classroom);
  applyLanguage(language);
  auto* next = new MainWindow(mSettings);
  if (mSettings->parent() == this) mSettings->setParent(next);  // in-memory settings go along
  next->setAttribute(Qt::WA_DeleteOnClose);
  next->setUnsavedModelQuestion(mAskUnsaved);
  next->show();
  next->start(model, sentence);
  return next;
}

void MainWindow::showAbout() {
  QMessageBox::about(
      this, tr("About Attention Studio"),
      tr("<b>Attention Studio %1</b><p>Train, run and take apart attention models on the CPU, "
         "and see what they attend to.</p>")
          .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

void MainWindow::showQuickGuide() {
  auto* box = new QMessageBox(
      QMessageBox::Information, tr("Quick guide"),
      tr("<b>1. A model.</b> Open one (File ▸ Open model, or drop a .safetensors file here), pick "
         "a "
         "bundled one in the Model panel, or train one in the Training tab.<p>"
         "<b>2. A sentence.</b> Type it in the Input panel: it shows the tokens the model reads, "
         "unknown ones underlined in red. Decode greedily, with a beam, or force an output.<p>"
         "<b>3. Look.</b> The Alignment tab shows, for every output token (rows), how much "
         "attention each source token (columns) got: point at a cell to read it, click a row to "
         "jump to that step, scroll to zoom, drag to pan. The Step by step panel replays the "
         "decoding (← → Home End, Space to play). Heads shows every head of a transformer; Hops "
         "the classifier's hops; Beam search the tree of hypotheses.<p>"
         "<b>4. Take it apart.</b> Rollout follows attention through the layers, Saliency "
         "asks which input tokens the output depends on, Computation recomputes one step "
         "number by number, Intervene edits attention and decodes again, Compare sets two "
         "models side by side. View ▸ Tabs lists every tab (Alt+1 … Alt+9) when the window is "
         "too narrow to show them all.<p>"
         "<b>5. Keep.</b> File ▸ Export saves the figure (PNG, PDF), the matrix (CSV) and the "
         "trace "
         "(JSON); File ▸ Open trace shows a trace computed elsewhere."),
      QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

}  // namespace attn::ui
