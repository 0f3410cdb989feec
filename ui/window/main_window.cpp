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
#include "window/about_box.h"
#include "window/shortcuts_dialog.h"
#include "window/tab_table.h"
#include "window/user_error.h"

namespace attn::ui {
namespace {
constexpr int kStatusMillis = 6000;
}

MainWindow::MainWindow(Settings* settings, QWidget* parent)
    : QMainWindow(parent),
      settings_(settings ? settings : new Settings(this)),
      session_(new Session(this)),
      sourceNote_(new QLabel(this)),
      busy_(new QLabel(this)) {
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
  applyShowOptions();
  statusBar()->addPermanentWidget(busy_);
  statusBar()->addPermanentWidget(compare_->referenceTool()->statusLabel());
  statusBar()->addPermanentWidget(sourceNote_);
  sourceNote_->setObjectName(QStringLiteral("sourceNote"));
  sourceNote_->setMinimumWidth(60);  // a long origin must not set the window's minimum width
  connectSession();
  defaultState_ = saveState();
  if (!settings_->windowGeometry().isEmpty()) restoreGeometry(settings_->windowGeometry());
  if (!settings_->windowState().isEmpty()) restoreState(settings_->windowState());
  input_->setBeamWidth(settings_->beamWidth());
  input_->greedyButton()->setChecked(true);
  refreshTabs();
  refreshTitle();
  if (settings_->classroomMode()) classroom_->setActive(true);  // over the restored layout
}

MainWindow::~MainWindow() = default;

bool MainWindow::isComputing() const {
  if (session_->isBusy()) return true;
  const QList<SaliencyView*> saliency = findChildren<SaliencyView*>();
  return std::any_of(saliency.begin(), saliency.end(),
                     [](const SaliencyView* v) { return v->isComputing(); });
}

void MainWindow::buildDocks() {
  ModelDocument* model = session_->modelDocument();
  modelPanel_ = new ModelPanel(model, this);
  input_ = new InputPanel(model, this);
  stepView_ = new StepView(session_->traceDocument(), settings_, this);
  modelPanel_->setObjectName(QStringLiteral("modelPanel"));
  input_->setObjectName(QStringLiteral("inputPanel"));
  stepView_->setObjectName(QStringLiteral("stepView"));

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
  modelDock_ = dock(tr("Model"), "modelDock", modelPanel_, Qt::LeftDockWidgetArea);
  inputDock_ = dock(tr("Input"), "inputDock", input_, Qt::LeftDockWidgetArea);
  stepDock_ = dock(tr("Step by step"), "stepDock", stepView_, Qt::RightDockWidgetArea);
  resizeDocks({modelDock_, stepDock_}, {300, 330}, Qt::Horizontal);
  resizeDocks({modelDock_, inputDock_}, {330, 300}, Qt::Vertical);

  connect(modelPanel_, &ModelPanel::openRequested, this, &MainWindow::openModelInteractively);
  connect(modelPanel_, &ModelPanel::saveRequested, this, &MainWindow::saveModelInteractively);
  connect(modelPanel_, &ModelPanel::trainRequested, this,
          [this] { tabs_->setCurrentWidget(training_); });
  connect(modelPanel_, &ModelPanel::translationsRequested, this, [this] {
    tabs_->setCurrentWidget(training_);
    training_->buildFromTranslations();
  });
  connect(modelPanel_, &ModelPanel::bundledRequested, this, [this](const QString& path) {
    if (maySetAsideModel()) session_->openModel(path);
  });
  connect(input_, &InputPanel::decodeRequested, this, [this](const DecodeRequest& request) {
    settings_->setLastInput(QString::fromStdString(request.source));
    settings_->setBeamWidth(request.beamWidth);
    session_->decode(request);
  });
  connect(input_, &InputPanel::cancelRequested, session_, &Session::cancelDecode);
}

void MainWindow::connectSession() {
  connect(session_, &Session::failed, this, &MainWindow::showError);
  connect(session_, &Session::status, this, &MainWindow::showStatus);
  connect(session_, &Session::fileOpened, settings_, &Settings::addRecentFile);
  connect(session_, &Session::exampleSuggested, input_, &InputPanel::setSentence);
  connect(session_, &Session::decodedWith, input_, &InputPanel::showRequest);
  connect(session_, &Session::busyChanged, this, [this](bool busy) {
    input_->setBusy(busy);
    busy_->setText(busy ? tr("decoding…") : QString());
  });
  connect(session_, &Session::decoded, this, [this] {
    // Beam search's tree is what people came to see; otherwise stay where they are.
    const auto& trace = session_->traceDocument()->trace();
    if (trace && !trace->beam.empty() && tabs_->currentWidget() == alignment_) return;
    if (tabs_->currentWidget() == training_) tabs_->setCurrentWidget(alignment_);
  });
  auto showOrigin = [this] {
    const QString origin = session_->traceDocument()->origin();
    sourceNote_->setText(sourceNote_->fontMetrics().elidedText(origin, Qt::ElideMiddle, 460));
    sourceNote_->setToolTip(origin);
  };
  connect(session_->traceDocument(), &TraceDocument::traceChanged, this, [this, showOrigin] {
    refreshTabs();
    showOrigin();
  });
  connect(session_->traceDocument(), &TraceDocument::originChanged, this, showOrigin);
  connect(session_->modelDocument(), &ModelDocument::modelChanged, this, &MainWindow::refreshTitle);
  connect(session_->modelDocument(), &ModelDocument::unsavedChanged, this,
          &MainWindow::refreshTitle);
  connect(settings_, &Settings::recentFilesChanged, this, &MainWindow::rebuildRecentMenu);
  connect(training_, &TrainingPanel::trained, this,
          [this](std::shared_ptr<const Model> model, const QString& example) {
            if (!maySetAsideModel()) return;  // keeps the unsaved model the user chose to keep
            session_->adoptTrainedModel(std::move(model), example);
            tabs_->setCurrentWidget(alignment_);
          });
  connect(training_, &TrainingPanel::failed, this, &MainWindow::showError);
  connect(training_->formingView(), &AlignmentFormingView::compareRequested, compare_,
          &CompareTools::showSubject);
  connect(compare_, &CompareTools::showRequested, this,
          [this] { tabs_->setCurrentWidget(compare_->view()); });
  connect(training_, &TrainingPanel::status, this, &MainWindow::showStatus);
}

void MainWindow::applyShowOptions() {
  session_->traceDocument()->setShowOptions(
      {settings_->mergeSubwords(), settings_->replaceUnknown()});
}

void MainWindow::buildDecodeMenu() {
  QMenu* menu = menuBar()->addMenu(tr("&Decode"));
  QAction* decode = menu->addAction(tr("&Decode the sentence"));
  decode->setObjectName(QStringLiteral("actionDecode"));
  decode->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  connect(decode, &QAction::triggered, input_, &InputPanel::requestDecode);
  if (auto* intervene =
          qobject_cast<InterventionPanel*>(tabTable_->page(QStringLiteral("intervene")))) {
    QAction* again = menu->addAction(tr("Decode &again with the edits"));
    again->setObjectName(QStringLiteral("actionDecodeIntervention"));
    again->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    connect(again, &QAction::triggered, this, [this, intervene] {
      tabs_->setCurrentWidget(intervene);
      intervene->decodeAgain();
    });
  }
  // Luong et al.'s unknown-word replacement, shown in the output and the step view.
  QAction* replace = menu->addAction(tr("&Replace unknown words"));
  replace->setObjectName(QStringLiteral("actionReplaceUnknown"));
  replace->setCheckable(true);
  replace->setChecked(settings_->replaceUnknown());
  replace->setToolTip(tr("Show each <unk> of the output as the source token it attends to most"));
  connect(replace, &QAction::toggled, this, [this](bool on) {
    settings_->setReplaceUnknown(on);
    applyShowOptions();
  });
  menu->addSeparator();
  // The step actions live on the step view's buttons (where their shortcuts are registered);
  // listing them here shows the keys.
  for (QAction* action : stepView_->controls()->stepActions()) menu->addAction(action);
}

void MainWindow::buildViewMenu() {
  viewMenu_ = menuBar()->addMenu(tr("&View"));
  QMenu* colours = viewMenu_->addMenu(tr("&Colour map"));
  colourGroup_ = new QActionGroup(this);
  for (ColourMap map : allColourMaps()) {
    QAction* a = colours->addAction(colourMapLabel(map));
    a->setCheckable(true);
    a->setData(colourMapKey(map));
    a->setObjectName(QStringLiteral("actionColour_") + colourMapKey(map));
    colourGroup_->addAction(a);
    connect(a, &QAction::triggered, this, [this, map] { settings_->setColourMap(map); });
  }
  // The views follow the settings themselves; the menu marks the map they show.
  settings_->followColourMap(this, [this](ColourMap map) {
    for (QAction* a : colourGroup_->actions())
      a->setChecked(a->data().toString() == colourMapKey(map));
  });
  // Every tab of the centre, with its Alt+digit (the shortcuts are the table's).
  QMenu* tabs = viewMenu_->addMenu(tr("Ta&bs"));
  tabs->setObjectName(QStringLiteral("menuTabs"));
  tabTable_->fillMenu(tabs);
  QAction* resetZoom = viewMenu_->addAction(tr("Show the &whole map"));
  resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  connect(resetZoom, &QAction::triggered, this, [this] { alignment_->heatmap()->resetZoom(); });
  QAction* merge = viewMenu_->addAction(tr("Mer&ge subwords into words"));
  merge->setObjectName(QStringLiteral("actionMergeSubwords"));
  merge->setCheckable(true);
  merge->setChecked(settings_->mergeSubwords());
  connect(merge, &QAction::toggled, this, [this](bool on) {
    settings_->setMergeSubwords(on);
    applyShowOptions();
  });
  viewMenu_->addSeparator();
  for (QDockWidget* d : {modelDock_, inputDock_, stepDock_})
    viewMenu_->addAction(d->toggleViewAction());
  QAction* statusBarToggle = viewMenu_->addAction(tr("&Status bar"));
  statusBarToggle->setObjectName(QStringLiteral("actionStatusBar"));
  statusBarToggle->setCheckable(true);
  statusBarToggle->setChecked(true);
  connect(statusBarToggle, &QAction::toggled, statusBar(), &QWidget::setVisible);
  QAction* resetLayout = viewMenu_->addAction(tr("&Reset layout"));
  resetLayout->setObjectName(QStringLiteral("actionResetLayout"));
  connect(resetLayout, &QAction::triggered, this, [this] {
    restoreState(defaultState_);
    for (QDockWidget* d : {modelDock_, inputDock_, stepDock_}) d->show();
  });
  viewMenu_->addSeparator();
  classroom_ = new ClassroomMode(this, {stepDock_});
  classroom_->addActionsTo(viewMenu_);
  addLanguageMenu(viewMenu_, languageFromKey(settings_->language()),
                  [this](Language language) { switchLanguage(language); });
}

void MainWindow::buildHelpMenu() {
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* guide = help->addAction(tr("&Quick guide"));
  guide->setObjectName(QStringLiteral("actionQuickGuide"));
  guide->setShortcut(QKeySequence::HelpContents);
  connect(guide, &QAction::triggered, this, &MainWindow::showQuickGuide);
  QAction* keys = help->addAction(tr("&Keyboard shortcuts"));
  keys->setObjectName(QStringLiteral("actionShortcuts"));
  connect(keys, &QAction::triggered, this, &MainWindow::showShortcuts);
  QAction* about = help->addAction(tr("&About Attention Studio"));
  about->setObjectName(QStringLiteral("actionAbout"));
  about->setMenuRole(QAction::AboutRole);
  connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::refreshTitle() {
  const ModelDocument* m = session_->modelDocument();
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
    for (const QString& recent : settings_->recentFiles()) {
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
    session_->showExample();
    return {};
  }
  QString error;
  QMetaObject::Connection c =
      connect(session_, &Session::failed, this, [&error](const UserError& e) { error = e.what; });
  const bool opened = session_->openModel(path, false);
  if (opened) {
    if (!input.isEmpty()) input_->setSentence(input);
    DecodeRequest request = input_->request();
    request.mode = DecodeMode::Greedy;
    if (request.source.empty()) {
      session_->showExample();
    } else if (wait) {
      session_->decodeNow(request);
    } else {
      session_->decode(request);
    }
  } else {
    session_->showExample();
  }
  disconnect(c);
  return error;
}

MainWindow* MainWindow::switchLanguage(Language language) {
  settings_->setLanguage(languageKey(language));
  if (resolveLanguage(language) == appliedLanguage()) return nullptr;
  // Every widget sets its text when it is made, so a new window in the new language replaces
  // this one. close() asks about a training or an unsaved model first, and saves the layout.
  const QString model = session_->modelDocument()->path();
  const QString sentence = input_->sentenceEdit()->text();
  const bool classroom = classroom_->isActive();
  const bool quitOnClose = QGuiApplication::quitOnLastWindowClosed();
  QGuiApplication::setQuitOnLastWindowClosed(false);  // the new window follows at once
  const bool closed = close();
  QGuiApplication::setQuitOnLastWindowClosed(quitOnClose);
  if (!closed) {
    showStatus(tr("%1 will be used from the next start.").arg(languageLabel(language)));
    return nullptr;
  }
  // Gives the application its font and palette back; the new window scales them again if on.
  classroom_->setActive(false);
  settings_->setClassroomMode(classroom);
  applyLanguage(language);
  auto* next = new MainWindow(settings_);
  if (settings_->parent() == this) settings_->setParent(next);  // in-memory settings go along
  next->setAttribute(Qt::WA_DeleteOnClose);
  next->setUnsavedModelQuestion(askUnsaved_);
  next->show();
  next->start(model, sentence);
  return next;
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Attention Studio"), aboutHtml());
}

void MainWindow::showShortcuts() {
  auto* dialog = new ShortcutsDialog(this);  // read from the actions now: nothing to keep in step
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
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
