// Experiments → Bottleneck experiment… offscreen: the dialog opens from the menu with the bundled
// settings, runs a tiny setting to the end on its worker thread while the event loop keeps
// turning, and plots and tabulates exactly the result's numbers; Cancel stops a long run; the
// bundled result file opens and exports to PNG, CSV and JSON; bad files get a message.
// With ATTN_UI_CAPTURE_DIR set, it saves the figure of the bundled results there.
#include <gtest/gtest.h>

#include <qcustomplot.h>

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "../support/bottleneck_tiny.h"
#include "experiment/bottleneck_io.h"
#include "experiment/bottleneck_settings.h"
#include "studio_test_support.h"
#include "teach/bottleneck_dialog.h"
#include "teach/bottleneck_form.h"
#include "teach/bottleneck_plot.h"
#include "teach/bottleneck_runner.h"
#include "test_paths.h"
#include "window/main_window.h"
#include "window/window_capture.h"

using namespace attn;
using namespace attn::ui;
using attn::experiment::BottleneckResult;
using attn::experiment::BottleneckSettings;
using attn::experiment::kWithAttention;
using attn::experiment::kWithoutAttention;
using attn::test::eventually;

namespace {

const QString kBundledResults =
    QStringLiteral(ATTN_TEST_DATA_DIR "/../../resources/experiments/bottleneck-results.json");

// Long enough (40 steps) for the dialog to show progress before it finishes.
BottleneckSettings tinySettings() {
  return attn::test::tinyBottleneckSettings(40);
}

// Each curve's points are the result's per-bucket numbers, at the buckets' middles.
void expectPlotIsResult(BottleneckPlot& plot, const BottleneckResult& r) {
  for (QCustomPlot* p : {plot.exactMatchPlot(), plot.bleuPlot()}) {
    ASSERT_EQ(p->graphCount(), 2);
    for (int m : {kWithoutAttention, kWithAttention}) {
      const auto& buckets = r.models[size_t(m)].buckets;
      QCPGraph* g = p->graph(m);
      ASSERT_EQ(g->data()->size(), int(buckets.size()));
      for (int i = 0; i < int(buckets.size()); ++i) {
        const auto& b = buckets[size_t(i)];
        const auto point = g->data()->at(i);
        EXPECT_DOUBLE_EQ(point->key, 0.5 * double(b.bucket.lo + b.bucket.hi));
        EXPECT_DOUBLE_EQ(point->value, p == plot.exactMatchPlot() ? b.exactMatch : b.bleu);
      }
    }
    EXPECT_TRUE(p->graph(kWithoutAttention)->name().contains(QStringLiteral("without")));
    EXPECT_TRUE(p->graph(kWithAttention)->name().contains(QStringLiteral("bahdanau")));
    EXPECT_TRUE(p->legend->visible());
  }
}

void expectTableIsResult(QTableWidget& table, const BottleneckResult& r) {
  ASSERT_EQ(table.rowCount(), int(r.buckets.size()));
  for (int i = 0; i < table.rowCount(); ++i) {
    const auto& without = r.models[kWithoutAttention].buckets[size_t(i)];
    const auto& with = r.models[kWithAttention].buckets[size_t(i)];
    EXPECT_EQ(table.item(i, 1)->text(), QString::number(100 * without.exactMatch, 'f', 1) + "%");
    EXPECT_EQ(table.item(i, 2)->text(), QString::number(100 * with.exactMatch, 'f', 1) + "%");
    EXPECT_EQ(table.item(i, 3)->text(), QString::number(without.bleu, 'f', 3));
    EXPECT_EQ(table.item(i, 4)->text(), QString::number(with.bleu, 'f', 3));
  }
}

}  // namespace

TEST(BottleneckDialog, OpensFromTheMenuWithTheBundledSettings) {
  MainWindow window;
  QAction* action = window.menuBar()->findChild<QAction*>(QStringLiteral("bottleneckAction"));
  ASSERT_NE(action, nullptr);
  action->trigger();
  auto* dialog = window.findChild<BottleneckDialog*>(QStringLiteral("bottleneckDialog"));
  ASSERT_NE(dialog, nullptr);
  EXPECT_TRUE(dialog->isVisible());
  action->trigger();  // raised, not a second one
  EXPECT_EQ(window.findChildren<BottleneckDialog*>().size(), 1);
  ASSERT_FALSE(BottleneckDialog::bundledSettingsPath().isEmpty());
  const BottleneckSettings bundled =
      experiment::loadBottleneckSettings(BottleneckDialog::bundledSettingsPath().toStdString());
  EXPECT_EQ(experiment::bottleneckSettingsToJson(dialog->form()->settings()),
            experiment::bottleneckSettingsToJson(bundled));
  EXPECT_FALSE(dialog->cancelButton()->isEnabled());
  dialog->close();
}

TEST(BottleneckDialog, RunsATinySettingToTheEndAndPlotsItsNumbers) {
  BottleneckDialog dialog;
  dialog.show();
  dialog.form()->setSettings(tinySettings());
  int guiTicks = 0;  // the event loop keeps turning while the models train
  QTimer heartbeat;
  QObject::connect(&heartbeat, &QTimer::timeout, [&] { ++guiTicks; });
  heartbeat.start(5);
  QSignalSpy finished(dialog.runner(), &BottleneckRunner::finished);
  QSignalSpy progressed(dialog.runner(), &BottleneckRunner::progressed);
  QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
  EXPECT_FALSE(dialog.runButton()->isEnabled());
  EXPECT_TRUE(dialog.cancelButton()->isEnabled());
  ASSERT_TRUE(eventually([&] { return finished.count() == 1; }, 20000))
      << dialog.statusLabel()->text().toStdString();
  EXPECT_GT(progressed.count(), 0);
  EXPECT_GT(guiTicks, 0);
  ASSERT_NE(dialog.result(), nullptr);
  const BottleneckResult& r = *dialog.result();
  EXPECT_EQ(r.settings.steps, 40);
  ASSERT_EQ(r.buckets.size(), 2u);
  expectPlotIsResult(*dialog.plot(), r);
  expectTableIsResult(*dialog.table(), r);
  EXPECT_EQ(dialog.progressBar()->value(), dialog.progressBar()->maximum());
  EXPECT_TRUE(dialog.statusLabel()->text().startsWith(QStringLiteral("Done")));
  EXPECT_TRUE(dialog.runButton()->isEnabled());
  EXPECT_FALSE(dialog.cancelButton()->isEnabled());

  // What it saves is what it shows, and opens again as the same numbers.
  QTemporaryDir dir;
  ASSERT_TRUE(dialog.saveResults(dir.filePath("r.json")));
  const BottleneckResult back =
      experiment::loadBottleneckResult(dir.filePath("r.json").toStdString());
  EXPECT_EQ(experiment::bottleneckResultToJson(back).dump(),
            experiment::bottleneckResultToJson(r).dump());
  ASSERT_TRUE(dialog.exportCsv(dir.filePath("r.csv")));
  QFile csv(dir.filePath("r.csv"));
  ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
  EXPECT_EQ(csv.readAll().toStdString(), experiment::bottleneckCsv(r));
}

TEST(BottleneckDialog, CancelStopsALongRunAndKeepsThePreviousPlot) {
  BottleneckDialog dialog;
  dialog.show();
  ASSERT_TRUE(dialog.openResults(kBundledResults));
  const std::string before = experiment::bottleneckResultToJson(*dialog.result()).dump();
  BottleneckSettings s = tinySettings();
  s.steps = 10'000'000;
  dialog.form()->setSettings(s);
  QSignalSpy cancelled(dialog.runner(), &BottleneckRunner::cancelled);
  QSignalSpy progressed(dialog.runner(), &BottleneckRunner::progressed);
  ASSERT_TRUE(dialog.run());
  ASSERT_TRUE(eventually(
      [&] {
        return !progressed.isEmpty() &&
               progressed.last().at(0).value<experiment::BottleneckProgress>().step[0] > 0;
      },
      10000));
  QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
  ASSERT_TRUE(eventually([&] { return cancelled.count() == 1; }, 10000));
  EXPECT_FALSE(dialog.runner()->isRunning());
  EXPECT_EQ(dialog.statusLabel()->text(), QStringLiteral("Cancelled."));
  EXPECT_TRUE(dialog.runButton()->isEnabled());
  EXPECT_EQ(experiment::bottleneckResultToJson(*dialog.result()).dump(), before);
}

TEST(BottleneckDialog, ClosingDuringARunCancelsIt) {
  BottleneckDialog dialog;
  dialog.show();
  BottleneckSettings s = tinySettings();
  s.steps = 10'000'000;
  dialog.form()->setSettings(s);
  QSignalSpy cancelled(dialog.runner(), &BottleneckRunner::cancelled);
  ASSERT_TRUE(dialog.run());
  dialog.reject();
  ASSERT_TRUE(eventually([&] { return cancelled.count() == 1; }, 10000));
  EXPECT_FALSE(dialog.isVisible());
}

TEST(BottleneckDialog, TheBundledResultsOpenAndExportAsAFigureThatShowsTheGap) {
  BottleneckDialog dialog;
  dialog.resize(1180, 720);
  dialog.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
  ASSERT_TRUE(dialog.openResults(kBundledResults));
  const BottleneckResult& r = *dialog.result();
  expectPlotIsResult(*dialog.plot(), r);
  expectTableIsResult(*dialog.table(), r);
  // The settings it was made with come back into the form.
  EXPECT_EQ(experiment::bottleneckSettingsToJson(dialog.form()->settings()),
            experiment::bottleneckSettingsToJson(r.settings));
  // The bundled run shows what the experiment is for: the model without attention falls as
  // sources grow, the one with attention does not, and the gap is wide on long sources.
  const auto& without = r.models[kWithoutAttention].buckets;
  const auto& with = r.models[kWithAttention].buckets;
  EXPECT_GT(without.front().bleu, 2 * without.back().bleu);
  EXPECT_GT(with.back().bleu, 0.9);
  EXPECT_GT(with.back().exactMatch - without.back().exactMatch, 0.8);

  QTemporaryDir dir;
  ASSERT_TRUE(dialog.exportPng(dir.filePath("b.png"), QSize(1200, 520)));
  QImage image(dir.filePath("b.png"));
  ASSERT_EQ(image.size(), QSize(1200, 520));
  // Both curves' colours are in the picture.
  int orange = 0, blue = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QColor c = image.pixelColor(x, y);
      orange += c.red() > 200 && c.green() > 130 && c.green() < 180 && c.blue() < 60;
      blue += c.red() < 40 && c.green() > 90 && c.green() < 130 && c.blue() > 160;
    }
  EXPECT_GT(orange, 200);
  EXPECT_GT(blue, 200);
  const QString capture = qEnvironmentVariable("ATTN_UI_CAPTURE_DIR");
  if (!capture.isEmpty()) {
    EXPECT_TRUE(dialog.exportPng(QDir(capture).filePath("bottleneck.png"), QSize(1200, 520)));
    EXPECT_EQ(captureWidget(dialog, QDir(capture).filePath("bottleneck-dialog.png")), QString());
  }
}

TEST(BottleneckDialog, BadFilesAndSettingsGetAMessageNotACrash) {
  BottleneckDialog dialog;
  dialog.show();
  QTemporaryDir dir;
  QFile bad(dir.filePath("bad.json"));
  ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
  bad.write("{\"format\": \"attention-studio.bottleneck-result/1\"}");
  bad.close();
  EXPECT_FALSE(dialog.openResults(dir.filePath("bad.json")));
  EXPECT_TRUE(dialog.statusLabel()->text().contains(QStringLiteral("\"settings\" is missing")))
      << dialog.statusLabel()->text().toStdString();
  EXPECT_EQ(dialog.result(), nullptr);
  EXPECT_FALSE(dialog.exportPng(dir.filePath("nothing.png")));  // nothing to export yet

  BottleneckSettings s = tinySettings();
  s.minLength = 8;
  s.maxLength = 3;
  dialog.form()->setSettings(s);
  EXPECT_FALSE(dialog.run());
  EXPECT_FALSE(dialog.runner()->isRunning());
  EXPECT_TRUE(dialog.statusLabel()->text().contains(QStringLiteral("shorter than the shortest")));
  for (QMessageBox* box : dialog.findChildren<QMessageBox*>()) box->close();
}
