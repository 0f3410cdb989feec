// Writing a toy-fr sentence tree out in English and in French (the rules of toyfr_grammar.h).
#include <algorithm>

#include "data/tasks/toyfr_grammar.h"
#include "util/check.h"

namespace attn::data::toyfr {

namespace {

using Words = std::vector<std::string>;

void append(Words& out, const std::string& phrase) {
  // Multi-word entries ("in front of", "tous les jours") become separate tokens.
  size_t start = 0;
  while (start <= phrase.size()) {
    size_t space = phrase.find(' ', start);
    if (space == std::string::npos) space = phrase.size();
    if (space > start) out.push_back(phrase.substr(start, space - start));
    start = space + 1;
  }
}

std::string join(const Words& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

int adjectiveForm(Gender g, bool plural) {
  return (plural ? 2 : 0) + (g == Gender::Feminine ? 1 : 0);
}

// English third person singular: "he sees", "the cat sees", but "I see", "the cats see".
bool thirdSingular(const Clause& c) {
  return c.pronoun ? c.pronoun->person == 1 : !c.subject.plural;
}

// The French conjugation row: je, il/elle, nous, vous, ils/elles.
int frenchPerson(const Clause& c) {
  return c.pronoun ? c.pronoun->person : (c.subject.plural ? 4 : 1);
}

// `negated`: the object of a negated verb, where English says "any" and French "de".
void englishNounPhrase(const NounPhrase& np, bool negated, Words& out) {
  ATTN_CHECK(np.determiner && np.noun, "toy-fr noun phrase without determiner or noun");
  const Determiner& d = *np.determiner;
  std::string det = np.plural ? d.enPlural : d.en;
  if (d.indefinite && np.plural && negated) det = "any";
  if (det == "a") {
    // English puts every adjective before the noun: the first word after "a" decides.
    const bool vowel = np.preposed    ? np.preposed->anInEnglish
                       : np.postposed ? np.postposed->anInEnglish
                                      : np.noun->anInEnglish;
    if (vowel) det = "an";
  }
  out.push_back(det);
  if (np.preposed) out.push_back(np.preposed->en);
  if (np.postposed) out.push_back(np.postposed->en);
  append(out, np.plural ? np.noun->enPlural : np.noun->en);
}

void frenchNounPhrase(const NounPhrase& np, bool negated, Words& out) {
  ATTN_CHECK(np.determiner && np.noun, "toy-fr noun phrase without determiner or noun");
  const Determiner& d = *np.determiner;
  const Noun& n = *np.noun;
  const bool fem = n.gender == Gender::Feminine;
  if (d.indefinite && (negated || (np.plural && np.preposed))) {
    // "pas de chat"; and des -> de before a preposed adjective: "de petits chats".
    out.push_back("de");
  } else if (np.plural) {
    out.push_back(d.frPlural);
  } else {
    // The vowel forms (l', cet, mon) are chosen by applyElision from the next word.
    out.push_back(fem ? d.frFeminine : d.frMasculine);
  }
  const std::string& noun = np.plural ? n.frPlural : n.fr;
  if (np.preposed) {
    const Adjective& a = *np.preposed;
    const bool useVowelForm =
        !a.frBeforeVowel.empty() && !fem && !np.plural && startsWithVowelSound(noun);
    out.push_back(useVowelForm ? a.frBeforeVowel : a.fr[adjectiveForm(n.gender, np.plural)]);
  }
  out.push_back(noun);
  if (np.postposed) out.push_back(np.postposed->fr[adjectiveForm(n.gender, np.plural)]);
}

void englishClause(const Clause& c, Words& out) {
  if (c.pronoun)
    out.push_back(c.pronoun->en);
  else
    englishNounPhrase(c.subject, false, out);
  const bool third = thirdSingular(c);
  const bool firstSingular = c.pronoun && c.pronoun->person == 0;
  if (c.verb) {
    const Verb& v = *c.verb;
    switch (c.tense) {
      case Tense::Present:
        if (c.negative)
          append(out, std::string(third ? "does" : "do") + " not " + v.enBase);
        else
          out.push_back(third ? v.enThird : v.enBase);
        break;
      case Tense::Past:
        if (c.negative)
          append(out, "did not " + v.enBase);
        else
          out.push_back(v.enPast);
        break;
      case Tense::Future:
        append(out, std::string("will ") + (c.negative ? "not " : "") + v.enBase);
    }
    englishNounPhrase(c.object, c.negative, out);
  } else {
    ATTN_CHECK(c.predicate, "toy-fr clause with neither verb nor predicate");
    switch (c.tense) {
      case Tense::Present:
        out.push_back(firstSingular ? "am" : third ? "is" : "are");
        break;
      case Tense::Past:
        out.push_back(firstSingular || third ? "was" : "were");
        break;
      case Tense::Future:
        out.push_back("will");
        break;
    }
    if (c.negative) out.push_back("not");
    if (c.tense == Tense::Future) out.push_back("be");
    if (c.very) out.push_back("very");
    out.push_back(c.predicate->en);
  }
  if (c.preposition) {
    append(out, c.preposition->en);
    englishNounPhrase(c.place, false, out);
  }
  if (c.adverb) append(out, c.adverb->en);
}

void frenchClause(const Clause& c, Words& out) {
  if (c.pronoun)
    out.push_back(c.pronoun->fr);
  else
    frenchNounPhrase(c.subject, false, out);
  const int person = frenchPerson(c);
  // The finite verb, wrapped in ne ... pas when negative; the participle follows "pas".
  const auto finite = [&](const std::string& form) {
    if (c.negative) out.push_back("ne");
    out.push_back(form);
    if (c.negative) out.push_back("pas");
  };
  if (c.verb) {
    const Verb& v = *c.verb;
    switch (c.tense) {
      case Tense::Present:
        finite(v.frPresent[person]);
        break;
      case Tense::Past:
        finite(avoirPresent()[person]);  // passé composé: avoir + participle
        out.push_back(v.frParticiple);
        break;
      case Tense::Future:
        finite(v.frFutureStem + futureEndings()[person]);
        break;
    }
    frenchNounPhrase(c.object, c.negative, out);
  } else {
    // The past of "is" in a description is the imperfect: "il était fatigué".
    const auto& forms = c.tense == Tense::Present ? etrePresent()
                        : c.tense == Tense::Past  ? etreImperfect()
                                                  : etreFuture();
    finite(forms[person]);
    if (c.very) out.push_back("très");
    const Gender g = c.pronoun ? c.pronoun->gender : c.subject.noun->gender;
    const bool plural = c.pronoun ? c.pronoun->plural : c.subject.plural;
    out.push_back(c.predicate->fr[adjectiveForm(g, plural)]);
  }
  if (c.preposition) {
    append(out, c.preposition->fr);
    frenchNounPhrase(c.place, false, out);
  }
  if (c.adverb) append(out, c.adverb->fr);
}

template <class Fn>
std::string renderSentence(const Sentence& s, Fn&& clause, const char* andWord, const char* butWord,
                           bool elide) {
  ATTN_CHECK(!s.clauses.empty() && s.connectors.size() + 1 == s.clauses.size(),
             "toy-fr sentence needs one connector between each pair of clauses");
  Words words;
  for (size_t i = 0; i < s.clauses.size(); ++i) {
    if (i > 0) words.push_back(s.connectors[i - 1] == Connector::And ? andWord : butWord);
    clause(s.clauses[i], words);
  }
  if (elide) applyElision(words);
  return join(words);
}

}  // namespace

bool startsWithVowelSound(std::string_view w) {
  // The lexicon has no aspirated h (no "le héros"), so every h is mute.
  static const char* const kVowels[] = {"a", "e", "i", "o", "u", "h", "é",
                                        "è", "ê", "â", "î", "ô", "û", "œ"};
  return std::any_of(std::begin(kVowels), std::end(kVowels),
                     [&](const char* v) { return w.starts_with(v); });
}

void applyElision(Words& words) {
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (!startsWithVowelSound(words[i + 1])) continue;
    std::string& w = words[i];
    if (w == "le" || w == "la")
      w = "l'";
    else if (w == "je")
      w = "j'";
    else if (w == "ne")
      w = "n'";
    else if (w == "de")
      w = "d'";
    else if (w == "ce")
      w = "cet";
    else if (w == "ma")
      w = "mon";
    else if (w == "sa")
      w = "son";
  }
}

std::string english(const Clause& c) {
  return english(Sentence{{c}, {}});
}
std::string french(const Clause& c) {
  return french(Sentence{{c}, {}});
}

std::string english(const Sentence& s) {
  return renderSentence(s, englishClause, "and", "but", false);
}

std::string french(const Sentence& s) {
  return renderSentence(s, frenchClause, "et", "mais", true);
}

}  // namespace attn::data::toyfr
