// The field makers the training forms share (TrainConfigForm, CorpusForm), so that every spin
// box and choice of the Train tab looks and behaves alike.
#pragma once

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
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

// The wheel over a long form scrolls the form: a spin box or combo box under the pointer takes
// the wheel only once it has the focus (clicked or tabbed into), so that scrolling past it never
// changes a setting by accident.
class WheelWhenFocused : public QObject {
 public:
  using QObject::QObject;
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() != QEvent::Wheel) return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->hasFocus()) return false;
    // Handed to the scroll area that holds the form: Qt passes an ignored wheel event on to
    // the parents only when it came from the window system, not when a program sent it.
    for (QWidget* up = widget->parentWidget(); up; up = up->parentWidget())
      if (auto* area = qobject_cast<QAbstractScrollArea*>(up)) {
        QCoreApplication::sendEvent(area->viewport(), event);
        return true;
      }
    event->ignore();
    return true;
  }
};

// Every spin box and combo box under `root`: the wheel only when focused; the pointer's wheel
// no longer gives them the focus either.
inline void takeWheelOnlyWhenFocused(QWidget* root) {
  QList<QWidget*> fields;
  for (QAbstractSpinBox* box : root->findChildren<QAbstractSpinBox*>()) fields << box;
  for (QComboBox* box : root->findChildren<QComboBox*>()) fields << box;
  for (QWidget* w : fields) {
    w->setFocusPolicy(Qt::StrongFocus);
    w->installEventFilter(new WheelWhenFocused(w));
  }
}

inline QFormLayout* form(QWidget* w) {
  auto* f = new QFormLayout(w);
  f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  f->setContentsMargins(6, 6, 6, 6);
  return f;
}

}  // namespace attn::ui
