// The field makers the training forms share (TrainConfigForm, CorpusForm), so that every spin
// box and choice of the Train tab looks and behaves alike.
#pragma once

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QStringList>

namespace attn::ui {

inline QSpinBox* spin(QWidget* parent, int min, int max, int value, const QString& tip = {}) {
  auto* box = new QSpinBox(parent);
  box->setRange(min, max);
  box->setValue(value);
  box->setToolTip(tip);
  box->setAccelerated(true);
  return box;
}

inline QDoubleSpinBox* dspin(QWidget* parent, double min, double max, double value, int decimals,
                             double step, const QString& tip = {}) {
  auto* box = new QDoubleSpinBox(parent);
  box->setRange(min, max);
  box->setDecimals(decimals);
  box->setSingleStep(step);
  box->setValue(value);
  box->setToolTip(tip);
  return box;
}

inline QComboBox* choice(QWidget* parent, const QStringList& items, const QString& current,
                         const QString& tip = {}) {
  auto* box = new QComboBox(parent);
  box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  box->setMinimumContentsLength(8);
  box->addItems(items);
  box->setCurrentText(current);
  box->setToolTip(tip);
  return box;
}

inline QFormLayout* form(QWidget* w) {
  auto* f = new QFormLayout(w);
  f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  f->setContentsMargins(6, 6, 6, 6);
  return f;
}

}  // namespace attn::ui
