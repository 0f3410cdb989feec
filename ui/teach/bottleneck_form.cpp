#include "teach/bottleneck_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSpinBox>
#include <QVBoxLayout>

#include "experiment/bottleneck_settings.h"

namespace attn::ui {

using experiment::BottleneckLimits;
using experiment::BottleneckSettings;

namespace {

QSpinBox* spin(QWidget* parent, int lo, int hi, const QString& tip) {
  auto* box = new QSpinBox(parent);
  box->setRange(lo, hi);
  box->setToolTip(tip);
  box->setGroupSeparatorShown(true);
  return box;
}

QComboBox* combo(QWidget* parent, const QStringList& items) {
  auto* box = new QComboBox(parent);
  box->addItems(items);
  return box;
}

void choose(QComboBox* box, const std::string& value) {
  const int i = box->findText(QString::fromStdString(value));
  if (i >= 0) box->setCurrentIndex(i);
}

}  // namespace

BottleneckForm::BottleneckForm(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(dataGroup());
  layout->addWidget(modelGroup());
  layout->addWidget(trainingGroup());
  layout->addStretch(1);
  setSettings(BottleneckSettings{});
}

QWidget* BottleneckForm::dataGroup() {
  auto* group = new QGroupBox(tr("Data"), this);
  auto* form = new QFormLayout(group);
  const int maxLength = int(BottleneckLimits::kMaxLength);
  task_ = combo(group, {QStringLiteral("reverse"), QStringLiteral("copy"), QStringLiteral("sort"),
                        QStringLiteral("dates"), QStringLiteral("toy-fr")});
  task_->setToolTip(tr("The built-in task both models learn"));
  minLength_ = spin(group, 1, maxLength, tr("The shortest source, in the task's tokens"));
  maxLength_ = spin(group, 1, maxLength, tr("The longest source, in the task's tokens"));
  bucketWidth_ =
      spin(group, 1, maxLength, tr("How many source lengths make one point of the plot"));
  trainSize_ = spin(group, 1, int(BottleneckLimits::kMaxTrainSize), tr("Training sentences"));
  testPerBucket_ = spin(group, 1, int(BottleneckLimits::kMaxTestPerBucket),
                        tr("Test sentences of each length bucket"));
  dataSeed_ = spin(group, 0, 1 << 30, tr("The seed of the sentences"));
  form->addRow(tr("Task"), task_);
  form->addRow(tr("Shortest source"), minLength_);
  form->addRow(tr("Longest source"), maxLength_);
  form->addRow(tr("Lengths per point"), bucketWidth_);
  form->addRow(tr("Training sentences"), trainSize_);
  form->addRow(tr("Test sentences per point"), testPerBucket_);
  form->addRow(tr("Data seed"), dataSeed_);
  return group;
}

QWidget* BottleneckForm::modelGroup() {
  auto* group = new QGroupBox(tr("Models (identical but for attention)"), this);
  auto* form = new QFormLayout(group);
  cell_ = combo(group, {QStringLiteral("gru"), QStringLiteral("lstm"), QStringLiteral("rnn")});
  embed_ = spin(group, 1, 1024, tr("E, the embedding size"));
  hidden_ = spin(group, 1, 1024,
                 tr("H, the size of the recurrent state: all that the model "
                    "without attention keeps of the source"));
  bidirectional_ = new QCheckBox(tr("Bidirectional encoder"), group);
  attention_ = combo(group, {QStringLiteral("bahdanau"), QStringLiteral("luong")});
  attention_->setToolTip(tr("The attention of the second model; the first has none"));
  form->addRow(tr("Cell"), cell_);
  form->addRow(tr("Embedding size"), embed_);
  form->addRow(tr("Hidden size"), hidden_);
  form->addRow(QString(), bidirectional_);
  form->addRow(tr("Attention"), attention_);
  return group;
}

QWidget* BottleneckForm::trainingGroup() {
  auto* group = new QGroupBox(tr("Training (the same for both)"), this);
  auto* form = new QFormLayout(group);
  steps_ = spin(group, 1, 10'000'000, tr("Optimizer steps of each model"));
  batch_ = spin(group, 1, int(BottleneckLimits::kMaxBatch), tr("Sentences per step"));
  lr_ = new QDoubleSpinBox(group);
  lr_->setDecimals(5);
  lr_->setRange(0.00001, 1.0);
  lr_->setSingleStep(0.001);
  lr_->setToolTip(tr("Adam's learning rate, decayed as the settings say"));
  seed_ = spin(group, 0, 1 << 30, tr("The seed of the weights and the batch order"));
  parallel_ = new QCheckBox(tr("Train both at once (two threads)"), group);
  form->addRow(tr("Steps"), steps_);
  form->addRow(tr("Batch size"), batch_);
  form->addRow(tr("Learning rate"), lr_);
  form->addRow(tr("Seed"), seed_);
  form->addRow(QString(), parallel_);
  return group;
}

void BottleneckForm::setSettings(const BottleneckSettings& s) {
  base_ = s;
  choose(task_, s.task);
  minLength_->setValue(int(s.minLength));
  maxLength_->setValue(int(s.maxLength));
  bucketWidth_->setValue(int(s.bucketWidth));
  trainSize_->setValue(int(s.trainSize));
  testPerBucket_->setValue(int(s.testPerBucket));
  dataSeed_->setValue(int(std::min<uint64_t>(s.dataSeed, 1 << 30)));
  choose(cell_, s.model.value("cell", "gru"));
  embed_->setValue(s.model.value("embed_dim", 32));
  hidden_->setValue(s.model.value("hidden_dim", 64));
  bidirectional_->setChecked(s.model.value("bidirectional", false));
  choose(attention_, s.model.value("attention", "bahdanau"));
  steps_->setValue(int(s.steps));
  batch_->setValue(int(s.batchSize));
  lr_->setValue(s.lr);
  seed_->setValue(int(std::min<uint64_t>(s.seed, 1 << 30)));
  parallel_->setChecked(s.parallel);
}

BottleneckSettings BottleneckForm::settings() const {
  BottleneckSettings s = base_;
  s.task = task_->currentText().toStdString();
  s.minLength = minLength_->value();
  s.maxLength = maxLength_->value();
  s.bucketWidth = bucketWidth_->value();
  s.trainSize = trainSize_->value();
  s.testPerBucket = testPerBucket_->value();
  s.dataSeed = uint64_t(dataSeed_->value());
  s.model["cell"] = cell_->currentText().toStdString();
  s.model["embed_dim"] = embed_->value();
  s.model["hidden_dim"] = hidden_->value();
  s.model["bidirectional"] = bidirectional_->isChecked();
  const std::string attention = attention_->currentText().toStdString();
  if (attention != s.model.value("attention", "")) {
    // Each attention with its own score: Bahdanau's additive one, Luong's bilinear one.
    s.model["attention"] = attention;
    s.model["score"] = attention == "luong" ? "general" : "additive";
    if (attention == "luong") s.model.erase("attention_dim");
  }
  s.steps = steps_->value();
  s.batchSize = batch_->value();
  s.lr = lr_->value();
  s.seed = uint64_t(seed_->value());
  s.parallel = parallel_->isChecked();
  return s;
}

}  // namespace attn::ui
