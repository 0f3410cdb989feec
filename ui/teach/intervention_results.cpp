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

namespace attn::ui {
namespace {

// Blue for attention taken away, white for none changed, red for attention added (ColorBrewer
// RdBu): a difference needs its zero in the middle, which no sequential map has.
QCPColorGradient divergingGradient() {
  QCPColorGradient g;
  g.setColorStopAt(0.0, QColor(0x21, 0x66, 0xac));
  g.setColorStopAt(0.25, QColor(0x92, 0xc5, 0xde));
  g.setColorStopAt(0.5, QColor(0xf7, 0xf7, 0xf7));
  g.setColorStopAt(0.75, QColor(0xf4, 0xa5, 0x82));
  g.setColorStopAt(1.0, QColor(0xb2, 0x18, 0x2b));
  return g;
}

QStringList labelsOf(const std::vector<std::string>& tokens) {
  QStringList out;
  for (const std::string& t : tokens) out << QString::fromStdString(t);
  return displayLabels(out);
}

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
      mSummary(new QLabel(this)),
      mOutputs(new QLabel(this)),
      mMapLabel(new QLabel(this)),
      mHover(new QLabel(this)),
      mLogProbs(new QTableWidget(0, 6, this)),
      mBefore(new HeatmapView(this)),
      mAfter(new HeatmapView(this)),
      mDifference(new HeatmapView(this)) {
  mSummary->setObjectName(QStringLiteral("interventionSummary"));
  mOutputs->setObjectName(QStringLiteral("interventionOutputs"));
  QFont bold = mSummary->font();
  bold.setBold(true);
  mSummary->setFont(bold);
  for (QLabel* l : {mSummary, mOutputs}) {
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  mOutputs->setTextFormat(Qt::RichText);

  mLogProbs->setObjectName(QStringLiteral("interventionLogProbs"));
  mLogProbs->setHorizontalHeaderLabels(
      {tr("step"), tr("before"), tr("log p"), tr("after"), tr("log p"), tr("Δ log p")});
  mLogProbs->verticalHeader()->setVisible(false);
  mLogProbs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mLogProbs->horizontalHeader()->setStretchLastSection(true);
  mLogProbs->setSelectionBehavior(QAbstractItemView::SelectRows);
  mLogProbs->setSelectionMode(QAbstractItemView::SingleSelection);

  mBefore->setObjectName(QStringLiteral("interventionBefore"));
  mAfter->setObjectName(QStringLiteral("interventionAfter"));
  mDifference->setObjectName(QStringLiteral("interventionDifference"));
  mDifference->colorMap()->setGradient(divergingGradient());
  mDifference->setValueTitle(tr("after − before"));
  mMapLabel->setObjectName(QStringLiteral("interventionMapLabel"));
  mMapLabel->setWordWrap(true);
  mHover->setObjectName(QStringLiteral("interventionHover"));
  mHover->setText(tr("Point at a cell to read it; click a row to pick that step."));
  auto* maps = new QSplitter(Qt::Vertical, this);
  for (HeatmapView* v : {mBefore, mAfter, mDifference}) {
    v->plot()->setMinimumSize(200, 110);
    v->setValueTitle(v == mDifference ? tr("after − before") : tr("weight"));
    // Each view's own hover line would take three of the lines the maps need: one shared line
    // below them reads out the cell under the pointer instead.
    if (auto* hint = v->findChild<QLabel*>(QString(), Qt::FindDirectChildrenOnly)) hint->hide();
    maps->addWidget(v);
    connect(v, &HeatmapView::rowClicked, this, &InterventionResults::stepPicked);
    connect(v, &HeatmapView::cellHovered, this,
            [this, v] { mHover->setText(tr("%1: %2").arg(v->title(), v->hoverText())); });
  }
  auto* page = new QWidget(this);
  auto* pageLayout = new QVBoxLayout(page);
  pageLayout->setContentsMargins(0, 2, 0, 0);
  pageLayout->addWidget(mMapLabel);
  pageLayout->addWidget(maps, 1);
  pageLayout->addWidget(mHover);
  auto* tabs = new QTabWidget(this);
  tabs->setObjectName(QStringLiteral("interventionResultTabs"));
  tabs->setDocumentMode(true);
  tabs->addTab(page, tr("Attention"));
  tabs->addTab(mLogProbs, tr("Log-probabilities"));
  connect(mLogProbs, &QTableWidget::cellClicked, this,
          [this](int row, int) { emit stepPicked(row); });

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(mSummary);
  layout->addWidget(mOutputs);
  layout->addWidget(tabs, 1);
  clearRun();
}

void InterventionResults::showBaseline(std::shared_ptr<const Trace> trace) {
  mBaseline = std::move(trace);
  clearRun();
}

void InterventionResults::clearRun() {
  mRun.reset();
  mComparison = {};
  refreshText();
  refreshTable();
  refreshMaps();
}

void InterventionResults::showRun(std::shared_ptr<const InterventionRun> run) {
  mRun = std::move(run);
  mComparison = compareRuns(mRun->before, mRun->after);
  refreshText();
  refreshTable();
  refreshMaps();
}

void InterventionResults::setMap(MapKind map, int layer, int head) {
  mMap = map;
  mLayer = layer;
  mHead = head;
  refreshMaps();
}

void InterventionResults::setColourMap(ColourMap map) {
  mBefore->setColourMap(map);
  mAfter->setColourMap(map);
}

void InterventionResults::setSelectedStep(int step) {
  // Only the decoder's maps have a row per output step.
  for (HeatmapView* v : {mBefore, mAfter, mDifference})
    v->setSelectedRow(rowsAreSteps(mMap) ? step : -1);
}

QString InterventionResults::summaryText() const {
  return mSummary->text();
}

QString InterventionResults::outputsHtml() const {
  return mOutputs->text();
}

void InterventionResults::refreshText() {
  if (!mRun) {
    mSummary->setText(tr("Make an edit on the left, then decode again to see what changes."));
    mOutputs->setText(mBaseline ? tr("Output: %1").arg(tokensHtml(mBaseline->targetTokens, {}))
                                : QString());
    return;
  }
  const InterventionComparison& c = mComparison;
  mSummary->setText(c.outputChanged()
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
                     .arg(tokensHtml(mRun->before.trace.targetTokens, changed),
                          tokensHtml(mRun->after.trace.targetTokens, changed));
  // Interventions decode greedily; a beam or forced trace on screen has other steps.
  if (mBaseline && mBaseline->targetTokens != mRun->before.trace.targetTokens)
    html +=
        tr("<br><i>The trace on screen was not decoded greedily: “before” is the greedy "
           "output, and its steps are the ones edited.</i>");
  mOutputs->setText(html);
}

void InterventionResults::refreshTable() {
  mLogProbs->setRowCount(0);
  if (!mRun) return;
  const auto& steps = mComparison.steps;
  mLogProbs->setRowCount(static_cast<int>(steps.size()));
  auto lp = [](bool has, double v) { return has ? QString::number(v, 'f', 3) : QString(); };
  for (int t = 0; t < static_cast<int>(steps.size()); ++t) {
    const StepChange& s = steps[static_cast<size_t>(t)];
    const bool changed = s.tokenChanged;
    mLogProbs->setItem(t, 0, cell(QString::number(t + 1), changed));
    mLogProbs->setItem(t, 1, cell(visibleToken(QString::fromStdString(s.before)), changed));
    mLogProbs->setItem(t, 2, cell(lp(s.hasBefore, s.logProbBefore), changed));
    mLogProbs->setItem(t, 3, cell(visibleToken(QString::fromStdString(s.after)), changed));
    mLogProbs->setItem(t, 4, cell(lp(s.hasAfter, s.logProbAfter), changed));
    const bool both = s.hasBefore && s.hasAfter;
    mLogProbs->setItem(
        t, 5,
        cell(both ? QString::number(s.logProbAfter - s.logProbBefore, 'f', 3) : QString(),
             changed));
  }
}

QString InterventionResults::mapTitle() const {
  const QString what = TraceDocument::mapLabel(mMap);
  const QString where = mHead < 0 ? tr("layer %1, mean over heads").arg(mLayer + 1)
                                  : tr("layer %1, head %2").arg(mLayer + 1).arg(mHead + 1);
  return tr("%1, %2").arg(what, where);
}

void InterventionResults::refreshMaps() {
  const Trace* before = mRun ? &mRun->before.trace : mBaseline.get();
  const Trace* after = mRun ? &mRun->after.trace : nullptr;
  // The columns are the keys (source tokens, or the decoder's own inputs); the rows the queries.
  auto show = [this](HeatmapView* view, const Trace* t, const QString& title) {
    const AttentionMap* found = nullptr;
    if (t && t->attention.count(mMap)) found = &t->attention.at(mMap);
    if (!found || mLayer >= found->layers || mHead >= found->heads) {
      (void)view->setMatrix(1, 1, {0.0f}, {QStringLiteral(" ")}, {QStringLiteral(" ")});
      view->setTitle(title + tr(": nothing yet"));
      return;
    }
    const AttentionMap& m = *found;
    const bool steps = rowsAreSteps(mMap);
    const QStringList rows = steps ? labelsOf(t->targetTokens) : labelsOf(t->sourceTokens);
    const QStringList cols =
        mMap == MapKind::DecoderSelf ? labelsOf(decoderInputTokens(*t)) : labelsOf(t->sourceTokens);
    (void)view->setMatrix(m.queries, m.keys, mapMatrix(m, mLayer, mHead), rows, cols);
    view->setTitle(title);
  };
  const Trace* any = before ? before : after;
  const AttentionMap* shown =
      any && any->attention.count(mMap) ? &any->attention.at(mMap) : nullptr;
  // An RNN's one head needs no "layer 1, head 1".
  mMapLabel->setText(shown && shown->layers * shown->heads > 1 ? mapTitle()
                                                               : TraceDocument::mapLabel(mMap));
  show(mBefore, before, tr("Before"));
  show(mAfter, after, tr("After"));
  // Until there is an "after", the difference is an empty map drawn white (0 on its scale).
  auto showNoDifference = [&] {
    show(mDifference, nullptr, tr("After − before"));
    mDifference->colorMap()->setDataRange(QCPRange(-1, 1));
  };
  if (!mRun) {
    showNoDifference();
    return;
  }
  int rows = 0;
  const std::vector<float> d =
      attentionDifference(mRun->before.trace, mRun->after.trace, mMap, mLayer, mHead, &rows);
  if (rows == 0) {
    showNoDifference();
    return;
  }
  const bool steps = rowsAreSteps(mMap);
  QStringList rowLabels;
  for (int r = 0; r < rows; ++r) {
    const StepChange& s = mComparison.steps[static_cast<size_t>(
        std::min<int>(r, static_cast<int>(mComparison.steps.size()) - 1))];
    // A row whose token changed shows both: "before→after".
    rowLabels << (steps && s.tokenChanged
                      ? QStringLiteral("%1→%2").arg(
                            displayLabels({QString::fromStdString(s.before)})[0],
                            displayLabels({QString::fromStdString(s.after)})[0])
                      : labelsOf(steps ? mRun->after.trace.targetTokens
                                       : mRun->after.trace.sourceTokens)[r]);
  }
  const int keys = static_cast<int>(d.size()) / rows;
  const QStringList cols = mMap == MapKind::DecoderSelf
                               ? labelsOf(decoderInputTokens(mRun->after.trace))
                               : labelsOf(mRun->after.trace.sourceTokens);
  (void)mDifference->setMatrix(rows, keys, d, rowLabels, cols.mid(0, keys));
  float largest = 0;
  for (float v : d) largest = std::max(largest, std::abs(v));
  const double range = largest > 0 ? largest : 1.0;  // symmetric, so white is exactly 0
  mDifference->colorMap()->setDataRange(QCPRange(-range, range));
  mDifference->setTitle(tr("After − before: blue less, red more"));
}

}  // namespace attn::ui
