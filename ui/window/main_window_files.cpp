// MainWindow's files: the File menu, recent files, drag and drop, exports, and the question
// before closing over an unsaved trained model.
#include <QAction>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>

#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/settings.h"
#include "documents/trace_document.h"
#include "panels/training_panel.h"
#include "teach/classroom_mode.h"
#include "teach/compare_tools.h"
#include "teach/reference_alignment_tool.h"
#include "views/alignment_view.h"
#include "views/beam_tree_view.h"
#include "views/head_grid.h"
#include "views/heatmap_view.h"
#include "views/hops_view.h"
#include "views/loss_plot.h"
#include "window/figure_export.h"
#include "window/main_window.h"
#include "window/trace_files.h"
#include "window/user_error.h"

namespace attn::ui {
namespace {

QString withSuffix(QString path, const QString& selectedFilter, const QString& fallback) {
  // Some platform dialogs return the name as typed; take the suffix from the chosen filter.
  if (!QFileInfo(path).suffix().isEmpty()) return path;
  if (selectedFilter.contains(QLatin1String("*.pdf"))) return path + QStringLiteral(".pdf");
  if (selectedFilter.contains(QLatin1String("*.png"))) return path + QStringLiteral(".png");
  return path + fallback;
}

}  // namespace

void MainWindow::buildFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  auto add = [this, file](const QString& text, const char* name, const QKeySequence& key,
                          void (MainWindow::*slot)()) {
    QAction* a = file->addAction(text);
    a->setObjectName(QString::fromLatin1(name));
    if (!key.isEmpty()) a->setShortcut(key);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  add(tr("&Open model…"), "actionOpenModel", QKeySequence::Open,
      &MainWindow::openModelInteractively);
  add(tr("Open &trace…"), "actionOpenTrace", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
      &MainWindow::openTraceInteractively);
  recentMenu_ = file->addMenu(tr("Open &recent"));
  recentMenu_->setObjectName(QStringLiteral("recentMenu"));
  QAction* train = file->addAction(tr("&New training…"));
  train->setObjectName(QStringLiteral("actionNewTraining"));
  train->setShortcut(QKeySequence::New);
  connect(train, &QAction::triggered, this, [this] { tabs_->setCurrentWidget(training_); });
  QAction* fromTranslations =
      file->addAction(tr("New training from t&his computer's translations…"));
  fromTranslations->setObjectName(QStringLiteral("actionTrainFromTranslations"));
  connect(fromTranslations, &QAction::triggered, this, [this] {
    tabs_->setCurrentWidget(training_);
    training_->buildFromTranslations();
  });
  file->addSeparator();
  file->addAction(compare_->compareAction());
  file->addAction(compare_->referenceTool()->loadAction());
  file->addAction(compare_->referenceTool()->typeAction());
  file->addAction(compare_->referenceTool()->clearAction());
  file->addSeparator();
  add(tr("&Save model…"), "actionSaveModel", QKeySequence::Save,
      &MainWindow::saveModelInteractively);
  add(tr("Save trace as &JSON…"), "actionSaveTrace", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
      &MainWindow::saveTraceInteractively);
  add(tr("&Export figure (PNG, PDF)…"), "actionExportFigure", QKeySequence(Qt::CTRL | Qt::Key_E),
      &MainWindow::exportFigureInteractively);
  add(tr("Export matrix as &CSV…"), "actionExportCsv",
      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &MainWindow::exportCsvInteractively);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"));
  quit->setObjectName(QStringLiteral("actionQuit"));
  quit->setShortcut(
      QKeySequence(Qt::CTRL | Qt::Key_Q));  // QKeySequence::Quit is empty on some desktops
  quit->setMenuRole(QAction::QuitRole);
  connect(quit, &QAction::triggered, this, &QWidget::close);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList files = settings_->recentFiles();
  for (const QString& path : files) {
    QAction* a = recentMenu_->addAction(QFileInfo(path).fileName());
    a->setToolTip(path);
    a->setStatusTip(path);
    connect(a, &QAction::triggered, this, [this, path] {
      if (!QFileInfo::exists(path)) {
        settings_->removeRecentFile(path);
        showError({tr("Open recent"), tr("'%1' is no longer there.").arg(path),
                   tr("It was removed from the list; open the file from its new place.")});
        return;
      }
      if (!path.endsWith(QLatin1String(".safetensors")) || maySetAsideModel())
        session_->openFile(path);
    });
  }
  if (files.isEmpty()) recentMenu_->addAction(tr("(none yet)"))->setEnabled(false);
  recentMenu_->addSeparator();
  QAction* clear = recentMenu_->addAction(tr("Clear the list"));
  clear->setEnabled(!files.isEmpty());
  connect(clear, &QAction::triggered, settings_, &Settings::clearRecentFiles);
}

void MainWindow::openModelInteractively() {
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Open model"), QString(),
                                   tr("Attention Studio models (*.safetensors);;All files (*)"));
  if (!path.isEmpty() && maySetAsideModel()) session_->openModel(path);
}

void MainWindow::openTraceInteractively() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open trace"), QString(),
                                                    tr("Attention traces (*.json);;All files (*)"));
  if (!path.isEmpty()) session_->openTrace(path);
}

void MainWindow::saveModelInteractively() {
  if (!session_->modelDocument()->hasModel()) {
    showError(
        {tr("Save model"), tr("There is no model to save."), tr("Train or open a model first.")});
    return;
  }
  const QString suggested = session_->modelDocument()->path().isEmpty()
                                ? tr("model.safetensors")
                                : session_->modelDocument()->path();
  QString path = QFileDialog::getSaveFileName(this, tr("Save model"), suggested,
                                              tr("Attention Studio models (*.safetensors)"));
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".safetensors");
  session_->saveModel(path);
}

bool MainWindow::saveTraceTo(const QString& path) {
  const auto& trace = session_->traceDocument()->trace();
  if (!trace) {
    showError(
        {tr("Save trace"), tr("There is no trace on screen."), tr("Decode a sentence first.")});
    return false;
  }
  const QString error = saveTraceJson(*trace, path);
  if (!error.isEmpty()) {
    showError({tr("Save trace"), error, tr("Choose a folder you can write to.")});
    return false;
  }
  settings_->addRecentFile(path);
  showStatus(tr("Saved the trace to %1").arg(path));
  return true;
}

void MainWindow::saveTraceInteractively() {
  QString path = QFileDialog::getSaveFileName(this, tr("Save trace"), tr("trace.json"),
                                              tr("Attention traces (*.json)"));
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
  saveTraceTo(path);
}

QWidget* MainWindow::currentFigure() const {
  QWidget* tab = tabs_->currentWidget();
  if (tab == heads_) return heads_->grid();
  if (tab == hops_) return hops_->heatmap();
  if (tab == beamTree_) return beamTree_->canvas();
  if (tab == training_) return training_->lossPlot();
  return alignment_->heatmap();
}

bool MainWindow::exportFigureTo(const QString& path) {
  QWidget* figure = currentFigure();
  QString error;
  if (auto* heatmapView = qobject_cast<HeatmapView*>(figure))
    error = exportFigure(*heatmapView, path);
  else
    error = exportWidgetFigure(*figure, path);
  if (!error.isEmpty()) {
    showError({tr("Export figure"), error,
               tr("Choose a .png or .pdf name in a folder you can write to.")});
    return false;
  }
  showStatus(tr("Saved %1").arg(path));
  return true;
}

void MainWindow::exportFigureInteractively() {
  QString selectedFilter;
  const QString path = QFileDialog::getSaveFileName(this, tr("Export figure"), tr("attention.png"),
                                                    figureFileFilter(), &selectedFilter);
  if (!path.isEmpty()) exportFigureTo(withSuffix(path, selectedFilter, QStringLiteral(".png")));
}

bool MainWindow::exportCsvTo(const QString& path) {
  const TraceDocument* doc = session_->traceDocument();
  const MatrixSnapshot matrix =
      tabs_->currentWidget() == hops_ ? doc->matrix(MapKind::Hops, 0, 0) : doc->matrix();
  const QString error = saveMatrixCsv(matrix, path);
  if (!error.isEmpty()) {
    showError({tr("Export matrix"), error,
               tr("Decode a sentence, then choose a folder you can write to.")});
    return false;
  }
  showStatus(tr("Saved the matrix to %1").arg(path));
  return true;
}

void MainWindow::exportCsvInteractively() {
  QString path = QFileDialog::getSaveFileName(this, tr("Export matrix as CSV"), tr("attention.csv"),
                                              tr("Comma-separated values (*.csv)"));
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".csv");
  exportCsvTo(path);
}

bool MainWindow::maySetAsideModel(const QString& question) {
  if (!session_->modelDocument()->isUnsaved()) return true;
  const int answer =
      askUnsaved_
          ? askUnsaved_()
          : QMessageBox::question(
                this, tr("Unsaved model"),
                question.isEmpty() ? tr("The model trained in this session has not "
                                        "been saved. Save it before it is replaced?")
                                   : question,
                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  if (answer == QMessageBox::Save) {
    saveModelInteractively();
    return !session_->modelDocument()->isUnsaved();  // false if the save was cancelled or failed
  }
  return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (training_->isRunning()) {
    const int answer = askUnsaved_
                           ? int(QMessageBox::Discard)
                           : QMessageBox::question(
                                 this, tr("Training in progress"),
                                 tr("A model is still training. Stop the training and quit?"),
                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) {
      event->ignore();
      return;
    }
  }
  if (!maySetAsideModel(tr("The model trained in this session has not been saved. Save it "
                           "before closing?"))) {
    event->ignore();
    return;
  }
  training_->cancel();
  settings_->setWindowLayout(saveGeometry(), classroom_->normalState());  // not the classroom one
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!event->mimeData()->hasUrls()) return;
  for (const QUrl& url : event->mimeData()->urls()) {
    const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
    if (suffix == QLatin1String("safetensors") || suffix == QLatin1String("json")) {
      event->acceptProposedAction();
      return;
    }
  }
}

void MainWindow::dropEvent(QDropEvent* event) {
  for (const QUrl& url : event->mimeData()->urls()) {
    const bool model = url.toLocalFile().endsWith(QLatin1String(".safetensors"));
    if (url.isLocalFile() && (!model || maySetAsideModel()) &&
        session_->openFile(url.toLocalFile())) {
      event->acceptProposedAction();
      return;
    }
  }
}

}  // namespace attn::ui
