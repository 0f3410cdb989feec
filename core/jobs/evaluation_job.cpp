#include "jobs/evaluation_job.h"

#include <algorithm>
#include <string>

#include "data/encoding.h"
#include "decode/decoder.h"
#include "jobs/training_job.h"
#include "train/evaluate.h"

namespace attn::inline ATTN_PRECISION::jobs {

namespace {

std::vector<data::Example> examplesOf(const data::Dataset& d, EvalSplit split) {
  switch (split) {
    case EvalSplit::Train:
      return d.train;
    case EvalSplit::Validation:
      return d.validation;
    case EvalSplit::Test:
      return d.test;
    case EvalSplit::All:
      break;
  }
  std::vector<data::Example> all = d.train;
  all.insert(all.end(), d.validation.begin(), d.validation.end());
  all.insert(all.end(), d.test.begin(), d.test.end());
  return all;
}

// Exact match and BLEU from beam search, one sentence at a time: core/decode searches a single
// source, which is why the batched greedy evaluation stays the default. Throws attn::Cancelled
// when `progress` asks to stop.
void beamSearchMetrics(const Model& model, const std::vector<data::Example>& examples,
                       const data::EncodedSplit& encoded, const EvaluationJob& job,
                       const JobProgressFn& progress, Metrics& metrics) {
  int64_t total = static_cast<int64_t>(encoded.examples.size());
  if (job.maxExamples > 0 && job.maxExamples < total) total = job.maxExamples;
  std::vector<TokenIds> hypotheses, references;
  DecodeOptions options;
  options.beamWidth = job.beamWidth;
  options.topK = 0;                  // no trace extras: only the output is scored
  options.maxInputTokens = 1 << 20;  // the data decides, not the interactive limit
  options.progress = [&](int64_t, int64_t) {
    const int64_t done = static_cast<int64_t>(references.size());
    return !progress || progress({JobStage::Evaluating, done, total, nullptr});
  };
  for (const data::EncodedExample& e : encoded.examples) {
    if (static_cast<int64_t>(references.size()) >= total) break;
    const DecodeResult r =
        decodeBeam(model, examples.at(static_cast<size_t>(e.index)).source, options);
    TokenIds ids = r.outputIds;
    if (!ids.empty() && ids.back() == data::Vocabulary::kEos) ids.pop_back();
    hypotheses.push_back(std::move(ids));
    references.push_back(e.target);
  }
  if (hypotheses.empty()) return;
  metrics.exactMatch = exactMatch(hypotheses, references);
  metrics.bleu = corpusBleu(hypotheses, references);
}

}  // namespace

std::string_view evalSplitName(EvalSplit split) {
  switch (split) {
    case EvalSplit::Train:
      return "train";
    case EvalSplit::Validation:
      return "validation";
    case EvalSplit::Test:
      return "test";
    case EvalSplit::All:
      return "all";
  }
  return "all";
}

EvalSplit parseEvalSplit(std::string_view name) {
  for (EvalSplit s : {EvalSplit::Train, EvalSplit::Validation, EvalSplit::Test, EvalSplit::All})
    if (evalSplitName(s) == name) return s;
  throw Error("unknown split '" + std::string(name) + "' (train, validation, test or all)");
}

EvaluationOutcome runEvaluationJob(const EvaluationJob& job, const JobProgressFn& progress) {
  if (!job.model) throw Error("no model to evaluate");
  const Model& model = *job.model;
  EvaluationOutcome outcome;
  const bool recorded = !job.data.has_value();
  if (recorded) {
    std::optional<DataSourceSpec> spec = recordedDataSource(model.training);
    if (!spec)
      throw Error("the model does not record what it was trained on: name a task or a file");
    outcome.data = suitedToModel(std::move(*spec), model);
  } else {
    outcome.data = suitedToModel(*job.data, model);
  }
  const bool heldOut = recorded || std::holds_alternative<BuiltInTask>(outcome.data) ||
                       sameSourceAsRecorded(outcome.data, model.training);
  outcome.split = job.split.value_or(heldOut ? EvalSplit::Test : EvalSplit::All);

  SplitsNeeded needed;
  needed.train = outcome.split == EvalSplit::Train || outcome.split == EvalSplit::All;
  needed.validation = needed.train || outcome.split == EvalSplit::Validation;
  const data::Dataset dataset = loadDataset(outcome.data, needed);
  const std::vector<data::Example> examples = examplesOf(dataset, outcome.split);
  const std::string splitName(evalSplitName(outcome.split));
  if (examples.empty())
    throw EmptySplit("the " + splitName + " split of " + dataset.name + " has no example");
  const data::EncodedSplit encoded =
      data::encodeExamples(examples, vocabulariesOf(model), {}, splitName);

  const int64_t total = job.maxExamples > 0
                            ? std::min<int64_t>(job.maxExamples, int64_t(examples.size()))
                            : int64_t(examples.size());
  auto keepGoing = [&](int64_t done) {
    return !progress || progress({JobStage::Evaluating, done, total, nullptr});
  };
  auto cancelledOutcome = [&] {
    outcome.status = RunStatus::Cancelled;
    outcome.metrics = Metrics();  // partial numbers would read as a measurement
    return outcome;
  };
  if (!keepGoing(0)) return cancelledOutcome();
  outcome.beamSearch = job.beamWidth > 1 && !model.isClassifier();
  EvalOptions options;
  options.batchSize = job.batchSize;
  options.maxExamples = job.maxExamples;
  options.decode = !outcome.beamSearch;  // with a beam, exact match and BLEU come from the beam
  outcome.metrics = evaluate(model, encoded, options);
  if (outcome.beamSearch) {
    try {
      beamSearchMetrics(model, examples, encoded, job, progress, outcome.metrics);
    } catch (const Cancelled&) {
      return cancelledOutcome();
    }
  }
  // Asked once more at the end: a cancel during the batched evaluation (which has no callback of
  // its own) is honoured rather than lost.
  if (!keepGoing(total)) return cancelledOutcome();
  return outcome;
}

}  // namespace attn::inline ATTN_PRECISION::jobs
