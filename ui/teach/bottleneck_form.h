// The bottleneck experiment's settings as a form: the task and its lengths, the model (the
// same for both runs but for attention), and the training. It starts from a base (the bundled
// file) and writes its fields over it, so keys the form does not show keep the base's value.
#pragma once

#include <QWidget>

#include "experiment/bottleneck.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace attn::ui {

class BottleneckForm : public QWidget {
  Q_OBJECT

 public:
  explicit BottleneckForm(QWidget* parent = nullptr);

  // The base and the fields both become `settings`.
  void setSettings(const experiment::BottleneckSettings& settings);
  // The base with the fields written over it; not checked (checkBottleneckSettings does).
  experiment::BottleneckSettings settings() const;

  QComboBox* taskBox() const { return task_; }
  QSpinBox* stepsBox() const { return steps_; }

 private:
  QWidget* dataGroup();
  QWidget* modelGroup();
  QWidget* trainingGroup();

  experiment::BottleneckSettings base_;
  QComboBox* task_;
  QSpinBox *minLength_, *maxLength_, *bucketWidth_, *trainSize_, *testPerBucket_, *dataSeed_;
  QComboBox *cell_, *attention_;
  QSpinBox *embed_, *hidden_;
  QCheckBox* bidirectional_;
  QSpinBox *steps_, *batch_, *seed_;
  QDoubleSpinBox* lr_;
  QCheckBox* parallel_;
};

}  // namespace attn::ui
