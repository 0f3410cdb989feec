#include "experiment/bottleneck_data.h"

#include <string>
#include <unordered_set>

#include "data/tasks/task.h"
#include "data/tokenizer.h"
#include "util/check.h"
#include "util/random.h"

namespace attn::inline ATTN_PRECISION::experiment {

namespace {

data::TaskConfig baseConfig(const data::Task& task, const BottleneckSettings& s, uint64_t seed) {
  data::TaskConfig c = task.defaultConfig();
  c.seed = seed;
  c.alphabetSize = s.alphabetSize;
  c.trainSize = c.validationSize = c.testSize = 0;
  return c;
}

}  // namespace

BottleneckData makeBottleneckData(const BottleneckSettings& s,
                                  const std::vector<LengthBucket>& buckets) {
  const auto task = data::makeTask(s.task);
  if (task->kind() != data::TaskKind::Seq2Seq)
    throw Error("the bottleneck experiment needs a sequence-to-sequence task; " + s.task +
                " is a classification task");
  BottleneckData out;
  out.dataset.name = task->name();
  out.dataset.kind = task->kind();
  out.dataset.tokenizer = task->tokenizer();

  // One stream for the train set, then one per bucket, all drawn from the data seed.
  Random master(s.dataSeed);
  const uint64_t trainSeed = master.nextU64();
  std::unordered_set<std::string> testSources;
  for (const LengthBucket& b : buckets) {
    data::TaskConfig c = baseConfig(*task, s, master.nextU64());
    c.minLength = b.lo;
    c.maxLength = b.hi;
    c.testSize = s.testPerBucket;
    data::Dataset d;
    try {
      d = task->generate(c);
    } catch (const Error& e) {
      throw Error("test sentences of " + std::to_string(b.lo) + "–" + std::to_string(b.hi) +
                  " tokens: " + e.what());
    }
    for (data::Example& e : d.test) {
      testSources.insert(e.source);
      out.testSourceLengths.push_back(
          static_cast<int64_t>(data::tokenize(e.source, task->tokenizer()).size()));
      out.dataset.test.push_back(std::move(e));
    }
  }

  data::TaskConfig c = baseConfig(*task, s, trainSeed);
  c.minLength = s.minLength;
  c.maxLength = s.maxLength;
  c.trainSize = s.trainSize;
  data::Dataset d;
  try {
    d = task->generate(c);
  } catch (const Error& e) {
    throw Error(std::string("training sentences: ") + e.what());
  }
  // A sentence tested on is never trained on, even on a task with few distinct sentences.
  for (data::Example& e : d.train)
    if (!testSources.count(e.source)) out.dataset.train.push_back(std::move(e));
  if (out.dataset.train.empty())
    throw Error("every training sentence is also a test sentence; widen the lengths");
  return out;
}

}  // namespace attn::inline ATTN_PRECISION::experiment
