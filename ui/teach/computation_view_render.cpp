// ComputationView's sections filled from one explain::Computation (computation_view.h).
#include <QComboBox>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>

#include "computation_view.h"
#include "computation_view_text.h"
#include "computation_view_widgets.h"
#include "documents/trace_document.h"
#include "explain/computation.h"
#include "views/token_html.h"

namespace attn::ui {

namespace {

constexpr int kVisibleRows = 16;  // a longer table scrolls inside itself
constexpr int kShortVector = 3;   // values of a vector shown in a table cell

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignLeft) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(align | Qt::AlignVCenter);
  return item;
}

QTableWidgetItem* number(double v) {
  return cell(ComputationText::number(v), Qt::AlignRight);
}

// A cell whose bar is `share` of its width (BarDelegate) and whose text is the number.
QTableWidgetItem* bar(double share) {
  QTableWidgetItem* item = number(share);
  item->setData(Qt::UserRole, share);
  return item;
}

// Rows sized to their content, the whole table shown up to kVisibleRows rows.
void fitHeight(QTableWidget* t) {
  t->resizeColumnsToContents();
  t->resizeRowsToContents();
  int height = t->horizontalHeader()->height() + 2 * t->frameWidth();
  for (int r = 0; r < std::min(t->rowCount(), kVisibleRows); ++r) height += t->rowHeight(r);
  t->setFixedHeight(height);
}

void emphasise(QTableWidget* t, int row, const QColor& background) {
  for (int c = 0; c < t->columnCount(); ++c) {
    QTableWidgetItem* item = t->item(row, c);
    if (!item) continue;
    QFont f = t->font();
    f.setBold(true);
    item->setFont(f);
    item->setBackground(background);
  }
}

// A section title, larger than the text and relative to it (the panel's font may change).
QString numbered(int n, const QString& title) {
  return QStringLiteral("<span style='font-size:large; font-weight:600'>%1 · %2</span>")
      .arg(n)
      .arg(title);
}

}  // namespace

void ComputationView::showMessage(const QString& text) {
  messageLabel_->setText(text);
  messageLabel_->setVisible(!text.isEmpty());
  sections_->setVisible(text.isEmpty());
}

void ComputationView::render() {
  const int steps = traceDoc_->stepCount();
  const bool encoder = map_ == MapKind::EncoderSelf;
  previous_->setEnabled(encoder ? sourcePosition_ > 0 : traceDoc_->step() > 0);
  next_->setEnabled(encoder ? sourcePosition_ + 1 < queryBox_->count()
                            : traceDoc_->step() + 1 < steps);
  stepLabel_->setText(
      steps == 0 ? QString()
      : encoder
          ? tr("Source position <b>%1</b> of %2").arg(sourcePosition_ + 1).arg(queryBox_->count())
          : tr("Step <b>%1</b> of %2: output %3")
                .arg(traceDoc_->step() + 1)
                .arg(steps)
                .arg(visibleToken(traceDoc_->targetTokens().value(traceDoc_->step()))));
  showMessage(computation_ ? QString() : message_);
  if (!computation_) return;
  const explain::Computation& c = *computation_;
  const auto& head = c.heads.at(size_t(head_));
  queryTitle_->setText(
      numbered(1, c.classifier ? tr("The hop's vector, in the query's place") : tr("The query")));
  queryText_->setText(ComputationText::queryText(c, head_));
  // The RNN's query is a decoder state: s_{i−1} (Bahdanau) or s_i (Luong), i counted from 1.
  const int state = c.attention == "bahdanau" ? c.step : c.step + 1;
  if (c.classifier)
    queryRow_->setVector(QStringLiteral("w<sub>%1</sub>").arg(head_ + 1), head.v);
  else
    queryRow_->setVector(
        c.transformer ? QStringLiteral("q") : QStringLiteral("q = s<sub>%1</sub>").arg(state),
        head.query);
  renderKeys();
  outputTitle_->setText(numbered(3, ComputationText::outputTitle(c)));
  outputFormula_->setText(ComputationText::outputFormula(c, head_));
  outputRow_->setVector(c.transformer  ? QStringLiteral("head<sub>%1</sub>").arg(head_ + 1)
                        : c.classifier ? QStringLiteral("m<sub>%1</sub>").arg(head_ + 1)
                                       : QStringLiteral("c<sub>i</sub>"),
                        head.output);
  renderHeads();
  renderNext();
  agreement_->setText(ComputationText::agreement(c));
}

void ComputationView::renderKeys() {
  const explain::Computation& c = *computation_;
  const auto& head = c.heads.at(size_t(head_));
  keysTitle_->setText(numbered(2, tr("Scores, softmax and weights, one row per key")));
  keysText_->setText(ComputationText::keysText(c, head_));
  scoreFormula_->setText(ComputationText::scoreFormula(c, head_, key_));
  softmaxFormula_->setText(ComputationText::softmaxFormula(c, head_, key_));
  keyTable_->setRowCount(int(head.keys.size()));
  for (int j = 0; j < int(head.keys.size()); ++j) {
    const auto& k = head.keys[size_t(j)];
    std::vector<double> weighted(k.value.size());
    for (size_t i = 0; i < weighted.size(); ++i) weighted[i] = k.weight * k.value[i];
    keyTable_->setItem(j, 0, cell(QString::number(j + 1), Qt::AlignRight));
    keyTable_->setItem(j, 1, cell(plainToken(k.token)));
    keyTable_->setItem(j, 2, number(k.score));
    keyTable_->setItem(j, 3, number(k.expScore));
    keyTable_->setItem(j, 4, bar(k.weight));
    keyTable_->setItem(j, 5, cell(ComputationText::vector(weighted, kShortVector)));
  }
  emphasise(keyTable_, key_, QColor(0xff, 0xf2, 0xb3));
  fitHeight(keyTable_);
  keyTable_->setColumnWidth(4, std::max(keyTable_->columnWidth(4), 7 * fontMetrics().height()));
}

void ComputationView::renderHeads() {
  const explain::Computation& c = *computation_;
  headsSection_->setVisible(c.transformer || c.classifier);
  if (!c.transformer && !c.classifier) return;
  headsTitle_->setText(numbered(4, c.classifier ? tr("Every hop, side by side: M = AH")
                                                : tr("Every head, concatenated and projected")));
  headTable_->setHorizontalHeaderItem(0,
                                      new QTableWidgetItem(c.classifier ? tr("Hop") : tr("Head")));
  headTable_->setRowCount(int(c.heads.size()));
  for (int h = 0; h < int(c.heads.size()); ++h) {
    const auto& keys = c.heads[size_t(h)].keys;
    const auto strongest = std::max_element(
        keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.weight < b.weight; });
    headTable_->setItem(h, 0, cell(QString::number(h + 1), Qt::AlignRight));
    headTable_->setItem(h, 1, cell(plainToken(strongest->token)));
    headTable_->setItem(h, 2, bar(strongest->weight));
    headTable_->setItem(h, 3,
                        cell(ComputationText::vector(c.heads[size_t(h)].output, kShortVector)));
  }
  emphasise(headTable_, head_, QColor(0xff, 0xf2, 0xb3));
  fitHeight(headTable_);
  headTable_->setColumnWidth(2, std::max(headTable_->columnWidth(2), 7 * fontMetrics().height()));
  if (c.classifier)
    concatRow_->setVector(tr("M = [m<sub>1</sub>; …; m<sub>%1</sub>]").arg(c.heads.size()),
                          c.concat);
  else
    concatRow_->setVector(tr("[head<sub>1</sub>; …; head<sub>%1</sub>]").arg(c.heads.size()),
                          c.concat);
  // The classifier's hops are not projected: the MLP reads M as it is (section 5).
  projectedRow_->setVisible(!c.classifier);
  projectedRow_->setVector(tr("W<sub>o</sub>[…] + b<sub>o</sub>"), c.projected);
  projectionText_->setText(ComputationText::projectionFormula(c));
}

void ComputationView::renderNext() {
  const explain::Computation& c = *computation_;
  nextTitle_->setText(c.classifier
                          ? numbered(5, tr("The class distribution"))
                          : numbered(c.transformer ? 5 : 4, tr("The next-token distribution")));
  nextTable_->setHorizontalHeaderItem(
      0, new QTableWidgetItem(c.classifier ? tr("Class") : tr("Next token")));
  nextTable_->setVisible(!c.next.empty());
  if (c.next.empty()) {
    readoutText_->setText(
        tr("The encoder's output reaches every output step through the "
           "decoder's cross-attention. Choose cross-attention or the decoder's "
           "self-attention to follow one step to its next token."));
    return;
  }
  readoutText_->setText(ComputationText::readoutFormula(c));
  nextTable_->setRowCount(int(c.next.size()));
  int chosen = -1;
  for (int i = 0; i < int(c.next.size()); ++i) {
    const auto& t = c.next[size_t(i)];
    nextTable_->setItem(i, 0, cell(plainToken(t.token)));
    nextTable_->setItem(i, 1, bar(t.prob));
    if (t.token == c.chosen) chosen = i;
  }
  if (chosen >= 0) emphasise(nextTable_, chosen, QColor(0xfd, 0xd0, 0xa2));
  fitHeight(nextTable_);
  nextTable_->setColumnWidth(1, std::max(nextTable_->columnWidth(1), 10 * fontMetrics().height()));
}

}  // namespace attn::ui
