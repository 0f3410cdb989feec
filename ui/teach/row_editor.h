// RowEditor: one attention row (the weights an output step gives the source tokens) to change by
// hand before decoding again: a spin box per source token, the row's sum, and whether the row is
// divided by its sum before the model uses it.
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QTableWidget;

namespace attn::ui {

class RowEditor : public QWidget {
  Q_OBJECT

 public:
  explicit RowEditor(QWidget* parent = nullptr);

  // The row to start from: the model's own weights for the step being edited.
  void setRow(const QStringList& tokens, const std::vector<float>& weights);
  std::vector<double> weights() const;
  bool renormalise() const;
  void setRenormalise(bool on);
  void setWeight(int key, double weight);
  int keys() const { return static_cast<int>(boxes_.size()); }
  QTableWidget* table() const { return table_; }

 signals:
  void edited();

 private:
  void refreshSum();

  QTableWidget* table_;
  QCheckBox* renormalise_;
  QLabel* sum_;
  std::vector<QDoubleSpinBox*> boxes_;
};

}  // namespace attn::ui
