// The toy-fr grammar on hand-picked sentences: adjective placement and agreement, determiners
// and possessives, elision, conjugation in three tenses, negation, and the task's size.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "data/tasks/task.h"
#include "data/tasks/toyfr_grammar.h"
#include "util/check.h"

namespace attn::data::toyfr {
namespace {

NounPhrase np(const char* det, const char* noun, bool plural = false, const char* pre = nullptr,
              const char* post = nullptr) {
  NounPhrase p;
  p.determiner = &determiner(det);
  p.noun = &toyfr::noun(noun);
  p.plural = plural;
  if (pre) p.preposed = &adjective(pre);
  if (post) p.postposed = &adjective(post);
  return p;
}

Clause transitive(NounPhrase subject, const char* v, NounPhrase object,
                  Tense tense = Tense::Present, bool negative = false) {
  Clause c;
  c.subject = subject;
  c.verb = &verb(v);
  c.object = object;
  c.tense = tense;
  c.negative = negative;
  return c;
}

Clause withPronoun(const char* p, const char* v, NounPhrase object, Tense tense = Tense::Present,
                   bool negative = false) {
  Clause c = transitive({}, v, object, tense, negative);
  c.pronoun = &pronoun(p);
  return c;
}

Clause copula(NounPhrase subject, const char* adj, Tense tense = Tense::Present,
              bool negative = false) {
  Clause c;
  c.subject = subject;
  c.predicate = &adjective(adj);
  c.tense = tense;
  c.negative = negative;
  return c;
}

TEST(DataToyFr, AdjectivesMoveAfterTheNounAndAgree) {
  const Clause c = transitive(np("the", "cat", false, nullptr, "black"), "see",
                              np("the", "car", true, "small", "green"));
  EXPECT_EQ(english(c), "the black cat sees the small green cars");
  EXPECT_EQ(french(c), "le chat noir voit les petites voitures vertes");
}

TEST(DataToyFr, FourFormsOfAnAdjective) {
  const Clause ms = copula(np("the", "dog"), "green"), fs = copula(np("the", "car"), "green");
  const Clause mp = copula(np("the", "dog", true), "green");
  const Clause fp = copula(np("the", "car", true), "green");
  EXPECT_EQ(french(ms), "le chien est vert");
  EXPECT_EQ(french(fs), "la voiture est verte");
  EXPECT_EQ(french(mp), "les chiens sont verts");
  EXPECT_EQ(french(fp), "les voitures sont vertes");
  EXPECT_EQ(english(fp), "the cars are green");
}

TEST(DataToyFr, PredicateAgreesWithPronounSubject) {
  Clause c = copula({}, "happy", Tense::Past);
  c.pronoun = &pronoun("she");
  EXPECT_EQ(english(c), "she was happy");
  EXPECT_EQ(french(c), "elle était heureuse");
  c.pronoun = &pronoun("they");
  c.tense = Tense::Future;
  c.very = true;
  EXPECT_EQ(english(c), "they will be very happy");
  EXPECT_EQ(french(c), "ils seront très heureux");
}

TEST(DataToyFr, PossessivesAgreeWithTheThingOwned) {
  EXPECT_EQ(french(copula(np("his", "car"), "red")), "sa voiture est rouge");
  EXPECT_EQ(french(copula(np("her", "dog"), "white")), "son chien est blanc");
  EXPECT_EQ(french(copula(np("her", "car"), "white")), "sa voiture est blanche");
}

TEST(DataToyFr, ElisionBeforeVowels) {
  EXPECT_EQ(french(copula(np("the", "tree"), "big")), "l' arbre est grand");
  EXPECT_EQ(french(copula(np("this", "bird"), "sad")), "cet oiseau est triste");
  EXPECT_EQ(french(copula(np("my", "school"), "quiet")), "mon école est calme");
  EXPECT_EQ(french(copula(np("my", "school", false, "small"), "quiet")),
            "ma petite école est calme");
  EXPECT_EQ(french(copula(np("the", "man"), "tired")), "l' homme est fatigué");  // mute h
  // Adjectives with a form before a vowel, and the determiner that then stays whole.
  EXPECT_EQ(french(copula(np("this", "bird", false, "old"), "sad")), "ce vieil oiseau est triste");
  EXPECT_EQ(french(copula(np("the", "tree", false, "beautiful"), "green")),
            "le bel arbre est vert");
  EXPECT_EQ(english(copula(np("a", "bird", false, "old"), "sad")), "an old bird is sad");
  EXPECT_EQ(english(copula(np("a", "apple"), "red")), "an apple is red");
  Clause c = withPronoun("I", "like", np("the", "egg"));
  EXPECT_EQ(french(c), "j' aime l' œuf");
}

TEST(DataToyFr, ThreeTensesWithConjugation) {
  Clause c = withPronoun("we", "take", np("the", "key"));
  EXPECT_EQ(english(c), "we take the key");
  EXPECT_EQ(french(c), "nous prenons la clé");
  c.tense = Tense::Past;
  EXPECT_EQ(english(c), "we took the key");
  EXPECT_EQ(french(c), "nous avons pris la clé");
  c.tense = Tense::Future;
  EXPECT_EQ(english(c), "we will take the key");
  EXPECT_EQ(french(c), "nous prendrons la clé");
  c.pronoun = &pronoun("I");
  c.tense = Tense::Past;
  EXPECT_EQ(french(c), "j' ai pris la clé");
}

TEST(DataToyFr, NegationWrapsTheVerbAndIndefinitesBecomeDe) {
  Clause c = transitive(np("the", "girl"), "eat", np("a", "apple"), Tense::Present, true);
  EXPECT_EQ(english(c), "the girl does not eat an apple");
  EXPECT_EQ(french(c), "la fille ne mange pas de pomme");
  c = transitive(np("the", "boy", true), "like", np("a", "orange", true), Tense::Past, true);
  EXPECT_EQ(english(c), "the boys did not like any oranges");
  EXPECT_EQ(french(c), "les garçons n' ont pas aimé d' oranges");
  c = withPronoun("he", "see", np("my", "horse", true), Tense::Future, true);
  EXPECT_EQ(english(c), "he will not see my horses");
  EXPECT_EQ(french(c), "il ne verra pas mes chevaux");
}

TEST(DataToyFr, PluralIndefiniteBeforePreposedAdjectiveIsDe) {
  const Clause c = withPronoun("she", "find", np("a", "cat", true, "small"));
  EXPECT_EQ(english(c), "she finds some small cats");
  EXPECT_EQ(french(c), "elle trouve de petits chats");
}

TEST(DataToyFr, PlacesTimesAndConnectors) {
  Clause a = withPronoun("they", "watch", np("the", "bird", true), Tense::Past);
  a.preposition = &preposition("in front of");
  a.place = np("the", "house");
  a.adverb = &adverb("yesterday");
  Clause b = copula(np("the", "cow"), "tired", Tense::Future, true);
  b.adverb = &adverb("next week");
  const Sentence s{{a, b}, {Connector::But}};
  EXPECT_EQ(english(s),
            "they watched the birds in front of the house yesterday but the cow will not be "
            "tired next week");
  EXPECT_EQ(french(s),
            "ils ont regardé les oiseaux devant la maison hier mais la vache ne sera pas "
            "fatiguée la semaine prochaine");
}

TEST(DataToyFr, UnknownWordsAreErrors) {
  EXPECT_THROW(noun("spaceship"), Error);
  EXPECT_THROW(verb("fly"), Error);
}

TEST(DataToyFrTask, FrenchIsAFunctionOfEnglish) {
  // Many random one-clause sentences: short ones come up again and again, and every time an
  // English sentence comes up it must have the same French, or no model could learn the task.
  Random rng(1);
  std::map<std::string, std::string> frenchOf;
  int repeats = 0;
  for (int i = 0; i < 50000; ++i) {
    const Sentence s = sampleSentence(rng, 1);
    const auto [it, inserted] = frenchOf.emplace(english(s), french(s));
    repeats += !inserted;
    ASSERT_EQ(it->second, french(s)) << "\"" << it->first << "\" has two translations";
  }
  EXPECT_GT(repeats, 100);  // the check had collisions to look at
}

TEST(DataToyFrTask, VocabulariesAreRealAndFrenchIsRicher) {
  const auto task = makeTask("toy-fr");
  TaskConfig c = task->defaultConfig();
  c.trainSize = 5000;
  const Dataset d = task->generate(c);
  std::set<std::string> english, french;
  for (const Example& e : d.train) {
    for (const auto& w : tokenize(e.source, TokenizerKind::Word)) english.insert(w);
    for (const auto& w : tokenize(e.target, TokenizerKind::Word)) french.insert(w);
  }
  // Agreement and conjugation multiply the French forms.
  EXPECT_GT(english.size(), 150u);
  EXPECT_GT(french.size(), english.size());
}

TEST(DataToyFrTask, LongSentencesOnRequest) {
  const auto task = makeTask("toy-fr");
  TaskConfig c = task->defaultConfig();
  c.trainSize = 200;
  c.validationSize = c.testSize = 20;
  c.minLength = 25;
  c.maxLength = 40;
  for (const Example& e : task->generate(c).train) {
    const auto n = tokenize(e.source, TokenizerKind::Word).size();
    EXPECT_GE(n, 25u);
    EXPECT_LE(n, 40u);
  }
}

}  // namespace
}  // namespace attn::data::toyfr
