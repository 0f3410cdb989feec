// The bottleneck experiment's files: settings read and checked (the bundled file is the
// defaults), results written as JSON and CSV and read back, and bad files refused with a message
// naming what is wrong.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "errors.h"
#include "experiment/bottleneck_io.h"
#include "experiment/bottleneck_settings.h"
#include "test_paths.h"
#include "util/check.h"

namespace attn::experiment {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kBundled = ATTN_TEST_DATA_DIR "/../../resources/experiments/bottleneck.json";

using test::errorOf;

TEST(BottleneckSettingsFile, TheBundledFileIsTheDefaults) {
  const BottleneckSettings bundled = loadBottleneckSettings(kBundled);
  EXPECT_EQ(bottleneckSettingsToJson(bundled), bottleneckSettingsToJson(BottleneckSettings{}));
  EXPECT_EQ(findBottleneckSettings({"/nonexistent", fs::path(kBundled).parent_path().string()}),
            (fs::path(kBundled).parent_path() / "bottleneck.json").string());
  EXPECT_EQ(findBottleneckSettings({"/nonexistent"}), "");
}

TEST(BottleneckSettingsFile, RoundTripAndKeysLeftOutKeepTheBase) {
  BottleneckSettings s;
  s.task = "copy";
  s.steps = 77;
  s.lr = 0.01;
  s.parallel = false;
  s.model["hidden_dim"] = 32;
  const BottleneckSettings back = bottleneckSettingsFromJson(bottleneckSettingsToJson(s));
  EXPECT_EQ(bottleneckSettingsToJson(back), bottleneckSettingsToJson(s));
  const BottleneckSettings patched = bottleneckSettingsFromJson({{"steps", 5}}, s);
  EXPECT_EQ(patched.steps, 5);
  EXPECT_EQ(patched.task, "copy");
  EXPECT_EQ(patched.model["hidden_dim"], 32);
}

TEST(BottleneckSettingsFile, EachMistakeIsNamed) {
  auto fails = [](const json& j) { return errorOf([&] { bottleneckSettingsFromJson(j); }); };
  EXPECT_NE(fails({{"stepz", 5}}).find("unknown key \"stepz\""), std::string::npos);
  EXPECT_NE(fails({{"steps", 0}}).find("\"steps\""), std::string::npos);
  EXPECT_NE(fails({{"steps", "many"}}).find("\"steps\" must be a whole number"), std::string::npos);
  EXPECT_NE(fails({{"task", "sentiment"}}).find("classification"), std::string::npos);
  EXPECT_NE(fails({{"task", "chess"}}).find("\"task\""), std::string::npos);
  EXPECT_NE(fails({{"min_length", 30}, {"max_length", 10}}).find("shorter than the shortest"),
            std::string::npos);
  EXPECT_NE(fails({{"min_length", 1}, {"max_length", 100}, {"bucket_width", 1}}).find("too many"),
            std::string::npos);
  EXPECT_NE(fails({{"lr", -1}}).find("\"lr\""), std::string::npos);
  EXPECT_NE(fails({{"format", "other/1"}}).find("\"format\""), std::string::npos);
  json model = BottleneckSettings{}.model;
  model["attention"] = "none";
  EXPECT_NE(fails({{"model", model}}).find("\"attention\""), std::string::npos);
  model = BottleneckSettings{}.model;
  model["hiden_dim"] = 3;
  EXPECT_NE(fails({{"model", model}}).find("unknown key \"hiden_dim\""), std::string::npos);
  model = BottleneckSettings{}.model;
  model["cell"] = "tcn";
  EXPECT_NE(fails({{"model", model}}).find("\"cell\""), std::string::npos);
  model["arch"] = "transformer";
  EXPECT_NE(fails({{"model", model}}).find("rnn_seq2seq"), std::string::npos);
  EXPECT_NE(fails(json::array()).find("JSON object"), std::string::npos);
}

class BottleneckFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("attn_bottleneck_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // A result as a run fills it, with numbers chosen so that each one can be found in the files.
  static BottleneckResult sample() {
    BottleneckResult r;
    r.settings.task = "reverse";
    r.buckets = {{5, 9}, {10, 14}};
    r.trainExamples = 1000;
    r.testExamples = 20;
    r.seconds = 12.5;
    const double em[2][2] = {{0.9, 0.25}, {1.0, 0.95}};
    const double bleu[2][2] = {{0.97, 0.5}, {1.0, 0.99}};
    for (int m = 0; m < 2; ++m) {
      BottleneckModelResult& model = r.models[static_cast<size_t>(m)];
      model.label = m == kWithoutAttention ? "no attention" : "attention (bahdanau)";
      model.config = bottleneckConfigs(r.settings)[static_cast<size_t>(m)];
      model.parameters = 1000 + m;
      model.trainSeconds = 5 + m;
      model.finalLoss = 0.5;
      for (int b = 0; b < 2; ++b)
        model.buckets.push_back({r.buckets[static_cast<size_t>(b)], 10, em[m][b], bleu[m][b]});
      model.exactMatch = (em[m][0] + em[m][1]) / 2;
      model.bleu = 0.8;
    }
    return r;
  }

  fs::path dir_;
};

TEST_F(BottleneckFiles, JsonRoundTripKeepsEveryNumber) {
  const BottleneckResult r = sample();
  saveBottleneckJson(path("r.json"), r, {{"tool", "test"}});
  const BottleneckResult back = loadBottleneckResult(path("r.json"));
  EXPECT_EQ(bottleneckResultToJson(back), bottleneckResultToJson(r));
  std::ifstream in(path("r.json"));
  EXPECT_EQ(json::parse(in)["tool"], "test");
}

TEST_F(BottleneckFiles, CsvHasOneLinePerBucket) {
  saveBottleneckCsv(path("r.csv"), sample());
  std::ifstream in(path("r.csv"));
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(),
            "length_min,length_max,examples,no_attention_exact_match,no_attention_bleu,"
            "attention_exact_match,attention_bleu\n"
            "5,9,10,0.900000,0.970000,1.000000,1.000000\n"
            "10,14,10,0.250000,0.500000,0.950000,0.990000\n");
}

TEST_F(BottleneckFiles, AFailedWriteLeavesTheOldFile) {
  std::ofstream(path("keep.json")) << "old";
  EXPECT_THROW(saveBottleneckJson(path("missing/r.json"), sample()), Error);
  EXPECT_FALSE(fs::exists(path("missing")));
  // A result whose models lack their buckets cannot be written as CSV; the old file stays.
  BottleneckResult broken = sample();
  broken.models[kWithAttention].buckets.pop_back();
  EXPECT_THROW(saveBottleneckCsv(path("keep.json"), broken), InternalError);
  std::ifstream in(path("keep.json"));
  std::string old;
  in >> old;
  EXPECT_EQ(old, "old");
}

TEST_F(BottleneckFiles, BadResultFilesAreRefusedWithTheField) {
  const json good = bottleneckResultToJson(sample());
  auto fails = [](const json& j) { return errorOf([&] { bottleneckResultFromJson(j); }); };
  EXPECT_EQ(fails(good), "");
  json j = good;
  j.erase("models");
  EXPECT_NE(fails(j).find("\"models\" is missing"), std::string::npos);
  j = good;
  j["models"]["attention"]["buckets"][1]["exact_match"] = 1.5;
  EXPECT_NE(fails(j).find("attention, bucket 2: \"exact_match\""), std::string::npos);
  j = good;
  j["models"]["no_attention"]["buckets"][0]["length_max"] = 8;
  EXPECT_NE(fails(j).find("differ"), std::string::npos);
  j = good;
  j["models"]["attention"]["buckets"].erase(1);
  EXPECT_NE(fails(j).find("2 length buckets"), std::string::npos);
  j = good;
  j["buckets"] = {{3}};
  EXPECT_NE(fails(j).find("[min, max]"), std::string::npos);
  j = good;
  j["format"] = "something else";
  EXPECT_NE(fails(j).find("\"format\""), std::string::npos);
  std::ofstream(path("bad.json")) << "{ not json";
  EXPECT_NE(errorOf([&] { loadBottleneckResult(path("bad.json")); }).find("bad.json"),
            std::string::npos);
}

}  // namespace
}  // namespace attn::experiment
