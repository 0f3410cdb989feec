#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include "example_alignment.h"
#include "figure_export.h"
#include "heatmap_view.h"

namespace attn::ui {
namespace {
constexpr int kStatusMillis = 6000;
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), mHeatmap(new HeatmapView(this)), mSourceNote(new QLabel(this)) {
  setWindowTitle(tr("Attention Studio"));
  setCentralWidget(mHeatmap);
  statusBar()->addPermanentWidget(mSourceNote);
  buildFileMenu();
  buildViewMenu();
  buildHelpMenu();

  connect(mHeatmap, &HeatmapView::rowClicked, this, [this](int row) {
    statusBar()->showMessage(tr("Selected output token %1").arg(row), kStatusMillis);
  });
  showExample();
}

void MainWindow::buildFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));

  QAction* openModel = file->addAction(tr("&Open model…"));
  openModel->setObjectName(QStringLiteral("actionOpenModel"));
  openModel->setShortcut(QKeySequence::Open);
  connect(openModel, &QAction::triggered, this,
          [this] { sayNotAvailableYet(tr("Opening models")); });

  QAction* openTrace = file->addAction(tr("Open &trace…"));
  openTrace->setObjectName(QStringLiteral("actionOpenTrace"));
  connect(openTrace, &QAction::triggered, this,
          [this] { sayNotAvailableYet(tr("Opening traces")); });

  QAction* exportFigure = file->addAction(tr("&Export figure…"));
  exportFigure->setObjectName(QStringLiteral("actionExportFigure"));
  connect(exportFigure, &QAction::triggered, this, &MainWindow::exportFigureInteractively);

  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"));
  quit->setObjectName(QStringLiteral("actionQuit"));
  quit->setShortcut(
      QKeySequence(Qt::CTRL | Qt::Key_Q));  // QKeySequence::Quit is empty on some desktops
  quit->setMenuRole(QAction::QuitRole);
  connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::buildViewMenu() {
  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* statusBarToggle = view->addAction(tr("&Status bar"));
  statusBarToggle->setObjectName(QStringLiteral("actionStatusBar"));
  statusBarToggle->setCheckable(true);
  statusBarToggle->setChecked(true);
  connect(statusBarToggle, &QAction::toggled, statusBar(), &QWidget::setVisible);
}

void MainWindow::buildHelpMenu() {
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* about = help->addAction(tr("&About Attention Studio"));
  about->setObjectName(QStringLiteral("actionAbout"));
  about->setMenuRole(QAction::AboutRole);
  connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::showExample() {
  const ExampleMatrix example = exampleAlignment();
  // The example is built in: a mismatch here is a bug in exampleAlignment(), not bad input.
  const bool shown = mHeatmap->setMatrix(example.rows, example.cols, example.values,
                                         example.rowLabels, example.colLabels);
  Q_ASSERT(shown);
  Q_UNUSED(shown);
  mHeatmap->setTitle(example.title);
  mSourceNote->setText(tr("Showing a hand-made example · no model loaded"));
}

void MainWindow::sayNotAvailableYet(const QString& feature) {
  statusBar()->showMessage(tr("%1 is not available yet in this version.").arg(feature),
                           kStatusMillis);
}

void MainWindow::exportFigureInteractively() {
  QString selectedFilter;
  QString path = QFileDialog::getSaveFileName(this, tr("Export figure"), tr("attention.png"),
                                              figureFileFilter(), &selectedFilter);
  if (path.isEmpty()) return;  // cancelled
  // Some platform dialogs return the name as typed; take the suffix from the chosen filter.
  if (QFileInfo(path).suffix().isEmpty()) {
    path += selectedFilter.contains(QLatin1String("*.pdf")) ? QStringLiteral(".pdf")
                                                            : QStringLiteral(".png");
  }
  const QString error = exportFigure(*mHeatmap, path);
  if (error.isEmpty()) {
    statusBar()->showMessage(tr("Saved %1").arg(path), kStatusMillis);
  } else {
    QMessageBox::warning(this, tr("Export figure"), error);
  }
}

void MainWindow::showAbout() {
  QMessageBox::about(
      this, tr("About Attention Studio"),
      tr("<b>Attention Studio %1</b><p>Train, run and take apart attention models on the CPU, "
         "and see what they attend to.</p>")
          .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

}  // namespace attn::ui
