#include "computation_view_widgets.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>

#include <algorithm>

#include "computation_view_text.h"

namespace attn::ui {

namespace {
constexpr int kShortLength = 8;  // values shown before "…" and the last one
}

VectorRow::VectorRow(QWidget* parent)
    : QWidget(parent),
      mCaption(new QLabel(this)),
      mValues(new QLabel(this)),
      mExpand(new QToolButton(this)) {
  mCaption->setTextFormat(Qt::RichText);
  mValues->setWordWrap(true);
  mValues->setTextInteractionFlags(Qt::TextSelectableByMouse);
  mExpand->setAutoRaise(true);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mCaption, 0, Qt::AlignTop);
  layout->addWidget(mValues, 1);
  layout->addWidget(mExpand, 0, Qt::AlignTop);
  connect(mExpand, &QToolButton::clicked, this, [this] { setExpanded(!mExpanded); });
}

void VectorRow::setVector(const QString& caption, const std::vector<double>& values) {
  mCaption->setText(caption + QStringLiteral(" ="));
  mData = values;
  render();
}

void VectorRow::setExpanded(bool expanded) {
  mExpanded = expanded;
  render();
}

QString VectorRow::valuesText() const {
  return mValues->text();
}

void VectorRow::render() {
  const bool longer = int(mData.size()) > kShortLength + 1;
  mValues->setText(ComputationText::vector(mData, mExpanded ? -1 : kShortLength));
  mExpand->setVisible(longer);
  mExpand->setText(mExpanded ? tr("fewer") : tr("all %1 values").arg(mData.size()));
  mExpand->setToolTip(mExpanded ? tr("Show the first values only")
                                : tr("Show every value of this vector"));
  // The wrapped text's height changed but not the row's size hint, and Qt passes on only the
  // latter: ask the parent layout to measure the row again.
  updateGeometry();
}

void BarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const {
  const double share = std::clamp(index.data(Qt::UserRole).toDouble(), 0.0, 1.0);
  painter->save();
  const QVariant background = index.data(Qt::BackgroundRole);
  if (background.canConvert<QBrush>()) painter->fillRect(option.rect, background.value<QBrush>());
  // The bar keeps clear of the number, which sits right-aligned after it.
  const QVariant font = index.data(Qt::FontRole);
  const QFontMetrics metrics(font.isValid() ? font.value<QFont>() : option.font);
  const int text = metrics.horizontalAdvance(index.data(Qt::DisplayRole).toString()) + 12;
  QRect bar = option.rect.adjusted(3, 3, -text, -3);
  bar.setWidth(std::max(0, int(bar.width() * share + 0.5)));
  painter->fillRect(bar, QColor(0x9e, 0xb4, 0xcf));
  painter->restore();
  QStyledItemDelegate::paint(painter, option, index);
}

void BarDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const {
  QStyledItemDelegate::initStyleOption(option, index);
  option->backgroundBrush = Qt::NoBrush;
}

}  // namespace attn::ui
