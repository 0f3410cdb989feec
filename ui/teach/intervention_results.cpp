#include "teach/intervention_results.h"

#include <qcustomplot.h>

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "documents/trace_document.h"
#include "documents/trace_math.h"
#include "teach/intervention_runner.h"
#include "trace/trace.h"
#include "views/heatmap_view.h"
#include "views/token_html.h"
#include "views/viridis.h"

namespace attn::ui {
namespace {

// Blue for attention taken away, white for none changed, red for attention added (ColorBrewer
// RdBu): a difference needs its zero in the middle, which no sequential map has.
// Tokens as rich text, those at `changed` steps marked, so the eye finds what moved.
QString tokensHtml(const std::vector<std::string>& tokens, const std::vector<bool>& changed) {
  QString html;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const QString t = visibleToken(QString::fromStdString(tokens[i]));
    if (i < changed.size() && changed[i]) {
      html += QStringLiteral(
                  "<span style=\"background:#fde0c5;color:#8a1c00;font-weight:bold\">"
                  "%1</span> ")
                  .arg(t);
    } else {
      html += t + QLatin1Char(' ');
    }
  }
  return html.trimmed();
}

QTableWidgetItem* cell(const QString& text, bool changed) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsEnabled);
  if (changed) item->setBackground(QColor(0xfd, 0xe0, 0xc5));
  return item;
}

}  // namespace

InterventionResults::InterventionResults(QWidget* parent)
    : QWidget(parent),
      summary_(new QLabel(this)),
      outputs_(new QLabel(this)),
      mapLabel_(new QLabel(this)),
      hover_(new QLabel(this)),
      logProbs_(new QTableWidget(0, 6, this)),
      before_(new HeatmapView(this)),
      after_(new HeatmapView(this)),
      difference_(new HeatmapView(this)) {
  summary_->setObjectName(QStringLiteral("interventionSummary"));
  outputs_->setObjectName(QStringLiteral("interventionOutputs"));
  QFont bold = summary_->font();
  bold.setBold(true);
  summary_->setFont(bold);
  for (QLabel* l : {summary_, outputs_}) {
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  outputs_->setTextFormat(Qt::RichText);

  logProbs_->setObjectName(QStringLiteral("interventionLogProbs"));
  logProbs_->setHorizontalHeaderLabels(
      {tr("step"), tr("before"), tr("log p"), tr("after"), tr("log p"), tr("Δ log p")});
  logProbs_->verticalHeader()->setVisible(false);
  logProbs_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  logProbs_->horizontalHeader()->setStretchLastSection(true);
  logProbs_->setSelectionBehavior(QAbstractItemView::SelectRows);
  logProbs_->setSelectionMode(QAbstractItemView::SingleSelection);

  before_->setObjectName(QStringLiteral("interventionBefore"));
  after_->setObjectName(QStringLiteral("interventionAfter"));
  difference_->setObjectName(QStringLiteral("interventionDifference"));
  difference_->colorMap()->setGradient(divergingGradient());
  difference_->setValueTitle(tr("after − before"));
  mapLabel_->setObjectName(QStringLiteral("interventionMapLabel"));
  mapLabel_->setWordWrap(true);
  hover_->setObjectName(QStringLiteral("interventionHover"));
  hover_->setText(tr("Point at a cell to read it; click a row to pick that step."));
  auto* maps = new QSplitter(Qt::Vertical, this);
  for (HeatmapView* v : {before_, after_, difference_}) {
    v->plot()->setMinimumSize(200, 110);
    v->setValueTitle(v == difference_ ? tr("after − before") : tr("weight"));
    // Each view's own hover line would take three of the lines the maps need: one shared line
    // below them reads out the cell under the pointer instead.
    if (auto* hint = v->findChild<QLabel*>(QString(), Qt::FindDirectChildrenOnly)) hint->hide();
    maps->addWidget(v);
    connect(v, &HeatmapView::rowClicked, this, &InterventionResults::stepPicked);
    connect(v, &HeatmapView::cellHovered, this,
            [this, v] { hover_->setText(tr("%1: %2").arg(v->title(), v->hoverText())); });
  }
  auto* page = new QWidget(this);
  auto* pageLayout = new QVBoxLayout(page);
  pageLayout->setContentsMargins(0, 2, 0, 0);
  pageLayout->addWidget(mapLabel_);
  pageLayout->addWidget(maps, 1);
  pageLayout->addWidget(hover_);
  auto* tabs = new QTabWidget(this);
  tabs->setObjectName(QStringLiteral("interventionResultTabs"));
  tabs->setDocumentMode(true);
  tabs->addTab(page, tr("Attention"));
  tabs->addTab(logProbs_, tr("Log-probabilities"));
  connect(logProbs_, &QTableWidget::cellClicked, this,
          [this](int row, int) { emit stepPicked(row); });

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(summary_);
  layout->addWidget(outputs_);
  layout->addWidget(tabs, 1);
  clearRun();
}

void InterventionResults::showBaseline(std::shared_ptr<const Trace> trace) {
  baseline_ = std::move(trace);
  clearRun();
}

void InterventionResults::clearRun() {
  run_.reset();
  comparison_ = {};
  refreshText();
  refreshTable();
  refreshMaps();
}

void InterventionResults::showRun(std::shared_ptr<const InterventionRun> run) {
  run_ = std::move(run);
  comparison_ = compareRuns(run_->before, run_->after);
  refreshText();
  refreshTable();
  refreshMaps();
}

void InterventionResults::setMap(MapKind map, int layer, int head) {
  map_ = map;
  layer_ = layer;
  head_ = head;
  refreshMaps();
}

void InterventionResults::setColourMap(ColourMap map) {
  before_->setColourMap(map);
  after_->setColourMap(map);
}

void InterventionResults::setSelectedStep(int step) {
  // Only the decoder's maps have a row per output step.
  for (HeatmapView* v : {before_, after_, difference_})
    v->setSelectedRow(rowsAreSteps(map_) ? step : -1);
}

QString InterventionResults::summaryText() const {
  return summary_->text();
}

QString InterventionResults::outputsHtml() const {
  return outputs_->text();
}

void InterventionResults::refreshText() {
  if (!run_) {
    summary_->setText(tr("Make an edit on the left, then decode again to see what changes."));
    outputs_->setText(baseline_ ? tr("Output: %1").arg(tokensHtml(baseline_->targetTokens, {}))
                                : QString());
    return;
  }
  const InterventionComparison& c = comparison_;
  summary_->setText(c.outputChanged()
                        ? tr("The output changed from step %1 on. log p of the output: %2 → %3")
                              .arg(c.firstChange + 1)
                              .arg(c.logProbBefore, 0, 'f', 3)
                              .arg(c.logProbAfter, 0, 'f', 3)
                        : tr("The output did not change. log p of the output: %1 → %2")
                              .arg(c.logProbBefore, 0, 'f', 3)
                              .arg(c.logProbAfter, 0, 'f', 3));
  std::vector<bool> changed;
  for (const StepChange& s : c.steps) changed.push_back(s.tokenChanged);
  QString html = tr("Before: %1<br>After: %2")
                     .arg(tokensHtml(run_->before.trace.targetTokens, changed),
                          tokensHtml(run_->after.trace.targetTokens, changed));
  // Interventions decode greedily; a beam or forced trace on screen has other steps.
  if (baseline_ && baseline_->targetTokens != run_->before.trace.targetTokens)
    html +=
        tr("<br><i>The trace on screen was not decoded greedily: “before” is the greedy "
           "output, and its steps are the ones edited.</i>");
  outputs_->setText(html);
}

void InterventionResults::refreshTable() {
  logProbs_->setRowCount(0);
  if (!run_) return;
  const auto& steps = comparison_.steps;
  logProbs_->setRowCount(static_cast<int>(steps.size()));
  auto lp = [](bool has, double v) { return has ? QString::number(v, 'f', 3) : QString(); };
  for (int t = 0; t < static_cast<int>(steps.size()); ++t) {
    const StepChange& s = steps[static_cast<size_t>(t)];
    const bool changed = s.tokenChanged;
    logProbs_->setItem(t, 0, cell(QString::number(t + 1), changed));
    logProbs_->setItem(t, 1, cell(visibleToken(QString::fromStdString(s.before)), changed));
    logProbs_->setItem(t, 2, cell(lp(s.hasBefore, s.logProbBefore), changed));
    logProbs_->setItem(t, 3, cell(visibleToken(QString::fromStdString(s.after)), changed));
    logProbs_->setItem(t, 4, cell(lp(s.hasAfter, s.logProbAfter), changed));
    const bool both = s.hasBefore && s.hasAfter;
    logProbs_->setItem(
        t, 5,
        cell(both ? QString::number(s.logProbAfter - s.logProbBefore, 'f', 3) : QString(),
             changed));
  }
}

QString InterventionResults::mapTitle() const {
  const QString what = TraceDocument::mapLabel(map_);
  const QString where = head_ < 0 ? tr("layer %1, mean over heads").arg(layer_ + 1)
                                  : tr("layer %1, head %2").arg(layer_ + 1).arg(head_ + 1);
  return tr("%1, %2").arg(what, where);
}

void InterventionResults::refreshMaps() {
  const Trace* before = run_ ? &run_->before.trace : baseline_.get();
  const Trace* after = run_ ? &run_->after.trace : nullptr;
  // The columns are the keys (source tokens, or the decoder's own inputs); the rows the queries.
  auto show = [this](HeatmapView* view, const Trace* t, const QString& title) {
    const AttentionMap* found = nullptr;
    if (t && t->attention.count(map_)) found = &t->attention.at(map_);
    if (!found || layer_ >= found->layers || head_ >= found->heads) {
      (void)view->setMatrix(1, 1, {0.0f}, {QStringLiteral(" ")}, {QStringLiteral(" ")});
      view->setTitle(title + tr(": nothing yet"));
      return;
    }
    const AttentionMap& m = *found;
    const bool steps = rowsAreSteps(map_);
    const QStringList rows =
        steps ? displayLabels(t->targetTokens) : displayLabels(t->sourceTokens);
    const QStringList cols = map_ == MapKind::DecoderSelf ? displayLabels(decoderInputTokens(*t))
                                                          : displayLabels(t->sourceTokens);
    (void)view->setMatrix(m.queries, m.keys, mapMatrix(m, layer_, head_), rows, cols);
    view->setTitle(title);
  };
  const Trace* any = before ? before : after;
  const AttentionMap* shown =
      any && any->attention.count(map_) ? &any->attention.at(map_) : nullptr;
  // An RNN's one head needs no "layer 1, head 1".
  mapLabel_->setText(shown && shown->layers * shown->heads > 1 ? mapTitle()
                                                               : TraceDocument::mapLabel(map_));
  show(before_, before, tr("Before"));
  show(after_, after, tr("After"));
  // Until there is an "after", the difference is an empty map drawn white (0 on its scale).
  auto showNoDifference = [&] {
    show(difference_, nullptr, tr("After − before"));
    difference_->colorMap()->setDataRange(QCPRange(-1, 1));
  };
  if (!run_) {
    showNoDifference();
    return;
  }
  int rows = 0;
  const std::vector<float> d =
      attentionDifference(run_->before.trace, run_->after.trace, map_, layer_, head_, &rows);
  if (rows == 0) {
    showNoDifference();
    return;
  }
  const bool steps = rowsAreSteps(map_);
  QStringList rowLabels;
  for (int r = 0; r < rows; ++r) {
    const StepChange& s = comparison_.steps[static_cast<size_t>(
        std::min<int>(r, static_cast<int>(comparison_.steps.size()) - 1))];
    // A row whose token changed shows both: "before→after".
    rowLabels << (steps && s.tokenChanged
                      ? QStringLiteral("%1→%2").arg(
                            displayLabels({QString::fromStdString(s.before)})[0],
                            displayLabels({QString::fromStdString(s.after)})[0])
                      : displayLabels(steps ? run_->after.trace.targetTokens
                                            : run_->after.trace.sourceTokens)[r]);
  }
  const int keys = static_cast<int>(d.size()) / rows;
  const QStringList cols = map_ == MapKind::DecoderSelf
                               ? displayLabels(decoderInputTokens(run_->after.trace))
                               : displayLabels(run_->after.trace.sourceTokens);
  (void)difference_->setMatrix(rows, keys, d, rowLabels, cols.mid(0, keys));
  float largest = 0;
  for (float v : d) largest = std::max(largest, std::abs(v));
  const double range = largest > 0 ? largest : 1.0;  // symmetric, so white is exactly 0
  difference_->colorMap()->setDataRange(QCPRange(-range, range));
  difference_->setTitle(tr("After − before: blue less, red more"));
}

}  // namespace attn::ui
