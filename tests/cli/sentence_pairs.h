// Real English-French sentence pairs for the end-to-end tests of real text: 288 short sentences
// (six subjects, four verbs, twelve things), each written out in both languages with French
// elision and agreement ("J'aime l'eau.", "Nous voulons la pomme."), made here rather than
// shipped as a file.
#pragma once

#include <string>
#include <vector>

namespace attn::test {

struct SentencePair {
  std::string english, french;
};

inline std::vector<SentencePair> englishFrenchPairs() {
  struct Subject {
    const char *en, *fr, *frVowel;
    int person;  // index into a verb's French forms
    bool third;  // English third person singular
  };
  const std::vector<Subject> subjects = {
      {"I", "Je", "J'", 0, false},       {"You", "Tu", "Tu ", 1, false},
      {"He", "Il", "Il ", 2, true},      {"We", "Nous", "Nous ", 3, false},
      {"They", "Ils", "Ils ", 5, false}, {"She", "Elle", "Elle ", 2, true},
  };
  struct Verb {
    const char *en, *en3;
    std::vector<const char*> fr;  // je, tu, il, nous, vous, ils
    bool vowel;                   // the French forms start with a vowel (elision of je)
  };
  const std::vector<Verb> verbs = {
      {"see", "sees", {"vois", "vois", "voit", "voyons", "voyez", "voient"}, false},
      {"like", "likes", {"aime", "aimes", "aime", "aimons", "aimez", "aiment"}, true},
      {"want", "wants", {"veux", "veux", "veut", "voulons", "voulez", "veulent"}, false},
      {"have", "has", {"ai", "as", "a", "avons", "avez", "ont"}, true},
  };
  const std::vector<std::pair<const char*, const char*>> things = {
      {"the cat", "le chat"},    {"the dog", "le chien"},   {"the house", "la maison"},
      {"the car", "la voiture"}, {"the book", "le livre"},  {"the apple", "la pomme"},
      {"the bread", "le pain"},  {"the water", "l'eau"},    {"the door", "la porte"},
      {"the bird", "l'oiseau"},  {"the table", "la table"}, {"the horse", "le cheval"},
  };
  std::vector<SentencePair> pairs;
  for (const auto& thing : things)
    for (const Verb& verb : verbs)
      for (const Subject& s : subjects) {
        const std::string en =
            std::string(s.en) + " " + (s.third ? verb.en3 : verb.en) + " " + thing.first + ".";
        const std::string subject =
            s.person == 0 && verb.vowel ? s.frVowel : std::string(s.fr) + " ";
        const std::string fr =
            subject + verb.fr[static_cast<size_t>(s.person)] + " " + thing.second + ".";
        pairs.push_back({en, fr});
      }
  return pairs;
}

}  // namespace attn::test
