// MainWindow's centre: the table of tabs. Order here is the order on screen and of Alt+1…9.
#include <QTabWidget>

#include "documents/session.h"
#include "documents/trace_document.h"
#include "panels/input_panel.h"
#include "panels/training_panel.h"
#include "teach/compare_tools.h"
#include "teach/compare_view.h"
#include "teach/computation_view.h"
#include "teach/intervention_panel.h"
#include "teach/rollout_view.h"
#include "teach/saliency_view.h"
#include "trace/trace.h"
#include "views/alignment_view.h"
#include "views/beam_tree_view.h"
#include "views/head_grid.h"
#include "views/hops_view.h"
#include "window/main_window.h"
#include "window/tab_table.h"

namespace attn::ui {

void MainWindow::buildCentre() {
  TraceDocument* trace = mSession->traceDocument();
  mTabs = new QTabWidget(this);
  mTabs->setObjectName(QStringLiteral("centralTabs"));
  mTabs->setDocumentMode(true);
  mTabTable = new TabTable(mTabs, this);
  const std::vector<TabSpec> rows = {
      {QStringLiteral("alignment"),
       tr("Alignment"),
       tr("The attention of each output token over the source"),
       [this, trace](QWidget* p) { return mAlignment = new AlignmentView(trace, mSettings, p); },
       {}},
      {QStringLiteral("heads"),
       tr("Heads"),
       tr("Every head of every layer, side by side"),
       [this, trace](QWidget* p) { return mHeads = new HeadsPanel(trace, mSettings, p); },
       {}},
      {QStringLiteral("hops"), tr("Hops"), tr("The classifier's attention hops and their penalty"),
       [this, trace](QWidget* p) { return mHops = new HopsView(trace, mSettings, p); },
       [trace] { return trace->isClassification(); }},
      {QStringLiteral("beam"), tr("Beam search"), tr("The hypotheses beam search kept"),
       [this, trace](QWidget* p) { return mBeamTree = new BeamTreeView(trace, p); },
       [trace] { return trace->trace() && !trace->trace()->beam.empty(); }},
      // Explanations: rollout beside raw attention, gradient saliency, one step computed.
      {QStringLiteral("rollout"),
       tr("Rollout"),
       tr("A transformer's raw attention beside its attention rollout"),
       [this, trace](QWidget* p) { return new RolloutView(trace, mSettings, p); },
       {}},
      {QStringLiteral("saliency"),
       tr("Saliency"),
       tr("Which source tokens each output token depends on, from gradients"),
       [this, trace](QWidget* p) { return new SaliencyView(trace, mSession->modelDocument(), p); },
       {}},
      {QStringLiteral("computation"),
       tr("Computation"),
       tr("One attention step computed with the model's own numbers: query, scores, softmax, "
          "context"),
       [this, trace](QWidget* p) {
         return new ComputationView(mSession->modelDocument(), trace, p);
       },
       {}},
      {QStringLiteral("training"),
       tr("Training"),
       tr("Train a new model"),
       [this](QWidget* p) { return mTraining = new TrainingPanel(mSettings, p); },
       {}},
      {QStringLiteral("compare"),
       tr("Compare"),
       tr("Two models, or two moments of a training run, on the same input"),
       [this](QWidget*) {
         mCompare = new CompareTools(this, mSession, mSettings, mAlignment->heatmap(), [this] {
           return QString::fromStdString(mInput->request().source);
         });
         mCompare->setObjectName(QStringLiteral("compareTools"));
         return mCompare->view();
       },
       {}},
      {QStringLiteral("intervene"),
       tr("Intervene"),
       tr("Change what the model attends to, decode again, and see what changed"),
       [this](QWidget* p) {
         auto* intervene = new InterventionPanel(mSession, mSettings, p);
         connect(intervene, &InterventionPanel::failed, this, &MainWindow::showError);
         return intervene;
       },
       {}},
  };
  for (const TabSpec& row : rows) mTabTable->add(row);
  // Small windows (a 640 × 400 screenshot) squeeze the pages rather than grow the window.
  mTabs->setMinimumSize(280, 200);
  setCentralWidget(mTabs);

  connect(mHeads->grid(), &HeadGrid::headActivated, this,
          [this](MapKind kind, int layer, int head) {
            mSession->traceDocument()->selectMap(kind, layer, head);
            mTabs->setCurrentWidget(mAlignment);
          });
}

void MainWindow::refreshTabs() {
  mTabTable->refresh(QStringLiteral("alignment"));
  // A classifier's trace is all hops: show them where people look first.
  if (mSession->traceDocument()->isClassification() && mTabs->currentWidget() == mAlignment)
    mTabs->setCurrentWidget(mHops);
}

QString MainWindow::showTab(const QString& name) {
  return mTabTable->show(name);
}

}  // namespace attn::ui
