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
    : QWidget(parent), mDocument(document), mTable(colourTable(mColourMap)) {
  setMouseTracking(true);
  setMinimumSize(240, 160);
  connect(mDocument, &TraceDocument::traceChanged, this, &HeadGrid::rebuild);
  connect(mDocument, &TraceDocument::mapChanged, this, qOverload<>(&QWidget::update));
}

void HeadGrid::setKind(MapKind kind) {
  if (kind == mKind) return;
  mKind = kind;
  rebuild();
}

void HeadGrid::setColourMap(ColourMap map) {
  mColourMap = map;
  mTable = colourTable(map);
  rebuild();
}

void HeadGrid::rebuild() {
  mImages.clear();
  mLayers = mHeads = 0;
  const AttentionMap* map = mDocument->map(mKind);
  if (map && map->queries > 0 && map->keys > 0) {
    mLayers = map->layers;
    mHeads = map->heads;
    mImages.reserve(size_t(mLayers) * size_t(mHeads + 1));
    for (int l = 0; l < mLayers; ++l) {
      for (int h = 0; h < mHeads; ++h)
        mImages.push_back(imageOf(map->matrix(l, h), map->queries, map->keys, mTable));
      mImages.push_back(imageOf(map->meanOverHeads(l), map->queries, map->keys, mTable));
    }
  }
  update();
}

QImage HeadGrid::image(int layer, int head) const {
  if (layer < 0 || layer >= mLayers || head < -1 || head >= mHeads) return {};
  return mImages[size_t(slot(layer, head))];
}

QRect HeadGrid::cellRect(int layer, int head) const {
  if (layer < 0 || layer >= mLayers || head < -1 || head >= mHeads) return {};
  const int columns = mHeads + 1;
  double w =
      std::max(4.0, (width() - labelWidth(*this) - kMeanGap - kGap * columns) / double(columns));
  double h = std::max(4.0, (height() - headerRows(*this) - kGap * mLayers) / double(mLayers));
  // Square cells, as in the big heatmap: a stretched map would suggest a shape it does not have.
  const QImage& first = mImages.front();
  const double aspect = double(first.width()) / double(std::max(first.height(), 1));
  if (w / h > aspect)
    w = std::max(4.0, h * aspect);
  else
    h = std::max(4.0, w / aspect);
  const int column = head < 0 ? mHeads : head;
  const double x = labelWidth(*this) + column * (w + kGap) + (head < 0 ? kMeanGap : 0);
  const double y = headerRows(*this) + layer * (h + kGap);
  return QRectF(x, y, w, h).toRect();
}

bool HeadGrid::cellAt(const QPoint& pos, int* layer, int* head) const {
  for (int l = 0; l < mLayers; ++l)
    for (int h = -1; h < mHeads; ++h)
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
  if (mImages.empty()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
               mDocument->hasTrace()
                   ? tr("This trace has no attention of this kind.")
                   : tr("Decode a sentence to see every head of every layer here."));
    return;
  }
  p.setRenderHint(QPainter::SmoothPixmapTransform, false);  // one weight, one flat block
  p.setPen(palette().color(QPalette::WindowText));
  const QFontMetrics metrics(font());
  for (int h = -1; h < mHeads; ++h) {
    const QRect cell = cellRect(0, h);
    const QString label = h < 0
                              ? tr("mean")
                              : (cell.width() > metrics.horizontalAdvance(QStringLiteral("head 88"))
                                     ? tr("head %1").arg(h + 1)
                                     : QString::number(h + 1));
    p.drawText(QRect(cell.left(), 0, cell.width(), headerRows(*this)), Qt::AlignCenter, label);
  }
  // How to read the colours, under the grid: the same scale as the big heatmap's.
  const QRect last = cellRect(mLayers - 1, 0);
  const QRect legend(labelWidth(*this), last.bottom() + kGap + 4, 160, 10);
  if (legend.bottom() + metrics.height() < height()) {
    for (int x = 0; x < legend.width(); ++x)
      p.fillRect(QRect(legend.left() + x, legend.top(), 1, legend.height()),
                 QColor(colourOf(mTable, double(x) / (legend.width() - 1))));
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QPoint(legend.left(), legend.bottom() + metrics.ascent() + 2), QStringLiteral("0"));
    p.drawText(QPoint(legend.right() - metrics.horizontalAdvance(QStringLiteral("1")),
                      legend.bottom() + metrics.ascent() + 2),
               QStringLiteral("1"));
    p.drawText(QPoint(legend.right() + 8, legend.bottom()), tr("attention weight"));
  }
  const bool selectedKind = mDocument->mapKind() == mKind;
  for (int l = 0; l < mLayers; ++l) {
    const QRect first = cellRect(l, 0);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(0, first.top(), labelWidth(*this) - 6, first.height()),
               Qt::AlignRight | Qt::AlignVCenter, tr("layer %1").arg(l + 1));
    for (int h = -1; h < mHeads; ++h) {
      const QRect cell = cellRect(l, h);
      p.drawImage(cell, mImages[size_t(slot(l, h))]);
      const bool selected = selectedKind && mDocument->layer() == l &&
                            (mDocument->head() == h || (h < 0 && mDocument->head() < 0));
      const bool hover = l == mHoverLayer && h == mHoverHead;
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
  if (layer != mHoverLayer || head != mHoverHead) {
    mHoverLayer = layer;
    mHoverHead = head;
    setCursor(layer >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
    if (layer >= 0) {
      const QString what = head < 0 ? tr("layer %1, mean over %2 heads").arg(layer + 1).arg(mHeads)
                                    : tr("layer %1, head %2").arg(layer + 1).arg(head + 1);
      QToolTip::showText(event->globalPosition().toPoint(), what + tr(" · click to enlarge"), this);
    }
  }
}

void HeadGrid::leaveEvent(QEvent*) {
  mHoverLayer = -1;
  mHoverHead = -2;
  update();
}

void HeadGrid::mouseReleaseEvent(QMouseEvent* event) {
  int layer = -1, head = -1;
  if (event->button() == Qt::LeftButton && cellAt(event->position().toPoint(), &layer, &head))
    emit headActivated(mKind, layer, head);
}

HeadsPanel::HeadsPanel(TraceDocument* document, const Settings* settings, QWidget* parent)
    : QWidget(parent),
      mDocument(document),
      mKindBox(new QComboBox(this)),
      mHint(new QLabel(this)),
      mGrid(new HeadGrid(document, this)) {
  mKindBox->setObjectName(QStringLiteral("headKindBox"));
  mKindBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  mHint->setWordWrap(true);
  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(6, 4, 6, 0);
  bar->addWidget(new QLabel(tr("Attention"), this));
  bar->addWidget(mKindBox);
  bar->addWidget(mHint, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 4);
  layout->addLayout(bar);
  layout->addWidget(mGrid, 1);
  connect(mDocument, &TraceDocument::traceChanged, this, &HeadsPanel::rebuildKinds);
  connect(mKindBox, qOverload<int>(&QComboBox::activated), this, [this] {
    mGrid->setKind(mapKindOf(mKindBox->currentData()));
    rebuildKinds();
  });
  rebuildKinds();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { mGrid->setColourMap(map); });
}

void HeadsPanel::rebuildKinds() {
  const QVariant current = mKindBox->currentData();
  mKindBox->clear();
  for (MapKind kind : mDocument->mapKinds())
    if (kind != MapKind::Hops) mKindBox->addItem(TraceDocument::mapLabel(kind), mapKindData(kind));
  int index = mKindBox->findData(current);
  if (index < 0) index = 0;
  mKindBox->setCurrentIndex(index);
  if (mKindBox->count()) mGrid->setKind(mapKindOf(mKindBox->currentData()));
  mKindBox->setEnabled(mKindBox->count() > 1);
  if (mGrid->heads() > 1 || mGrid->layers() > 1) {
    mHint->setText(
        tr("Each small map is one head: rows are queries, columns keys. Click one "
           "to enlarge it; the last column is each layer's mean."));
  } else if (mGrid->layers() == 1) {
    mHint->setText(
        tr("This model has a single attention head. A transformer shows one small map "
           "per head and per layer here."));
  } else {
    mHint->clear();
  }
}

}  // namespace attn::ui
