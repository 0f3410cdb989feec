#include "data/tasks/task.h"

#include <unordered_set>

#include "util/check.h"

namespace attn::data {

void Task::validate(const TaskConfig& c) const {
  if (c.trainSize < 0 || c.validationSize < 0 || c.testSize < 0)
    throw Error("task " + name() + ": split sizes cannot be negative");
  if (c.minLength < 0 || c.maxLength < 0)
    throw Error("task " + name() + ": lengths cannot be negative");
  if (c.maxLength != 0 && c.minLength > c.maxLength)
    throw Error("task " + name() + ": the minimum length " + std::to_string(c.minLength) +
                " is above the maximum " + std::to_string(c.maxLength));
}

Dataset Task::generate(const TaskConfig& config) const {
  validate(config);
  Dataset d;
  d.name = name();
  d.kind = kind();
  d.tokenizer = tokenizer();

  std::unordered_set<std::string> seen;
  Random master(config.seed);
  for (Split s : {Split::Test, Split::Validation, Split::Train}) {
    // Each split has its own stream, drawn in a fixed order from the master seed.
    Random rng(master.nextU64());
    const int64_t wanted = s == Split::Test         ? config.testSize
                           : s == Split::Validation ? config.validationSize
                                                    : config.trainSize;
    std::vector<Example>& out = d.split(s);
    out.reserve(static_cast<size_t>(wanted));
    // Enough tries for a task whose space is barely larger than what is asked, few enough that
    // an impossible request fails in seconds rather than spinning.
    const int64_t maxTries = 200 * wanted + 20000;
    int64_t tries = 0;
    while (static_cast<int64_t>(out.size()) < wanted) {
      if (++tries > maxTries)
        throw Error("task " + name() + " produced only " + std::to_string(seen.size()) +
                    " distinct examples of the " +
                    std::to_string(config.trainSize + config.validationSize + config.testSize) +
                    " asked for with these settings; ask for fewer, or widen the length bounds "
                    "(or the alphabet)");
      Example e = sample(rng, config);
      if (config.minLength > 0 || config.maxLength > 0) {
        const auto len = static_cast<int64_t>(tokenize(e.source, tokenizer()).size());
        if (len < config.minLength || (config.maxLength > 0 && len > config.maxLength)) continue;
      }
      if (!seen.insert(e.source).second) continue;
      out.push_back(std::move(e));
    }
  }
  return d;
}

}  // namespace attn::data
