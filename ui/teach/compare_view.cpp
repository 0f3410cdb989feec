#include "compare_view.h"

#include <qcustomplot.h>

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "documents/trace_document.h"
#include "layer_head_picker.h"
#include "reference_overlay.h"
#include "trace/trace.h"
#include "views/heatmap_view.h"
#include "views/token_html.h"

namespace attn::ui {
namespace {

QStringList labelsOf(const std::vector<std::string>& tokens) {
  QStringList out;
  for (const std::string& t : tokens) out << QString::fromStdString(t);
  return displayLabels(out);
}

QCPColorGradient divergingGradient() {
  const QVector<QRgb>& stops = divergingStops();
  QCPColorGradient g;
  g.clearColorStops();
  g.setColorInterpolation(QCPColorGradient::ciRGB);
  g.setLevelCount(256);
  for (int i = 0; i < stops.size(); ++i)
    g.setColorStopAt(double(i) / double(stops.size() - 1), QColor(stops[i]));
  g.setNanHandling(QCPColorGradient::nhNanColor);
  g.setNanColor(QColor(nanColour()));
  return g;
}

// The colour scale runs from −r to r, r the largest difference rounded up to a tenth: symmetric,
// so white is always "no difference", and stretched, so that small changes still show.
double symmetricRange(double maxAbs) {
  return std::clamp(std::ceil(maxAbs * 10 - 1e-9) / 10, 0.1, 1.0);
}

// Plain text (table cells, the summary), spaces made visible.
QString tokenAt(const std::vector<std::string>& tokens, int i) {
  return i >= 0 && i < int(tokens.size())
             ? displayLabels({QString::fromStdString(tokens[size_t(i)])}).value(0)
             : QStringLiteral("–");
}

}  // namespace

CompareView::CompareView(ReferenceDocument* reference, QWidget* parent)
    : QWidget(parent),
      mReference(reference),
      mRunner(new CompareRunner(this)),
      mPages(new QStackedWidget(this)),
      mEmpty(new QLabel(this)),
      mHeader(new QLabel(this)),
      mSentence(new QLineEdit(this)),
      mRerun(new QPushButton(tr("Compare"), this)),
      mKindBox(new QComboBox(this)),
      mPickerA(new LayerHeadPicker(tr("A:"), this)),
      mPickerB(new LayerHeadPicker(tr("B:"), this)),
      mForced(new QRadioButton(tr("A's output"), this)),
      mOwn(new QRadioButton(tr("its own output"), this)),
      mHeatA(new HeatmapView(this)),
      mHeatB(new HeatmapView(this)),
      mHeatDiff(new HeatmapView(this)),
      mDiffStack(new QStackedWidget(this)),
      mDiffNote(new QLabel(this)),
      mSummary(new QLabel(this)),
      mTable(new QTableWidget(this)),
      mOverlayA(new ReferenceOverlay(mHeatA)),
      mOverlayB(new ReferenceOverlay(mHeatB)) {
  mEmpty->setAlignment(Qt::AlignCenter);
  mEmpty->setWordWrap(true);
  mEmpty->setText(
      tr("Nothing to compare yet.\n\nFile ▸ Compare with model… runs another model (or a "
         "checkpoint) on the sentence in the Input panel next to this one. In the Training tab, "
         "Alignment forming compares two snapshots of a run."));
  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(buildControls());
  layout->addWidget(buildMaps(), 1);
  mPages->addWidget(mEmpty);
  mPages->addWidget(page);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(mPages);

  connect(mKindBox, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    if (!mRebuilding) refresh();
  });
  connect(mPickerA, &LayerHeadPicker::changed, this, &CompareView::refresh);
  connect(mPickerB, &LayerHeadPicker::changed, this, &CompareView::refresh);
  connect(mOwn, &QRadioButton::toggled, this, [this] {
    rebuildKinds();
    refresh();
  });
  connect(mReference, &ReferenceDocument::changed, this, &CompareView::refresh);
  connect(mRerun, &QPushButton::clicked, this, &CompareView::rerun);
  connect(mSentence, &QLineEdit::returnPressed, this, &CompareView::rerun);
  connect(mRunner, &CompareRunner::finished, this, [this](const CompareSubject& s) {
    mRerun->setEnabled(true);
    setSubject(s);
    emit compared();
  });
  connect(mRunner, &CompareRunner::failed, this, [this](const UserError& e) {
    mRerun->setEnabled(true);
    emit failed(e);
  });
}

QWidget* CompareView::buildControls() {
  auto* box = new QWidget(this);
  mHeader->setWordWrap(true);
  mHeader->setTextFormat(Qt::RichText);
  mHeader->setMinimumHeight(2 * fontMetrics().lineSpacing() + 4);  // A's line and B's
  mSentence->setPlaceholderText(tr("A sentence both models read"));
  mSentence->setToolTip(
      tr("Type another sentence and press Enter to compare the two models on it"));
  mRerun->setToolTip(tr("Run both models again on this sentence"));
  mKindBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  mForced->setChecked(true);
  mForced->setToolTip(
      tr("B reads A's output by teacher forcing: both maps have the same rows, so they can be "
         "subtracted"));
  mOwn->setToolTip(tr("B's own greedy output: its rows may differ from A's"));
  auto* group = new QButtonGroup(box);
  group->addButton(mForced);
  group->addButton(mOwn);

  auto* sentenceRow = new QHBoxLayout;
  sentenceRow->addWidget(new QLabel(tr("Sentence"), box));
  sentenceRow->addWidget(mSentence, 1);
  sentenceRow->addWidget(mRerun);
  sentenceRow->addSpacing(8);
  sentenceRow->addWidget(new QLabel(tr("B reads"), box));
  sentenceRow->addWidget(mForced);
  sentenceRow->addWidget(mOwn);
  auto* selectRow = new QHBoxLayout;
  selectRow->addWidget(new QLabel(tr("Attention"), box));
  selectRow->addWidget(mKindBox);
  selectRow->addSpacing(8);
  selectRow->addWidget(mPickerA);
  selectRow->addSpacing(8);
  selectRow->addWidget(mPickerB);
  selectRow->addStretch(1);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mHeader);
  layout->addLayout(sentenceRow);
  layout->addLayout(selectRow);
  return box;
}

QWidget* CompareView::buildMaps() {
  mHeatDiff->setValueTitle(tr("red: B attends more · blue: A does"));
  mHeatDiff->colorMap()->setGradient(divergingGradient());
  mHeatA->setObjectName(QStringLiteral("compareA"));
  mHeatB->setObjectName(QStringLiteral("compareB"));
  mHeatDiff->setObjectName(QStringLiteral("compareDifference"));
  mDiffNote->setAlignment(Qt::AlignCenter);
  mDiffNote->setWordWrap(true);
  mDiffStack->addWidget(mHeatDiff);
  mDiffStack->addWidget(mDiffNote);
  auto* maps = new QSplitter(Qt::Horizontal, this);
  maps->addWidget(mHeatA);
  maps->addWidget(mHeatB);
  maps->addWidget(mDiffStack);
  maps->setChildrenCollapsible(false);

  mSummary->setWordWrap(true);
  mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  mTable->setColumnCount(5);
  mTable->setHorizontalHeaderLabels({tr("output token"), tr("total variation"),
                                     tr("largest |B − A|"), tr("A looks at"), tr("B looks at")});
  mTable->horizontalHeaderItem(1)->setToolTip(
      tr("Half the sum of |B − A| over the row: 0 when both spread their attention alike, 1 when "
         "they attend to different tokens altogether"));
  mTable->verticalHeader()->setVisible(false);
  mTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mTable->horizontalHeader()->setStretchLastSection(true);
  auto* bottom = new QWidget(this);
  auto* bottomLayout = new QVBoxLayout(bottom);
  bottomLayout->setContentsMargins(0, 0, 0, 0);
  bottomLayout->addWidget(mSummary);
  bottomLayout->addWidget(mTable, 1);

  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(maps);
  split->addWidget(bottom);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  split->setChildrenCollapsible(false);
  connect(mTable, &QTableWidget::currentCellChanged, this, [this](int row) {
    for (HeatmapView* v : {mHeatA, mHeatB, mHeatDiff}) v->setSelectedRow(row);
  });
  return split;
}

bool CompareView::compareModels(std::shared_ptr<const Model> a, std::shared_ptr<const Model> b,
                                const QString& nameA, const QString& nameB,
                                const QString& sentence) {
  if (!mRunner->start(std::move(a), std::move(b), nameA, nameB, sentence)) return false;
  mRerun->setEnabled(false);
  mHeader->setText(
      tr("Comparing %1 and %2 on “%3”…")
          .arg(nameA.toHtmlEscaped(), nameB.toHtmlEscaped(), sentence.toHtmlEscaped()));
  return true;
}

bool CompareView::isBusy() const {
  return mRunner->isRunning();
}

void CompareView::rerun() {
  if (!mSubject.modelA || !mSubject.modelB || mSentence->text().trimmed().isEmpty()) return;
  compareModels(mSubject.modelA, mSubject.modelB, mSubject.nameA, mSubject.nameB,
                mSentence->text().trimmed());
}

void CompareView::setSubject(const CompareSubject& subject) {
  mSubject = subject;
  const bool models = mSubject.modelA && mSubject.modelB;
  mSentence->setText(mSubject.sentence);
  mSentence->setEnabled(models);
  mRerun->setEnabled(models);
  mOwn->setEnabled(mSubject.bGreedy != nullptr);
  if (!mSubject.bGreedy) mForced->setChecked(true);
  mPages->setCurrentIndex(hasSubject() ? 1 : 0);
  rebuildKinds();
  refresh();
}

void CompareView::setColourMap(ColourMap map) {
  mHeatA->setColourMap(map);
  mHeatB->setColourMap(map);
  mOverlayA->followColourMap();
  mOverlayB->followColourMap();
}

void CompareView::setBReadsOwnOutput(bool own) {
  (own && mOwn->isEnabled() ? mOwn : mForced)->setChecked(true);
}

const Trace* CompareView::shownB() const {
  return mOwn->isChecked() && mSubject.bGreedy ? mSubject.bGreedy.get() : mSubject.bForced.get();
}

void CompareView::rebuildKinds() {
  if (!hasSubject()) return;
  const QVariant current = mKindBox->currentData();
  mRebuilding = true;
  mKindBox->clear();
  const Trace* b = shownB();
  // The teaching order of the main view: cross first.
  for (MapKind kind : {MapKind::Cross, MapKind::EncoderSelf, MapKind::DecoderSelf, MapKind::Hops})
    if (mSubject.a->attention.count(kind) && b && b->attention.count(kind))
      mKindBox->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  const int keep = mKindBox->findData(current);
  mKindBox->setCurrentIndex(keep >= 0 ? keep : 0);
  mRebuilding = false;
}

void CompareView::refresh() {
  if (!hasSubject() || mRebuilding) return;
  const Trace* b = shownB();
  const MapKind kind = mapKindOf(mKindBox->currentData());
  const bool hops = kind == MapKind::Hops;
  auto mapOf = [&kind](const Trace* t) {
    auto it = t->attention.find(kind);
    return it == t->attention.end() ? nullptr : &it->second;
  };
  mRebuilding = true;
  mPickerA->setMap(mapOf(mSubject.a.get()), hops);
  mPickerB->setMap(mapOf(b), hops);
  mRebuilding = false;
  LabelledMatrix a, mb;
  try {
    a = selectMatrix(*mSubject.a, {kind, mPickerA->layer(), mPickerA->head()});
    mb = selectMatrix(*b, {kind, mPickerB->layer(), mPickerB->head()});
  } catch (const std::exception& e) {
    mSummary->setText(QString::fromUtf8(e.what()));
    return;
  }
  const QString rowsTitle = hops ? tr("hops") : tr("output tokens");
  const QString colsTitle =
      kind == MapKind::DecoderSelf ? tr("earlier outputs") : tr("source tokens");
  // Short titles, so they fit narrow maps; the header above names the models.
  const bool readsA = b == mSubject.bForced.get() && mSubject.bGreedy;
  for (auto [view, m, title] :
       {std::tuple{mHeatA, &a, tr("A")},
        std::tuple{mHeatB, &mb, readsA ? tr("B, reading A's output") : tr("B")}}) {
    if (!view->setMatrix(m->rows, m->cols, m->values, labelsOf(m->rowTokens),
                         labelsOf(m->colTokens)))
      continue;
    view->setTitle(title);
    view->setAxisTitles(colsTitle, rowsTitle);
  }
  mHeatDiff->setAxisTitles(colsTitle, rowsTitle);
  showDifference(a, mb);
  showReference(a, mb);
  updateHeader();
}

void CompareView::showDifference(const LabelledMatrix& a, const LabelledMatrix& b) {
  try {
    mDifference = matrixDifference(a, b);
  } catch (const std::exception& e) {
    mDifference.reset();
    mDiffNote->setText(
        tr("No difference map: %1.\n\nChoose “B reads A's output” to put B on A's rows.")
            .arg(QString::fromUtf8(e.what())));
    mDiffStack->setCurrentWidget(mDiffNote);
    mTable->setRowCount(0);
    mSummary->setText(tr("A wrote “%1”; B wrote “%2”.").arg(mSubject.outputA, mSubject.outputB));
    return;
  }
  const MatrixDifference& d = *mDifference;
  if (!mHeatDiff->setMatrix(d.rows, d.cols, d.values, labelsOf(a.rowTokens), labelsOf(a.colTokens)))
    return;
  const double r = symmetricRange(d.maxAbs);
  mHeatDiff->colorMap()->setDataRange(QCPRange(-r, r));  // after setMatrix, which sets its own
  mHeatDiff->setTitle(tr("B − A"));
  mDiffStack->setCurrentWidget(mHeatDiff);
  fillTable(a);
  QString text =
      tr("Mean total variation %1 (0: the same weights, 1: disjoint) · the strongest column is "
         "the same in %2 of %3 rows")
          .arg(d.meanTotalVariation, 0, 'f', 3)
          .arg(d.rowsArgmaxAgree)
          .arg(d.rows);
  if (d.maxRow >= 0)
    text +=
        tr(" · largest difference %1 at %2 → %3")
            .arg(double(d.values[size_t(d.maxRow) * size_t(d.cols) + size_t(d.maxCol)]), 0, 'f', 3)
            .arg(tokenAt(a.rowTokens, d.maxRow), tokenAt(a.colTokens, d.maxCol));
  mSummary->setText(text);
}

void CompareView::fillTable(const LabelledMatrix& a) {
  const MatrixDifference& d = *mDifference;
  mTable->setRowCount(d.rows);
  for (int r = 0; r < d.rows; ++r) {
    const bool differ = d.argmaxA[size_t(r)] != d.argmaxB[size_t(r)];
    const QStringList cells = {
        tokenAt(a.rowTokens, r), QString::number(d.rowTotalVariation[size_t(r)], 'f', 3),
        QString::number(d.rowMaxAbs[size_t(r)], 'f', 3), tokenAt(a.colTokens, d.argmaxA[size_t(r)]),
        tokenAt(a.colTokens, d.argmaxB[size_t(r)])};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c == 1 || c == 2) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      if (differ) {  // the rows where the two models look at different tokens
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
      }
      mTable->setItem(r, c, item);
    }
  }
}

void CompareView::showReference(const LabelledMatrix& a, const LabelledMatrix& b) {
  mReportA = {};
  mReportB = {};
  if (!mReference->hasReference()) {
    mOverlayA->clear();
    mOverlayB->clear();
    return;
  }
  const MapKind kind = mapKindOf(mKindBox->currentData());
  mReportA = reportAlignment(a, kind, mReference->reference());
  mReportB = reportAlignment(b, kind, mReference->reference());
  for (auto [overlay, report] :
       {std::pair{mOverlayA, &mReportA}, std::pair{mOverlayB, &mReportB}}) {
    if (report->scored) {
      overlay->show(mReference->reference());
    } else {
      overlay->clear();
    }
  }
  QString line = tr("Against the reference (%1): ").arg(mReference->description());
  line += mReportA.scored ? tr("A %1; B %2").arg(mReportA.summary(), mReportB.summary())
                          : mReportA.problem;
  mSummary->setText(mSummary->text() + QStringLiteral("\n") + line);
  mSummary->setToolTip(mReportA.details());
}

void CompareView::updateHeader() {
  QString html = tr("<b>A</b> %1 wrote “%2”<br><b>B</b> %3 wrote “%4”")
                     .arg(mSubject.nameA.toHtmlEscaped(), mSubject.outputA.toHtmlEscaped(),
                          mSubject.nameB.toHtmlEscaped(), mSubject.outputB.toHtmlEscaped());
  if (mSubject.outputA == mSubject.outputB) html += tr(" (the same)");
  if (!mSubject.unknownNote.isEmpty())
    html += QStringLiteral("<br><span style='color:#a04000'>%1</span>")
                .arg(mSubject.unknownNote.toHtmlEscaped());
  mHeader->setText(html);
}

}  // namespace attn::ui
