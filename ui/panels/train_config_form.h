// TrainConfigForm: every setting of a training run as a form: the data (a built-in task with its
// sizes and lengths, or a TSV file), the model (each config key of its architecture,
// docs/file-formats.md, Config keys) and the trainer (steps, batch, optimizer, schedule, clipping,
// validation, early stopping).
#pragma once

#include <QWidget>

#include "documents/training_job.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace attn::ui {

class TrainConfigForm : public QWidget {
  Q_OBJECT

 public:
  explicit TrainConfigForm(QWidget* parent = nullptr);

  TrainingJob job() const;
  // Empty when the form makes a runnable job; otherwise what to fix, in one sentence.
  QString problem() const;

  // For tests and quick starts: a run that takes a second or two.
  void setQuickDefaults(const QString& task, int steps);
  QComboBox* taskBox() const { return mTask; }
  QComboBox* archBox() const { return mArch; }
  QSpinBox* stepsBox() const { return mSteps; }
  QLineEdit* tsvEdit() const { return mTsvPath; }
  QRadioButton* tsvButton() const { return mUseTsv; }

 private:
  QWidget* buildDataGroup();
  QWidget* buildModelGroup();
  QWidget* buildTrainGroup();
  QWidget* buildRnnPage();
  QWidget* buildTransformerPage();
  QWidget* buildClassifierPage();
  void onTaskChanged();
  void refreshEnabled();
  nlohmann::json modelConfig() const;

  // data
  QRadioButton* mUseTask = nullptr;
  QComboBox* mTask = nullptr;
  QLabel* mTaskInfo = nullptr;
  QSpinBox* mTaskSeed = nullptr;
  QSpinBox* mTrainSize = nullptr;
  QSpinBox* mValidationSize = nullptr;
  QSpinBox* mMinLength = nullptr;
  QSpinBox* mMaxLength = nullptr;
  QSpinBox* mAlphabet = nullptr;
  QRadioButton* mUseTsv = nullptr;
  QLineEdit* mTsvPath = nullptr;
  QComboBox* mTsvKind = nullptr;
  QComboBox* mTsvTokenizer = nullptr;
  QDoubleSpinBox* mValidationFraction = nullptr;
  QDoubleSpinBox* mTestFraction = nullptr;
  // model
  QComboBox* mArch = nullptr;
  QLabel* mArchNote = nullptr;
  QStackedWidget* mArchPages = nullptr;
  QSpinBox* mModelSeed = nullptr;
  QComboBox* mRnnCell = nullptr;
  QSpinBox* mRnnEmbed = nullptr;
  QSpinBox* mRnnHidden = nullptr;
  QSpinBox* mRnnLayers = nullptr;
  QCheckBox* mRnnBidirectional = nullptr;
  QComboBox* mRnnAttention = nullptr;
  QComboBox* mRnnScore = nullptr;
  QSpinBox* mRnnAttentionDim = nullptr;
  QCheckBox* mRnnInputFeeding = nullptr;
  QSpinBox* mTfModel = nullptr;
  QSpinBox* mTfHeads = nullptr;
  QSpinBox* mTfEncoderLayers = nullptr;
  QSpinBox* mTfDecoderLayers = nullptr;
  QSpinBox* mTfFeedForward = nullptr;
  QCheckBox* mTfNormFirst = nullptr;
  QComboBox* mSsaCell = nullptr;
  QSpinBox* mSsaEmbed = nullptr;
  QSpinBox* mSsaHidden = nullptr;
  QSpinBox* mSsaAttentionDim = nullptr;
  QSpinBox* mSsaHops = nullptr;
  QSpinBox* mSsaMlp = nullptr;
  QDoubleSpinBox* mSsaPenalty = nullptr;
  // trainer
  QSpinBox* mSteps = nullptr;
  QSpinBox* mEpochs = nullptr;
  QSpinBox* mBatch = nullptr;
  QComboBox* mOptimizer = nullptr;
  QDoubleSpinBox* mLr = nullptr;
  QSpinBox* mWarmup = nullptr;
  QComboBox* mDecay = nullptr;
  QDoubleSpinBox* mMinLrFactor = nullptr;
  QDoubleSpinBox* mClip = nullptr;
  QSpinBox* mTrainSeed = nullptr;
  QCheckBox* mShuffle = nullptr;
  QSpinBox* mEvalEvery = nullptr;
  QSpinBox* mEvalExamples = nullptr;
  QSpinBox* mPatience = nullptr;
  QCheckBox* mRestoreBest = nullptr;
};

}  // namespace attn::ui
