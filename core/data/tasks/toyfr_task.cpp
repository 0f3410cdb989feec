#include "data/tasks/toyfr_task.h"

#include <algorithm>

#include "data/tasks/toyfr_grammar.h"

namespace attn::data {

namespace {

class ToyFrTask : public Task {
 public:
  std::string name() const override { return "toy-fr"; }
  std::string description() const override {
    return "English to French with agreement and reordering: the green car -> la voiture verte";
  }
  TaskKind kind() const override { return TaskKind::Seq2Seq; }
  TokenizerKind tokenizer() const override { return TokenizerKind::Word; }
  TaskConfig defaultConfig() const override {
    TaskConfig c;
    c.trainSize = 20000;
    c.validationSize = 1000;
    c.testSize = 1000;
    return c;
  }

  Example sample(Random& rng, const TaskConfig& c) const override {
    // Without bounds, three sentences in four have one clause and the rest two. With bounds, a
    // clause being 3 to about 14 words, draw a clause count that can reach them; generate()
    // then keeps only the sentences inside the bounds.
    int clauses = rng.uniform() < 0.75 ? 1 : 2;
    if (c.minLength > 0 || c.maxLength > 0) {
      const int hi = c.maxLength > 0 ? std::clamp(static_cast<int>(c.maxLength / 5), 1, 5) : 5;
      const int lo = std::clamp(static_cast<int>((c.minLength + 11) / 12), 1, hi);
      clauses = lo + static_cast<int>(rng.below(hi - lo + 1));
    }
    const toyfr::Sentence s = toyfr::sampleSentence(rng, clauses);
    return Example{toyfr::english(s), toyfr::french(s)};
  }
};

}  // namespace

std::unique_ptr<Task> makeToyFrTask() {
  return std::make_unique<ToyFrTask>();
}

}  // namespace attn::data
