// TrainConfigForm: every setting of a training run as a form: the data (a built-in task with its
// sizes and lengths, or a TSV file), the model (one field per config key of its architecture,
// made from the table of models/config_keys.h with its range, default and help) and the trainer
// (steps, batch, optimizer, schedule, clipping, validation, early stopping).
#pragma once

#include <QWidget>

#include <vector>

#include "jobs/training_job.h"
#include "models/config_keys.h"

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

  jobs::TrainingJob job() const;
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
  QWidget* buildArchPage(Arch arch);
  void onTaskChanged();
  void refreshEnabled();
  nlohmann::json modelConfig() const;

  // One field of the model's config: a spin box, check box or combo box, by the key's type.
  struct ConfigField {
    const ConfigKey* key;
    QWidget* widget;
    // A key whose default follows another (attention_dim follows hidden_dim) keeps following it
    // until a person sets it, as an absent key does on the command line.
    bool followsDefault = true;
  };
  nlohmann::json fieldValue(const ConfigField& field) const;
  void writeField(const ConfigField& field, const nlohmann::json& value);
  void setField(Arch arch, const std::string& key, const nlohmann::json& value);
  void onFieldChanged(size_t index);
  void updateDerivedDefaults();

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
  QStackedWidget* mArchPages = nullptr;
  QSpinBox* mModelSeed = nullptr;
  std::vector<ConfigField> mFields;  // every architecture's keys, in the table's order
  bool mWritingDefaults = false;     // updateDerivedDefaults() is setting fields, not a person
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
