// Alignments forming: a training run from the GUI keeps snapshots of one held-out example at the
// right steps (bounded by thinning), the first one is exactly the untrained model's attention,
// the slider shows snapshot k's map, playing walks through them, and the frames export as PNGs
// and JSON traces.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "../support/sanitizers.h"
#include "data/encoding.h"
#include "data/tasks/task.h"
#include "decode/decoder.h"
#include "explain/compare.h"
#include "jobs/training_job.h"
#include "models/model.h"
#include "panels/train_config_form.h"
#include "panels/training_panel.h"
#include "runners/training_worker.h"
#include "studio_test_support.h"
#include "teach/alignment_forming_view.h"
#include "teach/alignment_snapshots.h"
#include "teach/compare_runner.h"
#include "teach/compare_view.h"
#include "teach/reference_alignment.h"
#include "trace/trace_json.h"
#include "train/schedule.h"
#include "views/heatmap_view.h"

using namespace attn;
using namespace attn::ui;
using attn::test::eventually;

namespace {

std::vector<int64_t> stepsOf(const SnapshotList& list) {
  std::vector<int64_t> steps;
  for (const AlignmentSnapshot& s : list) steps.push_back(s.step);
  return steps;
}

AlignmentSnapshot at(int64_t step) {
  AlignmentSnapshot s;
  s.step = step;
  return s;
}

// The target as typed: a character model's tokens joined, <eos> left out.
std::string sentenceFromTokens(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& t : tokens)
    if (t != "<eos>") out += t;
  return out;
}

// Runs the panel's training (copy task, 60 steps) and waits for it to finish.
void trainInPanel(TrainingPanel& panel, int every) {
  panel.form()->setQuickDefaults(QStringLiteral("copy"), 60);
  panel.formingView()->everyBox()->setValue(every);
  QSignalSpy done(panel.runner(), &TrainingRunner::finished);
  ASSERT_TRUE(panel.start());
  ASSERT_TRUE(eventually([&] { return done.count() == 1; }, 60000));
  QCoreApplication::processEvents();  // the queued snapshot signals before `finished`
}

// The view's heatmap holds exactly `m`.
void expectShows(const HeatmapView& view, const LabelledMatrix& m) {
  ASSERT_EQ(view.rows(), m.rows);
  ASSERT_EQ(view.cols(), m.cols);
  for (int r = 0; r < m.rows; ++r)
    for (int c = 0; c < m.cols; ++c)
      ASSERT_FLOAT_EQ(float(view.value(r, c)), m.values[size_t(r * m.cols + c)]) << r << "," << c;
}

}  // namespace

TEST(AlignmentSnapshots, IntervalAimsAtFiftySnapshotsUnlessGiven) {
  EXPECT_EQ(snapshotInterval(1200, 0), 24);
  EXPECT_EQ(snapshotInterval(60, 0), 2);  // ⌈60 / 50⌉
  EXPECT_EQ(snapshotInterval(10, 0), 1);
  EXPECT_EQ(snapshotInterval(1200, 7), 7);
}

TEST(AlignmentSnapshots, DueAtZeroEveryIntervalAndTheLastStep) {
  SnapshotSeries series(10);
  EXPECT_TRUE(series.due(0, 35));
  EXPECT_FALSE(series.due(5, 35));
  EXPECT_TRUE(series.due(30, 35));
  EXPECT_TRUE(series.due(35, 35));  // the last step, off the grid
  series.add(at(30));
  EXPECT_FALSE(series.due(30, 35));  // taken already
}

TEST(AlignmentSnapshots, ThinningDoublesTheIntervalAndKeepsTheNewest) {
  SnapshotSeries series(1, 4);
  for (int64_t s = 0; s <= 4; ++s) series.add(at(s));
  EXPECT_EQ(series.interval(), 2);
  EXPECT_EQ(stepsOf(series.snapshots()), (std::vector<int64_t>{0, 2, 4}));
  series.add(at(6));
  series.add(at(7));  // a last step off the grid: kept as the newest
  EXPECT_EQ(series.interval(), 4);
  EXPECT_EQ(stepsOf(series.snapshots()), (std::vector<int64_t>{0, 4, 7}));
}

TEST(AlignmentForming, TrainingKeepsSnapshotsAtTheChosenSteps) {
  TrainingPanel panel;
  panel.resize(1100, 700);
  trainInPanel(panel, 10);
  AlignmentFormingView* view = panel.formingView();
  ASSERT_EQ(view->count(), 7);
  std::vector<int64_t> steps;
  for (int i = 0; i < view->count(); ++i) steps.push_back(view->snapshot(i)->step);
  EXPECT_EQ(steps, (std::vector<int64_t>{0, 10, 20, 30, 40, 50, 60}));
  // The latest validation travels with each snapshot (the form validates every 30 steps).
  EXPECT_EQ(view->snapshot(2)->validationStep, -1);
  EXPECT_EQ(view->snapshot(3)->validationStep, 30);
  EXPECT_EQ(view->snapshot(6)->validationStep, 60);
  EXPECT_TRUE(std::isnan(view->snapshot(0)->loss));
  EXPECT_GT(view->snapshot(1)->loss, 0.0);
  // Forced on the same reference: every frame has the same rows and columns.
  for (int i = 1; i < view->count(); ++i) {
    EXPECT_EQ(view->snapshot(i)->trace->targetTokens, view->snapshot(0)->trace->targetTokens);
    EXPECT_EQ(view->snapshot(i)->trace->sourceTokens, view->snapshot(0)->trace->sourceTokens);
  }
  // The slider followed the run to its newest snapshot, and shows snapshot k's map when moved.
  EXPECT_EQ(view->current(), 6);
  for (int k : {0, 3, 6}) {
    view->slider()->setValue(k);
    expectShows(*view->heatmap(), selectMatrix(*view->snapshot(k)->trace, {}));
    EXPECT_TRUE(view->stepLabel()->text().contains(k == 0 ? QStringLiteral("untrained")
                                                          : QStringLiteral("step %1").arg(k * 10)))
        << view->stepLabel()->text().toStdString();
  }
  // The map moved during training.
  const MatrixDifference d = matrixDifference(selectMatrix(*view->snapshot(0)->trace, {}),
                                              selectMatrix(*view->snapshot(6)->trace, {}));
  EXPECT_GT(d.meanTotalVariation, 0.05);
  view->slider()->setValue(3);
  attn::test::maybeCapture(panel, "alignment_forming");
}

TEST(AlignmentForming, TheFirstSnapshotIsTheUntrainedModelsAttention) {
  TrainingPanel panel;
  trainInPanel(panel, 0);  // automatic: ⌈60 / 50⌉ = 2 steps apart
  AlignmentFormingView* view = panel.formingView();
  ASSERT_EQ(view->count(), 31);
  EXPECT_EQ(view->snapshot(1)->step, 2);
  EXPECT_EQ(view->snapshot(30)->step, 60);
  // Rebuild what the training job builds before its first step, independently of the worker.
  const jobs::TrainingJob job = panel.form()->job();
  const jobs::BuiltInTask& task = std::get<jobs::BuiltInTask>(job.data);
  const data::Dataset d = data::makeTask(task.name)->generate(task.config);
  const data::Vocabularies v = data::buildVocabularies(d);
  const Model fresh =
      createModel(job.modelConfig, v.tokenizer, v.source, v.target, v.labels, job.modelSeed);
  const std::vector<data::Example>& held = d.test.empty() ? d.validation : d.test;
  ASSERT_FALSE(held.empty());
  const data::Example& example = held.front();
  const DecodeResult forced = inspectForced(fresh, example.source, example.target);
  const AttentionMap& expected = forced.trace.attention.at(MapKind::Cross);
  const AttentionMap& got = view->snapshot(0)->trace->attention.at(MapKind::Cross);
  ASSERT_EQ(got.values.size(), expected.values.size());
  for (size_t i = 0; i < got.values.size(); ++i)
    EXPECT_NEAR(got.values[i], expected.values[i], 1e-6) << i;
  EXPECT_EQ(view->snapshot(0)->output, decodeGreedy(fresh, example.source).output);
}

TEST(AlignmentForming, WatchesTheSentenceGivenOrSaysWhyItCannot) {
  TrainingPanel panel;
  AlignmentFormingView* view = panel.formingView();
  view->watchSourceEdit()->setText(QStringLiteral("3 1 4 1"));
  view->watchTargetEdit()->setText(QStringLiteral("3 1 4 1"));
  trainInPanel(panel, 30);
  ASSERT_EQ(view->count(), 3);
  EXPECT_EQ(view->snapshot(2)->trace->sourceTokens,
            (std::vector<std::string>{"3", "1", "4", "1", "<eos>"}));
  EXPECT_EQ(view->snapshot(2)->trace->targetTokens,
            (std::vector<std::string>{"3", "1", "4", "1", "<eos>"}));
  // No reference output to read: the run trains all the same, and the view says why it is empty.
  view->watchTargetEdit()->clear();
  trainInPanel(panel, 30);
  EXPECT_EQ(view->count(), 0);
  EXPECT_TRUE(panel.statusLabel()->text().startsWith(QStringLiteral("Done")));
  bool explained = false;
  for (QLabel* label : view->findChildren<QLabel*>())
    explained = explained || label->text().contains(QStringLiteral("cannot be read"));
  EXPECT_TRUE(explained);
}

TEST(AlignmentForming, PlaysExportsAndComparesSnapshots) {
  TrainingPanel panel;
  panel.resize(1000, 700);
  panel.show();
  trainInPanel(panel, 20);
  AlignmentFormingView* view = panel.formingView();
  ASSERT_EQ(view->count(), 4);  // 0, 20, 40, 60

  view->showSnapshot(0);
  view->setPlaying(true);
  EXPECT_TRUE(view->isPlaying());
  ASSERT_TRUE(eventually([&] { return !view->isPlaying(); }, 5000));
  EXPECT_EQ(view->current(), 3);

  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  view->showSnapshot(1);
  EXPECT_EQ(view->exportFrames(dir.filePath(QStringLiteral("frames")), 400, 300), QString());
  EXPECT_EQ(view->current(), 1);  // back where it was
  const QStringList frames = QDir(dir.filePath(QStringLiteral("frames")))
                                 .entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
  ASSERT_EQ(frames.size(), 4);
  EXPECT_EQ(frames.last(), QStringLiteral("frame_003_step_60.png"));
  const QImage first(dir.filePath(QStringLiteral("frames/") + frames.first()));
  EXPECT_EQ(first.size(), QSize(400, 300));

  const QString json = dir.filePath(QStringLiteral("snapshots.json"));
  EXPECT_EQ(view->exportJson(json), QString());
  QFile file(json);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const nlohmann::json j = nlohmann::json::parse(file.readAll().toStdString());
  EXPECT_EQ(j["format"], kSnapshotsFormat);
  ASSERT_EQ(j["snapshots"].size(), 4u);
  EXPECT_EQ(j["snapshots"][2]["step"], 40);
  EXPECT_TRUE(j["snapshots"][0]["loss"].is_null());
  const Trace back = traceFromJson(j["snapshots"][3]["trace"], "snapshot");
  EXPECT_EQ(back.attention.at(MapKind::Cross).values,
            view->snapshot(3)->trace->attention.at(MapKind::Cross).values);
  EXPECT_NE(view->exportJson(dir.filePath(QStringLiteral("no/such/dir/x.json"))), QString());

  // Snapshot 1 against the newest: the difference map is newest − snapshot 1.
  QSignalSpy asked(view, &AlignmentFormingView::compareRequested);
  ReferenceDocument reference;
  CompareView compare(&reference);
  QObject::connect(view, &AlignmentFormingView::compareRequested, &compare,
                   &CompareView::setSubject);
  view->showSnapshot(1);
  auto* compareButton = view->findChild<QToolButton*>(QStringLiteral("formingCompare"));
  ASSERT_NE(compareButton, nullptr);
  QTest::mouseClick(compareButton, Qt::LeftButton);
  ASSERT_EQ(asked.count(), 1);
  ASSERT_TRUE(compare.hasSubject());
  ASSERT_TRUE(compare.difference().has_value());
  const LabelledMatrix a = selectMatrix(*view->snapshot(1)->trace, {});
  const LabelledMatrix b = selectMatrix(*view->snapshot(3)->trace, {});
  for (int r = 0; r < a.rows; ++r)
    for (int c = 0; c < a.cols; ++c)
      ASSERT_NEAR(compare.differenceView()->value(r, c),
                  double(b.values[size_t(r * a.cols + c)]) - a.values[size_t(r * a.cols + c)],
                  1e-6);
  EXPECT_TRUE(compare.headerLabel()->text().contains(QStringLiteral("step 20")));
  EXPECT_TRUE(compare.headerLabel()->text().contains(QStringLiteral("step 60")));
}

namespace {

// Rows 0–3 of a dates target are the year's digits. How many of them attend hardest to the same
// digit inside the source's four-digit year?
int yearRowsOnTheirDigit(const Trace& t) {
  std::string source;
  for (const std::string& c : t.sourceTokens) source += c == "<eos>" ? "#" : c;
  std::string year;
  for (int r = 0; r < 4; ++r) year += t.targetTokens[size_t(r)];
  const size_t at = source.find(year);
  if (at == std::string::npos) return -1;
  const LabelledMatrix m = selectMatrix(t, {});
  int hits = 0;
  for (int r = 0; r < 4; ++r) {
    const auto row = m.values.begin() + r * m.cols;
    const int c = int(std::max_element(row, row + m.cols) - row);
    hits += c == int(at) + r;
  }
  return hits;
}

}  // namespace

// The bundled dates model's settings for 300 steps: the year's digits find their source digits.
TEST(AlignmentForming, TheDatesDiagonalForms) {
  ATTN_SKIP_CONVERGENCE_UNDER_SANITIZERS();
  jobs::TrainingJob job;
  data::TaskConfig task;
  task.trainSize = 10000;
  task.validationSize = 100;
  task.testSize = 20;
  job.data = jobs::BuiltInTask{"dates", task};
  job.modelConfig = {{"arch", "rnn_seq2seq"}, {"cell", "gru"},         {"embed_dim", 16},
                     {"hidden_dim", 64},      {"bidirectional", true}, {"attention", "bahdanau"},
                     {"score", "additive"},   {"attention_dim", 64},   {"num_layers", 1}};
  job.train.steps = 300;
  job.train.batchSize = 64;
  job.train.schedule.lr = 0.003;
  job.train.schedule.warmupSteps = 50;
  job.train.schedule.decay = LrDecay::Linear;
  job.train.evalEvery = 100;
  job.train.evalExamples = 100;
  TrainingRunner runner;
  AlignmentFormingView view;
  view.resize(900, 620);
  QObject::connect(&runner, &TrainingRunner::snapshotsChanged, &view,
                   &AlignmentFormingView::setSnapshots);
  QSignalSpy done(&runner, &TrainingRunner::finished);
  ASSERT_TRUE(runner.start(job));
  ASSERT_TRUE(eventually([&] { return done.count() == 1; }, 120000));
  QCoreApplication::processEvents();
  ASSERT_EQ(view.count(), 51);  // step 0 and every 6th step: ⌈300 / 50⌉
  const Trace& first = *view.snapshot(0)->trace;
  const Trace& last = *view.snapshot(50)->trace;
  ASSERT_GE(yearRowsOnTheirDigit(first), 0) << "the example's year is not written as digits";
  EXPECT_LT(yearRowsOnTheirDigit(first), 4);
  EXPECT_EQ(yearRowsOnTheirDigit(last), 4);
  EXPECT_EQ(view.snapshot(50)->output, sentenceFromTokens(last.targetTokens));
  EXPECT_EQ(view.snapshot(50)->validationStep, 300);
  view.show();
  view.showSnapshot(8);
  attn::test::maybeCapture(view, "forming_dates_step48");
  view.showSnapshot(50);
  attn::test::maybeCapture(view, "forming_dates_step300");
}
