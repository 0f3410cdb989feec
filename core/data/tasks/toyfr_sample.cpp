// Drawing random toy-fr sentences, and finding lexicon entries by their English word.
#include <string>

#include "data/tasks/toyfr_grammar.h"
#include "util/check.h"

namespace attn::data::toyfr {

namespace {

template <class T, class Pred>
const T* pick(Random& rng, const std::vector<T>& items, Pred&& keep) {
  std::vector<const T*> candidates;
  for (const T& item : items)
    if (keep(item)) candidates.push_back(&item);
  ATTN_CHECK(!candidates.empty(), "toy-fr lexicon has no word for this slot");
  return candidates[static_cast<size_t>(rng.below(static_cast<int64_t>(candidates.size())))];
}

bool chance(Random& rng, double p) {
  return rng.uniform() < p;
}

NounPhrase sampleNounPhrase(Random& rng, unsigned categories) {
  NounPhrase np;
  np.noun = pick(rng, nouns(), [&](const Noun& n) { return (n.category & categories) != 0; });
  np.plural = np.noun->pluralizes && chance(rng, 0.3);
  np.determiner = pick(rng, determiners(), [](const Determiner&) { return true; });
  const unsigned cat = np.noun->category;
  if (chance(rng, 0.25))
    np.preposed = pick(rng, adjectives(), [&](const Adjective& a) {
      return a.beforeNoun && (a.categories & cat) != 0;
    });
  if (chance(rng, 0.35))
    np.postposed = pick(rng, adjectives(), [&](const Adjective& a) {
      return !a.beforeNoun && (a.categories & cat) != 0;
    });
  return np;
}

Clause sampleClause(Random& rng) {
  Clause c;
  const bool copular = chance(rng, 0.25);
  unsigned subjectCategory = 0;
  if (chance(rng, 0.35)) {
    // Only he, she and they say the gender a predicate adjective must agree with.
    c.pronoun =
        pick(rng, pronouns(), [&](const Pronoun& p) { return !copular || p.takesPredicate; });
    subjectCategory = c.pronoun->plural ? Living : Person;
  } else {
    c.subject = sampleNounPhrase(rng, copular ? Physical | Place | Drink : Living);
    subjectCategory = c.subject.noun->category;
  }
  c.tense = static_cast<Tense>(rng.below(3));
  c.negative = chance(rng, 0.25);
  if (copular) {
    c.predicate = pick(rng, adjectives(),
                       [&](const Adjective& a) { return (a.categories & subjectCategory) != 0; });
    c.very = chance(rng, 0.3);
  } else {
    c.verb = pick(rng, verbs(), [](const Verb&) { return true; });
    c.object = sampleNounPhrase(rng, c.verb->objects);
  }
  if (chance(rng, 0.3)) {
    c.preposition = pick(rng, prepositions(), [](const Preposition&) { return true; });
    c.place = sampleNounPhrase(rng, c.preposition->objects);
  }
  if (chance(rng, 0.25)) {
    const unsigned tenseBit = 1u << static_cast<int>(c.tense);
    c.adverb = pick(rng, adverbs(), [&](const Adverb& a) { return (a.tenses & tenseBit) != 0; });
  }
  return c;
}

template <class T, class Key>
const T& find(const std::vector<T>& items, std::string_view word, Key&& key, const char* what) {
  for (const T& item : items)
    if (key(item) == word) return item;
  throw Error(std::string("toy-fr has no ") + what + " \"" + std::string(word) + "\"");
}

}  // namespace

Sentence sampleSentence(Random& rng, int clauses) {
  ATTN_CHECK(clauses >= 1, "a toy-fr sentence has at least one clause");
  Sentence s;
  for (int i = 0; i < clauses; ++i) {
    if (i > 0) s.connectors.push_back(chance(rng, 0.75) ? Connector::And : Connector::But);
    s.clauses.push_back(sampleClause(rng));
  }
  return s;
}

const Noun& noun(std::string_view w) {
  return find(
      nouns(), w, [](const Noun& n) { return n.en; }, "noun");
}
const Adjective& adjective(std::string_view w) {
  return find(
      adjectives(), w, [](const Adjective& a) { return a.en; }, "adjective");
}
const Determiner& determiner(std::string_view w) {
  return find(
      determiners(), w, [](const Determiner& d) { return d.en; }, "determiner");
}
const Pronoun& pronoun(std::string_view w) {
  return find(
      pronouns(), w, [](const Pronoun& p) { return p.en; }, "pronoun");
}
const Verb& verb(std::string_view w) {
  return find(
      verbs(), w, [](const Verb& v) { return v.enBase; }, "verb");
}
const Preposition& preposition(std::string_view w) {
  return find(
      prepositions(), w, [](const Preposition& p) { return p.en; }, "preposition");
}
const Adverb& adverb(std::string_view w) {
  return find(
      adverbs(), w, [](const Adverb& a) { return a.en; }, "adverb");
}

}  // namespace attn::data::toyfr
