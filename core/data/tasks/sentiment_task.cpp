#include "data/tasks/sentiment_task.h"

#include "data/tasks/sentiment_lexicon.h"
#include "data/tasks/sentiment_rules.h"
#include "util/check.h"

namespace attn::data {

namespace {

using namespace sentiment;

template <class T>
const T& pick(Random& rng, const std::vector<T>& items) {
  return items[static_cast<size_t>(rng.below(static_cast<int64_t>(items.size())))];
}

bool chance(Random& rng, double p) {
  return rng.uniform() < p;
}

const std::string& adjectiveOf(Random& rng, int polarity) {
  return pick(rng, polarity > 0 ? positiveAdjectives() : negativeAdjectives());
}

std::string withArticle(const std::string& next) {
  const bool vowel = std::string("aeiou").find(next[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + next;
}

// "the plot was not very exciting", "the actors are funny and charming"
std::string describeTopic(Random& rng, int polarity, bool negate) {
  const Topic& t = pick(rng, topics());
  const bool past = chance(rng, 0.6);
  const std::string be = past ? (t.plural ? "were" : "was") : (t.plural ? "are" : "is");
  std::string s = t.words + " ";
  if (!negate)
    s += be;
  else if (chance(rng, 0.3))
    s += be + "n't";
  else
    s += be + (chance(rng, 0.7) ? " not" : " never");
  if (chance(rng, 0.35)) s += " " + pick(rng, intensifiers());
  s += " " + adjectiveOf(rng, negate ? -polarity : polarity);
  // Coordinated adjectives share the clause's polarity; never under a negation, where
  // "not good and funny" would be unclear.
  if (!negate && chance(rng, 0.2)) s += " and " + adjectiveOf(rng, polarity);
  return s;
}

// "i really loved the music", "my sister did not enjoy it"
std::string feelAboutTopic(Random& rng, int polarity, bool negate) {
  const Experiencer& who = pick(rng, experiencers());
  std::vector<const Feeling*> candidates;
  for (const Feeling& f : feelings())
    if (f.polarity == (negate ? -polarity : polarity)) candidates.push_back(&f);
  const Feeling& f = *pick(rng, candidates);
  const bool past = chance(rng, 0.6);
  std::string s = who.words + " ";
  if (negate) {
    const int form = static_cast<int>(rng.below(3));
    if (form == 0)
      s += past ? "never " + f.past : "never " + (who.thirdSingular ? f.third : f.base);
    else {
      const std::string aux = past ? "did" : who.thirdSingular ? "does" : "do";
      s += aux + (form == 1 ? " not " : "n't ") + f.base;
    }
  } else {
    if (chance(rng, 0.3)) s += pick(rng, verbIntensifiers()) + " ";
    s += past ? f.past : who.thirdSingular ? f.third : f.base;
  }
  s += " " + (chance(rng, 0.25) ? std::string("it") : pick(rng, topics()).words);
  return s;
}

// "it was a truly wonderful evening", "it wasn't an enjoyable read"
std::string judgeExperience(Random& rng, int polarity, bool negate) {
  std::string s = chance(rng, 0.7) ? "it was" : "it is";
  if (negate) s += chance(rng, 0.3) ? "n't" : chance(rng, 0.7) ? " not" : " never";
  std::string phrase;
  if (chance(rng, 0.3)) phrase = pick(rng, intensifiers()) + " ";
  phrase += adjectiveOf(rng, negate ? -polarity : polarity) + " " + pick(rng, experienceNouns());
  return s + " " + withArticle(phrase);
}

std::string clause(Random& rng, int polarity) {
  const bool negate = chance(rng, 0.35);
  switch (rng.below(5)) {
    case 0:
    case 1:
      return describeTopic(rng, polarity, negate);
    case 2:
    case 3:
      return feelAboutTopic(rng, polarity, negate);
    default:
      return judgeExperience(rng, polarity, negate);
  }
}

class SentimentTask : public Task {
 public:
  std::string name() const override { return "sentiment"; }
  std::string description() const override {
    return "review sentences to positive/negative, with negation, intensifiers and 'but'";
  }
  TaskKind kind() const override { return TaskKind::Classification; }
  TokenizerKind tokenizer() const override { return TokenizerKind::Word; }
  TaskConfig defaultConfig() const override {
    TaskConfig c;
    c.trainSize = 10000;
    c.validationSize = 1000;
    c.testSize = 1000;
    return c;
  }

  Example sample(Random& rng, const TaskConfig&) const override {
    // The label is drawn first so the classes are balanced.
    const int wanted = chance(rng, 0.5) ? +1 : -1;
    const auto other = [&] { return chance(rng, 0.7) ? -wanted : (chance(rng, 0.5) ? 1 : -1); };
    std::string s;
    switch (rng.below(10)) {
      case 0:
      case 1:
      case 2:
      case 3:  // one clause, perhaps with neutral words around it
        if (chance(rng, 0.25)) s += pick(rng, openers()) + " ";
        if (chance(rng, 0.2)) s += pick(rng, neutralClauses()) + " and ";
        s += clause(rng, wanted);
        if (chance(rng, 0.2)) s += " " + pick(rng, closers());
        break;
      case 4:
      case 5:
      case 6:  // the clause after "but" decides
        if (chance(rng, 0.2)) s += pick(rng, openers()) + " ";
        s += clause(rng, other()) + " but " + clause(rng, wanted);
        break;
      case 7:  // the clause after "although ... ," decides
        s += "although " + clause(rng, other()) + " , " + clause(rng, wanted);
        break;
      default:  // two clauses that agree
        s += clause(rng, wanted) + (chance(rng, 0.5) ? " and " : " , ") + clause(rng, wanted);
        break;
    }
    const std::string result = wanted > 0 ? "positive" : "negative";
    ATTN_CHECK(label(s) == result, "sentiment generator and rules disagree on: " + s);
    return Example{s, result};
  }
};

}  // namespace

std::unique_ptr<Task> makeSentimentTask() {
  return std::make_unique<SentimentTask>();
}

}  // namespace attn::data
