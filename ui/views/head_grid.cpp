#include "views/head_grid.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

#include "documents/settings.h"
#include "documents/trace_document.h"
#include "documents/trace_math.h"
#include "trace/trace.h"

namespace attn::ui {
namespace {

constexpr int kGap = 6;          // between small maps
constexpr int kMeanGap = 14;     // before the mean column, so it reads as something else
constexpr int kHeaderRows = 18;  // the "head 1 …" labels
constexpr int kLabelWidth = 58;  // the "layer 1" labels

// Both grow with the widget's font (classroom mode enlarges it), so the labels are never cut.
int labelWidth(const QWidget& grid) {
  const QString widest = QCoreApplication::translate("attn::ui::HeadGrid", "layer %1").arg(88);
  return std::max(kLabelWidth, grid.fontMetrics().horizontalAdvance(widest) + 12);
}
int headerRows(const QWidget& grid) {
  return std::max(kHeaderRows, grid.fontMetrics().height() + 4);
}

QImage imageOf(const std::vector<float>& values, int rows, int cols, const QVector<QRgb>& table) {
  QImage image(cols, rows, QImage::Format_RGB32);
  for (int r = 0; r < rows; ++r) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
    for (int c = 0; c < cols; ++c)
      line[c] = colourOf(table, values[size_t(r) * size_t(cols) + size_t(c)]);
  }
  return image;
}

}  // namespace

HeadGrid::HeadGrid(TraceDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), table_(colourTable(colourMap_)) {
  setMouseTracking(true);
  setMinimumSize(240, 160);
  connect(document_, &TraceDocument::traceChanged, this, &HeadGrid::rebuild);
  connect(document_, &TraceDocument::mapChanged, this, qOverload<>(&QWidget::update));
}

void HeadGrid::setKind(MapKind kind) {
  if (kind == kind_) return;
  kind_ = kind;
  rebuild();
}

void HeadGrid::setColourMap(ColourMap map) {
  colourMap_ = map;
  table_ = colourTable(map);
  rebuild();
}

void HeadGrid::rebuild() {
  images_.clear();
  layers_ = heads_ = 0;
  const AttentionMap* map = document_->map(kind_);
  if (map && map->queries > 0 && map->keys > 0) {
    layers_ = map->layers;
    heads_ = map->heads;
    images_.reserve(size_t(layers_) * size_t(heads_ + 1));
    for (int l = 0; l < layers_; ++l) {
      for (int h = 0; h < heads_; ++h)
        images_.push_back(imageOf(map->matrix(l, h), map->queries, map->keys, table_));
      images_.push_back(imageOf(map->meanOverHeads(l), map->queries, map->keys, table_));
    }
  }
  update();
}

QImage HeadGrid::image(int layer, int head) const {
  if (layer < 0 || layer >= layers_ || head < -1 || head >= heads_) return {};
  return images_[size_t(slot(layer, head))];
}

QRect HeadGrid::cellRect(int layer, int head) const {
  if (layer < 0 || layer >= layers_ || head < -1 || head >= heads_) return {};
  const int columns = heads_ + 1;
  double w =
      std::max(4.0, (width() - labelWidth(*this) - kMeanGap - kGap * columns) / double(columns));
  double h = std::max(4.0, (height() - headerRows(*this) - kGap * layers_) / double(layers_));
  // Square cells, as in the big heatmap: a stretched map would suggest a shape it does not have.
  const QImage& first = images_.front();
  const double aspect = double(first.width()) / double(std::max(first.height(), 1));
  if (w / h > aspect)
    w = std::max(4.0, h * aspect);
  else
    h = std::max(4.0, w / aspect);
  const int column = head < 0 ? heads_ : head;
  const double x = labelWidth(*this) + column * (w + kGap) + (head < 0 ? kMeanGap : 0);
  const double y = headerRows(*this) + layer * (h + kGap);
  return QRectF(x, y, w, h).toRect();
}

bool HeadGrid::cellAt(const QPoint& pos, int* layer, int* head) const {
  for (int l = 0; l < layers_; ++l)
    for (int h = -1; h < heads_; ++h)
      if (cellRect(l, h).contains(pos)) {
        *layer = l;
        *head = h;
        return true;
      }
  return false;
}

void HeadGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().window());
  if (images_.empty()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
               document_->hasTrace()
                   ? tr("This trace has no attention of this kind.")
                   : tr("Decode a sentence to see every head of every layer here."));
    return;
  }
  p.setRenderHint(QPainter::SmoothPixmapTransform, false);  // one weight, one flat block
  p.setPen(palette().color(QPalette::WindowText));
  const QFontMetrics metrics(font());
  for (int h = -1; h < heads_; ++h) {
    const QRect cell = cellRect(0, h);
    const QString label = h < 0
                              ? tr("mean")
                              : (cell.width() > metrics.horizontalAdvance(QStringLiteral("head 88"))
                                     ? tr("head %1").arg(h + 1)
                                     : QString::number(h + 1));
    p.drawText(QRect(cell.left(), 0, cell.width(), headerRows(*this)), Qt::AlignCenter, label);
  }
  // How to read the colours, under the grid: the same scale as the big heatmap's.
  const QRect last = cellRect(layers_ - 1, 0);
  const QRect legend(labelWidth(*this), last.bottom() + kGap + 4, 160, 10);
  if (legend.bottom() + metrics.height() < height()) {
    for (int x = 0; x < legend.width(); ++x)
      p.fillRect(QRect(legend.left() + x, legend.top(), 1, legend.height()),
                 QColor(colourOf(table_, double(x) / (legend.width() - 1))));
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QPoint(legend.left(), legend.bottom() + metrics.ascent() + 2), QStringLiteral("0"));
    p.drawText(QPoint(legend.right() - metrics.horizontalAdvance(QStringLiteral("1")),
                      legend.bottom() + metrics.ascent() + 2),
               QStringLiteral("1"));
    p.drawText(QPoint(legend.right() + 8, legend.bottom()), tr("attention weight"));
  }
  const bool selectedKind = document_->mapKind() == kind_;
  for (int l = 0; l < layers_; ++l) {
    const QRect first = cellRect(l, 0);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(0, first.top(), labelWidth(*this) - 6, first.height()),
               Qt::AlignRight | Qt::AlignVCenter, tr("layer %1").arg(l + 1));
    for (int h = -1; h < heads_; ++h) {
      const QRect cell = cellRect(l, h);
      p.drawImage(cell, images_[size_t(slot(l, h))]);
      const bool selected = selectedKind && document_->layer() == l &&
                            (document_->head() == h || (h < 0 && document_->head() < 0));
      const bool hover = l == hoverLayer_ && h == hoverHead_;
      if (selected || hover) {
        p.setPen(QPen(selected ? QColor(0xe6, 0x55, 0x0d) : palette().color(QPalette::Highlight),
                      selected ? 3 : 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(cell.adjusted(-2, -2, 1, 1));
      }
    }
  }
}

void HeadGrid::mouseMoveEvent(QMouseEvent* event) {
  int layer = -1, head = -2;
  if (!cellAt(event->position().toPoint(), &layer, &head)) {
    layer = -1;
    head = -2;
  }
  if (layer != hoverLayer_ || head != hoverHead_) {
    hoverLayer_ = layer;
    hoverHead_ = head;
    setCursor(layer >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
    if (layer >= 0) {
      const QString what = head < 0 ? tr("layer %1, mean over %2 heads").arg(layer + 1).arg(heads_)
                                    : tr("layer %1, head %2").arg(layer + 1).arg(head + 1);
      QToolTip::showText(event->globalPosition().toPoint(), what + tr(" · click to enlarge"), this);
    }
  }
}

void HeadGrid::leaveEvent(QEvent*) {
  hoverLayer_ = -1;
  hoverHead_ = -2;
  update();
}

void HeadGrid::mouseReleaseEvent(QMouseEvent* event) {
  int layer = -1, head = -1;
  if (event->button() == Qt::LeftButton && cellAt(event->position().toPoint(), &layer, &head))
    emit headActivated(kind_, layer, head);
}

HeadsPanel::HeadsPanel(TraceDocument* document, const Settings* settings, QWidget* parent)
    : QWidget(parent),
      document_(document),
      kindBox_(new QComboBox(this)),
      hint_(new QLabel(this)),
      grid_(new HeadGrid(document, this)) {
  kindBox_->setObjectName(QStringLiteral("headKindBox"));
  kindBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  hint_->setWordWrap(true);
  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(6, 4, 6, 0);
  bar->addWidget(new QLabel(tr("Attention"), this));
  bar->addWidget(kindBox_);
  bar->addWidget(hint_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 4);
  layout->addLayout(bar);
  layout->addWidget(grid_, 1);
  connect(document_, &TraceDocument::traceChanged, this, &HeadsPanel::rebuildKinds);
  connect(kindBox_, qOverload<int>(&QComboBox::activated), this, [this] {
    grid_->setKind(mapKindOf(kindBox_->currentData()));
    rebuildKinds();
  });
  rebuildKinds();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { grid_->setColourMap(map); });
}

void HeadsPanel::rebuildKinds() {
  const QVariant current = kindBox_->currentData();
  kindBox_->clear();
  for (MapKind kind : document_->mapKinds())
    if (kind != MapKind::Hops) kindBox_->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  int index = kindBox_->findData(current);
  if (index < 0) index = 0;
  kindBox_->setCurrentIndex(index);
  if (kindBox_->count()) grid_->setKind(mapKindOf(kindBox_->currentData()));
  kindBox_->setEnabled(kindBox_->count() > 1);
  if (grid_->heads() > 1 || grid_->layers() > 1) {
    hint_->setText(
        tr("Each small map is one head: rows are queries, columns keys. Click one "
           "to enlarge it; the last column is each layer's mean."));
  } else if (grid_->layers() == 1) {
    hint_->setText(
        tr("This model has a single attention head. A transformer shows one small map "
           "per head and per layer here."));
  } else {
    hint_->clear();
  }
}

}  // namespace attn::ui
