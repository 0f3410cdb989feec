// The training form's model fields are made from the config table (models/config_keys.h): one
// field per key a person sets, with the table's range, choices and default, and what the form
// hands to the job is what readConfig() reads. Keys the chosen attention or score does not use
// are greyed out and left out of the config, never sent to be silently ignored.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>

#include "find_widget.h"
#include "jobs/training_job.h"
#include "models/config_keys.h"
#include "models/config_reader.h"
#include "panels/train_config_form.h"

using attn::test::named;
using namespace attn;
using namespace attn::ui;
using nlohmann::json;

namespace {

QString fieldName(const ConfigKey& key) {
  return QStringLiteral("config_%1_%2")
      .arg(QString::fromLatin1(archName(key.arch)), QString::fromStdString(key.name));
}

TEST(TrainConfigForm, EveryConfigKeyIsAFieldWithTheTablesRangeAndDefault) {
  TrainConfigForm form;
  int fields = 0;
  for (const ConfigKey& key : configKeys()) {
    SCOPED_TRACE(fieldName(key).toStdString());
    if (!key.flag) {  // num_classes: the data's
      EXPECT_TRUE(form.findChildren<QWidget*>(fieldName(key)).isEmpty());
      continue;
    }
    ++fields;
    // The defaults as the parser fills them in for a config that names no key.
    const json expected = readConfig(key.arch, json::object(), 3)[key.name];
    switch (key.type) {
      case ConfigKeyType::Integer: {
        QSpinBox* box = named<QSpinBox>(form, fieldName(key));
        ASSERT_NE(box, nullptr);
        EXPECT_EQ(box->minimum(), int(key.min));
        EXPECT_EQ(box->maximum(), int(key.max));
        EXPECT_EQ(box->value(), expected.get<int>());
        break;
      }
      case ConfigKeyType::Real: {
        QDoubleSpinBox* box = named<QDoubleSpinBox>(form, fieldName(key));
        ASSERT_NE(box, nullptr);
        EXPECT_DOUBLE_EQ(box->minimum(), key.min);
        EXPECT_DOUBLE_EQ(box->maximum(), key.max);
        EXPECT_DOUBLE_EQ(box->value(), expected.get<double>());
        break;
      }
      case ConfigKeyType::Boolean: {
        QCheckBox* box = named<QCheckBox>(form, fieldName(key));
        ASSERT_NE(box, nullptr);
        EXPECT_EQ(box->isChecked(), expected.get<bool>());
        break;
      }
      case ConfigKeyType::Choice: {
        QComboBox* box = named<QComboBox>(form, fieldName(key));
        ASSERT_NE(box, nullptr);
        QStringList items;
        for (int i = 0; i < box->count(); ++i) items << box->itemText(i);
        QStringList choices;
        for (const std::string& c : key.choices) choices << QString::fromStdString(c);
        EXPECT_EQ(items, choices);
        EXPECT_EQ(box->currentText().toStdString(), expected.get<std::string>());
        break;
      }
    }
    EXPECT_TRUE(
        named<QWidget>(form, fieldName(key))->toolTip().contains(QString::fromStdString(key.help)));
  }
  // 9 rnn_seq2seq keys, 6 transformer keys, 7 of the classifier's 8 (num_classes is the data's).
  EXPECT_EQ(fields, 22);
}

TEST(TrainConfigForm, AnUntouchedFormTrainsABahdanauAttentionModel) {
  TrainConfigForm form;
  form.setQuickDefaults(QStringLiteral("copy"), 10);
  ASSERT_EQ(form.archBox()->currentData().toString(), QStringLiteral("rnn_seq2seq"));
  const json config = form.job().modelConfig;
  EXPECT_EQ(config["arch"], "rnn_seq2seq");
  EXPECT_EQ(config["attention"], "bahdanau");
  EXPECT_EQ(config["score"], "additive");
  EXPECT_FALSE(config.contains("input_feeding"));  // Luong's only: greyed out, left out
  // setQuickDefaults makes it small, through the same fields; attention_dim follows hidden_dim.
  EXPECT_EQ(config["hidden_dim"], 16);
  EXPECT_EQ(config["attention_dim"], 16);
  EXPECT_TRUE(form.problem().isEmpty()) << form.problem().toStdString();
}

TEST(TrainConfigForm, KeysTheAttentionDoesNotUseAreGreyedOutAndLeftOut) {
  TrainConfigForm form;
  form.setQuickDefaults(QStringLiteral("copy"), 10);
  auto* attention = named<QComboBox>(form, QStringLiteral("config_rnn_seq2seq_attention"));
  auto* feeding = named<QCheckBox>(form, QStringLiteral("config_rnn_seq2seq_input_feeding"));
  auto* score = named<QComboBox>(form, QStringLiteral("config_rnn_seq2seq_score"));
  auto* size = named<QSpinBox>(form, QStringLiteral("config_rnn_seq2seq_attention_dim"));
  ASSERT_TRUE(attention && feeding && score && size);
  EXPECT_FALSE(feeding->isEnabled());

  attention->setCurrentText(QStringLiteral("luong"));
  EXPECT_TRUE(feeding->isEnabled());
  feeding->setChecked(true);
  score->setCurrentText(QStringLiteral("general"));
  EXPECT_FALSE(size->isEnabled());  // the additive score's size
  json config = form.job().modelConfig;
  EXPECT_EQ(config["input_feeding"], true);
  EXPECT_FALSE(config.contains("attention_dim"));

  attention->setCurrentText(QStringLiteral("none"));
  EXPECT_FALSE(score->isEnabled());
  EXPECT_FALSE(feeding->isEnabled());
  config = form.job().modelConfig;
  EXPECT_EQ(config["attention"], "none");
  EXPECT_FALSE(config.contains("score"));
  EXPECT_FALSE(config.contains("input_feeding"));
}

// As on the command line, a key whose default follows another key follows it until it is set.
TEST(TrainConfigForm, DerivedDefaultsFollowTheirKeyUntilSet) {
  TrainConfigForm form;
  auto* hidden = named<QSpinBox>(form, QStringLiteral("config_rnn_seq2seq_hidden_dim"));
  auto* size = named<QSpinBox>(form, QStringLiteral("config_rnn_seq2seq_attention_dim"));
  auto* attention = named<QComboBox>(form, QStringLiteral("config_rnn_seq2seq_attention"));
  auto* score = named<QComboBox>(form, QStringLiteral("config_rnn_seq2seq_score"));
  auto* model = named<QSpinBox>(form, QStringLiteral("config_transformer_d_model"));
  auto* feedForward = named<QSpinBox>(form, QStringLiteral("config_transformer_dim_feedforward"));
  ASSERT_TRUE(hidden && size && attention && score && model && feedForward);
  hidden->setValue(20);
  EXPECT_EQ(size->value(), 20);
  attention->setCurrentText(QStringLiteral("luong"));
  EXPECT_EQ(score->currentText(), QStringLiteral("general"));  // Luong's default score
  model->setValue(24);
  EXPECT_EQ(feedForward->value(), 96);  // 4 × d_model
  model->setValue(2000);
  EXPECT_EQ(feedForward->value(), 4096);  // at most the key's maximum

  // Set by a person, a key keeps its value.
  attention->setCurrentText(QStringLiteral("bahdanau"));
  EXPECT_EQ(score->currentText(), QStringLiteral("additive"));
  size->setValue(8);
  hidden->setValue(30);
  EXPECT_EQ(size->value(), 8);
  score->setCurrentText(QStringLiteral("dot"));
  attention->setCurrentText(QStringLiteral("luong"));
  EXPECT_EQ(score->currentText(), QStringLiteral("dot"));
}

TEST(TrainConfigForm, AProblemBetweenKeysIsNamedBeforeStarting) {
  TrainConfigForm form;
  form.setQuickDefaults(QStringLiteral("copy"), 10);
  form.archBox()->setCurrentIndex(form.archBox()->findData(QStringLiteral("transformer")));
  named<QSpinBox>(form, QStringLiteral("config_transformer_d_model"))->setValue(10);
  named<QSpinBox>(form, QStringLiteral("config_transformer_nhead"))->setValue(4);
  const QString problem = form.problem();
  EXPECT_TRUE(problem.contains(QStringLiteral("nhead is 4 and must divide d_model (10)")))
      << problem.toStdString();
  named<QSpinBox>(form, QStringLiteral("config_transformer_nhead"))->setValue(5);
  EXPECT_TRUE(form.problem().isEmpty()) << form.problem().toStdString();
}

}  // namespace
