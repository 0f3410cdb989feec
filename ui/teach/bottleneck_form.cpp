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
  mTask = combo(group, {QStringLiteral("reverse"), QStringLiteral("copy"), QStringLiteral("sort"),
                        QStringLiteral("dates"), QStringLiteral("toy-fr")});
  mTask->setToolTip(tr("The built-in task both models learn"));
  mMinLength = spin(group, 1, maxLength, tr("The shortest source, in the task's tokens"));
  mMaxLength = spin(group, 1, maxLength, tr("The longest source, in the task's tokens"));
  mBucketWidth =
      spin(group, 1, maxLength, tr("How many source lengths make one point of the plot"));
  mTrainSize = spin(group, 1, int(BottleneckLimits::kMaxTrainSize), tr("Training sentences"));
  mTestPerBucket = spin(group, 1, int(BottleneckLimits::kMaxTestPerBucket),
                        tr("Test sentences of each length bucket"));
  mDataSeed = spin(group, 0, 1 << 30, tr("The seed of the sentences"));
  form->addRow(tr("Task"), mTask);
  form->addRow(tr("Shortest source"), mMinLength);
  form->addRow(tr("Longest source"), mMaxLength);
  form->addRow(tr("Lengths per point"), mBucketWidth);
  form->addRow(tr("Training sentences"), mTrainSize);
  form->addRow(tr("Test sentences per point"), mTestPerBucket);
  form->addRow(tr("Data seed"), mDataSeed);
  return group;
}

QWidget* BottleneckForm::modelGroup() {
  auto* group = new QGroupBox(tr("Models (identical but for attention)"), this);
  auto* form = new QFormLayout(group);
  mCell = combo(group, {QStringLiteral("gru"), QStringLiteral("lstm"), QStringLiteral("rnn")});
  mEmbed = spin(group, 1, 1024, tr("E, the embedding size"));
  mHidden = spin(group, 1, 1024,
                 tr("H, the size of the recurrent state: all that the model "
                    "without attention keeps of the source"));
  mBidirectional = new QCheckBox(tr("Bidirectional encoder"), group);
  mAttention = combo(group, {QStringLiteral("bahdanau"), QStringLiteral("luong")});
  mAttention->setToolTip(tr("The attention of the second model; the first has none"));
  form->addRow(tr("Cell"), mCell);
  form->addRow(tr("Embedding size"), mEmbed);
  form->addRow(tr("Hidden size"), mHidden);
  form->addRow(QString(), mBidirectional);
  form->addRow(tr("Attention"), mAttention);
  return group;
}

QWidget* BottleneckForm::trainingGroup() {
  auto* group = new QGroupBox(tr("Training (the same for both)"), this);
  auto* form = new QFormLayout(group);
  mSteps = spin(group, 1, 10'000'000, tr("Optimizer steps of each model"));
  mBatch = spin(group, 1, int(BottleneckLimits::kMaxBatch), tr("Sentences per step"));
  mLr = new QDoubleSpinBox(group);
  mLr->setDecimals(5);
  mLr->setRange(0.00001, 1.0);
  mLr->setSingleStep(0.001);
  mLr->setToolTip(tr("Adam's learning rate, decayed as the settings say"));
  mSeed = spin(group, 0, 1 << 30, tr("The seed of the weights and the batch order"));
  mParallel = new QCheckBox(tr("Train both at once (two threads)"), group);
  form->addRow(tr("Steps"), mSteps);
  form->addRow(tr("Batch size"), mBatch);
  form->addRow(tr("Learning rate"), mLr);
  form->addRow(tr("Seed"), mSeed);
  form->addRow(QString(), mParallel);
  return group;
}

void BottleneckForm::setSettings(const BottleneckSettings& s) {
  mBase = s;
  choose(mTask, s.task);
  mMinLength->setValue(int(s.minLength));
  mMaxLength->setValue(int(s.maxLength));
  mBucketWidth->setValue(int(s.bucketWidth));
  mTrainSize->setValue(int(s.trainSize));
  mTestPerBucket->setValue(int(s.testPerBucket));
  mDataSeed->setValue(int(std::min<uint64_t>(s.dataSeed, 1 << 30)));
  choose(mCell, s.model.value("cell", "gru"));
  mEmbed->setValue(s.model.value("embed_dim", 32));
  mHidden->setValue(s.model.value("hidden_dim", 64));
  mBidirectional->setChecked(s.model.value("bidirectional", false));
  choose(mAttention, s.model.value("attention", "bahdanau"));
  mSteps->setValue(int(s.steps));
  mBatch->setValue(int(s.batchSize));
  mLr->setValue(s.lr);
  mSeed->setValue(int(std::min<uint64_t>(s.seed, 1 << 30)));
  mParallel->setChecked(s.parallel);
}

BottleneckSettings BottleneckForm::settings() const {
  BottleneckSettings s = mBase;
  s.task = mTask->currentText().toStdString();
  s.minLength = mMinLength->value();
  s.maxLength = mMaxLength->value();
  s.bucketWidth = mBucketWidth->value();
  s.trainSize = mTrainSize->value();
  s.testPerBucket = mTestPerBucket->value();
  s.dataSeed = uint64_t(mDataSeed->value());
  s.model["cell"] = mCell->currentText().toStdString();
  s.model["embed_dim"] = mEmbed->value();
  s.model["hidden_dim"] = mHidden->value();
  s.model["bidirectional"] = mBidirectional->isChecked();
  const std::string attention = mAttention->currentText().toStdString();
  if (attention != s.model.value("attention", "")) {
    // Each attention with its own score: Bahdanau's additive one, Luong's bilinear one.
    s.model["attention"] = attention;
    s.model["score"] = attention == "luong" ? "general" : "additive";
    if (attention == "luong") s.model.erase("attention_dim");
  }
  s.steps = mSteps->value();
  s.batchSize = mBatch->value();
  s.lr = mLr->value();
  s.seed = uint64_t(mSeed->value());
  s.parallel = mParallel->isChecked();
  return s;
}

}  // namespace attn::ui
