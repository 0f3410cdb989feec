#include "alignment_snapshots.h"

#include <algorithm>
#include <cmath>

#include "decode/decoder.h"
#include "models/model.h"
#include "trace/trace_json.h"

namespace attn::ui {

int64_t snapshotInterval(int64_t totalSteps, int64_t every) {
  if (every > 0) return every;
  return std::max<int64_t>(1, (totalSteps + kDefaultSnapshotCount - 1) / kDefaultSnapshotCount);
}

SnapshotSeries::SnapshotSeries(int64_t interval, int maxSnapshots)
    : interval_(std::max<int64_t>(1, interval)), max_(std::max(2, maxSnapshots)) {}

void SnapshotSeries::setInterval(int64_t interval) {
  interval_ = std::max<int64_t>(1, interval);
}

bool SnapshotSeries::due(int64_t step, int64_t totalSteps) const {
  if (!snapshots_.empty() && snapshots_.back().step >= step) return false;  // taken already
  return step == 0 || step % interval_ == 0 || (totalSteps > 0 && step == totalSteps);
}

void SnapshotSeries::add(AlignmentSnapshot snapshot) {
  snapshots_.push_back(std::move(snapshot));
  while (int(snapshots_.size()) > max_) {
    interval_ *= 2;
    const int64_t newest = snapshots_.back().step;
    std::erase_if(snapshots_, [this, newest](const AlignmentSnapshot& s) {
      return s.step % interval_ != 0 && s.step != newest;
    });
  }
}

AlignmentSnapshot takeSnapshot(const Model& model, const data::Example& example, int64_t step) {
  AlignmentSnapshot s;
  s.step = step;
  DecodeOptions options;
  options.topK = 3;  // the trace is for looking at the maps; keep the series small
  if (model.isClassifier()) {
    DecodeResult r = classifyWithTrace(model, example.source, options);
    s.output = r.output;
    s.trace = std::make_shared<const Trace>(std::move(r.trace));
    return s;
  }
  s.trace = std::make_shared<const Trace>(
      inspectForced(model, example.source, example.target, options).trace);
  s.output = decodeGreedy(model, example.source, options).output;
  return s;
}

nlohmann::json snapshotsToJson(const SnapshotList& snapshots) {
  nlohmann::json list = nlohmann::json::array();
  for (const AlignmentSnapshot& s : snapshots) {
    nlohmann::json j = {{"step", s.step}, {"output", s.output}};
    j["loss"] = std::isnan(s.loss) ? nlohmann::json() : nlohmann::json(s.loss);
    if (s.validationStep >= 0 && !std::isnan(s.validationScore))
      j["validation"] = {{"step", s.validationStep},
                         {"name", s.validationScoreName},
                         {"score", s.validationScore}};
    if (s.trace) j["trace"] = traceToJson(*s.trace);
    list.push_back(std::move(j));
  }
  return {{"format", kSnapshotsFormat}, {"snapshots", std::move(list)}};
}

}  // namespace attn::ui
