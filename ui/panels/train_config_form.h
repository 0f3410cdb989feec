// TrainConfigForm: every setting of a training run as a form: the data (a built-in task with its
// sizes and lengths, or a corpus file: CorpusForm), the model (one field per config key of its
// architecture, made from the table of models/config_keys.h with its range, default and help) and
// the trainer (steps, batch, optimizer, schedule, clipping, validation, early stopping).
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

class CorpusForm;

class TrainConfigForm : public QWidget {
  Q_OBJECT

 public:
  explicit TrainConfigForm(QWidget* parent = nullptr);

  jobs::TrainingJob job() const;
  // Empty when the form makes a runnable job; otherwise what to fix, in one sentence.
  QString problem() const;

  // For tests and quick starts: a run that takes a second or two.
  void setQuickDefaults(const QString& task, int steps);
  QComboBox* taskBox() const { return task_; }
  QComboBox* archBox() const { return arch_; }
  QSpinBox* stepsBox() const { return steps_; }
  QLineEdit* tsvEdit() const;
  CorpusForm* corpusForm() const { return corpus_; }
  QRadioButton* tsvButton() const { return useTsv_; }

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
  QRadioButton* useTask_ = nullptr;
  QComboBox* task_ = nullptr;
  QLabel* taskInfo_ = nullptr;
  QSpinBox* taskSeed_ = nullptr;
  QSpinBox* trainSize_ = nullptr;
  QSpinBox* validationSize_ = nullptr;
  QSpinBox* minLength_ = nullptr;
  QSpinBox* maxLength_ = nullptr;
  QSpinBox* alphabet_ = nullptr;
  QRadioButton* useTsv_ = nullptr;
  CorpusForm* corpus_ = nullptr;  // the file, its columns, tokenizer and filters
  // model
  QComboBox* arch_ = nullptr;
  QStackedWidget* archPages_ = nullptr;
  QSpinBox* modelSeed_ = nullptr;
  std::vector<ConfigField> fields_;  // every architecture's keys, in the table's order
  bool writingDefaults_ = false;     // updateDerivedDefaults() is setting fields, not a person
  // trainer
  QSpinBox* steps_ = nullptr;
  QSpinBox* epochs_ = nullptr;
  QSpinBox* batch_ = nullptr;
  QComboBox* optimizer_ = nullptr;
  QDoubleSpinBox* lr_ = nullptr;
  QSpinBox* warmup_ = nullptr;
  QComboBox* decay_ = nullptr;
  QDoubleSpinBox* minLrFactor_ = nullptr;
  QDoubleSpinBox* clip_ = nullptr;
  QSpinBox* trainSeed_ = nullptr;
  QCheckBox* shuffle_ = nullptr;
  QSpinBox* evalEvery_ = nullptr;
  QSpinBox* evalExamples_ = nullptr;
  QSpinBox* patience_ = nullptr;
  QCheckBox* restoreBest_ = nullptr;
};

}  // namespace attn::ui
