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
      mTable(new QTableWidget(0, 2, this)),
      mRenormalise(new QCheckBox(tr("Divide by the sum (renormalise)"), this)),
      mSum(new QLabel(this)) {
  mTable->setObjectName(QStringLiteral("rowEditorTable"));
  mTable->setHorizontalHeaderLabels({tr("source token"), tr("weight")});
  mTable->verticalHeader()->setVisible(false);
  mTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  mTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  mTable->setSelectionMode(QAbstractItemView::NoSelection);
  mTable->setMinimumHeight(120);
  mRenormalise->setObjectName(QStringLiteral("renormaliseBox"));
  mRenormalise->setChecked(true);
  mRenormalise->setToolTip(
      tr("On: the weights are divided by their sum, so the row is a distribution again. Off: "
         "they are used as typed, and a row that does not sum to 1 scales what the model "
         "reads."));
  mSum->setObjectName(QStringLiteral("rowEditorSum"));
  mSum->setWordWrap(true);  // unwrapped, its longest text would set the column's width
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mTable, 1);
  layout->addWidget(mSum);
  layout->addWidget(mRenormalise);
  connect(mRenormalise, &QCheckBox::toggled, this, [this] {
    refreshSum();
    emit edited();
  });
}

void RowEditor::setRow(const QStringList& tokens, const std::vector<float>& weights) {
  mTable->setRowCount(0);
  mBoxes.clear();
  const QStringList labels = displayLabels(tokens);
  mTable->setRowCount(static_cast<int>(labels.size()));
  for (int k = 0; k < labels.size(); ++k) {
    auto* token = new QTableWidgetItem(labels[k]);
    token->setFlags(Qt::ItemIsEnabled);
    mTable->setItem(k, 0, token);
    auto* box = new QDoubleSpinBox(mTable);
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
    mTable->setCellWidget(k, 1, box);
    mBoxes.push_back(box);
  }
  refreshSum();
}

std::vector<double> RowEditor::weights() const {
  std::vector<double> w;
  w.reserve(mBoxes.size());
  for (const QDoubleSpinBox* box : mBoxes) w.push_back(box->value());
  return w;
}

bool RowEditor::renormalise() const {
  return mRenormalise->isChecked();
}

void RowEditor::setRenormalise(bool on) {
  mRenormalise->setChecked(on);
}

void RowEditor::setWeight(int key, double weight) {
  if (key >= 0 && key < keys()) mBoxes[static_cast<size_t>(key)]->setValue(weight);
}

void RowEditor::refreshSum() {
  double sum = 0;
  for (const QDoubleSpinBox* box : mBoxes) sum += box->value();
  QString text = tr("Sum of the row: %1").arg(sum, 0, 'f', 3);
  if (sum == 0) {
    text += tr(" — the model reads nothing from the source at this step");
  } else if (renormalise()) {
    text += tr(" — divided by it when used");
  }
  mSum->setText(text);
}

}  // namespace attn::ui
