#include "teach/head_ablation_table.h"

#include <QHeaderView>
#include <QScrollBar>

#include <algorithm>

namespace attn::ui {
namespace {

QString mapShortLabel(MapKind kind) {
  switch (kind) {
    case MapKind::Cross:
      return HeadAblationTable::tr("cross");
    case MapKind::EncoderSelf:
      return HeadAblationTable::tr("encoder self");
    case MapKind::DecoderSelf:
      return HeadAblationTable::tr("decoder self");
    case MapKind::Hops:
      break;
  }
  return QString::fromStdString(mapKindName(kind));
}

}  // namespace

HeadAblationTable::HeadAblationTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName(QStringLiteral("headAblationTable"));
  setSelectionMode(QAbstractItemView::NoSelection);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  setToolTip(
      tr("A checked head reads nothing at every step: its output is zero before the "
         "layer's output projection (head masking, Michel et al. 2019)."));
  connect(this, &QTableWidget::itemChanged, this, [this] { emit ablationsChanged(); });
}

void HeadAblationTable::setMaps(const std::vector<MapShape>& maps) {
  const QSignalBlocker block(this);
  clear();
  rows_.clear();
  int heads = 0;
  for (const MapShape& m : maps) heads = std::max(heads, m.heads);
  setColumnCount(heads);
  QStringList columns;
  for (int h = 0; h < heads; ++h) columns << tr("head %1").arg(h + 1);
  setHorizontalHeaderLabels(columns);
  QStringList rows;
  for (const MapShape& m : maps)
    for (int l = 0; l < m.layers; ++l) {
      rows_.emplace_back(m.kind, l);
      rows << (m.layers > 1 ? tr("%1, layer %2").arg(mapShortLabel(m.kind)).arg(l + 1)
                            : mapShortLabel(m.kind));
    }
  setRowCount(static_cast<int>(rows_.size()));
  setVerticalHeaderLabels(rows);
  int r = 0;
  for (const MapShape& m : maps)
    for (int l = 0; l < m.layers; ++l, ++r)
      for (int h = 0; h < heads; ++h) {
        auto* item = new QTableWidgetItem;
        if (h < m.heads) {
          item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
          item->setCheckState(Qt::Unchecked);
        } else {
          item->setFlags(Qt::NoItemFlags);
        }
        setItem(r, h, item);
      }
  // As tall as its rows (at most eight): no empty space under an RNN's single head.
  resizeRowsToContents();
  int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth();
  for (int i = 0; i < std::min(rowCount(), 8); ++i) height += rowHeight(i);
  setFixedHeight(height + (rowCount() > 8 ? horizontalScrollBar()->sizeHint().height() : 0));
}

std::vector<HeadAblation> HeadAblationTable::ablations() const {
  std::vector<HeadAblation> out;
  for (int r = 0; r < rowCount(); ++r)
    for (int h = 0; h < columnCount(); ++h) {
      const QTableWidgetItem* it = item(r, h);
      if (it && (it->flags() & Qt::ItemIsUserCheckable) && it->checkState() == Qt::Checked)
        out.push_back(
            {rows_[static_cast<size_t>(r)].first, rows_[static_cast<size_t>(r)].second, h});
    }
  return out;
}

void HeadAblationTable::setAblated(MapKind map, int layer, int head, bool ablated) {
  for (size_t r = 0; r < rows_.size(); ++r)
    if (rows_[r].first == map && rows_[r].second == layer) {
      QTableWidgetItem* it = item(static_cast<int>(r), head);
      if (it && (it->flags() & Qt::ItemIsUserCheckable))
        it->setCheckState(ablated ? Qt::Checked : Qt::Unchecked);
    }
}

void HeadAblationTable::clearAblations() {
  for (const HeadAblation& a : ablations()) setAblated(a.map, a.layer, a.head, false);
}

}  // namespace attn::ui
