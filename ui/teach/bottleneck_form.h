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

  QComboBox* taskBox() const { return mTask; }
  QSpinBox* stepsBox() const { return mSteps; }

 private:
  QWidget* dataGroup();
  QWidget* modelGroup();
  QWidget* trainingGroup();

  experiment::BottleneckSettings mBase;
  QComboBox* mTask;
  QSpinBox *mMinLength, *mMaxLength, *mBucketWidth, *mTrainSize, *mTestPerBucket, *mDataSeed;
  QComboBox *mCell, *mAttention;
  QSpinBox *mEmbed, *mHidden;
  QCheckBox* mBidirectional;
  QSpinBox *mSteps, *mBatch, *mSeed;
  QDoubleSpinBox* mLr;
  QCheckBox* mParallel;
};

}  // namespace attn::ui
