// Experiments → Bottleneck experiment…: the settings (from the bundled file), Run with a
// progress bar and Cancel (the work runs on its own thread), then the figure of exact match and
// BLEU against source length for both models and a table of the same numbers. Results can be
// saved as JSON (the CLI's format, so a result from `attention-cli experiment bottleneck` opens
// here too) or CSV, and the figure exported as PNG.
#pragma once

#include <QDialog>

#include <functional>
#include <memory>

#include "experiment/bottleneck.h"

class QLabel;
class QMainWindow;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace attn::ui {

class BottleneckForm;
class BottleneckPlot;
class BottleneckRunner;
struct UserError;

class BottleneckDialog : public QDialog {
  Q_OBJECT

 public:
  explicit BottleneckDialog(QWidget* parent = nullptr);
  ~BottleneckDialog() override;

  // Each returns false after showing the user why (a dialog that does not block).
  bool run();
  bool openResults(const QString& path);
  bool saveResults(const QString& path);
  bool exportCsv(const QString& path);
  bool exportPng(const QString& path, QSize size = QSize(1200, 520));
  void cancel();

  const experiment::BottleneckResult* result() const { return result_.get(); }
  BottleneckForm* form() const { return form_; }
  BottleneckPlot* plot() const { return plot_; }
  BottleneckRunner* runner() const { return runner_; }
  QTableWidget* table() const { return table_; }
  QProgressBar* progressBar() const { return progress_; }
  QLabel* statusLabel() const { return status_; }
  QPushButton* runButton() const { return run_; }
  QPushButton* cancelButton() const { return cancel_; }

  // Where the bundled settings were read from ("" when the built-in defaults were used).
  static QString bundledSettingsPath();

 public slots:
  void reject() override;  // closing stops a run

 private:
  QWidget* buildButtons();
  void loadBundledSettings();
  void showProgress(const experiment::BottleneckProgress& p);
  void showResult(std::shared_ptr<const experiment::BottleneckResult> result);
  void fillTable(const experiment::BottleneckResult& r);
  void setRunning(bool running);
  void fail(const UserError& error);
  void chooseAndOpen();
  void chooseAndSave(const QString& what, const QString& filter, const QString& suffix,
                     const std::function<bool(const QString&)>& save);

  BottleneckForm* form_;
  BottleneckPlot* plot_;
  QTableWidget* table_;
  QProgressBar* progress_;
  QLabel* status_;
  QPushButton *run_, *cancel_, *open_, *save_, *csv_, *png_, *reset_;
  BottleneckRunner* runner_;
  std::shared_ptr<const experiment::BottleneckResult> result_;
};

// Adds Experiments → Bottleneck experiment… to `window`'s menu bar; the dialog is created the
// first time and raised after that.
void addExperimentsMenu(QMainWindow* window);

}  // namespace attn::ui
