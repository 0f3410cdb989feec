// The toy-fr grammar: a sentence as a small tree (clauses of subject, verb, object, place,
// time), written out in English and in French. French is where the lessons are: adjectives
// that follow the noun (the green car -> la voiture verte) while a few precede it (petit,
// grand, bon...), gender and number agreement of determiners and adjectives, possessives that
// agree with the thing owned (her car -> sa voiture), conjugation in three tenses, ne ... pas,
// pas de after a negation, and elision (l' arbre, j' ai, n' aime, cet oiseau, mon école).
// Elided words are separate tokens ("l'", "j'"), as French tokenizers usually cut them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data/tasks/toyfr_lexicon.h"
#include "util/random.h"

namespace attn::data::toyfr {

struct NounPhrase {
  const Determiner* determiner = nullptr;
  const Adjective* preposed = nullptr;   // one that French puts before the noun (petit)
  const Adjective* postposed = nullptr;  // one that French puts after it (vert)
  const Noun* noun = nullptr;
  bool plural = false;
};

struct Clause {
  const Pronoun* pronoun = nullptr;  // the subject is a pronoun, or else `subject`
  NounPhrase subject;
  Tense tense = Tense::Present;
  bool negative = false;
  // A transitive clause has a verb and an object; a copular one ("is happy") a predicate.
  const Verb* verb = nullptr;
  NounPhrase object;
  const Adjective* predicate = nullptr;
  bool very = false;                         // "very" / "très" before the predicate
  const Preposition* preposition = nullptr;  // optional place or company
  NounPhrase place;
  const Adverb* adverb = nullptr;  // optional time, at the end
};

enum class Connector { And, But };

struct Sentence {
  std::vector<Clause> clauses;
  std::vector<Connector> connectors;  // one fewer than clauses
};

// Words rendered, joined by single spaces, all lower case except "I".
std::string english(const Sentence& sentence);
std::string french(const Sentence& sentence);
std::string english(const Clause& clause);
std::string french(const Clause& clause);

// A random sentence of `clauses` clauses, each word chosen so the pairs make sense
// (people and animals eat food, one is in a place, on a table...).
Sentence sampleSentence(Random& rng, int clauses);

// Lexicon entries by their English word (the singular for nouns, the base form for verbs,
// "a"/"the"/"this" for determiners). Throw attn::Error for a word that is not in the lexicon.
const Noun& noun(std::string_view english);
const Adjective& adjective(std::string_view english);
const Determiner& determiner(std::string_view english);
const Pronoun& pronoun(std::string_view english);
const Verb& verb(std::string_view english);
const Preposition& preposition(std::string_view english);
const Adverb& adverb(std::string_view english);

// French elision, applied to a whole rendered sentence: le/la -> l', je -> j', ne -> n',
// de -> d', ce -> cet, ma/sa -> mon/son before a vowel or a mute h.
void applyElision(std::vector<std::string>& words);
bool startsWithVowelSound(std::string_view frenchWord);

}  // namespace attn::data::toyfr
