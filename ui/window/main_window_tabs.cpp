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
  TraceDocument* trace = session_->traceDocument();
  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("centralTabs"));
  tabs_->setDocumentMode(true);
  tabTable_ = new TabTable(tabs_, this);
  static const char* const kContext = "attn::ui::MainWindow";  // where lupdate files the titles
  const std::vector<TabSpec> rows = {
      {QStringLiteral("alignment"),
       QT_TR_NOOP("Alignment"),
       kContext,
       tr("The attention of each output token over the source"),
       [this, trace](QWidget* p) { return alignment_ = new AlignmentView(trace, settings_, p); },
       {}},
      {QStringLiteral("heads"),
       QT_TR_NOOP("Heads"),
       kContext,
       tr("Every head of every layer, side by side"),
       [this, trace](QWidget* p) { return heads_ = new HeadsPanel(trace, settings_, p); },
       {}},
      {QStringLiteral("hops"), QT_TR_NOOP("Hops"), kContext,
       tr("The classifier's attention hops and their penalty"),
       [this, trace](QWidget* p) { return hops_ = new HopsView(trace, settings_, p); },
       [trace] { return trace->isClassification(); }},
      {QStringLiteral("beam"), QT_TR_NOOP("Beam search"), kContext,
       tr("The hypotheses beam search kept"),
       [this, trace](QWidget* p) { return beamTree_ = new BeamTreeView(trace, p); },
       [trace] { return trace->trace() && !trace->trace()->beam.empty(); }},
      // Explanations: rollout beside raw attention, gradient saliency, one step computed.
      {QStringLiteral("rollout"),
       QT_TR_NOOP("Rollout"),
       kContext,
       tr("A transformer's raw attention beside its attention rollout"),
       [this, trace](QWidget* p) { return new RolloutView(trace, settings_, p); },
       {}},
      {QStringLiteral("saliency"),
       QT_TR_NOOP("Saliency"),
       kContext,
       tr("Which source tokens each output token depends on, from gradients"),
       [this, trace](QWidget* p) { return new SaliencyView(trace, session_->modelDocument(), p); },
       {}},
      {QStringLiteral("computation"),
       QT_TR_NOOP("Computation"),
       kContext,
       tr("One attention step computed with the model's own numbers: query, scores, softmax, "
          "context"),
       [this, trace](QWidget* p) {
         return new ComputationView(session_->modelDocument(), trace, p);
       },
       {}},
      {QStringLiteral("training"),
       QT_TR_NOOP("Training"),
       kContext,
       tr("Train a new model"),
       [this](QWidget* p) { return training_ = new TrainingPanel(settings_, p); },
       {}},
      {QStringLiteral("compare"),
       QT_TR_NOOP("Compare"),
       kContext,
       tr("Two models, or two moments of a training run, on the same input"),
       [this](QWidget*) {
         compare_ = new CompareTools(this, session_, settings_, alignment_->heatmap(), [this] {
           return QString::fromStdString(input_->request().source);
         });
         compare_->setObjectName(QStringLiteral("compareTools"));
         return compare_->view();
       },
       {}},
      {QStringLiteral("intervene"),
       QT_TR_NOOP("Intervene"),
       kContext,
       tr("Change what the model attends to, decode again, and see what changed"),
       [this](QWidget* p) {
         auto* intervene = new InterventionPanel(session_, settings_, p);
         connect(intervene, &InterventionPanel::failed, this, &MainWindow::showError);
         return intervene;
       },
       {}},
  };
  for (const TabSpec& row : rows) tabTable_->add(row);
  // Small windows (a 640 × 400 screenshot) squeeze the pages rather than grow the window.
  tabs_->setMinimumSize(280, 200);
  setCentralWidget(tabs_);

  connect(heads_->grid(), &HeadGrid::headActivated, this,
          [this](MapKind kind, int layer, int head) {
            session_->traceDocument()->selectMap(kind, layer, head);
            tabs_->setCurrentWidget(alignment_);
          });
}

void MainWindow::refreshTabs() {
  tabTable_->refresh(QStringLiteral("alignment"));
  // A classifier's trace is all hops: show them where people look first.
  if (session_->traceDocument()->isClassification() && tabs_->currentWidget() == alignment_)
    tabs_->setCurrentWidget(hops_);
}

QString MainWindow::showTab(const QString& name) {
  return tabTable_->show(name);
}

}  // namespace attn::ui
