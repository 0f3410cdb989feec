#include "teach/bottleneck_dialog.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "experiment/bottleneck_io.h"
#include "experiment/bottleneck_settings.h"
#include "teach/bottleneck_form.h"
#include "teach/bottleneck_plot.h"
#include "teach/bottleneck_runner.h"
#include "util/atomic_file.h"
#include "util/check.h"
#include "util/data_folders.h"
#include "window/user_error.h"

namespace attn::ui {

using experiment::BottleneckProgress;
using experiment::BottleneckResult;
using experiment::BottleneckStage;
using experiment::kWithAttention;
using experiment::kWithoutAttention;

namespace {

QString percent(double v) {
  return QString::number(100 * v, 'f', 1) + QStringLiteral("%");
}

QString minutesSeconds(double seconds) {
  const auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString modelStatus(const BottleneckProgress& p, int m, const QString& name) {
  const auto i = size_t(m);
  switch (p.stage[i]) {
    case BottleneckStage::Waiting:
      return QCoreApplication::translate("attn::ui::BottleneckDialog", "%1: waiting").arg(name);
    case BottleneckStage::Training:
      return QCoreApplication::translate("attn::ui::BottleneckDialog", "%1: step %2 of %3, loss %4")
          .arg(name)
          .arg(p.step[i])
          .arg(p.totalSteps)
          .arg(p.loss[i], 0, 'f', 3);
    case BottleneckStage::Evaluating:
      return QCoreApplication::translate("attn::ui::BottleneckDialog", "%1: decoding %2 of %3")
          .arg(name)
          .arg(p.evaluated[i])
          .arg(p.testExamples);
    case BottleneckStage::Done:
      return QCoreApplication::translate("attn::ui::BottleneckDialog", "%1: done").arg(name);
  }
  return name;
}

}  // namespace

BottleneckDialog::BottleneckDialog(QWidget* parent)
    : QDialog(parent),
      form_(new BottleneckForm(this)),
      plot_(new BottleneckPlot(this)),
      table_(new QTableWidget(this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      runner_(new BottleneckRunner(this)) {
  setObjectName(QStringLiteral("bottleneckDialog"));
  setWindowTitle(tr("The bottleneck experiment"));
  auto* intro = new QLabel(
      tr("Two encoder-decoders, identical but for attention, learn the same task from the same "
         "data with the same seeds. Without attention the whole source must pass through one "
         "vector of the hidden size: watch its scores fall as the sources grow."),
      this);
  intro->setWordWrap(true);

  auto* formScroll = new QScrollArea(this);
  formScroll->setWidget(form_);
  formScroll->setWidgetResizable(true);
  formScroll->setMinimumWidth(form_->sizeHint().width() + 24);
  table_->setColumnCount(5);
  table_->setHorizontalHeaderLabels({tr("source length"), tr("exact match\nwithout attention"),
                                     tr("exact match\nwith attention"),
                                     tr("BLEU\nwithout attention"), tr("BLEU\nwith attention")});
  table_->verticalHeader()->setVisible(false);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  auto* results = new QSplitter(Qt::Vertical, this);
  results->addWidget(plot_);
  results->addWidget(table_);
  results->setStretchFactor(0, 3);
  results->setStretchFactor(1, 2);
  auto* centre = new QHBoxLayout;
  centre->addWidget(formScroll);
  centre->addWidget(results, 1);

  progress_->setRange(0, 1000);
  progress_->setValue(0);
  status_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(centre, 1);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addWidget(buildButtons());

  connect(runner_, &BottleneckRunner::progressed, this, &BottleneckDialog::showProgress);
  connect(runner_, &BottleneckRunner::finished, this, &BottleneckDialog::showResult);
  connect(runner_, &BottleneckRunner::cancelled, this, [this] {
    status_->setText(tr("Cancelled."));
    progress_->setValue(0);
  });
  connect(runner_, &BottleneckRunner::failed, this, &BottleneckDialog::fail);
  connect(runner_, &BottleneckRunner::busyChanged, this, &BottleneckDialog::setRunning);
  loadBundledSettings();
  setRunning(false);
  resize(1180, 720);
}

BottleneckDialog::~BottleneckDialog() = default;

QWidget* BottleneckDialog::buildButtons() {
  auto* row = new QWidget(this);
  auto* buttons = new QHBoxLayout(row);
  buttons->setContentsMargins(0, 0, 0, 0);
  run_ = new QPushButton(tr("&Run"), row);
  cancel_ = new QPushButton(tr("&Cancel"), row);
  reset_ = new QPushButton(tr("Bundled settings"), row);
  reset_->setToolTip(tr("Put back the settings of the bundled experiment"));
  open_ = new QPushButton(tr("&Open results…"), row);
  open_->setToolTip(tr("A result saved here or by attention-cli experiment bottleneck --out"));
  save_ = new QPushButton(tr("&Save results…"), row);
  csv_ = new QPushButton(tr("Export CS&V…"), row);
  png_ = new QPushButton(tr("Export &PNG…"), row);
  auto* close = new QPushButton(tr("Close"), row);
  for (QPushButton* b : {run_, cancel_, reset_, open_}) buttons->addWidget(b);
  buttons->addStretch(1);
  for (QPushButton* b : {save_, csv_, png_, close}) buttons->addWidget(b);
  run_->setDefault(true);
  connect(run_, &QPushButton::clicked, this, &BottleneckDialog::run);
  connect(cancel_, &QPushButton::clicked, this, &BottleneckDialog::cancel);
  connect(reset_, &QPushButton::clicked, this, &BottleneckDialog::loadBundledSettings);
  connect(open_, &QPushButton::clicked, this, &BottleneckDialog::chooseAndOpen);
  connect(save_, &QPushButton::clicked, this, [this] {
    chooseAndSave(tr("Save results"), tr("JSON (*.json)"), QStringLiteral(".json"),
                  [this](const QString& path) { return saveResults(path); });
  });
  connect(csv_, &QPushButton::clicked, this, [this] {
    chooseAndSave(tr("Export CSV"), tr("CSV (*.csv)"), QStringLiteral(".csv"),
                  [this](const QString& path) { return exportCsv(path); });
  });
  connect(png_, &QPushButton::clicked, this, [this] {
    chooseAndSave(tr("Export PNG"), tr("PNG image (*.png)"), QStringLiteral(".png"),
                  [this](const QString& path) { return exportPng(path); });
  });
  connect(close, &QPushButton::clicked, this, &BottleneckDialog::reject);
  return row;
}

QString BottleneckDialog::bundledSettingsPath() {
  std::vector<std::string> folders;
  const QString fromEnv = qEnvironmentVariable("ATTN_EXPERIMENTS_DIR");
  if (!fromEnv.isEmpty()) folders.push_back(fromEnv.toStdString());
  for (std::string& folder : bundledDataFolders("experiments")) folders.push_back(folder);
  return QString::fromStdString(experiment::findBottleneckSettings(folders));
}

void BottleneckDialog::loadBundledSettings() {
  const QString path = bundledSettingsPath();
  try {
    form_->setSettings(path.isEmpty() ? experiment::BottleneckSettings{}
                                      : experiment::loadBottleneckSettings(path.toStdString()));
    status_->setText(path.isEmpty() ? tr("The built-in settings (no bundled settings file found).")
                                    : tr("Settings of the bundled experiment."));
  } catch (const std::exception& e) {
    form_->setSettings(experiment::BottleneckSettings{});
    status_->setText(tr("The bundled settings could not be read (%1); these are the built-in "
                        "ones.")
                         .arg(QString::fromUtf8(e.what())));
  }
}

bool BottleneckDialog::run() {
  const experiment::BottleneckSettings settings = form_->settings();
  try {
    experiment::checkBottleneckSettings(settings);
  } catch (const std::exception& e) {
    fail(errorFrom(e, tr("Bottleneck experiment"),
                   tr("Change the setting it names, then run again.")));
    return false;
  }
  if (!runner_->start(settings)) return false;
  progress_->setValue(0);
  status_->setText(tr("Generating the data…"));
  return true;
}

void BottleneckDialog::cancel() {
  if (!runner_->isRunning()) return;
  runner_->cancel();
  status_->setText(tr("Cancelling…"));
}

void BottleneckDialog::reject() {
  cancel();
  QDialog::reject();
}

void BottleneckDialog::showProgress(const BottleneckProgress& p) {
  progress_->setValue(int(std::lround(1000 * p.fraction)));
  if (p.preparingData) {
    status_->setText(
        tr("Generating the data: %1 test sentences, as many of each length…").arg(p.testExamples));
    return;
  }
  status_->setText(modelStatus(p, kWithoutAttention, tr("Without attention")) +
                   QStringLiteral(" · ") + modelStatus(p, kWithAttention, tr("With attention")) +
                   QStringLiteral(" · ") + tr("%1 elapsed").arg(minutesSeconds(p.elapsedSeconds)));
}

void BottleneckDialog::showResult(std::shared_ptr<const BottleneckResult> result) {
  result_ = std::move(result);
  plot_->setResult(*result_);
  fillTable(*result_);
  progress_->setValue(1000);
  const auto& without = result_->models[kWithoutAttention];
  const auto& with = result_->models[kWithAttention];
  status_->setText(tr("Done in %1. Exact match over every length: %2 without attention, %3 with; "
                      "BLEU %4 and %5.")
                       .arg(minutesSeconds(result_->seconds), percent(without.exactMatch),
                            percent(with.exactMatch))
                       .arg(without.bleu, 0, 'f', 3)
                       .arg(with.bleu, 0, 'f', 3));
  setRunning(runner_->isRunning());
}

void BottleneckDialog::fillTable(const BottleneckResult& r) {
  table_->setRowCount(int(r.buckets.size()));
  for (int i = 0; i < int(r.buckets.size()); ++i) {
    const auto& b = r.buckets[size_t(i)];
    const auto& without = r.models[kWithoutAttention].buckets[size_t(i)];
    const auto& with = r.models[kWithAttention].buckets[size_t(i)];
    const QStringList cells{
        b.lo == b.hi ? QString::number(b.lo) : QStringLiteral("%1–%2").arg(b.lo).arg(b.hi),
        percent(without.exactMatch), percent(with.exactMatch),
        QString::number(without.bleu, 'f', 3), QString::number(with.bleu, 'f', 3)};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setTextAlignment(Qt::AlignCenter);
      table_->setItem(i, c, item);
    }
  }
}

void BottleneckDialog::setRunning(bool running) {
  run_->setEnabled(!running);
  cancel_->setEnabled(running);
  form_->setEnabled(!running);
  reset_->setEnabled(!running);
  open_->setEnabled(!running);
  for (QPushButton* b : {save_, csv_, png_}) b->setEnabled(!running && result_ != nullptr);
}

void BottleneckDialog::fail(const UserError& error) {
  status_->setText(error.what);
  showError(this, error);
}

bool BottleneckDialog::openResults(const QString& path) {
  try {
    auto result = std::make_shared<const BottleneckResult>(
        experiment::loadBottleneckResult(path.toStdString()));
    form_->setSettings(result->settings);
    showResult(std::move(result));
    return true;
  } catch (const std::exception& e) {
    fail(errorFrom(e, tr("Open results"),
                   tr("Open a file written by this dialog or by attention-cli experiment "
                      "bottleneck --out.")));
    return false;
  }
}

bool BottleneckDialog::saveResults(const QString& path) {
  try {
    if (!result_) return false;
    const QString tool =
        (QStringLiteral("attention-studio ") + QCoreApplication::applicationVersion()).trimmed();
    experiment::saveBottleneckJson(path.toStdString(), *result_, {{"tool", tool.toStdString()}});
    return true;
  } catch (const std::exception& e) {
    fail(errorFrom(e, tr("Save results"), tr("Choose a folder you can write to.")));
    return false;
  }
}

bool BottleneckDialog::exportCsv(const QString& path) {
  try {
    if (!result_) return false;
    experiment::saveBottleneckCsv(path.toStdString(), *result_);
    return true;
  } catch (const std::exception& e) {
    fail(errorFrom(e, tr("Export CSV"), tr("Choose a folder you can write to.")));
    return false;
  }
}

bool BottleneckDialog::exportPng(const QString& path, QSize size) {
  if (!result_) return false;
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  try {
    if (!plot_->render(size).save(&buffer, "PNG")) throw Error("the image could not be encoded");
    // Through the engine's atomic writer: a failed write never leaves half a PNG.
    writeFileAtomically(path.toStdString(), bytes.toStdString());
    return true;
  } catch (const std::exception& e) {
    fail(errorFrom(e, tr("Export PNG"), tr("Choose a folder you can write to.")));
    return false;
  }
}

void BottleneckDialog::chooseAndOpen() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open results"), QString(),
                                                    tr("JSON (*.json);;All files (*)"));
  if (!path.isEmpty()) openResults(path);
}

void BottleneckDialog::chooseAndSave(const QString& what, const QString& filter,
                                     const QString& suffix,
                                     const std::function<bool(const QString&)>& save) {
  QString path =
      QFileDialog::getSaveFileName(this, what, QStringLiteral("bottleneck") + suffix, filter);
  if (path.isEmpty()) return;
  if (!path.endsWith(suffix, Qt::CaseInsensitive)) path += suffix;
  save(path);
}

void addExperimentsMenu(QMainWindow* window) {
  QMenu* menu = window->menuBar()->addMenu(BottleneckDialog::tr("E&xperiments"));
  QAction* bottleneck = menu->addAction(BottleneckDialog::tr("&Bottleneck experiment…"));
  bottleneck->setObjectName(QStringLiteral("bottleneckAction"));
  bottleneck->setToolTip(
      BottleneckDialog::tr("Train a model without and one with attention, and compare them by "
                           "sentence length"));
  QObject::connect(bottleneck, &QAction::triggered, window, [window] {
    auto* dialog = window->findChild<BottleneckDialog*>(QStringLiteral("bottleneckDialog"));
    if (!dialog) dialog = new BottleneckDialog(window);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
  });
}

}  // namespace attn::ui
