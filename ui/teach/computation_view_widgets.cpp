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
      caption_(new QLabel(this)),
      values_(new QLabel(this)),
      expand_(new QToolButton(this)) {
  caption_->setTextFormat(Qt::RichText);
  values_->setWordWrap(true);
  values_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  expand_->setAutoRaise(true);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(caption_, 0, Qt::AlignTop);
  layout->addWidget(values_, 1);
  layout->addWidget(expand_, 0, Qt::AlignTop);
  connect(expand_, &QToolButton::clicked, this, [this] { setExpanded(!expanded_); });
}

void VectorRow::setVector(const QString& caption, const std::vector<double>& values) {
  caption_->setText(caption + QStringLiteral(" ="));
  data_ = values;
  render();
}

void VectorRow::setExpanded(bool expanded) {
  expanded_ = expanded;
  render();
}

QString VectorRow::valuesText() const {
  return values_->text();
}

void VectorRow::render() {
  const bool longer = int(data_.size()) > kShortLength + 1;
  values_->setText(ComputationText::vector(data_, expanded_ ? -1 : kShortLength));
  expand_->setVisible(longer);
  expand_->setText(expanded_ ? tr("fewer") : tr("all %1 values").arg(data_.size()));
  expand_->setToolTip(expanded_ ? tr("Show the first values only")
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
