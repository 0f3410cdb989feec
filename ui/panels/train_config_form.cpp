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

namespace attn::ui {
namespace {

QSpinBox* spin(QWidget* parent, int min, int max, int value, const QString& tip = {}) {
  auto* box = new QSpinBox(parent);
  box->setRange(min, max);
  box->setValue(value);
  box->setToolTip(tip);
  box->setAccelerated(true);
  return box;
}

QDoubleSpinBox* dspin(QWidget* parent, double min, double max, double value, int decimals,
                      double step, const QString& tip = {}) {
  auto* box = new QDoubleSpinBox(parent);
  box->setRange(min, max);
  box->setDecimals(decimals);
  box->setSingleStep(step);
  box->setValue(value);
  box->setToolTip(tip);
  return box;
}

QComboBox* choice(QWidget* parent, const QStringList& items, const QString& current,
                  const QString& tip = {}) {
  auto* box = new QComboBox(parent);
  box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  box->setMinimumContentsLength(8);
  box->addItems(items);
  box->setCurrentText(current);
  box->setToolTip(tip);
  return box;
}

QFormLayout* form(QWidget* w) {
  auto* f = new QFormLayout(w);
  f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  f->setContentsMargins(6, 6, 6, 6);
  return f;
}

}  // namespace

TrainConfigForm::TrainConfigForm(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(buildDataGroup());
  layout->addWidget(buildModelGroup());
  layout->addWidget(buildTrainGroup());
  layout->addStretch(1);
  onTaskChanged();
  refreshEnabled();
}

QWidget* TrainConfigForm::buildDataGroup() {
  auto* group = new QGroupBox(tr("Data"), this);
  auto* f = form(group);
  mUseTask = new QRadioButton(tr("Built-in task"), group);
  mUseTask->setChecked(true);
  mTask = new QComboBox(group);
  mTask->setObjectName(QStringLiteral("taskBox"));
  mTask->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  mTask->setMinimumContentsLength(8);
  for (const data::TaskInfo& t : data::listTasks()) {
    mTask->addItem(QString::fromStdString(t.name), QString::fromStdString(t.name));
    mTask->setItemData(mTask->count() - 1, QString::fromStdString(t.description), Qt::ToolTipRole);
  }
  mTask->setCurrentIndex(std::max(0, mTask->findData(QStringLiteral("reverse"))));
  mTaskInfo = new QLabel(group);
  mTaskInfo->setWordWrap(true);
  mTaskInfo->setStyleSheet(QStringLiteral("color:#606060"));
  mTaskSeed =
      spin(group, 0, 1'000'000, 1, tr("The same seed gives the same examples on every machine"));
  mTrainSize = spin(group, 1, 1'000'000, 10000, tr("Training examples to generate"));
  mValidationSize = spin(group, 0, 100'000, 1000, tr("Held-out examples to measure progress on"));
  mMinLength = spin(group, 0, 1000, 3, tr("Shortest source, in tokens (0: no bound)"));
  mMaxLength = spin(group, 0, 1000, 12, tr("Longest source, in tokens (0: no bound)"));
  mAlphabet = spin(group, 2, 36, 10, tr("copy / reverse / sort: how many distinct symbols"));
  f->addRow(mUseTask, mTask);
  f->addRow(QString(), mTaskInfo);
  f->addRow(tr("seed"), mTaskSeed);
  f->addRow(tr("train examples"), mTrainSize);
  f->addRow(tr("validation examples"), mValidationSize);
  f->addRow(tr("min length"), mMinLength);
  f->addRow(tr("max length"), mMaxLength);
  f->addRow(tr("alphabet size"), mAlphabet);

  mUseTsv = new QRadioButton(tr("TSV file"), group);
  mTsvPath = new QLineEdit(group);
  mTsvPath->setPlaceholderText(tr("source<TAB>target lines"));
  mTsvPath->setMinimumWidth(60);
  auto* browse = new QPushButton(tr("Browse…"), group);
  auto* row = new QHBoxLayout;
  row->addWidget(mTsvPath, 1);
  row->addWidget(browse);
  mTsvKind = choice(group, {QStringLiteral("seq2seq"), QStringLiteral("classification")},
                    QStringLiteral("seq2seq"),
                    tr("seq2seq: source<TAB>target; classification: text<TAB>label"));
  mTsvTokenizer =
      choice(group, {QStringLiteral("word"), QStringLiteral("char")}, QStringLiteral("word"),
             tr("word: split on spaces; char: one token per character"));
  mValidationFraction =
      dspin(group, 0, 0.9, 0.1, 2, 0.05, tr("Share of the file held out for validation"));
  mTestFraction = dspin(group, 0, 0.9, 0.1, 2, 0.05, tr("Share of the file held out for testing"));
  f->addRow(mUseTsv, row);
  f->addRow(tr("kind"), mTsvKind);
  f->addRow(tr("tokenizer"), mTsvTokenizer);
  f->addRow(tr("validation share"), mValidationFraction);
  f->addRow(tr("test share"), mTestFraction);
  auto* source = new QButtonGroup(group);
  source->addButton(mUseTask);
  source->addButton(mUseTsv);

  connect(mTask, qOverload<int>(&QComboBox::currentIndexChanged), this,
          &TrainConfigForm::onTaskChanged);
  connect(mUseTask, &QRadioButton::toggled, this, &TrainConfigForm::refreshEnabled);
  connect(mTsvKind, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    const bool classify = mTsvKind->currentIndex() == 1;
    const int ssa = mArch->findData(QStringLiteral("structured_self_attention"));
    if (mUseTsv->isChecked()) mArch->setCurrentIndex(classify ? ssa : 0);
  });
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Training data"), mTsvPath->text(),
                                     tr("Tab-separated text (*.tsv *.txt);;All files (*)"));
    if (!path.isEmpty()) {
      mTsvPath->setText(path);
      mUseTsv->setChecked(true);
    }
  });
  connect(mTsvPath, &QLineEdit::textEdited, this, [this] { mUseTsv->setChecked(true); });
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
    const QString tip = QString::fromStdString(key->help) + QStringLiteral("\n") +
                        tr("Default %1; allowed %2")
                            .arg(QString::fromStdString(defaultText(*key)),
                                 QString::fromStdString(rangeText(*key)));
    const size_t index = mFields.size();
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
    f->addRow(QString::fromStdString(key->name), w);
    mFields.push_back({key, w});
  }
  return page;
}

QWidget* TrainConfigForm::buildModelGroup() {
  auto* group = new QGroupBox(tr("Model"), this);
  auto* layout = new QVBoxLayout(group);
  mArch = new QComboBox(group);
  mArch->setObjectName(QStringLiteral("archBox"));
  mArch->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  mArch->setMinimumContentsLength(12);
  const std::pair<const char*, QString> archs[] = {
      {"rnn_seq2seq", tr("RNN encoder–decoder (Bahdanau / Luong)")},
      {"transformer", tr("Transformer")},
      {"structured_self_attention", tr("Structured self-attention classifier (Lin et al.)")},
  };
  mArchPages = new QStackedWidget(group);
  for (Arch arch : kAllArchs) mArchPages->addWidget(buildArchPage(arch));
  for (const auto& [key, label] : archs) mArch->addItem(label, QString::fromLatin1(key));
  mModelSeed = spin(group, 0, 1'000'000, 1, tr("Seed of the initial weights"));
  auto* top = new QFormLayout;
  top->addRow(tr("architecture"), mArch);
  top->addRow(tr("weights seed"), mModelSeed);
  layout->addLayout(top);
  layout->addWidget(mArchPages);
  connect(mArch, qOverload<int>(&QComboBox::currentIndexChanged), mArchPages,
          &QStackedWidget::setCurrentIndex);
  return group;
}

QWidget* TrainConfigForm::buildTrainGroup() {
  auto* group = new QGroupBox(tr("Training"), this);
  auto* f = form(group);
  mSteps = spin(group, 0, 10'000'000, 1500, tr("Optimizer steps (0: count epochs instead)"));
  mSteps->setObjectName(QStringLiteral("stepsBox"));
  mEpochs = spin(group, 0, 100'000, 0, tr("Passes over the training examples, when steps is 0"));
  mBatch = spin(group, 1, 4096, 32, tr("Examples per step"));
  mOptimizer =
      choice(group, {QStringLiteral("adam"), QStringLiteral("sgd")}, QStringLiteral("adam"));
  mLr = dspin(group, 1e-6, 10, 0.003, 6, 0.0005, tr("Learning rate"));
  mWarmup =
      spin(group, 0, 1'000'000, 0, tr("Steps over which the learning rate rises to its value"));
  mDecay = choice(group,
                  {QStringLiteral("none"), QStringLiteral("linear"), QStringLiteral("cosine"),
                   QStringLiteral("inverse_sqrt")},
                  QStringLiteral("none"), tr("How the learning rate falls after the warm-up"));
  mMinLrFactor = dspin(group, 0, 1, 0, 3, 0.05, tr("Linear and cosine decay end at lr × this"));
  mClip = dspin(group, 0, 1000, 1.0, 2, 0.5, tr("Largest global gradient norm (0: no clipping)"));
  mTrainSeed = spin(group, 0, 1'000'000, 1, tr("Seed of the batch order"));
  mShuffle = new QCheckBox(group);
  mShuffle->setChecked(true);
  mEvalEvery = spin(group, 0, 1'000'000, 250, tr("Validate every N steps (0: once per epoch)"));
  mEvalExamples = spin(group, 0, 1'000'000, 200, tr("Validation examples per evaluation (0: all)"));
  mPatience =
      spin(group, 0, 10'000, 0, tr("Stop after N validations without improvement (0: never)"));
  mRestoreBest = new QCheckBox(group);
  mRestoreBest->setChecked(true);
  mRestoreBest->setToolTip(tr("End with the weights of the best validation"));
  f->addRow(tr("steps"), mSteps);
  f->addRow(tr("epochs"), mEpochs);
  f->addRow(tr("batch size"), mBatch);
  f->addRow(tr("optimizer"), mOptimizer);
  f->addRow(tr("learning rate"), mLr);
  f->addRow(tr("warm-up steps"), mWarmup);
  f->addRow(tr("decay"), mDecay);
  f->addRow(tr("min lr factor"), mMinLrFactor);
  f->addRow(tr("gradient clip"), mClip);
  f->addRow(tr("batch seed"), mTrainSeed);
  f->addRow(tr("shuffle"), mShuffle);
  f->addRow(tr("validate every"), mEvalEvery);
  f->addRow(tr("validation examples"), mEvalExamples);
  f->addRow(tr("patience"), mPatience);
  f->addRow(tr("restore best"), mRestoreBest);
  return group;
}

void TrainConfigForm::onTaskChanged() {
  const QString name = mTask->currentData().toString();
  try {
    const auto task = data::makeTask(name.toStdString());
    const data::TaskConfig c = task->defaultConfig();
    mTaskInfo->setText(QString::fromStdString(task->description()));
    mTrainSize->setValue(int(c.trainSize));
    mValidationSize->setValue(int(c.validationSize));
    mMinLength->setValue(int(c.minLength));
    mMaxLength->setValue(int(c.maxLength));
    mAlphabet->setValue(int(c.alphabetSize));
    const bool classify = task->kind() == data::TaskKind::Classification;
    const int ssa = mArch ? mArch->findData(QStringLiteral("structured_self_attention")) : -1;
    if (mArch && mUseTask->isChecked()) mArch->setCurrentIndex(classify ? ssa : 0);
  } catch (const std::exception& e) {
    mTaskInfo->setText(QString::fromUtf8(e.what()));
  }
  refreshEnabled();
}

void TrainConfigForm::refreshEnabled() {
  const bool task = mUseTask->isChecked();
  for (QWidget* w : std::initializer_list<QWidget*>{mTask, mTaskSeed, mTrainSize, mValidationSize,
                                                    mMinLength, mMaxLength})
    w->setEnabled(task);
  const QString name = mTask->currentData().toString();
  mAlphabet->setEnabled(task &&
                        (name == QLatin1String("copy") || name == QLatin1String("reverse") ||
                         name == QLatin1String("sort")));
  for (QWidget* w : std::initializer_list<QWidget*>{mTsvPath, mTsvKind, mTsvTokenizer,
                                                    mValidationFraction, mTestFraction})
    w->setEnabled(!task);
  // A key the chosen attention or score does not use is greyed out (and left out of the config).
  for (Arch arch : kAllArchs) {
    nlohmann::json values = nlohmann::json::object();
    for (const ConfigField& field : mFields)
      if (field.key->arch == arch) values[field.key->name] = fieldValue(field);
    for (const ConfigField& field : mFields)
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
  for (const ConfigField& field : mFields)
    if (field.key->arch == arch && field.key->name == key) writeField(field, value);
}

void TrainConfigForm::onFieldChanged(size_t index) {
  if (mWritingDefaults) return;  // the caller refreshes once it is done
  mFields[index].followsDefault = false;
  updateDerivedDefaults();
  refreshEnabled();
}

// The table's rule for each key a person has not set, from the values of the keys before it
// (configDefault() reads them in table order, as readConfig() does).
void TrainConfigForm::updateDerivedDefaults() {
  mWritingDefaults = true;
  for (Arch arch : kAllArchs) {
    nlohmann::json values = nlohmann::json::object();
    for (const ConfigField& field : mFields) {
      if (field.key->arch != arch) continue;
      if (field.key->derived != DerivedDefault::None && field.followsDefault)
        writeField(field, configDefault(*field.key, values));
      values[field.key->name] = fieldValue(field);
    }
  }
  mWritingDefaults = false;
}

nlohmann::json TrainConfigForm::modelConfig() const {
  const std::string arch = mArch->currentData().toString().toStdString();
  nlohmann::json c = {{"arch", arch}};
  for (const ConfigField& field : mFields)
    if (archName(field.key->arch) == arch && field.widget->isEnabled())
      c[field.key->name] = fieldValue(field);
  return c;
}

jobs::TrainingJob TrainConfigForm::job() const {
  jobs::TrainingJob j;
  if (mUseTask->isChecked()) {
    jobs::BuiltInTask task;
    task.name = mTask->currentData().toString().toStdString();
    task.config.seed = uint64_t(mTaskSeed->value());
    task.config.trainSize = mTrainSize->value();
    task.config.validationSize = mValidationSize->value();
    task.config.testSize = std::max(1, mValidationSize->value() / 2);
    task.config.minLength = mMinLength->value();
    task.config.maxLength = mMaxLength->value();
    task.config.alphabetSize = mAlphabet->value();
    j.data = task;
  } else {
    jobs::TsvFile file;
    file.path = mTsvPath->text().trimmed().toStdString();
    file.kind =
        mTsvKind->currentIndex() == 1 ? data::TaskKind::Classification : data::TaskKind::Seq2Seq;
    file.tokenizer =
        mTsvTokenizer->currentIndex() == 1 ? data::TokenizerKind::Char : data::TokenizerKind::Word;
    file.split.validationFraction = mValidationFraction->value();
    file.split.testFraction = mTestFraction->value();
    j.data = file;
  }
  j.tool = "attention-studio " + QCoreApplication::applicationVersion().toStdString();
  j.modelConfig = modelConfig();
  j.modelSeed = uint64_t(mModelSeed->value());
  j.train.steps = mSteps->value();
  j.train.epochs = mEpochs->value();
  j.train.batchSize = mBatch->value();
  j.train.optimizer = mOptimizer->currentText().toStdString();
  j.train.schedule.lr = mLr->value();
  j.train.schedule.warmupSteps = mWarmup->value();
  j.train.schedule.decay = parseLrDecay(mDecay->currentText().toStdString());
  j.train.schedule.minLrFactor = mMinLrFactor->value();
  j.train.clip = mClip->value();
  j.train.seed = uint64_t(mTrainSeed->value());
  j.train.shuffle = mShuffle->isChecked();
  j.train.evalEvery = mEvalEvery->value();
  j.train.evalExamples = mEvalExamples->value();
  j.train.patience = mPatience->value();
  j.train.restoreBest = mRestoreBest->isChecked();
  return j;
}

QString TrainConfigForm::problem() const {
  if (mUseTsv->isChecked()) {
    const QString path = mTsvPath->text().trimmed();
    if (path.isEmpty()) return tr("Choose the TSV file to train on, or a built-in task.");
    if (!QFileInfo(path).isFile()) return tr("The file '%1' does not exist.").arg(path);
  }
  if (mSteps->value() == 0 && mEpochs->value() == 0)
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

void TrainConfigForm::setQuickDefaults(const QString& task, int steps) {
  mUseTask->setChecked(true);
  mTask->setCurrentIndex(std::max(0, mTask->findData(task)));
  mTrainSize->setValue(300);
  mValidationSize->setValue(40);
  mSteps->setValue(steps);
  mEvalEvery->setValue(std::max(1, steps / 2));
  mEvalExamples->setValue(20);
  setField(Arch::RnnSeq2Seq, "embed_dim", 8);
  setField(Arch::RnnSeq2Seq, "hidden_dim", 16);  // attention_dim follows
}

}  // namespace attn::ui
