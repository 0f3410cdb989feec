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

constexpr int kMaxDim = int(ConfigLimits::kMaxDim);

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

QWidget* TrainConfigForm::buildRnnPage() {
  auto* page = new QWidget(this);
  auto* f = form(page);
  mRnnCell = choice(page, {QStringLiteral("rnn"), QStringLiteral("gru"), QStringLiteral("lstm")},
                    QStringLiteral("gru"), tr("The recurrent cell of encoder and decoder"));
  mRnnEmbed = spin(page, 1, kMaxDim, 32, tr("Size of each token's embedding (E)"));
  mRnnHidden = spin(page, 1, kMaxDim, 64, tr("Size of the RNN state (H)"));
  mRnnLayers = spin(page, 1, int(ConfigLimits::kMaxLayers), 1, tr("Stacked RNN layers (L)"));
  mRnnBidirectional = new QCheckBox(page);
  mRnnBidirectional->setChecked(true);
  mRnnBidirectional->setToolTip(tr("Read the source both ways, as Bahdanau et al. did"));
  mRnnAttention =
      choice(page, {QStringLiteral("none"), QStringLiteral("bahdanau"), QStringLiteral("luong")},
             QStringLiteral("bahdanau"),
             tr("none: the bottleneck; bahdanau: query s(i−1); luong: query s(i)"));
  mRnnScore = choice(
      page, {QStringLiteral("additive"), QStringLiteral("general"), QStringLiteral("dot")},
      QStringLiteral("additive"), tr("additive: vᵀtanh(Wq q + Wk h); general: qᵀWh; dot: qᵀh"));
  mRnnAttentionDim =
      spin(page, 1, kMaxDim, 64, tr("Size of the additive score's hidden layer (A)"));
  mRnnInputFeeding = new QCheckBox(page);
  mRnnInputFeeding->setToolTip(tr("Luong: feed the previous attentional state into the RNN"));
  f->addRow(QStringLiteral("cell"), mRnnCell);
  f->addRow(QStringLiteral("embed_dim"), mRnnEmbed);
  f->addRow(QStringLiteral("hidden_dim"), mRnnHidden);
  f->addRow(QStringLiteral("num_layers"), mRnnLayers);
  f->addRow(QStringLiteral("bidirectional"), mRnnBidirectional);
  f->addRow(QStringLiteral("attention"), mRnnAttention);
  f->addRow(QStringLiteral("score"), mRnnScore);
  f->addRow(QStringLiteral("attention_dim"), mRnnAttentionDim);
  f->addRow(QStringLiteral("input_feeding"), mRnnInputFeeding);
  for (QComboBox* box : {mRnnAttention, mRnnScore})
    connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &TrainConfigForm::refreshEnabled);
  return page;
}

QWidget* TrainConfigForm::buildTransformerPage() {
  auto* page = new QWidget(this);
  auto* f = form(page);
  mTfModel =
      spin(page, 2, kMaxDim, 64, tr("Width of every token's vector (d); a multiple of the heads"));
  mTfHeads = spin(page, 1, int(ConfigLimits::kMaxHeads), 4, tr("Attention heads per layer"));
  mTfEncoderLayers = spin(page, 1, int(ConfigLimits::kMaxLayers), 2);
  mTfDecoderLayers = spin(page, 1, int(ConfigLimits::kMaxLayers), 2);
  mTfFeedForward =
      spin(page, 1, kMaxDim, 128, tr("Hidden size of each layer's feed-forward block"));
  mTfNormFirst = new QCheckBox(page);
  mTfNormFirst->setToolTip(tr("Layer norm before each block (pre-norm) rather than after"));
  f->addRow(QStringLiteral("d_model"), mTfModel);
  f->addRow(QStringLiteral("nhead"), mTfHeads);
  f->addRow(QStringLiteral("num_encoder_layers"), mTfEncoderLayers);
  f->addRow(QStringLiteral("num_decoder_layers"), mTfDecoderLayers);
  f->addRow(QStringLiteral("dim_feedforward"), mTfFeedForward);
  f->addRow(QStringLiteral("norm_first"), mTfNormFirst);
  return page;
}

QWidget* TrainConfigForm::buildClassifierPage() {
  auto* page = new QWidget(this);
  auto* f = form(page);
  mSsaCell = choice(page, {QStringLiteral("lstm"), QStringLiteral("gru")}, QStringLiteral("lstm"));
  mSsaEmbed = spin(page, 1, kMaxDim, 32);
  mSsaHidden = spin(page, 1, kMaxDim, 32, tr("Per direction; the encoder is bidirectional"));
  mSsaAttentionDim = spin(page, 1, kMaxDim, 32, tr("d_a, the hidden size of the hop scorer"));
  mSsaHops = spin(page, 1, int(ConfigLimits::kMaxHops), 4, tr("r, how many attention hops"));
  mSsaMlp = spin(page, 1, kMaxDim, 64, tr("Hidden size of the classifier on top"));
  mSsaPenalty = dspin(page, 0, 100, 1.0, 3, 0.1, tr("Weight of ‖AAᵀ − I‖² in the loss"));
  f->addRow(QStringLiteral("cell"), mSsaCell);
  f->addRow(QStringLiteral("embed_dim"), mSsaEmbed);
  f->addRow(QStringLiteral("hidden_dim"), mSsaHidden);
  f->addRow(QStringLiteral("attention_dim"), mSsaAttentionDim);
  f->addRow(QStringLiteral("hops"), mSsaHops);
  f->addRow(QStringLiteral("mlp_dim"), mSsaMlp);
  f->addRow(QStringLiteral("penalty"), mSsaPenalty);
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
  mArchPages->addWidget(buildRnnPage());
  mArchPages->addWidget(buildTransformerPage());
  mArchPages->addWidget(buildClassifierPage());
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
  if (!mRnnAttention) return;
  const QString attention = mRnnAttention->currentText();
  mRnnScore->setEnabled(attention != QLatin1String("none"));
  mRnnAttentionDim->setEnabled(attention != QLatin1String("none") &&
                               mRnnScore->currentText() == QLatin1String("additive"));
  mRnnInputFeeding->setEnabled(attention == QLatin1String("luong"));
}

nlohmann::json TrainConfigForm::modelConfig() const {
  const std::string arch = mArch->currentData().toString().toStdString();
  nlohmann::json c = {{"arch", arch}};
  if (arch == "rnn_seq2seq") {
    c["cell"] = mRnnCell->currentText().toStdString();
    c["embed_dim"] = mRnnEmbed->value();
    c["hidden_dim"] = mRnnHidden->value();
    c["num_layers"] = mRnnLayers->value();
    c["bidirectional"] = mRnnBidirectional->isChecked();
    c["attention"] = mRnnAttention->currentText().toStdString();
    if (mRnnScore->isEnabled()) c["score"] = mRnnScore->currentText().toStdString();
    if (mRnnAttentionDim->isEnabled()) c["attention_dim"] = mRnnAttentionDim->value();
    if (mRnnInputFeeding->isEnabled()) c["input_feeding"] = mRnnInputFeeding->isChecked();
  } else if (arch == "transformer") {
    c["d_model"] = mTfModel->value();
    c["nhead"] = mTfHeads->value();
    c["num_encoder_layers"] = mTfEncoderLayers->value();
    c["num_decoder_layers"] = mTfDecoderLayers->value();
    c["dim_feedforward"] = mTfFeedForward->value();
    c["norm_first"] = mTfNormFirst->isChecked();
  } else {
    c["cell"] = mSsaCell->currentText().toStdString();
    c["embed_dim"] = mSsaEmbed->value();
    c["hidden_dim"] = mSsaHidden->value();
    c["attention_dim"] = mSsaAttentionDim->value();
    c["hops"] = mSsaHops->value();
    c["mlp_dim"] = mSsaMlp->value();
    c["penalty"] = mSsaPenalty->value();
  }
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
  if (mArch->currentData().toString() == QLatin1String("transformer") &&
      mTfModel->value() % mTfHeads->value() != 0)
    return tr("d_model (%1) must be a multiple of nhead (%2).")
        .arg(mTfModel->value())
        .arg(mTfHeads->value());
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
  mRnnEmbed->setValue(8);
  mRnnHidden->setValue(16);
  mRnnAttentionDim->setValue(16);
}

}  // namespace attn::ui
