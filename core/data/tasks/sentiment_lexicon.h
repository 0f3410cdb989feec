// The words of the sentiment task: what carries polarity (adjectives and verbs), what flips it
// (negators), what only strengthens it (intensifiers), what turns the sentence around (but,
// although), and neutral filler. The generator and the labelling rules share these lists, so
// the label of every generated sentence is the one the rules compute from its words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace attn::data::sentiment {

struct Topic {
  std::string words;  // "the movie", "the actors"
  bool plural;
};

struct Feeling {                  // a verb of liking or disliking, in the forms the grammar needs
  std::string base, third, past;  // love, loves, loved
  int polarity;                   // +1 or -1
};

struct Experiencer {  // who liked it
  std::string words;  // "i", "my sister"
  bool thirdSingular;
};

const std::vector<Topic>& topics();
const std::vector<std::string>& positiveAdjectives();
const std::vector<std::string>& negativeAdjectives();
const std::vector<Feeling>& feelings();
const std::vector<Experiencer>& experiencers();
const std::vector<std::string>& intensifiers();      // very, extremely... (before an adjective)
const std::vector<std::string>& verbIntensifiers();  // really, truly... (before a verb)
const std::vector<std::string>& experienceNouns();   // "it was a great evening"
const std::vector<std::string>& openers();           // "honestly ,"
const std::vector<std::string>& neutralClauses();    // "we saw it last weekend"
const std::vector<std::string>& closers();           // "last night"

// +1 / -1 for a word that carries polarity, 0 otherwise.
int polarityOf(std::string_view word);
// not, never and the n't contractions.
bool isNegator(std::string_view word);

}  // namespace attn::data::sentiment
