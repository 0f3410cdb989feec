#include "panels/train_config_form.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "models/config_reader.h"
#include "panels/corpus_form.h"
#include "panels/form_fields.h"
#include "views/model_summary.h"

namespace attn::ui {

TrainConfigForm::TrainConfigForm(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(buildDataGroup());
  layout->addWidget(buildModelGroup());
  layout->addWidget(buildTrainGroup());
  layout->addStretch(1);
  takeWheelOnlyWhenFocused(this);
  onTaskChanged();
  refreshEnabled();
}

QWidget* TrainConfigForm::buildDataGroup() {
  auto* group = new QGroupBox(tr("Data"), this);
  auto* f = form(group);
  useTask_ = new QRadioButton(tr("Built-in task"), group);
  useTask_->setChecked(true);
  task_ = new QComboBox(group);
  task_->setObjectName(QStringLiteral("taskBox"));
  task_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  task_->setMinimumContentsLength(8);
  for (const data::TaskInfo& t : data::listTasks()) {
    task_->addItem(QString::fromStdString(t.name), QString::fromStdString(t.name));
    task_->setItemData(task_->count() - 1, QString::fromStdString(t.description), Qt::ToolTipRole);
  }
  task_->setCurrentIndex(std::max(0, task_->findData(QStringLiteral("reverse"))));
  taskInfo_ = new QLabel(group);
  taskInfo_->setWordWrap(true);
  taskInfo_->setStyleSheet(QStringLiteral("color:#606060"));
  taskSeed_ =
      spin(group, 0, 1'000'000, 1, tr("The same seed gives the same examples on every machine"));
  trainSize_ = spin(group, 1, 1'000'000, 10000, tr("Training examples to generate"));
  validationSize_ = spin(group, 0, 100'000, 1000, tr("Held-out examples to measure progress on"));
  minLength_ = spin(group, 0, 1000, 3, tr("Shortest source, in tokens (0: no bound)"));
  maxLength_ = spin(group, 0, 1000, 12, tr("Longest source, in tokens (0: no bound)"));
  alphabet_ = spin(group, 2, 36, 10, tr("copy / reverse / sort: how many distinct symbols"));
  f->addRow(useTask_, task_);
  f->addRow(QString(), taskInfo_);
  f->addRow(tr("seed"), taskSeed_);
  f->addRow(tr("train examples"), trainSize_);
  f->addRow(tr("validation examples"), validationSize_);
  f->addRow(tr("min length"), minLength_);
  f->addRow(tr("max length"), maxLength_);
  f->addRow(tr("alphabet size"), alphabet_);

  useTsv_ = new QRadioButton(tr("Corpus file"), group);
  useTsv_->setObjectName(QStringLiteral("useCorpusFile"));
  corpus_ = new CorpusForm(group);
  corpus_->setObjectName(QStringLiteral("corpusForm"));
  f->addRow(useTsv_);
  f->addRow(corpus_);
  auto* source = new QButtonGroup(group);
  source->addButton(useTask_);
  source->addButton(useTsv_);

  connect(task_, qOverload<int>(&QComboBox::currentIndexChanged), this,
          &TrainConfigForm::onTaskChanged);
  connect(useTask_, &QRadioButton::toggled, this, &TrainConfigForm::refreshEnabled);
  connect(corpus_, &CorpusForm::kindChanged, this, [this](bool classify) {
    const int ssa = arch_->findData(QStringLiteral("structured_self_attention"));
    if (useTsv_->isChecked()) arch_->setCurrentIndex(classify ? ssa : 0);
  });
  connect(corpus_, &CorpusForm::fileChosen, this, [this] { useTsv_->setChecked(true); });
  return group;
}

// One page per architecture, one row per key of the config table: the field's range, default
// and tooltip are the table's, so the form, the flags and the docs cannot disagree.
QWidget* TrainConfigForm::buildArchPage(Arch arch) {
  auto* page = new QWidget(this);
  auto* f = form(page);
  nlohmann::json defaults = nlohmann::json::object();
  for (const ConfigKey* key : configKeys(arch)) {
    if (!key->flag) continue;
    const nlohmann::json value = configDefault(*key, defaults);
    defaults[key->name] = value;
    const QString keyName = QString::fromStdString(key->name);
    const QString tip = tr("Config key %1").arg(keyName) + QStringLiteral("\n") +
                        QString::fromStdString(key->help) + QStringLiteral("\n") +
                        tr("Default %1; allowed %2")
                            .arg(QString::fromStdString(defaultText(*key)),
                                 QString::fromStdString(rangeText(*key)));
    const size_t index = fields_.size();
    auto changed = [this, index] { onFieldChanged(index); };
    QWidget* w = nullptr;
    switch (key->type) {
      case ConfigKeyType::Integer: {
        auto* box = spin(page, int(key->min), int(key->max), value.get<int>(), tip);
        connect(box, qOverload<int>(&QSpinBox::valueChanged), this, changed);
        w = box;
        break;
      }
      case ConfigKeyType::Real: {
        auto* box = dspin(page, key->min, key->max, value.get<double>(), 3, 0.1, tip);
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this, changed);
        w = box;
        break;
      }
      case ConfigKeyType::Boolean: {
        auto* box = new QCheckBox(page);
        box->setChecked(value.get<bool>());
        box->setToolTip(tip);
        connect(box, &QCheckBox::toggled, this, changed);
        w = box;
        break;
      }
      case ConfigKeyType::Choice: {
        QStringList items;
        for (const std::string& c : key->choices) items << QString::fromStdString(c);
        auto* box = choice(page, items, QString::fromStdString(value.get<std::string>()), tip);
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
        w = box;
        break;
      }
    }
    w->setObjectName(
        QStringLiteral("config_%1_%2")
            .arg(QString::fromLatin1(archName(arch)), QString::fromStdString(key->name)));
    // A label in words; the key (what the model file and --config say) in its tooltip.
    auto* label = new QLabel(configKeyLabel(key->name), page);
    label->setToolTip(tr("Config key %1").arg(keyName));
    label->setObjectName(w->objectName() + QStringLiteral("_label"));
    label->setBuddy(w);
    f->addRow(label, w);
    fields_.push_back({key, w});
  }
  return page;
}

QWidget* TrainConfigForm::buildModelGroup() {
  auto* group = new QGroupBox(tr("Model"), this);
  auto* layout = new QVBoxLayout(group);
  arch_ = new QComboBox(group);
  arch_->setObjectName(QStringLiteral("archBox"));
  arch_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  arch_->setMinimumContentsLength(12);
  const std::pair<const char*, QString> archs[] = {
      {"rnn_seq2seq", tr("RNN encoder–decoder (Bahdanau / Luong)")},
      {"transformer", tr("Transformer")},
      {"structured_self_attention", tr("Structured self-attention classifier (Lin et al.)")},
  };
  archPages_ = new QStackedWidget(group);
  for (Arch arch : kAllArchs) archPages_->addWidget(buildArchPage(arch));
  for (const auto& [key, label] : archs) arch_->addItem(label, QString::fromLatin1(key));
  modelSeed_ = spin(group, 0, 1'000'000, 1, tr("Seed of the initial weights"));
  auto* top = new QFormLayout;
  top->addRow(tr("architecture"), arch_);
  top->addRow(tr("weights seed"), modelSeed_);
  layout->addLayout(top);
  layout->addWidget(archPages_);
  connect(arch_, qOverload<int>(&QComboBox::currentIndexChanged), archPages_,
          &QStackedWidget::setCurrentIndex);
  return group;
}

QWidget* TrainConfigForm::buildTrainGroup() {
  auto* group = new QGroupBox(tr("Training"), this);
  auto* f = form(group);
  steps_ = spin(group, 0, 10'000'000, 1500, tr("Optimizer steps (0: count epochs instead)"));
  steps_->setObjectName(QStringLiteral("stepsBox"));
  epochs_ = spin(group, 0, 100'000, 0, tr("Passes over the training examples, when steps is 0"));
  batch_ = spin(group, 1, 4096, 32, tr("Examples per step"));
  optimizer_ =
      choice(group, {QStringLiteral("adam"), QStringLiteral("sgd")}, QStringLiteral("adam"));
  lr_ = dspin(group, 1e-6, 10, 0.003, 6, 0.0005, tr("Learning rate"));
  warmup_ =
      spin(group, 0, 1'000'000, 0, tr("Steps over which the learning rate rises to its value"));
  decay_ = choice(group,
                  {QStringLiteral("none"), QStringLiteral("linear"), QStringLiteral("cosine"),
                   QStringLiteral("inverse_sqrt")},
                  QStringLiteral("none"), tr("How the learning rate falls after the warm-up"));
  minLrFactor_ = dspin(group, 0, 1, 0, 3, 0.05, tr("Linear and cosine decay end at lr × this"));
  clip_ = dspin(group, 0, 1000, 1.0, 2, 0.5, tr("Largest global gradient norm (0: no clipping)"));
  trainSeed_ = spin(group, 0, 1'000'000, 1, tr("Seed of the batch order"));
  shuffle_ = new QCheckBox(group);
  shuffle_->setChecked(true);
  evalEvery_ = spin(group, 0, 1'000'000, 250, tr("Validate every N steps (0: once per epoch)"));
  evalExamples_ = spin(group, 0, 1'000'000, 200, tr("Validation examples per evaluation (0: all)"));
  patience_ =
      spin(group, 0, 10'000, 0, tr("Stop after N validations without improvement (0: never)"));
  restoreBest_ = new QCheckBox(group);
  restoreBest_->setChecked(true);
  restoreBest_->setToolTip(tr("End with the weights of the best validation"));
  f->addRow(tr("steps"), steps_);
  f->addRow(tr("epochs"), epochs_);
  f->addRow(tr("batch size"), batch_);
  f->addRow(tr("optimizer"), optimizer_);
  f->addRow(tr("learning rate"), lr_);
  f->addRow(tr("warm-up steps"), warmup_);
  f->addRow(tr("decay"), decay_);
  f->addRow(tr("min lr factor"), minLrFactor_);
  f->addRow(tr("gradient clip"), clip_);
  f->addRow(tr("batch seed"), trainSeed_);
  f->addRow(tr("shuffle"), shuffle_);
  f->addRow(tr("validate every"), evalEvery_);
  f->addRow(tr("validation examples"), evalExamples_);
  f->addRow(tr("patience"), patience_);
  f->addRow(tr("restore best"), restoreBest_);
  return group;
}

void TrainConfigForm::onTaskChanged() {
  const QString name = task_->currentData().toString();
  try {
    const auto task = data::makeTask(name.toStdString());
    const data::TaskConfig c = task->defaultConfig();
    taskInfo_->setText(QString::fromStdString(task->description()));
    trainSize_->setValue(int(c.trainSize));
    validationSize_->setValue(int(c.validationSize));
    minLength_->setValue(int(c.minLength));
    maxLength_->setValue(int(c.maxLength));
    alphabet_->setValue(int(c.alphabetSize));
    const bool classify = task->kind() == data::TaskKind::Classification;
    const int ssa = arch_ ? arch_->findData(QStringLiteral("structured_self_attention")) : -1;
    if (arch_ && useTask_->isChecked()) arch_->setCurrentIndex(classify ? ssa : 0);
  } catch (const std::exception& e) {
    taskInfo_->setText(QString::fromUtf8(e.what()));
  }
  refreshEnabled();
}

void TrainConfigForm::refreshEnabled() {
  const bool task = useTask_->isChecked();
  for (QWidget* w : std::initializer_list<QWidget*>{task_, taskSeed_, trainSize_, validationSize_,
                                                    minLength_, maxLength_})
    w->setEnabled(task);
  const QString name = task_->currentData().toString();
  alphabet_->setEnabled(task &&
                        (name == QLatin1String("copy") || name == QLatin1String("reverse") ||
                         name == QLatin1String("sort")));
  // The corpus form stays usable: picking a file there is what switches to it.
  // A key the chosen attention or score does not use is greyed out (and left out of the config).
  for (Arch arch : kAllArchs) {
    nlohmann::json values = nlohmann::json::object();
    for (const ConfigField& field : fields_)
      if (field.key->arch == arch) values[field.key->name] = fieldValue(field);
    for (const ConfigField& field : fields_)
      if (field.key->arch == arch) field.widget->setEnabled(keyApplies(*field.key, values));
  }
}

nlohmann::json TrainConfigForm::fieldValue(const ConfigField& field) const {
  switch (field.key->type) {
    case ConfigKeyType::Integer:
      return static_cast<QSpinBox*>(field.widget)->value();
    case ConfigKeyType::Real:
      return static_cast<QDoubleSpinBox*>(field.widget)->value();
    case ConfigKeyType::Boolean:
      return static_cast<QCheckBox*>(field.widget)->isChecked();
    case ConfigKeyType::Choice:
      return static_cast<QComboBox*>(field.widget)->currentText().toStdString();
  }
  return nullptr;
}

void TrainConfigForm::writeField(const ConfigField& field, const nlohmann::json& value) {
  switch (field.key->type) {
    case ConfigKeyType::Integer:
      static_cast<QSpinBox*>(field.widget)->setValue(value.get<int>());
      break;
    case ConfigKeyType::Real:
      static_cast<QDoubleSpinBox*>(field.widget)->setValue(value.get<double>());
      break;
    case ConfigKeyType::Boolean:
      static_cast<QCheckBox*>(field.widget)->setChecked(value.get<bool>());
      break;
    case ConfigKeyType::Choice:
      static_cast<QComboBox*>(field.widget)
          ->setCurrentText(QString::fromStdString(value.get<std::string>()));
      break;
  }
}

void TrainConfigForm::setField(Arch arch, const std::string& key, const nlohmann::json& value) {
  for (const ConfigField& field : fields_)
    if (field.key->arch == arch && field.key->name == key) writeField(field, value);
}

void TrainConfigForm::onFieldChanged(size_t index) {
  if (writingDefaults_) return;  // the caller refreshes once it is done
  fields_[index].followsDefault = false;
  updateDerivedDefaults();
  refreshEnabled();
}

// The table's rule for each key a person has not set, from the values of the keys before it
// (configDefault() reads them in table order, as readConfig() does).
void TrainConfigForm::updateDerivedDefaults() {
  writingDefaults_ = true;
  for (Arch arch : kAllArchs) {
    nlohmann::json values = nlohmann::json::object();
    for (const ConfigField& field : fields_) {
      if (field.key->arch != arch) continue;
      if (field.key->derived != DerivedDefault::None && field.followsDefault)
        writeField(field, configDefault(*field.key, values));
      values[field.key->name] = fieldValue(field);
    }
  }
  writingDefaults_ = false;
}

nlohmann::json TrainConfigForm::modelConfig() const {
  const std::string arch = arch_->currentData().toString().toStdString();
  nlohmann::json c = {{"arch", arch}};
  for (const ConfigField& field : fields_)
    if (archName(field.key->arch) == arch && field.widget->isEnabled())
      c[field.key->name] = fieldValue(field);
  return c;
}

jobs::TrainingJob TrainConfigForm::job() const {
  jobs::TrainingJob j;
  if (useTask_->isChecked()) {
    jobs::BuiltInTask task;
    task.name = task_->currentData().toString().toStdString();
    task.config.seed = uint64_t(taskSeed_->value());
    task.config.trainSize = trainSize_->value();
    task.config.validationSize = validationSize_->value();
    task.config.testSize = std::max(1, validationSize_->value() / 2);
    task.config.minLength = minLength_->value();
    task.config.maxLength = maxLength_->value();
    task.config.alphabetSize = alphabet_->value();
    j.data = task;
  } else {
    j.data = corpus_->spec();
    j.vocabulary = corpus_->vocabulary();
  }
  j.tool = "attention-studio " + QCoreApplication::applicationVersion().toStdString();
  j.modelConfig = modelConfig();
  j.modelSeed = uint64_t(modelSeed_->value());
  j.train.steps = steps_->value();
  j.train.epochs = epochs_->value();
  j.train.batchSize = batch_->value();
  j.train.optimizer = optimizer_->currentText().toStdString();
  j.train.schedule.lr = lr_->value();
  j.train.schedule.warmupSteps = warmup_->value();
  j.train.schedule.decay = parseLrDecay(decay_->currentText().toStdString());
  j.train.schedule.minLrFactor = minLrFactor_->value();
  j.train.clip = clip_->value();
  j.train.seed = uint64_t(trainSeed_->value());
  j.train.shuffle = shuffle_->isChecked();
  j.train.evalEvery = evalEvery_->value();
  j.train.evalExamples = evalExamples_->value();
  j.train.patience = patience_->value();
  j.train.restoreBest = restoreBest_->isChecked();
  return j;
}

QString TrainConfigForm::problem() const {
  if (useTsv_->isChecked()) {
    const QString corpusProblem = corpus_->problem();
    if (!corpusProblem.isEmpty()) return corpusProblem;
  }
  if (steps_->value() == 0 && epochs_->value() == 0)
    return tr("Set how long to train: a number of steps or of epochs.");
  // The fields keep each key in its range; what is left are constraints between keys.
  try {
    const nlohmann::json config = modelConfig();
    readConfig(parseArch(config["arch"].get<std::string>()), config, /*classCount=*/1);
  } catch (const ConfigError& e) {
    QStringList problems;
    for (const ConfigProblem& p : e.problems())
      problems << QStringLiteral("%1 %2").arg(QString::fromStdString(p.key),
                                              QString::fromStdString(p.problem));
    return tr("The model config: %1.").arg(problems.join(QStringLiteral("; ")));
  }
  return {};
}

QLineEdit* TrainConfigForm::tsvEdit() const {
  return corpus_->tsvEdit();
}

void TrainConfigForm::setQuickDefaults(const QString& task, int steps) {
  useTask_->setChecked(true);
  task_->setCurrentIndex(std::max(0, task_->findData(task)));
  trainSize_->setValue(300);
  validationSize_->setValue(40);
  steps_->setValue(steps);
  evalEvery_->setValue(std::max(1, steps / 2));
  evalExamples_->setValue(20);
  setField(Arch::RnnSeq2Seq, "embed_dim", 8);
  setField(Arch::RnnSeq2Seq, "hidden_dim", 16);  // attention_dim follows
}

}  // namespace attn::ui
