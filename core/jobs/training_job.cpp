#include "jobs/training_job.h"

#include "jobs/json_fields.h"
#include "models/config_reader.h"
#include "train/evaluate.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION::jobs {

using nlohmann::json;

namespace {

// The sentence a finished run suggests decoding first: held out from training when there is one.
const data::Example& heldOutExample(const data::Dataset& d) {
  const std::vector<data::Example>& held = d.test.empty() ? d.validation : d.test;
  return held.empty() ? d.train.front() : held.front();
}

int64_t stepsBefore(const json& previous) {
  return field<int64_t>(previous, "total_steps", field<int64_t>(previous, "steps", 0));
}

TrainingProvenance provenanceOf(const TrainingJob& job, const DataSourceSpec& data,
                                const TrainResult& result, const json& previous) {
  TrainingProvenance p;
  p.data = data;
  p.steps = result.steps;
  p.totalSteps = result.steps + stepsBefore(previous);
  p.epochs = job.train.steps > 0 ? 0 : job.train.epochs;
  p.seed = job.train.seed;
  if (job.initModel.empty()) p.modelSeed = job.modelSeed;
  p.optimizer = job.train.optimizer;
  p.lr = job.train.schedule.lr;
  p.batchSize = job.train.batchSize;
  p.clip = job.train.clip;
  p.threads = job.train.threads;
  p.shuffle = job.train.shuffle;
  p.bucketWindow = job.train.shuffle ? job.train.bucketWindow : 0;
  p.status = result.status;
  p.stopped = result.message;
  p.bestStep = result.keptStep;
  p.date = utcNow();
  p.tool = job.tool;
  p.init = job.initModel;
  if (!job.initModel.empty()) p.previous = previous;
  return p;
}

data::Tokenizer newTokenizer(const DataSourceSpec& data, const data::Dataset& dataset) {
  const auto* file = std::get_if<TsvFile>(&data);
  if (!file) return data::Tokenizer(dataset.tokenizer);
  return data::buildTokenizer(file->tokenizerChoice(), dataset.train, dataset.kind);
}

// Asks the caller whether to go on; false means the job is cancelled.
bool keepGoing(const JobProgressFn& progress, const JobProgress& p) {
  return !progress || progress(p);
}

}  // namespace

Model createModelFor(const json& config, const data::Vocabularies& vocabs, uint64_t seed) {
  if (!config.is_object() || !config.contains("arch") || !config["arch"].is_string())
    throw Error("the model config needs an \"arch\" string");
  const Arch arch = parseArch(config["arch"].get<std::string>());
  const bool classifier = arch == Arch::StructuredSelfAttention;
  if (vocabs.kind == data::TaskKind::Classification && !classifier)
    throw DataMismatch(
        "the data is a classification task (text → label): train the structured "
        "self-attention classifier on it, or choose a seq2seq task");
  if (vocabs.kind == data::TaskKind::Seq2Seq && classifier)
    throw DataMismatch(
        "the data is a seq2seq task (text → text): the structured self-attention "
        "classifier needs a classification task such as 'sentiment'");
  // The table's one reader checks every key and fills in the defaults (num_classes from the
  // labels), so a config with several mistakes is refused once, with all of them (ConfigError).
  const json checked = readConfig(arch, config, static_cast<int64_t>(vocabs.labels.size()));
  return createModel(checked, vocabs.tokenizer, vocabs.source, vocabs.target, vocabs.labels, seed);
}

data::Vocabularies vocabulariesOf(const Model& model) {
  data::Vocabularies v;
  v.kind = model.isClassifier() ? data::TaskKind::Classification : data::TaskKind::Seq2Seq;
  v.tokenizer = model.tokenizer;
  v.source = model.srcVocab;
  v.target = model.tgtVocab;
  v.labels = model.classes;
  return v;
}

TrainingOutcome runTrainingJob(const TrainingJob& job, const JobProgressFn& progress,
                               const TrainingStartFn& started) {
  const bool continuing = !job.initModel.empty();
  auto model = std::make_shared<Model>();
  if (continuing) *model = loadModel(job.initModel);
  const json previous = continuing ? model->training : json();
  const DataSourceSpec data = continuing ? suitedToModel(job.data, *model) : job.data;
  data::FilterReport duplicates;
  data::Dataset dataset = loadDataset(data, {}, &duplicates);
  if (dataset.train.empty()) throw Error("'" + dataset.name + "' has no training examples");

  // A file's tokenizer is made from its train split (a subword model learns its pieces there);
  // the length bounds count its tokens.
  const data::Tokenizer tokenizer = continuing ? model->tokenizer : newTokenizer(data, dataset);
  data::FilterReport filtered = applyLengthFilter(dataset, data, tokenizer);
  filtered.duplicates = duplicates.duplicates;
  if (dataset.train.empty())
    throw Error("the length bounds leave no training example of '" + dataset.name +
                "': raise --max-source-length or --max-target-length");
  const data::Vocabularies vocabs =
      continuing ? vocabulariesOf(*model)
                 : data::buildVocabularies(dataset, tokenizer, job.vocabulary, job.vocabulary);
  data::LengthLimits limits;
  limits.maxSource = job.maxSourceLength;
  limits.onTooLong = data::TooLong::Skip;
  const data::EncodedSplit trainSplit =
      data::encodeExamples(dataset.train, vocabs, limits, "train");
  const data::EncodedSplit validation =
      data::encodeExamples(dataset.validation, vocabs, limits, "validation");
  if (!continuing)
    *model = job.makeModel ? job.makeModel(vocabs)
                           : createModelFor(job.modelConfig, vocabs, job.modelSeed);

  TrainingOutcome outcome;
  outcome.example = heldOutExample(dataset);
  outcome.trainExamples = static_cast<int64_t>(trainSplit.examples.size());
  if (started) {
    const bool filters = std::holds_alternative<TsvFile>(data) &&
                         (std::get<TsvFile>(data).filter.dedup ||
                          std::get<TsvFile>(data).filter.maxSourceTokens > 0 ||
                          std::get<TsvFile>(data).filter.maxTargetTokens > 0);
    started({*model, outcome.example, dataset.name, outcome.trainExamples,
             static_cast<int64_t>(validation.examples.size()),
             trainSplit.skipped + validation.skipped, dataset.warnings,
             filters ? filtered.summary() : std::string(), model->tokenizer,
             validation.unknownShare()});
  }

  outcome.result = train(*model, trainSplit, validation, job.train, [&](const TrainProgress& p) {
    return keepGoing(progress, {JobStage::Training, p.step, p.totalSteps, &p});
  });
  outcome.status = outcome.result.status;
  outcome.message = outcome.result.message;

  // The final numbers: the kept weights on the whole validation split (the train split when
  // there is none), which the trainer's validations may have only sampled.
  const bool onValidation = !validation.examples.empty();
  const data::EncodedSplit& measured = onValidation ? validation : trainSplit;
  const int64_t count = static_cast<int64_t>(measured.examples.size());
  if (outcome.status == RunStatus::Cancelled ||
      !keepGoing(progress, {JobStage::Evaluating, 0, count, nullptr})) {
    outcome.status = RunStatus::Cancelled;
    outcome.message = "Cancelled";
    return outcome;  // no model: what was learned so far is not a result
  }
  outcome.provenance = provenanceOf(job, data, outcome.result, previous);
  outcome.provenance.metrics = evaluate(*model, measured, EvalOptions{});
  outcome.provenance.metricsOnValidation = onValidation;
  outcome.provenance.example = outcome.example.source;
  if (!keepGoing(progress, {JobStage::Evaluating, count, count, nullptr})) {
    outcome.status = RunStatus::Cancelled;
    outcome.message = "Cancelled";
    return outcome;
  }
  model->training = provenanceToJson(outcome.provenance);
  outcome.model = std::move(model);
  return outcome;
}

}  // namespace attn::inline ATTN_PRECISION::jobs
