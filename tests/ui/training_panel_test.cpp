// Training from the GUI: it runs on a worker thread while the window keeps handling events,
// reports progress to the bar and the curves, can be paused and cancelled, and ends with a model
// that is decoded at once and must be saved before closing.
#include <gtest/gtest.h>

#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/trace_document.h"
#include "find_widget.h"
#include "jobs/training_job.h"
#include "models/model.h"
#include "panels/train_config_form.h"
#include "panels/training_panel.h"
#include "qt_printers.h"
#include "runners/training_worker.h"
#include "studio_test_support.h"
#include "views/heatmap_view.h"
#include "views/hops_view.h"
#include "views/loss_plot.h"
#include "window/main_window.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;
using attn::test::eventually;

TEST(TrainingPanel, RunsInAWorkerThreadReportsProgressAndHandsOverADecodedModel) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  TrainingPanel* panel = named<attn::ui::TrainingPanel>(window, "trainingTab");
  panel->form()->setQuickDefaults(QStringLiteral("copy"), 60);

  int guiTicks = 0;  // the event loop keeps running: a timer keeps firing during training
  QTimer heartbeat;
  QObject::connect(&heartbeat, &QTimer::timeout, [&] { ++guiTicks; });
  heartbeat.start(5);

  QSignalSpy progressed(panel->runner(), &TrainingRunner::progressed);
  QSignalSpy decoded(window.session(), &Session::decoded);
  QTest::mouseClick(panel->startButton(), Qt::LeftButton);
  EXPECT_TRUE(panel->isRunning());
  EXPECT_FALSE(panel->startButton()->isEnabled());
  ASSERT_TRUE(eventually([&] { return decoded.count() >= 1; }, 60000))
      << panel->statusLabel()->text().toStdString();

  EXPECT_FALSE(panel->isRunning());
  EXPECT_GE(progressed.count(), 1);
  EXPECT_GT(guiTicks, 0);
  EXPECT_EQ(panel->lossPlot()->lossPoints(), 60);
  EXPECT_GE(panel->lossPlot()->validationPoints(), 1);
  EXPECT_EQ(panel->progressBar()->value(), panel->progressBar()->maximum());
  EXPECT_TRUE(panel->statusLabel()->text().startsWith(QStringLiteral("Done")))
      << panel->statusLabel()->text();
  attn::test::maybeCapture(window, "trained_decoded");
  named<QTabWidget>(window, "centralTabs")->setCurrentWidget(panel);
  attn::test::maybeCapture(window, "training_done");

  // The new model is loaded, unsaved, and its example decoded.
  ModelDocument* model = window.session()->modelDocument();
  ASSERT_TRUE(model->hasModel());
  EXPECT_TRUE(model->isUnsaved());
  EXPECT_EQ(model->model()->training.value("task", ""), "copy");
  EXPECT_TRUE(window.session()->traceDocument()->hasTrace());
  EXPECT_FALSE(window.session()->traceDocument()->isExample());

  // Closing asks first; "Cancel" keeps the window open.
  window.setUnsavedModelQuestion([] { return int(QMessageBox::Cancel); });
  EXPECT_FALSE(window.close());
  EXPECT_TRUE(window.isVisible());
  // Once saved, it closes without asking.
  QTemporaryDir dir;
  const QString file = dir.filePath(QStringLiteral("copy.safetensors"));
  ASSERT_TRUE(window.session()->saveModel(file));
  EXPECT_FALSE(model->isUnsaved());
  EXPECT_NO_THROW(loadModel(file.toStdString()));
  window.setUnsavedModelQuestion([] {
    ADD_FAILURE() << "asked about a saved model";
    return int(QMessageBox::Cancel);
  });
  EXPECT_TRUE(window.close());
}

TEST(TrainingPanel, ProgressComesFromAnotherThread) {
  TrainingRunner runner;
  jobs::TrainingJob job;
  data::TaskConfig task;
  task.trainSize = 100;
  task.validationSize = 10;
  task.testSize = 10;
  task.minLength = 2;
  task.maxLength = 6;
  job.data = jobs::BuiltInTask{"copy", task};
  job.modelConfig = {{"arch", "rnn_seq2seq"}, {"embed_dim", 4}, {"hidden_dim", 8}};
  job.train.steps = 20;
  job.train.batchSize = 8;
  job.train.evalExamples = 5;
  Qt::HANDLE emitter = nullptr;
  QObject::connect(&runner, &TrainingRunner::progressed, &runner,
                   [&emitter](const TrainingTick&) { emitter = QThread::currentThreadId(); });
  QSignalSpy finished(&runner, &TrainingRunner::finished);
  QSignalSpy failed(&runner, &TrainingRunner::failed);
  QSignalSpy progressed(&runner, &TrainingRunner::progressed);
  ASSERT_TRUE(runner.start(job));
  EXPECT_FALSE(runner.start(job)) << "a second run while one is going";
  ASSERT_TRUE(eventually([&] { return finished.count() + failed.count() == 1; }, 60000));
  ASSERT_EQ(failed.count(), 0) << failed[0][0].value<UserError>().what;
  EXPECT_EQ(emitter, QThread::currentThreadId()) << "the GUI slot runs on the GUI thread";
  // Where the work runs is the runner's own thread (tests/ui/latest_runner_test.cpp).
  EXPECT_NE(runner.workerThread(), QThread::currentThread()) << "training ran on the GUI thread";
  const auto outcome = finished[0][0].value<std::shared_ptr<jobs::TrainingOutcome>>();
  ASSERT_NE(outcome, nullptr);
  EXPECT_EQ(outcome->result.steps, 20);
  EXPECT_FALSE(outcome->example.source.empty());
  // Every step's loss arrived, in order, though ticks came at most every 50 ms.
  std::vector<int64_t> steps;
  for (const QList<QVariant>& args : progressed)
    for (const auto& [step, loss] : args[0].value<TrainingTick>().losses) steps.push_back(step);
  ASSERT_EQ(steps.size(), 20u);
  for (size_t i = 0; i < steps.size(); ++i) EXPECT_EQ(steps[i], int64_t(i + 1));
}

TEST(TrainingPanel, CancelStopsTheRunAndSaysCancelled) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  TrainingPanel* panel = named<attn::ui::TrainingPanel>(window, "trainingTab");
  panel->form()->setQuickDefaults(QStringLiteral("copy"), 1'000'000);  // far longer than the test
  QSignalSpy progressed(panel->runner(), &TrainingRunner::progressed);
  QSignalSpy cancelled(panel->runner(), &TrainingRunner::cancelled);
  ASSERT_TRUE(panel->start());
  ASSERT_TRUE(eventually([&] { return progressed.count() >= 2; }, 60000));

  // Paused: once the step in flight has ended and the run is held, no step reports (the tick of
  // that last step may still be queued when it is held, hence the short wait).
  QTest::mouseClick(panel->pauseButton(), Qt::LeftButton);
  EXPECT_TRUE(panel->runner()->isPaused());
  ASSERT_TRUE(eventually([&] { return panel->runner()->isHeld(); }, 30000));
  named<QTabWidget>(window, "centralTabs")->setCurrentWidget(panel);
  attn::test::maybeCapture(window, "training_paused");
  QTest::qWait(100);
  const int whilePaused = int(progressed.count());
  QTest::qWait(300);
  EXPECT_EQ(progressed.count(), whilePaused);
  EXPECT_TRUE(panel->statusLabel()->text().startsWith(QStringLiteral("Paused")));

  QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);  // cancelling a paused run works too
  ASSERT_TRUE(eventually([&] { return cancelled.count() == 1; }, 30000));
  EXPECT_FALSE(panel->isRunning());
  EXPECT_TRUE(panel->startButton()->isEnabled());
  EXPECT_TRUE(panel->statusLabel()->text().startsWith(QStringLiteral("Cancelled")));
  EXPECT_EQ(panel->progressBar()->format(), QStringLiteral("Cancelled"));
  EXPECT_FALSE(window.session()->modelDocument()->hasModel())
      << "a cancelled run hands over nothing";
}

TEST(TrainingPanel, AClassificationTaskForASeq2SeqModelSaysWhatToChoose) {
  MainWindow window;
  TrainingPanel* panel = named<attn::ui::TrainingPanel>(window, "trainingTab");
  panel->form()->setQuickDefaults(QStringLiteral("sentiment"), 10);
  panel->form()->archBox()->setCurrentIndex(0);  // rnn_seq2seq
  QSignalSpy failed(panel, &TrainingPanel::failed);
  ASSERT_TRUE(panel->start());
  ASSERT_TRUE(eventually([&] { return failed.count() == 1; }, 30000));
  const UserError error = failed[0][0].value<UserError>();
  EXPECT_TRUE(error.what.contains(QStringLiteral("classification"))) << error.what.toStdString();
  EXPECT_FALSE(error.whatToDo.isEmpty());
}

TEST(TrainingPanel, ATsvFileThatDoesNotExistIsCaughtBeforeStarting) {
  MainWindow window;
  TrainingPanel* panel = named<attn::ui::TrainingPanel>(window, "trainingTab");
  panel->form()->tsvEdit()->setText(QStringLiteral("/no/such/corpus.tsv"));
  panel->form()->tsvButton()->setChecked(true);
  QSignalSpy failed(panel, &TrainingPanel::failed);
  EXPECT_FALSE(panel->start());
  ASSERT_EQ(failed.count(), 1);
  EXPECT_TRUE(failed[0][0].value<UserError>().what.contains(QStringLiteral("does not exist")));
}

TEST(TrainingPanel, TrainsTheClassifierOnSentimentAndShowsItsHops) {
  MainWindow window;
  window.resize(1280, 800);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  TrainingPanel* panel = named<attn::ui::TrainingPanel>(window, "trainingTab");
  panel->form()->setQuickDefaults(QStringLiteral("sentiment"), 40);
  ASSERT_EQ(panel->form()->archBox()->currentData().toString(),
            QStringLiteral("structured_self_attention"))
      << "a classification task picks the classifier";
  QSignalSpy decoded(window.session(), &Session::decoded);
  QSignalSpy failed(panel, &TrainingPanel::failed);
  ASSERT_TRUE(panel->start());
  ASSERT_TRUE(eventually([&] { return decoded.count() + failed.count() >= 1; }, 120000));
  ASSERT_EQ(failed.count(), 0) << failed[0][0].value<UserError>().what;
  const auto& trace = window.session()->traceDocument()->trace();
  ASSERT_TRUE(trace->attention.count(MapKind::Hops));
  EXPECT_EQ(named<QTabWidget>(window, "centralTabs")->currentWidget(),
            static_cast<QWidget*>(named<attn::ui::HopsView>(window, "hopsTab")));
  EXPECT_EQ(named<attn::ui::HopsView>(window, "hopsTab")->heatmap()->rows(),
            trace->attention.at(MapKind::Hops).heads);
  attn::test::maybeCapture(window, "classifier_hops");
}
