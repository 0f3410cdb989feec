#include "experiment/bottleneck_settings.h"

#include <filesystem>
#include <set>

#include "data/tasks/task.h"
#include "models/config_keys.h"
#include "models/config_reader.h"
#include "models/model.h"
#include "train/schedule.h"
#include "util/atomic_file.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION::experiment {

using nlohmann::json;
using L = BottleneckLimits;

namespace {

const std::set<std::string> kSettingKeys = {
    "format",        "description",  "task",       "min_length",
    "max_length",    "bucket_width", "train_size", "test_per_bucket",
    "alphabet_size", "data_seed",    "model",      "steps",
    "batch_size",    "lr",           "decay",      "seed",
    "parallel"};

// ConfigReader's messages say "config:"; here the file is the experiment's settings.
template <class F>
auto reading(const std::string& where, F&& read) {
  try {
    return read();
  } catch (const Error& e) {
    std::string m = e.what();
    if (m.rfind("config: ", 0) == 0) m = m.substr(8);
    throw Error(where + m);
  }
}

void checkModelConfig(const json& model) {
  if (!model.is_object()) throw Error("bottleneck settings: \"model\" must be a JSON object");
  // The keys are those of the config table (models/config_keys.h), as for any rnn_seq2seq model.
  for (const auto& [key, value] : model.items())
    if (key != "arch" && !findConfigKey(Arch::RnnSeq2Seq, key)) {
      std::string keys;
      for (const ConfigKey* k : configKeys(Arch::RnnSeq2Seq))
        keys += (keys.empty() ? "" : ", ") + k->name;
      throw Error("bottleneck settings: \"model\" has an unknown key \"" + key +
                  "\" (rnn_seq2seq keys: " + keys + ")");
    }
  if (model.contains("arch") && model["arch"] != "rnn_seq2seq")
    throw Error("bottleneck settings: the models are rnn_seq2seq; \"model\" asks for " +
                model["arch"].dump());
  const std::string attention = reading("bottleneck settings: model: ", [&] {
    return ConfigReader(model).choice("attention", "", {"bahdanau", "luong"});
  });
  (void)attention;
  // Building both models with the smallest vocabularies finds every config problem now, not
  // after the data has been generated.
  for (const json& config : bottleneckConfigs(BottleneckSettings{.model = model}))
    reading("bottleneck settings: model: ", [&] {
      createModel(config, data::TokenizerKind::Word, data::Vocabulary(), data::Vocabulary(), {}, 1,
                  int64_t(1) << 26);
      return 0;
    });
}

}  // namespace

void checkBottleneckSettings(const BottleneckSettings& s) {
  const auto task = reading("bottleneck settings: ", [&] { return data::makeTask(s.task); });
  if (task->kind() != data::TaskKind::Seq2Seq)
    throw Error("bottleneck settings: the task must be sequence to sequence; " + s.task +
                " is a classification task");
  if (s.maxLength > L::kMaxLength)
    throw Error("bottleneck settings: the longest source may be at most " +
                std::to_string(L::kMaxLength) + " tokens");
  const auto buckets = reading("bottleneck settings: ", [&] {
    return lengthBuckets(s.minLength, s.maxLength, s.bucketWidth);
  });
  if (static_cast<int64_t>(buckets.size()) > L::kMaxBuckets)
    throw Error("bottleneck settings: " + std::to_string(buckets.size()) +
                " length buckets are too many (at most " + std::to_string(L::kMaxBuckets) +
                "); widen \"bucket_width\"");
  auto within = [](const char* key, int64_t v, int64_t lo, int64_t hi) {
    if (v < lo || v > hi)
      throw Error(std::string("bottleneck settings: \"") + key + "\" is " + std::to_string(v) +
                  ", outside " + std::to_string(lo) + ".." + std::to_string(hi));
  };
  within("train_size", s.trainSize, 1, L::kMaxTrainSize);
  within("test_per_bucket", s.testPerBucket, 1, L::kMaxTestPerBucket);
  within("alphabet_size", s.alphabetSize, 2, 36);
  within("steps", s.steps, 1, L::kMaxSteps);
  within("batch_size", s.batchSize, 1, L::kMaxBatch);
  if (!(s.lr > 0 && s.lr <= 10))
    throw Error("bottleneck settings: \"lr\" must be a number in (0, 10]");
  reading("bottleneck settings: \"decay\": ", [&] { return parseLrDecay(s.decay); });
  checkModelConfig(s.model);
}

BottleneckSettings bottleneckSettingsFromJson(const json& j, const BottleneckSettings& base) {
  if (!j.is_object()) throw Error("bottleneck settings: expected a JSON object");
  for (const auto& [key, value] : j.items())
    if (!kSettingKeys.count(key)) throw Error("bottleneck settings: unknown key \"" + key + "\"");
  if (j.contains("format") && j["format"] != kBottleneckSettingsFormat)
    throw Error("bottleneck settings: \"format\" is " + j["format"].dump() + ", expected \"" +
                kBottleneckSettingsFormat + "\"");
  BottleneckSettings s = base;
  reading("bottleneck settings: ", [&] {
    const ConfigReader r(j);
    constexpr int64_t big = int64_t(1) << 40;
    s.task = r.choice("task", s.task, data::taskNames());
    s.minLength = r.integer("min_length", s.minLength, 1, L::kMaxLength);
    s.maxLength = r.integer("max_length", s.maxLength, 1, L::kMaxLength);
    s.bucketWidth = r.integer("bucket_width", s.bucketWidth, 1, L::kMaxLength);
    s.trainSize = r.integer("train_size", s.trainSize, 1, L::kMaxTrainSize);
    s.testPerBucket = r.integer("test_per_bucket", s.testPerBucket, 1, L::kMaxTestPerBucket);
    s.alphabetSize = r.integer("alphabet_size", s.alphabetSize, 2, 36);
    s.dataSeed =
        static_cast<uint64_t>(r.integer("data_seed", static_cast<int64_t>(s.dataSeed), 0, big));
    s.steps = r.integer("steps", s.steps, 1, L::kMaxSteps);
    s.batchSize = r.integer("batch_size", s.batchSize, 1, L::kMaxBatch);
    s.lr = r.number("lr", s.lr, 1e-9, 10);
    s.decay = r.choice("decay", s.decay, {"none", "linear", "cosine", "inverse_sqrt"});
    s.seed = static_cast<uint64_t>(r.integer("seed", static_cast<int64_t>(s.seed), 0, big));
    s.parallel = r.boolean("parallel", s.parallel);
    if (j.contains("description") && !j["description"].is_string())
      throw Error("\"description\" must be a string");
    return 0;
  });
  if (j.contains("model")) s.model = j["model"];
  checkBottleneckSettings(s);
  return s;
}

json bottleneckSettingsToJson(const BottleneckSettings& s) {
  return json{{"format", kBottleneckSettingsFormat},
              {"task", s.task},
              {"min_length", s.minLength},
              {"max_length", s.maxLength},
              {"bucket_width", s.bucketWidth},
              {"train_size", s.trainSize},
              {"test_per_bucket", s.testPerBucket},
              {"alphabet_size", s.alphabetSize},
              {"data_seed", s.dataSeed},
              {"model", s.model},
              {"steps", s.steps},
              {"batch_size", s.batchSize},
              {"lr", s.lr},
              {"decay", s.decay},
              {"seed", s.seed},
              {"parallel", s.parallel}};
}

BottleneckSettings loadBottleneckSettings(const std::string& path) {
  const std::string text = readWholeFile(path, 1 << 20);
  const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw Error(path + ": not valid JSON");
  try {
    return bottleneckSettingsFromJson(j);
  } catch (const Error& e) {
    throw Error(path + ": " + e.what());
  }
}

std::string findBottleneckSettings(const std::vector<std::string>& folders) {
  for (const std::string& folder : folders) {
    if (folder.empty()) continue;
    const std::filesystem::path file = std::filesystem::path(folder) / "bottleneck.json";
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) return file.string();
  }
  return "";
}

}  // namespace attn::inline ATTN_PRECISION::experiment
