#include "teach/row_editor.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "views/token_html.h"

namespace attn::ui {

RowEditor::RowEditor(QWidget* parent)
    : QWidget(parent),
      table_(new QTableWidget(0, 2, this)),
      renormalise_(new QCheckBox(tr("Divide by the sum (renormalise)"), this)),
      sum_(new QLabel(this)) {
  table_->setObjectName(QStringLiteral("rowEditorTable"));
  table_->setHorizontalHeaderLabels({tr("source token"), tr("weight")});
  table_->verticalHeader()->setVisible(false);
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  table_->setSelectionMode(QAbstractItemView::NoSelection);
  table_->setMinimumHeight(120);
  renormalise_->setObjectName(QStringLiteral("renormaliseBox"));
  renormalise_->setChecked(true);
  renormalise_->setToolTip(
      tr("On: the weights are divided by their sum, so the row is a distribution again. Off: "
         "they are used as typed, and a row that does not sum to 1 scales what the model "
         "reads."));
  sum_->setObjectName(QStringLiteral("rowEditorSum"));
  sum_->setWordWrap(true);  // unwrapped, its longest text would set the column's width
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(table_, 1);
  layout->addWidget(sum_);
  layout->addWidget(renormalise_);
  connect(renormalise_, &QCheckBox::toggled, this, [this] {
    refreshSum();
    emit edited();
  });
}

void RowEditor::setRow(const QStringList& tokens, const std::vector<float>& weights) {
  table_->setRowCount(0);
  boxes_.clear();
  const QStringList labels = displayLabels(tokens);
  table_->setRowCount(static_cast<int>(labels.size()));
  for (int k = 0; k < labels.size(); ++k) {
    auto* token = new QTableWidgetItem(labels[k]);
    token->setFlags(Qt::ItemIsEnabled);
    table_->setItem(k, 0, token);
    auto* box = new QDoubleSpinBox(table_);
    box->setRange(0, 100);
    box->setDecimals(3);
    box->setSingleStep(0.05);
    box->setFrame(false);
    box->setAccessibleName(tr("weight of %1").arg(labels[k]));
    box->setValue(k < static_cast<int>(weights.size()) ? weights[static_cast<size_t>(k)] : 0.0);
    connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
      refreshSum();
      emit edited();
    });
    table_->setCellWidget(k, 1, box);
    boxes_.push_back(box);
  }
  refreshSum();
}

std::vector<double> RowEditor::weights() const {
  std::vector<double> w;
  w.reserve(boxes_.size());
  for (const QDoubleSpinBox* box : boxes_) w.push_back(box->value());
  return w;
}

bool RowEditor::renormalise() const {
  return renormalise_->isChecked();
}

void RowEditor::setRenormalise(bool on) {
  renormalise_->setChecked(on);
}

void RowEditor::setWeight(int key, double weight) {
  if (key >= 0 && key < keys()) boxes_[static_cast<size_t>(key)]->setValue(weight);
}

void RowEditor::refreshSum() {
  double sum = 0;
  for (const QDoubleSpinBox* box : boxes_) sum += box->value();
  QString text = tr("Sum of the row: %1").arg(sum, 0, 'f', 3);
  if (sum == 0) {
    text += tr(" — the model reads nothing from the source at this step");
  } else if (renormalise()) {
    text += tr(" — divided by it when used");
  }
  sum_->setText(text);
}

}  // namespace attn::ui
