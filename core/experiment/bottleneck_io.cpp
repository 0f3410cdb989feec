#include "experiment/bottleneck_io.h"

#include <cmath>
#include <cstdio>

#include "experiment/bottleneck_settings.h"
#include "util/atomic_file.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION::experiment {

using nlohmann::json;

namespace {

json modelToJson(const BottleneckModelResult& m) {
  json buckets = json::array();
  for (const BucketScore& b : m.buckets)
    buckets.push_back({{"length_min", b.bucket.lo},
                       {"length_max", b.bucket.hi},
                       {"examples", b.examples},
                       {"exact_match", b.exactMatch},
                       {"bleu", b.bleu}});
  return {{"label", m.label},
          {"config", m.config},
          {"parameters", m.parameters},
          {"train_seconds", m.trainSeconds},
          {"eval_seconds", m.evalSeconds},
          {"final_loss", m.finalLoss},
          {"exact_match", m.exactMatch},
          {"bleu", m.bleu},
          {"buckets", buckets}};
}

const json& field(const json& j, const std::string& key, const std::string& where) {
  if (!j.is_object() || !j.contains(key)) throw Error(where + ": \"" + key + "\" is missing");
  return j[key];
}

double number(const json& j, const std::string& key, const std::string& where, double lo,
              double hi) {
  const json& v = field(j, key, where);
  if (!v.is_number() || !(v.get<double>() >= lo && v.get<double>() <= hi))
    throw Error(where + ": \"" + key + "\" must be a number in [" + std::to_string(lo) + ", " +
                std::to_string(hi) + "]");
  return v.get<double>();
}

int64_t whole(const json& j, const std::string& key, const std::string& where) {
  const json& v = field(j, key, where);
  if (!v.is_number_integer() || v.get<int64_t>() < 0)
    throw Error(where + ": \"" + key + "\" must be a whole number, 0 or more");
  return v.get<int64_t>();
}

BottleneckModelResult modelFromJson(const json& j, const std::string& where,
                                    const std::vector<LengthBucket>& buckets) {
  BottleneckModelResult m;
  const json& label = field(j, "label", where);
  if (!label.is_string()) throw Error(where + ": \"label\" must be a string");
  m.label = label.get<std::string>();
  m.config = field(j, "config", where);
  m.parameters = whole(j, "parameters", where);
  m.trainSeconds = number(j, "train_seconds", where, 0, 1e9);
  m.evalSeconds = number(j, "eval_seconds", where, 0, 1e9);
  m.finalLoss = number(j, "final_loss", where, 0, 1e9);
  m.exactMatch = number(j, "exact_match", where, 0, 1);
  m.bleu = number(j, "bleu", where, 0, 1);
  const json& list = field(j, "buckets", where);
  if (!list.is_array() || list.size() != buckets.size())
    throw Error(where + ": \"buckets\" must list the " + std::to_string(buckets.size()) +
                " length buckets");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string at = where + ", bucket " + std::to_string(i + 1);
    BucketScore b;
    b.bucket = {whole(list[i], "length_min", at), whole(list[i], "length_max", at)};
    if (b.bucket != buckets[i]) throw Error(at + ": its lengths differ from \"buckets\"");
    b.examples = whole(list[i], "examples", at);
    b.exactMatch = number(list[i], "exact_match", at, 0, 1);
    b.bleu = number(list[i], "bleu", at, 0, 1);
    m.buckets.push_back(b);
  }
  return m;
}

}  // namespace

json bottleneckResultToJson(const BottleneckResult& r, const json& extra) {
  json buckets = json::array();
  for (const LengthBucket& b : r.buckets) buckets.push_back({b.lo, b.hi});
  json j = {{"format", kBottleneckResultFormat},
            {"settings", bottleneckSettingsToJson(r.settings)},
            {"buckets", buckets},
            {"train_examples", r.trainExamples},
            {"test_examples", r.testExamples},
            {"seconds", r.seconds},
            {"models",
             {{"no_attention", modelToJson(r.models[kWithoutAttention])},
              {"attention", modelToJson(r.models[kWithAttention])}}}};
  if (extra.is_object())
    for (const auto& [key, value] : extra.items()) j[key] = value;
  return j;
}

BottleneckResult bottleneckResultFromJson(const json& j) {
  const std::string where = "bottleneck result";
  if (!j.is_object()) throw Error(where + ": expected a JSON object");
  if (field(j, "format", where) != kBottleneckResultFormat)
    throw Error(where + ": \"format\" must be \"" + std::string(kBottleneckResultFormat) + "\"");
  BottleneckResult r;
  r.settings = bottleneckSettingsFromJson(field(j, "settings", where));
  const json& buckets = field(j, "buckets", where);
  if (!buckets.is_array() || buckets.empty())
    throw Error(where + ": \"buckets\" must be a list of [min, max] lengths");
  for (const json& b : buckets) {
    if (!b.is_array() || b.size() != 2 || !b[0].is_number_integer() || !b[1].is_number_integer() ||
        b[0].get<int64_t>() < 1 || b[1].get<int64_t>() < b[0].get<int64_t>())
      throw Error(where + ": each bucket must be [min, max] with 1 <= min <= max");
    r.buckets.push_back({b[0].get<int64_t>(), b[1].get<int64_t>()});
  }
  r.trainExamples = whole(j, "train_examples", where);
  r.testExamples = whole(j, "test_examples", where);
  r.seconds = number(j, "seconds", where, 0, 1e9);
  const json& models = field(j, "models", where);
  r.models[kWithoutAttention] =
      modelFromJson(field(models, "no_attention", where), where + ", no_attention", r.buckets);
  r.models[kWithAttention] =
      modelFromJson(field(models, "attention", where), where + ", attention", r.buckets);
  return r;
}

std::string bottleneckCsv(const BottleneckResult& r) {
  std::string csv =
      "length_min,length_max,examples,no_attention_exact_match,no_attention_bleu,"
      "attention_exact_match,attention_bleu\n";
  const auto& without = r.models[kWithoutAttention].buckets;
  const auto& with = r.models[kWithAttention].buckets;
  ATTN_CHECK(without.size() == r.buckets.size() && with.size() == r.buckets.size(),
             "bottleneckCsv: each model has a score per bucket");
  for (size_t i = 0; i < r.buckets.size(); ++i) {
    char line[160];
    std::snprintf(line, sizeof line, "%lld,%lld,%lld,%.6f,%.6f,%.6f,%.6f\n",
                  static_cast<long long>(r.buckets[i].lo), static_cast<long long>(r.buckets[i].hi),
                  static_cast<long long>(with[i].examples), without[i].exactMatch, without[i].bleu,
                  with[i].exactMatch, with[i].bleu);
    csv += line;
  }
  return csv;
}

void saveBottleneckJson(const std::string& path, const BottleneckResult& r, const json& extra) {
  writeFileAtomically(path, bottleneckResultToJson(r, extra).dump(2) + "\n");
}

void saveBottleneckCsv(const std::string& path, const BottleneckResult& r) {
  writeFileAtomically(path, bottleneckCsv(r));
}

BottleneckResult loadBottleneckResult(const std::string& path) {
  const std::string text = readWholeFile(path, 16 << 20);
  const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw Error(path + ": not valid JSON");
  try {
    return bottleneckResultFromJson(j);
  } catch (const Error& e) {
    throw Error(path + ": " + e.what());
  }
}

}  // namespace attn::inline ATTN_PRECISION::experiment
