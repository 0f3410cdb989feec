// Pieces of the Computation panel (computation_view.h): a vector shown shortened with a button
// that expands it to every value, and table cells whose number sits on a bar as long as the
// value (a weight, a probability), so a row's share reads at a glance from the back of a room.
#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

#include <vector>

class QLabel;
class QToolButton;

namespace attn::ui {

class VectorRow : public QWidget {
  Q_OBJECT

 public:
  explicit VectorRow(QWidget* parent = nullptr);

  // `caption` is rich text ("q = s<sub>2</sub>"); values are shown shortened until expanded.
  void setVector(const QString& caption, const std::vector<double>& values);
  bool isExpanded() const { return expanded_; }
  void setExpanded(bool expanded);
  QString valuesText() const;  // what is on screen, for tests
  QToolButton* expandButton() const { return expand_; }

 private:
  void render();

  QLabel* caption_;
  QLabel* values_;
  QToolButton* expand_;
  std::vector<double> data_;
  bool expanded_ = false;
};

// Paints the cell's Qt::UserRole value (0..1) as a bar behind the cell's text, over the item's
// background colour.
class BarDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  void paint(QPainter* painter, const QStyleOptionViewItem& option,
             const QModelIndex& index) const override;

 protected:
  // The item's background is painted under the bar by paint(), not over it by the style.
  void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

}  // namespace attn::ui
