#include "train/trainer.h"

#include <chrono>
#include <cmath>
#include <memory>

#include "data/batch.h"
#include "optim/optimizer.h"
#include "train/evaluate.h"
#include "train/parallel_step.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {

using Clock = std::chrono::steady_clock;

std::unique_ptr<Optimizer> makeOptimizer(const TrainConfig& c, std::vector<Var> params) {
  if (c.optimizer == "adam") return std::make_unique<Adam>(std::move(params), c.schedule.lr);
  if (c.optimizer == "sgd") return std::make_unique<Sgd>(std::move(params), c.schedule.lr);
  throw Error("unknown optimizer '" + c.optimizer + "' (adam or sgd)");
}

std::vector<Tensor> snapshot(const Model& model) {
  std::vector<Tensor> values;
  for (const Var& p : model.network().parameters()) values.push_back(p.value());
  return values;
}

void restore(Model& model, const std::vector<Tensor>& values) {
  auto params = model.network().parameters();
  for (size_t i = 0; i < params.size(); ++i) params[i].mutableValue() = values[i];
}

}  // namespace

TrainResult train(Model& model, const data::EncodedSplit& trainSplit,
                  const data::EncodedSplit& validation, const TrainConfig& config,
                  const ProgressFn& progress) {
  if (config.batchSize < 1) throw Error("the batch size must be at least 1");
  if (config.threads < 1 || config.threads > 64)
    throw Error("the training threads must be 1 to 64");
  if (config.steps <= 0 && config.epochs <= 0) throw Error("give a number of steps or of epochs");
  if (trainSplit.examples.empty()) throw Error("the train split has no example");
  if (!(config.schedule.lr > 0) || !std::isfinite(config.schedule.lr))
    throw Error("the learning rate must be a positive number");

  data::BatchOptions bo;
  bo.batchSize = config.batchSize;
  bo.shuffle = config.shuffle;
  bo.seed = config.seed;
  const int64_t perEpoch = data::batchCount(trainSplit, bo);
  const int64_t total = config.steps > 0 ? config.steps : config.epochs * perEpoch;
  const int64_t evalEvery = config.evalEvery > 0 ? config.evalEvery : perEpoch;
  const bool validate = !validation.examples.empty();

  auto optimizer = makeOptimizer(config, model.network().parameters());
  ParallelGradient gradient(model, config.threads);
  TrainResult result;
  std::vector<Tensor> bestWeights;
  // The weights at the last finite loss, copied into buffers allocated once: when an update
  // makes the loss blow up, the run goes back to them rather than keeping broken weights.
  std::vector<Tensor> lastGood = snapshot(model);
  const std::vector<Var> params = model.network().parameters();
  int64_t sinceBest = 0;
  double smoothed = 0;
  const auto start = Clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };

  int64_t step = 0;
  // The step whose update the weights hold, and the one `lastGood` holds (a non-finite loss at
  // step k blames the update of step k-1 too, so the weights go back to before it).
  int64_t appliedStep = 0, lastGoodStep = 0;
  for (int64_t epoch = 0; step < total; ++epoch) {
    const std::vector<data::Batch> batches = data::makeBatches(trainSplit, bo, epoch);
    for (const data::Batch& batch : batches) {
      if (step >= total) break;
      const double lr = config.schedule.at(step, total);
      optimizer->setLearningRate(lr);
      optimizer->zeroGrad();
      const double lossValue = gradient(lossBatch(batch));  // back-propagated when finite
      double norm = 0;
      bool finite = std::isfinite(lossValue);
      if (finite) {
        norm = config.clip > 0 ? clipGradNorm(optimizer->params(), config.clip)
                               : globalGradNorm(optimizer->params());
        finite = std::isfinite(norm);
      }
      ++step;
      if (!finite) {  // not applied; back to the weights of the last finite loss
        restore(model, lastGood);
        appliedStep = lastGoodStep;
        if (++result.skippedSteps >= config.maxBadSteps) {
          result.status = RunStatus::Diverged;
          result.message = "training diverged: " + std::to_string(result.skippedSteps) +
                           " steps had a loss or gradient that is not a number; the weights are "
                           "those of the last good step (try a lower learning rate or clipping)";
          break;
        }
        continue;
      }
      for (size_t i = 0; i < params.size(); ++i) lastGood[i].arr() = params[i].value().arr();
      lastGoodStep = appliedStep;
      optimizer->step();
      appliedStep = step;
      smoothed = result.losses.empty() ? lossValue : 0.95 * smoothed + 0.05 * lossValue;
      result.losses.push_back({step, lossValue});

      TrainProgress p;
      p.step = step;
      p.totalSteps = total;
      p.epoch = epoch;
      p.loss = lossValue;
      p.smoothedLoss = smoothed;
      p.gradNorm = norm;
      p.lr = lr;
      p.elapsedSeconds = seconds();
      p.etaSeconds =
          p.elapsedSeconds / static_cast<double>(step) * static_cast<double>(total - step);
      Metrics current;
      if (validate && (step % evalEvery == 0 || step == total)) {
        EvalOptions eo;
        eo.maxExamples = config.evalExamples;
        current = evaluate(model, validation, eo);
        result.validations.push_back({step, current});
        p.validation = &result.validations.back().metrics;
        if (result.bestStep < 0 || current.headline() > result.best.headline()) {
          result.best = current;
          result.bestStep = step;
          sinceBest = 0;
          if (config.restoreBest) bestWeights = snapshot(model);
        } else {
          ++sinceBest;
        }
        if (!config.checkpointPath.empty()) saveModel(config.checkpointPath, model);
      }
      if (progress && !progress(p)) {
        result.status = RunStatus::Cancelled;
        result.message = "Cancelled";
        break;
      }
      if (config.patience > 0 && sinceBest >= config.patience) {
        result.status = RunStatus::StoppedEarly;
        result.message =
            "stopped early: no improvement in " + std::to_string(config.patience) + " validations";
        break;
      }
    }
    if (result.status != RunStatus::Completed) break;
  }
  result.keptStep = appliedStep;
  if (config.restoreBest && !bestWeights.empty() && result.bestStep != appliedStep) {
    restore(model, bestWeights);
    result.keptStep = result.bestStep;
  }
  result.steps = step;
  result.seconds = seconds();
  if (result.message.empty()) result.message = "finished " + std::to_string(step) + " steps";
  return result;
}

}  // namespace attn::inline ATTN_PRECISION
