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
#include "views/viridis.h"

namespace attn::ui {
namespace {

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
      reference_(reference),
      runner_(new CompareRunner(this)),
      pages_(new QStackedWidget(this)),
      empty_(new QLabel(this)),
      header_(new QLabel(this)),
      sentence_(new QLineEdit(this)),
      rerun_(new QPushButton(tr("Compare"), this)),
      kindBox_(new QComboBox(this)),
      pickerA_(new LayerHeadPicker(tr("A:"), this)),
      pickerB_(new LayerHeadPicker(tr("B:"), this)),
      forced_(new QRadioButton(tr("A's output"), this)),
      own_(new QRadioButton(tr("its own output"), this)),
      heatA_(new HeatmapView(this)),
      heatB_(new HeatmapView(this)),
      heatDiff_(new HeatmapView(this)),
      diffStack_(new QStackedWidget(this)),
      diffNote_(new QLabel(this)),
      summary_(new QLabel(this)),
      table_(new QTableWidget(this)),
      overlayA_(new ReferenceOverlay(heatA_)),
      overlayB_(new ReferenceOverlay(heatB_)) {
  empty_->setAlignment(Qt::AlignCenter);
  empty_->setWordWrap(true);
  empty_->setText(
      tr("Nothing to compare yet.\n\nFile ▸ Compare with model… runs another model (or a "
         "checkpoint) on the sentence in the Input panel next to this one. In the Training tab, "
         "Alignment forming compares two snapshots of a run."));
  auto* page = new QWidget(this);
  auto* layout = new QVBoxLayout(page);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(buildControls());
  layout->addWidget(buildMaps(), 1);
  pages_->addWidget(empty_);
  pages_->addWidget(page);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(pages_);

  connect(kindBox_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    if (!rebuilding_) refresh();
  });
  connect(pickerA_, &LayerHeadPicker::changed, this, &CompareView::refresh);
  connect(pickerB_, &LayerHeadPicker::changed, this, &CompareView::refresh);
  connect(own_, &QRadioButton::toggled, this, [this] {
    rebuildKinds();
    refresh();
  });
  connect(reference_, &ReferenceDocument::changed, this, &CompareView::refresh);
  connect(rerun_, &QPushButton::clicked, this, &CompareView::rerun);
  connect(sentence_, &QLineEdit::returnPressed, this, &CompareView::rerun);
  connect(runner_, &CompareRunner::finished, this, [this](const CompareSubject& s) {
    rerun_->setEnabled(true);
    setSubject(s);
    emit compared();
  });
  connect(runner_, &CompareRunner::failed, this, [this](const UserError& e) {
    rerun_->setEnabled(true);
    emit failed(e);
  });
}

QWidget* CompareView::buildControls() {
  auto* box = new QWidget(this);
  header_->setWordWrap(true);
  header_->setTextFormat(Qt::RichText);
  header_->setMinimumHeight(2 * fontMetrics().lineSpacing() + 4);  // A's line and B's
  sentence_->setPlaceholderText(tr("A sentence both models read"));
  sentence_->setToolTip(
      tr("Type another sentence and press Enter to compare the two models on it"));
  rerun_->setToolTip(tr("Run both models again on this sentence"));
  kindBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  forced_->setChecked(true);
  forced_->setToolTip(
      tr("B reads A's output by teacher forcing: both maps have the same rows, so they can be "
         "subtracted"));
  own_->setToolTip(tr("B's own greedy output: its rows may differ from A's"));
  auto* group = new QButtonGroup(box);
  group->addButton(forced_);
  group->addButton(own_);

  auto* sentenceRow = new QHBoxLayout;
  sentenceRow->addWidget(new QLabel(tr("Sentence"), box));
  sentenceRow->addWidget(sentence_, 1);
  sentenceRow->addWidget(rerun_);
  sentenceRow->addSpacing(8);
  sentenceRow->addWidget(new QLabel(tr("B reads"), box));
  sentenceRow->addWidget(forced_);
  sentenceRow->addWidget(own_);
  auto* selectRow = new QHBoxLayout;
  selectRow->addWidget(new QLabel(tr("Attention"), box));
  selectRow->addWidget(kindBox_);
  selectRow->addSpacing(8);
  selectRow->addWidget(pickerA_);
  selectRow->addSpacing(8);
  selectRow->addWidget(pickerB_);
  selectRow->addStretch(1);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(header_);
  layout->addLayout(sentenceRow);
  layout->addLayout(selectRow);
  return box;
}

QWidget* CompareView::buildMaps() {
  heatDiff_->setValueTitle(tr("red: B attends more · blue: A does"));
  heatDiff_->colorMap()->setGradient(divergingGradient());
  heatA_->setObjectName(QStringLiteral("compareA"));
  heatB_->setObjectName(QStringLiteral("compareB"));
  heatDiff_->setObjectName(QStringLiteral("compareDifference"));
  diffNote_->setAlignment(Qt::AlignCenter);
  diffNote_->setWordWrap(true);
  diffStack_->addWidget(heatDiff_);
  diffStack_->addWidget(diffNote_);
  auto* maps = new QSplitter(Qt::Horizontal, this);
  maps->addWidget(heatA_);
  maps->addWidget(heatB_);
  maps->addWidget(diffStack_);
  maps->setChildrenCollapsible(false);

  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  table_->setColumnCount(5);
  table_->setHorizontalHeaderLabels({tr("output token"), tr("total variation"),
                                     tr("largest |B − A|"), tr("A looks at"), tr("B looks at")});
  table_->horizontalHeaderItem(1)->setToolTip(
      tr("Half the sum of |B − A| over the row: 0 when both spread their attention alike, 1 when "
         "they attend to different tokens altogether"));
  table_->verticalHeader()->setVisible(false);
  table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  auto* bottom = new QWidget(this);
  auto* bottomLayout = new QVBoxLayout(bottom);
  bottomLayout->setContentsMargins(0, 0, 0, 0);
  bottomLayout->addWidget(summary_);
  bottomLayout->addWidget(table_, 1);

  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(maps);
  split->addWidget(bottom);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  split->setChildrenCollapsible(false);
  connect(table_, &QTableWidget::currentCellChanged, this, [this](int row) {
    for (HeatmapView* v : {heatA_, heatB_, heatDiff_}) v->setSelectedRow(row);
  });
  return split;
}

bool CompareView::compareModels(std::shared_ptr<const Model> a, std::shared_ptr<const Model> b,
                                const QString& nameA, const QString& nameB,
                                const QString& sentence) {
  if (!runner_->start(std::move(a), std::move(b), nameA, nameB, sentence)) return false;
  rerun_->setEnabled(false);
  header_->setText(
      tr("Comparing %1 and %2 on “%3”…")
          .arg(nameA.toHtmlEscaped(), nameB.toHtmlEscaped(), sentence.toHtmlEscaped()));
  return true;
}

bool CompareView::isBusy() const {
  return runner_->isRunning();
}

void CompareView::rerun() {
  if (!subject_.modelA || !subject_.modelB || sentence_->text().trimmed().isEmpty()) return;
  compareModels(subject_.modelA, subject_.modelB, subject_.nameA, subject_.nameB,
                sentence_->text().trimmed());
}

void CompareView::setSubject(const CompareSubject& subject) {
  subject_ = subject;
  const bool models = subject_.modelA && subject_.modelB;
  sentence_->setText(subject_.sentence);
  sentence_->setEnabled(models);
  rerun_->setEnabled(models);
  own_->setEnabled(subject_.bGreedy != nullptr);
  if (!subject_.bGreedy) forced_->setChecked(true);
  pages_->setCurrentIndex(hasSubject() ? 1 : 0);
  rebuildKinds();
  refresh();
}

void CompareView::setColourMap(ColourMap map) {
  heatA_->setColourMap(map);
  heatB_->setColourMap(map);
  overlayA_->followColourMap();
  overlayB_->followColourMap();
}

void CompareView::setBReadsOwnOutput(bool own) {
  (own && own_->isEnabled() ? own_ : forced_)->setChecked(true);
}

const Trace* CompareView::shownB() const {
  return own_->isChecked() && subject_.bGreedy ? subject_.bGreedy.get() : subject_.bForced.get();
}

void CompareView::rebuildKinds() {
  if (!hasSubject()) return;
  const QVariant current = kindBox_->currentData();
  rebuilding_ = true;
  kindBox_->clear();
  const Trace* b = shownB();
  // The teaching order of the main view: cross first.
  for (MapKind kind : {MapKind::Cross, MapKind::EncoderSelf, MapKind::DecoderSelf, MapKind::Hops})
    if (subject_.a->attention.count(kind) && b && b->attention.count(kind))
      kindBox_->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  const int keep = kindBox_->findData(current);
  kindBox_->setCurrentIndex(keep >= 0 ? keep : 0);
  rebuilding_ = false;
}

void CompareView::refresh() {
  if (!hasSubject() || rebuilding_) return;
  const Trace* b = shownB();
  const MapKind kind = mapKindOf(kindBox_->currentData());
  const bool hops = kind == MapKind::Hops;
  auto mapOf = [&kind](const Trace* t) {
    auto it = t->attention.find(kind);
    return it == t->attention.end() ? nullptr : &it->second;
  };
  rebuilding_ = true;
  pickerA_->setMap(mapOf(subject_.a.get()), hops);
  pickerB_->setMap(mapOf(b), hops);
  rebuilding_ = false;
  LabelledMatrix a, mb;
  try {
    a = selectMatrix(*subject_.a, {kind, pickerA_->layer(), pickerA_->head()});
    mb = selectMatrix(*b, {kind, pickerB_->layer(), pickerB_->head()});
  } catch (const std::exception& e) {
    summary_->setText(QString::fromUtf8(e.what()));
    return;
  }
  const QString rowsTitle = hops ? tr("hops") : tr("output tokens");
  const QString colsTitle =
      kind == MapKind::DecoderSelf ? tr("earlier outputs") : tr("source tokens");
  // Short titles, so they fit narrow maps; the header above names the models.
  const bool readsA = b == subject_.bForced.get() && subject_.bGreedy;
  for (auto [view, m, title] :
       {std::tuple{heatA_, &a, tr("A")},
        std::tuple{heatB_, &mb, readsA ? tr("B, reading A's output") : tr("B")}}) {
    if (!view->setMatrix(m->rows, m->cols, m->values, displayLabels(m->rowTokens),
                         displayLabels(m->colTokens)))
      continue;
    view->setTitle(title);
    view->setAxisTitles(colsTitle, rowsTitle);
  }
  heatDiff_->setAxisTitles(colsTitle, rowsTitle);
  showDifference(a, mb);
  showReference(a, mb);
  updateHeader();
}

void CompareView::showDifference(const LabelledMatrix& a, const LabelledMatrix& b) {
  try {
    difference_ = matrixDifference(a, b);
  } catch (const std::exception& e) {
    difference_.reset();
    diffNote_->setText(
        tr("No difference map: %1.\n\nChoose “B reads A's output” to put B on A's rows.")
            .arg(QString::fromUtf8(e.what())));
    diffStack_->setCurrentWidget(diffNote_);
    table_->setRowCount(0);
    summary_->setText(tr("A wrote “%1”; B wrote “%2”.").arg(subject_.outputA, subject_.outputB));
    return;
  }
  const MatrixDifference& d = *difference_;
  if (!heatDiff_->setMatrix(d.rows, d.cols, d.values, displayLabels(a.rowTokens),
                            displayLabels(a.colTokens)))
    return;
  const double r = symmetricRange(d.maxAbs);
  heatDiff_->colorMap()->setDataRange(QCPRange(-r, r));  // after setMatrix, which sets its own
  heatDiff_->setTitle(tr("B − A"));
  diffStack_->setCurrentWidget(heatDiff_);
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
  summary_->setText(text);
}

void CompareView::fillTable(const LabelledMatrix& a) {
  const MatrixDifference& d = *difference_;
  table_->setRowCount(d.rows);
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
      table_->setItem(r, c, item);
    }
  }
}

void CompareView::showReference(const LabelledMatrix& a, const LabelledMatrix& b) {
  reportA_ = {};
  reportB_ = {};
  if (!reference_->hasReference()) {
    overlayA_->clear();
    overlayB_->clear();
    return;
  }
  const MapKind kind = mapKindOf(kindBox_->currentData());
  reportA_ = reportAlignment(a, kind, reference_->reference());
  reportB_ = reportAlignment(b, kind, reference_->reference());
  for (auto [overlay, report] :
       {std::pair{overlayA_, &reportA_}, std::pair{overlayB_, &reportB_}}) {
    if (report->scored) {
      overlay->show(reference_->reference());
    } else {
      overlay->clear();
    }
  }
  QString line = tr("Against the reference (%1): ").arg(reference_->description());
  line += reportA_.scored ? tr("A %1; B %2").arg(reportA_.summary(), reportB_.summary())
                          : reportA_.problem;
  summary_->setText(summary_->text() + QStringLiteral("\n") + line);
  summary_->setToolTip(reportA_.details());
}

void CompareView::updateHeader() {
  QString html = tr("<b>A</b> %1 wrote “%2”<br><b>B</b> %3 wrote “%4”")
                     .arg(subject_.nameA.toHtmlEscaped(), subject_.outputA.toHtmlEscaped(),
                          subject_.nameB.toHtmlEscaped(), subject_.outputB.toHtmlEscaped());
  if (subject_.outputA == subject_.outputB) html += tr(" (the same)");
  if (!subject_.unknownNote.isEmpty())
    html += QStringLiteral("<br><span style='color:#a04000'>%1</span>")
                .arg(subject_.unknownNote.toHtmlEscaped());
  header_->setText(html);
}

}  // namespace attn::ui
