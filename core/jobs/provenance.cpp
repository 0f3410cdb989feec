#include "jobs/provenance.h"

#include <ctime>

#include "jobs/json_fields.h"

namespace attn::inline ATTN_PRECISION::jobs {

using nlohmann::json;

namespace {

std::optional<double> optionalNumber(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number()) return std::nullopt;
  return j[key].get<double>();
}

// Files written before "status" existed say how the run ended only in words.
RunStatus statusOf(const json& j) {
  const std::string name = field<std::string>(j, "status", "");
  if (!name.empty()) {
    try {
      return parseRunStatus(name);
    } catch (const Error&) {
      // An unknown word from a newer or edited file: read the message instead.
    }
  }
  const std::string stopped = field<std::string>(j, "stopped", "");
  if (stopped.rfind("stopped early", 0) == 0) return RunStatus::StoppedEarly;
  if (stopped.rfind("training diverged", 0) == 0) return RunStatus::Diverged;
  return RunStatus::Completed;
}

}  // namespace

json provenanceToJson(const TrainingProvenance& p) {
  json t = p.data ? dataSourceToJson(*p.data) : json::object();
  t["steps"] = p.steps;
  t["total_steps"] = p.totalSteps;
  if (p.epochs > 0) t["epochs"] = p.epochs;
  t["seed"] = p.seed;
  if (p.modelSeed) t["model_seed"] = *p.modelSeed;
  t["optimizer"] = p.optimizer;
  t["lr"] = p.lr;
  t["batch_size"] = p.batchSize;
  t["clip"] = p.clip;
  t["threads"] = p.threads;
  t["shuffle"] = p.shuffle;
  t["status"] = std::string(runStatusName(p.status));
  t["stopped"] = p.stopped;
  if (p.bestStep >= 0) t["best_step"] = p.bestStep;
  t[p.metricsOnValidation ? "validation" : "train_metrics"] = p.metrics.toJson();
  if (!p.example.empty()) t["example"] = p.example;
  t["date"] = p.date;
  t["tool"] = p.tool;
  if (!p.init.empty()) {
    t["init"] = p.init;
    if (!p.previous.is_null()) t["previous"] = p.previous;
  }
  return t;
}

TrainingProvenance provenanceFromJson(const json& j) {
  TrainingProvenance p;
  p.data = recordedDataSource(j);
  p.steps = field<int64_t>(j, "steps", p.steps);
  p.totalSteps = field<int64_t>(j, "total_steps", p.steps);
  p.epochs = field<int64_t>(j, "epochs", p.epochs);
  p.seed = field<uint64_t>(j, "seed", p.seed);
  if (j.is_object() && j.contains("model_seed"))
    p.modelSeed = field<uint64_t>(j, "model_seed", p.seed);
  p.optimizer = field<std::string>(j, "optimizer", p.optimizer);
  p.lr = field<double>(j, "lr", p.lr);
  p.batchSize = field<int64_t>(j, "batch_size", p.batchSize);
  p.clip = field<double>(j, "clip", p.clip);
  p.threads = field<int>(j, "threads", p.threads);
  p.shuffle = field<bool>(j, "shuffle", p.shuffle);
  p.status = statusOf(j);
  p.stopped = field<std::string>(j, "stopped", p.stopped);
  p.bestStep = field<int64_t>(j, "best_step", p.bestStep);
  if (j.is_object() && j.contains("validation")) {
    p.metrics = metricsFromJson(j["validation"]);
  } else if (j.is_object() && j.contains("train_metrics")) {
    p.metrics = metricsFromJson(j["train_metrics"]);
    p.metricsOnValidation = false;
  } else if (j.is_object() && j.contains("best")) {  // the GUI's older key: the best validation
    p.metrics = metricsFromJson(j["best"]);
  }
  p.example = field<std::string>(j, "example", p.example);
  p.date = field<std::string>(j, "date", p.date);
  p.tool = field<std::string>(j, "tool", p.tool);
  p.init = field<std::string>(j, "init", p.init);
  if (j.is_object() && j.contains("previous")) p.previous = j["previous"];
  return p;
}

Metrics metricsFromJson(const json& j) {
  Metrics m;
  m.loss = optionalNumber(j, "loss");
  m.exactMatch = optionalNumber(j, "exact_match");
  m.tokenAccuracy = optionalNumber(j, "token_accuracy");
  m.bleu = optionalNumber(j, "bleu");
  m.accuracy = optionalNumber(j, "accuracy");
  m.examples = field<int64_t>(j, "examples", 0);
  return m;
}

std::string utcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace attn::inline ATTN_PRECISION::jobs
