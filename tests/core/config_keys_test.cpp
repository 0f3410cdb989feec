// The one table of model config keys: every key survives JSON → struct → JSON, absent keys get
// the table's defaults, each range is enforced at both ends, all problems of a config come in one
// ConfigError, and docs/file-formats.md holds exactly the table's Markdown.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "models/config_keys.h"
#include "models/config_reader.h"
#include "models/rnn_seq2seq.h"
#include "models/structured_self_attention.h"
#include "models/transformer_model.h"
#include "test_paths.h"

namespace attn {
namespace {

using nlohmann::json;

// The struct's JSON for `config`, through the architecture's own parser and writer.
json roundTrip(Arch arch, const json& config) {
  switch (arch) {
    case Arch::RnnSeq2Seq:
      return RnnSeq2SeqConfig::fromJson(config, 10, 10).toJson();
    case Arch::Transformer:
      return TransformerModelConfig::fromJson(config, 10, 10).toJson();
    case Arch::StructuredSelfAttention:
      return StructuredSelfAttentionConfig::fromJson(config, 10, 3).toJson();
  }
  return {};
}

// A value of `key` other than its default, inside its range.
json otherValue(const ConfigKey& key, const json& current) {
  switch (key.type) {
    case ConfigKeyType::Integer:
      return current.get<int64_t>() == 4 ? 8 : 4;
    case ConfigKeyType::Real:
      return current.get<double>() == 0.25 ? 0.5 : 0.25;
    case ConfigKeyType::Boolean:
      return !current.get<bool>();
    case ConfigKeyType::Choice:
      for (const std::string& c : key.choices)
        if (c != current.get<std::string>()) return c;
  }
  return current;
}

// A config where `key` shapes the model (for rnn_seq2seq: the attention and score it needs).
json configWhereApplies(const ConfigKey& key) {
  json c = {{"arch", archName(key.arch)}};
  if (key.scope == KeyScope::Luong) c["attention"] = "luong";
  if (key.scope == KeyScope::AdditiveScore) c["score"] = "additive";
  if (key.arch == Arch::StructuredSelfAttention) c["num_classes"] = 3;
  return c;
}

TEST(ConfigKeys, EveryKeyRoundTripsThroughItsStruct) {
  for (const ConfigKey& key : configKeys()) {
    SCOPED_TRACE(std::string(archName(key.arch)) + "." + key.name);
    if (key.name == "num_classes") continue;  // fixed by the class names: checked below
    json config = configWhereApplies(key);
    const json defaults = roundTrip(key.arch, config);
    ASSERT_TRUE(defaults.contains(key.name));
    json changed = otherValue(key, defaults[key.name]);
    if (key.name == "nhead") changed = 8;                              // must divide d_model (64)
    if (key.name == "score" && changed == "dot") changed = "general";  // dot needs one way
    config[key.name] = changed;
    const json out = roundTrip(key.arch, config);
    EXPECT_EQ(out[key.name], changed);
    EXPECT_EQ(roundTrip(key.arch, out), out);  // and the written JSON reads back the same
  }
  EXPECT_EQ(roundTrip(Arch::StructuredSelfAttention, {{"num_classes", 3}})["num_classes"], 3);
}

TEST(ConfigKeys, AbsentKeysTakeTheTablesDefaults) {
  const RnnSeq2SeqConfig rnn = RnnSeq2SeqConfig::fromJson({{"arch", "rnn_seq2seq"}}, 10, 10);
  EXPECT_EQ(rnn.attention, AttentionKind::Bahdanau);  // a working attention model, not none
  EXPECT_EQ(rnn.score, ScoreKind::Additive);
  EXPECT_EQ(rnn.cell, RnnCell::Gru);
  EXPECT_TRUE(rnn.bidirectional);
  EXPECT_EQ(rnn.embedDim, 32);
  EXPECT_EQ(rnn.hiddenDim, 64);
  EXPECT_EQ(rnn.numLayers, 1);
  EXPECT_EQ(rnn.attentionDim, 64);  // follows hidden_dim
  const RnnSeq2SeqConfig luong =
      RnnSeq2SeqConfig::fromJson({{"attention", "luong"}, {"hidden_dim", 20}}, 10, 10);
  EXPECT_EQ(luong.score, ScoreKind::General);
  EXPECT_EQ(luong.attentionDim, 20);

  const TransformerModelConfig tf = TransformerModelConfig::fromJson({{"d_model", 32}}, 10, 10);
  EXPECT_EQ(tf.nhead, 4);
  EXPECT_EQ(tf.numEncoderLayers, 2);
  EXPECT_EQ(tf.numDecoderLayers, 2);
  EXPECT_EQ(tf.dimFeedforward, 128);  // 4 · d_model
  EXPECT_FALSE(tf.normFirst);

  const StructuredSelfAttentionConfig ssa =
      StructuredSelfAttentionConfig::fromJson(json::object(), 10, 3);
  EXPECT_EQ(ssa.cell, RnnCell::Lstm);
  EXPECT_EQ(ssa.hops, 4);
  EXPECT_EQ(ssa.numClasses, 3);  // from the class names
  EXPECT_DOUBLE_EQ(ssa.penalty, 1.0);
}

// A struct built in code (tests, the explainers) starts from the same values as a config that
// names no key: the member defaults and the table cannot drift apart.
TEST(ConfigKeys, StructDefaultsAreTheTables) {
  RnnSeq2SeqConfig rnn;
  rnn.srcVocab = rnn.tgtVocab = 10;
  EXPECT_EQ(rnn.toJson(), roundTrip(Arch::RnnSeq2Seq, json::object()));
  TransformerModelConfig tf;
  tf.srcVocab = tf.tgtVocab = 10;
  EXPECT_EQ(tf.toJson(), roundTrip(Arch::Transformer, json::object()));
  StructuredSelfAttentionConfig ssa;
  ssa.srcVocab = 10;
  ssa.numClasses = 3;
  EXPECT_EQ(ssa.toJson(), roundTrip(Arch::StructuredSelfAttention, json::object()));
}

// The first problem readConfig reports for `config`, or "" when it accepts it.
std::string problemOf(Arch arch, const json& config) {
  try {
    readConfig(arch, config, 3);
  } catch (const ConfigError& e) {
    return e.problems().at(0).key + " " + e.problems().at(0).problem;
  }
  return "";
}

TEST(ConfigKeys, EveryRangeIsEnforcedAtBothEnds) {
  for (const ConfigKey& key : configKeys()) {
    SCOPED_TRACE(std::string(archName(key.arch)) + "." + key.name);
    if (key.type != ConfigKeyType::Integer && key.type != ConfigKeyType::Real) continue;
    if (key.name == "num_classes" || key.name == "d_model" || key.name == "nhead") continue;
    EXPECT_EQ(problemOf(key.arch, {{key.name, key.min}}), "");
    EXPECT_EQ(problemOf(key.arch, {{key.name, key.max}}), "");
    const double step = key.type == ConfigKeyType::Integer ? 1 : key.max * 1e-3;
    EXPECT_NE(problemOf(key.arch, {{key.name, key.min - step}}).find("outside"), std::string::npos);
    EXPECT_NE(problemOf(key.arch, {{key.name, key.max + step}}).find("outside"), std::string::npos);
  }
  EXPECT_EQ(problemOf(Arch::RnnSeq2Seq, {{"hidden_dim", 4096}}), "");
  EXPECT_EQ(problemOf(Arch::RnnSeq2Seq, {{"hidden_dim", 4097}}),
            "hidden_dim is 4097, outside 1..4096");
  EXPECT_EQ(problemOf(Arch::RnnSeq2Seq, {{"num_layers", 0}}), "num_layers is 0, outside 1..16");
  EXPECT_EQ(problemOf(Arch::Transformer, {{"d_model", 64}, {"nhead", 64}}), "");
  EXPECT_EQ(problemOf(Arch::Transformer, {{"d_model", 64}, {"nhead", 65}}),
            "nhead is 65, outside 1..64");
  EXPECT_EQ(problemOf(Arch::StructuredSelfAttention, {{"penalty", -0.5}}),
            "penalty is -0.5, outside 0..1000000");
}

TEST(ConfigKeys, OneErrorListsEveryBadKey) {
  const json config = {{"hidden_dim", 0},        {"num_layers", "two"}, {"cell", "tree"},
                       {"bidirectional", "yes"}, {"embed_dim", 2.5},    {"attention", "luong"}};
  try {
    readConfig(Arch::RnnSeq2Seq, config);
    FAIL() << "accepted";
  } catch (const ConfigError& e) {
    std::vector<std::string> keys;
    for (const ConfigProblem& p : e.problems()) keys.push_back(p.key);
    // In the table's order, each named once.
    EXPECT_EQ(keys, (std::vector<std::string>{"cell", "embed_dim", "hidden_dim", "num_layers",
                                              "bidirectional"}));
    EXPECT_EQ(std::string(e.what()),
              "config: \"cell\" is \"tree\"; expected one of rnn, gru, lstm; \"embed_dim\" must "
              "be a whole number; \"hidden_dim\" is 0, outside 1..4096; \"num_layers\" must be a "
              "whole number; \"bidirectional\" must be true or false");
  }
  // Problems between keys join the list.
  try {
    readConfig(Arch::Transformer, {{"d_model", 10}, {"nhead", 4}, {"norm_first", 1}});
    FAIL() << "accepted";
  } catch (const ConfigError& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].key, "norm_first");
    EXPECT_EQ(e.problems()[1].key, "nhead");
  }
}

TEST(ConfigKeys, KeysOfOtherSetupsInAFileAreAccepted) {
  // PyTorch-side configs list every key: input feeding and a score with no attention.
  const json values = readConfig(
      Arch::RnnSeq2Seq,
      {{"attention", "none"}, {"score", "general"}, {"input_feeding", true}, {"d_model", 3}});
  EXPECT_FALSE(values.contains("d_model"));
  const ConfigKey& feeding = *findConfigKey(Arch::RnnSeq2Seq, "input_feeding");
  EXPECT_FALSE(keyApplies(feeding, values));
  EXPECT_TRUE(keyApplies(feeding, {{"attention", "luong"}}));
  const ConfigKey& size = *findConfigKey(Arch::RnnSeq2Seq, "attention_dim");
  EXPECT_TRUE(keyApplies(size, {{"attention", "bahdanau"}, {"score", "additive"}}));
  EXPECT_FALSE(keyApplies(size, {{"attention", "bahdanau"}, {"score", "general"}}));
  EXPECT_EQ(findConfigKey(Arch::Transformer, "hidden_dim"), nullptr);
}

// The text between the config-keys markers of docs/file-formats.md.
std::string documentedTable() {
  std::ifstream in(std::string(ATTN_TEST_DATA_DIR) + "/../../docs/file-formats.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const std::string begin = "<!-- BEGIN config-keys -->\n", end = "<!-- END config-keys -->";
  const size_t from = doc.find(begin), to = doc.find(end);
  if (from == std::string::npos || to == std::string::npos || to < from) return "(no markers)";
  return doc.substr(from + begin.size(), to - from - begin.size());
}

TEST(ConfigKeys, TheDocsHoldTheTablesMarkdown) {
  EXPECT_EQ(documentedTable(), configKeysMarkdown())
      << "docs/file-formats.md is out of date: replace the text between its config-keys "
         "markers with the output of `attention-cli architectures --markdown`";
}

TEST(ConfigKeys, MarkdownListsEveryKeyWithItsDefaultAndRange) {
  const std::string md = configKeysMarkdown();
  for (const ConfigKey& key : configKeys())
    EXPECT_NE(md.find("| `" + key.name + "` |"), std::string::npos) << key.name;
  EXPECT_NE(md.find("| `hidden_dim` | integer | 64 | 1..4096 | always |"), std::string::npos);
  EXPECT_NE(md.find("| `attention_dim` | integer | hidden_dim | 1..4096 | attention bahdanau or "
                    "luong, score additive |"),
            std::string::npos);
  EXPECT_NE(md.find("| `dim_feedforward` | integer | 4 × d_model | 1..4096 |"), std::string::npos);
}

}  // namespace
}  // namespace attn
