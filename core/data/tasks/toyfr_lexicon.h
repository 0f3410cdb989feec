// The word lists of the toy-fr task (English -> French): nouns with their gender, adjectives
// with their four forms and their place, determiners, subject pronouns, verbs with the tenses
// the grammar uses, prepositions and time adverbs. Only data lives here; toyfr_grammar puts the
// words together and applies the agreement and elision rules.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace attn::data::toyfr {

enum class Gender { Masculine, Feminine };

// What a noun denotes, so verbs, adjectives and prepositions pick sensible partners.
enum Category : unsigned {
  Person = 1u << 0,
  Animal = 1u << 1,
  Object = 1u << 2,  // things one carries
  Food = 1u << 3,
  Drink = 1u << 4,
  Landmark = 1u << 5,  // big things one is on, under, behind: table, car, tree
  Place = 1u << 6,     // things one is in: garden, kitchen
  Living = Person | Animal,
  Physical = Person | Animal | Object | Food | Landmark,
};

struct Noun {
  std::string en, enPlural;
  std::string fr, frPlural;
  Gender gender;
  unsigned category;
  bool anInEnglish = false;  // "an orange"
  bool pluralizes = true;    // false for drinks: "the coffee", never "the coffees"
};

struct Adjective {
  std::string en;
  std::array<std::string, 4> fr;   // masculine singular, feminine singular, m. plural, f. plural
  bool beforeNoun;                 // petit, grand, bon...: "le petit chat"; the rest follow it
  unsigned categories;             // the nouns it can describe
  std::string frBeforeVowel = {};  // bel, vieil, nouvel: masculine singular before a vowel
  bool anInEnglish = false;        // "an old cat"
};

struct Determiner {
  std::string en, enPlural;  // "the"/"the", "a"/"some", "this"/"these"
  // masculine, feminine, plural, and the singular form before a vowel (l', cet, mon).
  std::string frMasculine, frFeminine, frPlural, frMasculineVowel, frFeminineVowel;
  bool indefinite = false;  // a/some: becomes "de" under negation ("pas de chat")
  bool singularOnly = false, pluralOnly = false;
};

struct Pronoun {
  std::string en, fr;
  int person;  // conjugation row: 0 je, 1 il/elle, 2 nous, 3 vous, 4 ils
  Gender gender;
  bool plural;
  bool takesPredicate;  // gender known, so "is happy" can agree: he, she, they (ils)
};

struct Verb {
  std::string enBase, enThird, enPast;   // see, sees, saw
  std::array<std::string, 5> frPresent;  // je, il, nous, vous, ils
  std::string frParticiple;              // vu (passé composé with avoir)
  std::string frFutureStem;              // verr- -> verrai, verra, verrons, verrez, verront
  unsigned objects;                      // categories of its direct object
};

struct Preposition {
  std::string en, fr;
  unsigned objects;
};

enum class Tense { Present, Past, Future };

struct Adverb {
  std::string en, fr;
  unsigned tenses;  // bit (1 << Tense) for each tense it goes with
};

const std::vector<Noun>& nouns();
const std::vector<Adjective>& adjectives();
const std::vector<Determiner>& determiners();
const std::vector<Pronoun>& pronouns();
const std::vector<Verb>& verbs();
const std::vector<Preposition>& prepositions();
const std::vector<Adverb>& adverbs();

// être and avoir, which the grammar conjugates itself: rows as in Verb::frPresent.
const std::array<std::string, 5>& etrePresent();    // suis, est, sommes, êtes, sont
const std::array<std::string, 5>& etreImperfect();  // étais, était, étions, étiez, étaient
const std::array<std::string, 5>& etreFuture();     // serai, sera, serons, serez, seront
const std::array<std::string, 5>& avoirPresent();   // ai, a, avons, avez, ont
const std::array<std::string, 5>& futureEndings();  // ai, a, ons, ez, ont

}  // namespace attn::data::toyfr
